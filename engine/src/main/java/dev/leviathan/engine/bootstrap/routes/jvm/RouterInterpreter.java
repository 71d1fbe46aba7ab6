package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates router-function {@link Term}s to routes, as Spring would build them: the
 * {@code RouterFunctions.route()} builder ({@code GET/POST/...}, {@code route}, {@code add},
 * {@code nest}, {@code path}, {@code build}), the older {@code route(predicate, handler)} with
 * {@code and}/{@code andRoute}/{@code andNest}/{@code nest}, {@code RequestPredicates}, and the
 * Kotlin {@code router { }}/{@code coRouter { }} DSLs. Paths are evaluated with the
 * {@link ConstantEvaluator} in the scope the code is written in. A call or method reference naming
 * a method with router code of its own ({@code add(otherRoutes())}, {@code path("/api", this::api)})
 * is followed through {@link Methods}. Everything not understood gives no route, except where it
 * stands for routes under a known prefix ({@code nest(path("/api"), props.routes())}): then one
 * unresolved {@code ANY} route marks the prefix.
 */
final class RouterInterpreter {

    static final String ANONYMOUS = "<anonymous>";
    private static final Set<String> VERBS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    /** Predicates that say nothing about method or path. */
    private static final Set<String> NEUTRAL_PREDICATES = Set.of("accept", "contentType", "headers", "queryParam",
            "param", "pathExtension", "attribute", "attributes", "version");
    private static final Set<String> HTTP_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
            "OPTIONS", "TRACE");
    private static final int MAX_DEPTH = 64;
    private static final int MAX_HANDLER_LENGTH = 200;

    private final ConstantEvaluator constants;
    private final Scope scope;
    private final Methods methods;
    private final String source;
    private int depth;

    RouterInterpreter(ConstantEvaluator constants, Scope scope, Methods methods) {
        this.constants = constants;
        this.scope = scope;
        this.methods = methods;
        this.source = scope.file().source();
    }

    /**
     * Router functions written in other methods, found by the name a call or method reference
     * gives ({@code qualifier} is null for an unqualified name, {@code this}, or a type's name).
     */
    interface Methods {

        /** The router function the method returns, or null when it holds no router code (or is being read). */
        RouterDefinition returned(Scope scope, String qualifier, String name, int arity);

        /**
         * Adds what the method adds to its {@code Builder} parameter to {@code given}; false
         * when there is no such method.
         */
        boolean filled(Scope scope, String qualifier, String name, int arity, RouterDefinition given);
    }

    /** Locals and lambda parameters: a {@link RouterDefinition}, or the {@link Term} a name was bound to. */
    static final class Locals {
        private final Locals parent;
        private final Map<String, Object> values = new HashMap<>();

        Locals(Locals parent) {
            this.parent = parent;
        }

        Object get(String name) {
            for (Locals l = this; l != null; l = l.parent) {
                if (l.values.containsKey(name)) {
                    return l.values.get(name);
                }
            }
            return null;
        }

        void bind(String name, Object value) {
            values.put(name, value);
        }
    }

    /** The router function or builder {@code term} makes, or null when it is not one this class knows. */
    RouterDefinition router(Term term, Locals locals) {
        if (depth >= MAX_DEPTH) {
            return null;
        }
        depth++;
        try {
            return switch (term) {
                case Term.Constant c when c.expr() instanceof Expr.Reference r -> bound(r.name(), locals);
                case Term.Call call -> call(call, locals);
                case Term.Lambda lambda when lambda.params().isEmpty() -> supplied(lambda, locals);
                case Term.MethodRef ref -> referenced(ref) instanceof String qualifier
                        ? methods.returned(scope, qualifier.isEmpty() ? null : qualifier, ref.member(), 0) : null;
                default -> null;
            };
        } finally {
            depth--;
        }
    }

    /** Statements of a method or lambda body: locals are bound, the value of the last one that makes routes is it. */
    private RouterDefinition block(List<Term> statements, Locals locals) {
        RouterDefinition last = null;
        for (Term statement : statements) {
            switch (statement) {
                case Term.Local local -> bindLocal(local, locals);
                case Term.Branches branches -> {
                    for (List<Term> block : branches.blocks()) {
                        RouterDefinition inner = block(block, new Locals(locals));
                        last = inner != null ? inner : last;
                    }
                }
                default -> {
                    RouterDefinition value = router(statement, locals);
                    last = value != null ? value : last;
                }
            }
        }
        return last;
    }

    void bindLocal(Term.Local local, Locals locals) {
        RouterDefinition value = router(local.value(), locals);
        locals.bind(local.name(), value != null ? value : local.value());
    }

    private RouterDefinition bound(String name, Locals locals) {
        Object value = locals.get(name);
        if (value instanceof RouterDefinition definition) {
            return definition;
        }
        return value instanceof Term term ? router(term, locals) : null;
    }

    private RouterDefinition supplied(Term.Lambda lambda, Locals locals) {
        return block(lambda.body(), new Locals(locals));
    }

    /**
     * A chain {@code route().GET(...).POST(...).build()} is evaluated link by link from where it
     * starts, not by recursion on receivers: one builder chain may declare hundreds of routes.
     */
    private RouterDefinition call(Term.Call call, Locals locals) {
        Deque<Term.Call> links = new ArrayDeque<>();
        Term start = call;
        while (start instanceof Term.Call link && !isStart(link)) {
            links.push(link);
            start = link.receiver();
        }
        RouterDefinition value = start instanceof Term.Call first ? started(first, locals) : router(start, locals);
        if (value == null && !(start instanceof Term.Call) && !links.isEmpty() && qualifier(start) != null) {
            // this.apiRoutes().and(...), ApiRoutes.all(): a method of the class or a static one
            value = followed(links.pop(), locals);
        }
        while (value != null && !links.isEmpty()) {
            value = link(value, links.pop(), locals);
        }
        return value;
    }

    private static boolean isStart(Term.Call call) {
        return call.receiver() == null || isClass(call.receiver(), "RouterFunctions");
    }

    /** {@code route()}, {@code route(predicate, handler)}, {@code nest(...)}, {@code router { }}: unqualified or on RouterFunctions. */
    private RouterDefinition started(Term.Call call, Locals locals) {
        List<Term> args = call.args();
        return switch (call.name()) {
            case "route" -> args.isEmpty() ? new RouterDefinition()
                    : args.size() == 2 ? new RouterDefinition(routes(args.get(0), args.get(1), call.line(), locals))
                    : null;
            case "nest" -> args.size() == 2
                    ? new RouterDefinition(nested(predicate(args.get(0), locals), args.get(1), locals)) : null;
            case "router", "coRouter" -> args.size() == 1 && args.get(0) instanceof Term.Lambda lambda
                    ? dsl(lambda, locals) : null;
            default -> call.receiver() == null ? followed(call, locals) : null;
        };
    }

    /**
     * A call of another method: one given a builder of ours ({@code apiRoutes(builder)}) fills
     * it; else what the method returns.
     */
    private RouterDefinition followed(Term.Call call, Locals locals) {
        String qualifier = call.receiver() == null ? null : qualifier(call.receiver());
        if (call.receiver() != null && qualifier == null) {
            return null;
        }
        int arity = call.args().size();
        for (Term arg : call.args()) {
            if (arg instanceof Term.Constant c && c.expr() instanceof Expr.Reference r
                    && locals.get(r.name()) instanceof RouterDefinition given
                    && methods.filled(scope, qualifier, call.name(), arity, given)) {
                return given;
            }
        }
        return methods.returned(scope, qualifier, call.name(), arity);
    }

    /** {@code this} or a type's (dotted) name, as a receiver whose methods can be followed; null for anything else. */
    private static String qualifier(Term receiver) {
        return receiver instanceof Term.Constant c && c.expr() instanceof Expr.Reference r && followable(r.name())
                ? r.name() : null;
    }

    /**
     * The qualifier of {@code this::m} or {@code Type::m} ("" for Kotlin's {@code ::m}), or null
     * for an object's ({@code h::m}).
     */
    private String referenced(Term.MethodRef ref) {
        String raw = raw(ref);
        int colons = raw.indexOf("::");
        String receiver = colons < 0 ? "" : raw.substring(0, colons).strip();
        return receiver.isEmpty() || followable(receiver) ? receiver : null;
    }

    /**
     * {@code this}, or a name whose last part is capitalized, as types are named: an object
     * ({@code handler.routes()}) is not followed, as which class it is is not known here.
     */
    private static boolean followable(String receiver) {
        String last = receiver.substring(receiver.lastIndexOf('.') + 1);
        return receiver.equals("this") || !last.isEmpty() && Character.isUpperCase(last.charAt(0));
    }

    /** {@code receiver.name(args)} on a builder or router function. */
    private RouterDefinition link(RouterDefinition receiver, Term.Call call, Locals locals) {
        List<Term> args = call.args();
        String name = call.name();
        if (VERBS.contains(name) && !args.isEmpty()) {
            receiver.routes.addAll(verb(name, args, call.line(), locals));
            return receiver;
        }
        return switch (name) {
            case "route" -> {
                if (args.size() == 2) {
                    receiver.routes.addAll(routes(args.get(0), args.get(1), call.line(), locals));
                }
                yield receiver;
            }
            case "add" -> {
                if (args.size() == 1) {
                    receiver.routes.addAll(composed(args.get(0), locals));
                }
                yield receiver;
            }
            case "nest", "path" -> {
                if (args.size() == 2) {
                    RoutePredicate prefix = name.equals("path") ? pathPredicate(args.get(0), locals)
                            : predicate(args.get(0), locals);
                    receiver.routes.addAll(nested(prefix, args.get(1), locals));
                }
                yield receiver;
            }
            case "and", "andOther" -> args.size() == 1 ? joined(receiver, composed(args.get(0), locals)) : receiver;
            case "andRoute" -> args.size() == 2
                    ? joined(receiver, routes(args.get(0), args.get(1), call.line(), locals)) : receiver;
            case "andNest" -> args.size() == 2
                    ? joined(receiver, nested(predicate(args.get(0), locals), args.get(1), locals)) : receiver;
            // build(), filter(...), before(...), after(...), onError(...), withAttribute(...): same routes.
            default -> receiver;
        };
    }

    private static RouterDefinition joined(RouterDefinition receiver, List<RouteSpec> more) {
        RouterDefinition result = new RouterDefinition(receiver.routes);
        result.routes.addAll(more);
        receiver.composed = true;
        return result;
    }

    /** The routes of another router function made part of this one; none when it is not known here. */
    private List<RouteSpec> composed(Term term, Locals locals) {
        RouterDefinition other = router(term, locals);
        if (other == null) {
            return List.of();
        }
        other.composed = true;
        return other.routes;
    }

    /**
     * The routes of {@code inner} (a router function, a supplier of one, or a lambda given a
     * fresh builder) under {@code prefix}. An inner part not known here still marks the prefix
     * with one unresolved route: the routes exist, at paths under it.
     */
    private List<RouteSpec> nested(RoutePredicate prefix, Term inner, Locals locals) {
        RouterDefinition nested;
        if (inner instanceof Term.Lambda lambda && lambda.params().size() <= 1) {
            // A Consumer<Builder> fills the builder it is given (Kotlin's may call it `it`); a
            // Supplier<RouterFunction> returns one of its own.
            RouterDefinition given = new RouterDefinition();
            Locals scope = new Locals(locals);
            scope.bind(lambda.params().isEmpty() ? "it" : lambda.params().get(0), given);
            RouterDefinition returned = block(lambda.body(), scope);
            nested = returned != null && returned != given && given.routes.isEmpty() ? returned : given;
            if (returned == null && given.routes.isEmpty()) {
                nested = null;
            }
        } else if (inner instanceof Term.MethodRef ref && filledBy(ref) instanceof RouterDefinition filled) {
            nested = filled;
        } else {
            nested = router(inner, locals);
        }
        if (nested == null) {
            String raw = raw(inner);
            return prefix.nest(List.of(new RouteSpec(List.of(), PathValue.unknown(raw), handler(inner), inner.line(),
                    null)));
        }
        nested.composed = true;
        return prefix.nest(nested.routes);
    }

    /**
     * What a {@code Consumer<Builder>} reference ({@code this::apiRoutes}) adds to a fresh
     * builder; null when it names no such method.
     */
    private RouterDefinition filledBy(Term.MethodRef ref) {
        String qualifier = referenced(ref);
        RouterDefinition given = new RouterDefinition();
        return qualifier != null
                && methods.filled(scope, qualifier.isEmpty() ? null : qualifier, ref.member(), 1, given) ? given : null;
    }

    /** {@code route(predicate, handler)}, {@code andRoute(...)}, the builder's {@code route(...)}. */
    private List<RouteSpec> routes(Term predicate, Term handler, int line, Locals locals) {
        return predicate(predicate, locals).routes(handler(handler), line);
    }

    /**
     * A builder's or the DSL's {@code GET(...)}: the handler last, before it an optional pattern
     * first and optional predicates ({@code GET("/a", accept(JSON), h::list)}, {@code GET(h::all)}).
     */
    private List<RouteSpec> verb(String verb, List<Term> args, int line, Locals locals) {
        Term handler = args.get(args.size() - 1);
        PathValue pattern = null;
        RoutePredicate predicate = RoutePredicate.any(line);
        for (int i = 0; i < args.size() - 1; i++) {
            Term arg = args.get(i);
            if (i == 0 && (args.size() == 3 || !isPredicate(arg, locals))) {
                pattern = path(arg, locals);
            } else {
                predicate = predicate.and(predicate(arg, locals));
            }
        }
        return RoutePredicate.of(List.of(verb), pattern, line).and(predicate).routes(handler(handler), line);
    }

    /** Whether an argument before a handler is a predicate rather than a path pattern. */
    private boolean isPredicate(Term arg, Locals locals) {
        return switch (arg) {
            case Term.Call call -> call.receiver() == null || isClass(call.receiver(), "RequestPredicates")
                    ? VERBS.contains(call.name()) || NEUTRAL_PREDICATES.contains(call.name())
                            || Set.of("path", "method", "methods", "all", "not").contains(call.name())
                    : Set.of("and", "or", "negate").contains(call.name());
            case Term.Binary binary -> !binary.operator().equals("+");
            case Term.Not not -> true;
            case Term.Constant c when c.expr() instanceof Expr.Reference r -> locals.get(r.name()) instanceof Term t
                    && isPredicate(t, locals);
            default -> false;
        };
    }

    /** The Kotlin DSL: {@code router { GET("/a", h::a); "/api".nest { ... } }}. */
    private RouterDefinition dsl(Term.Lambda lambda, Locals locals) {
        RouterDefinition target = new RouterDefinition();
        dslBody(lambda.body(), target, new Locals(locals));
        return target;
    }

    private void dslBody(List<Term> statements, RouterDefinition target, Locals locals) {
        for (Term statement : statements) {
            switch (statement) {
                case Term.Local local -> bindLocal(local, locals);
                case Term.Branches branches -> {
                    for (List<Term> block : branches.blocks()) {
                        dslBody(block, target, new Locals(locals));
                    }
                }
                case Term.Call call -> dslCall(call, target, locals);
                default -> {
                }
            }
        }
    }

    private void dslCall(Term.Call call, RouterDefinition target, Locals locals) {
        List<Term> args = call.args();
        Term last = args.isEmpty() ? null : args.get(args.size() - 1);
        if (depth >= MAX_DEPTH) {
            return;
        }
        depth++;
        try {
            if (call.receiver() == null && VERBS.contains(call.name()) && last != null
                    && (args.size() >= 2 || isHandler(last))) {
                target.routes.addAll(verb(call.name(), args, call.line(), locals));
            } else if (call.receiver() == null && args.size() == 1 && locals.get(call.name()) instanceof Term bound) {
                // val api = GET("/a") or GET("/b"); api { ... }: a local predicate invoked
                target.routes.addAll(predicate(bound, locals).routes(handler(last), call.line()));
            } else if (call.receiver() == null && call.name().equals("add") && args.size() == 1) {
                target.routes.addAll(composed(args.get(0), locals));
            } else if (call.receiver() != null && call.name().equals("nest") && last instanceof Term.Lambda lambda) {
                RouterDefinition nested = new RouterDefinition();
                dslBody(lambda.body(), nested, new Locals(locals));
                target.routes.addAll(predicate(call.receiver(), locals).nest(nested.routes));
            } else if (call.receiver() != null && call.name().equals("invoke") && args.size() == 1) {
                target.routes.addAll(predicate(call.receiver(), locals).routes(handler(last), call.line()));
            } else if (last instanceof Term.Lambda lambda && !Set.of("filter", "before", "after", "onError",
                    "resources", "render").contains(call.name())) {
                // listOf(...).forEach { GET(it, h) }, run { ... }: the block still declares on this router
                dslBody(lambda.body(), target, new Locals(locals));
            }
        } finally {
            depth--;
        }
    }

    private static boolean isHandler(Term term) {
        return term instanceof Term.Lambda || term instanceof Term.MethodRef;
    }

    /** The {@code RequestPredicate} a term makes; a string is {@code path(string)} (Kotlin's {@code "/api".nest}). */
    RoutePredicate predicate(Term term, Locals locals) {
        if (depth >= MAX_DEPTH) {
            return RoutePredicate.unknown(raw(term), term.line());
        }
        depth++;
        try {
            return switch (term) {
                case Term.Constant c when c.expr() instanceof Expr.Reference r -> {
                    Object value = locals.get(r.name());
                    if (value instanceof Term bound) {
                        yield predicate(bound, locals);
                    }
                    // Kotlin's BASE.nest { ... } with const val BASE = "/api"
                    PathValue constant = value == null ? constants.value(c.expr(), scope) : null;
                    yield constant != null && constant.resolved() ? RoutePredicate.of(List.of(), constant, c.line())
                            : RoutePredicate.unknown(raw(term), term.line());
                }
                case Term.Constant c -> RoutePredicate.of(List.of(), path(c, locals), c.line());
                case Term.Binary b when b.operator().equals("and") ->
                        predicate(b.left(), locals).and(predicate(b.right(), locals));
                case Term.Binary b when b.operator().equals("or") ->
                        predicate(b.left(), locals).or(predicate(b.right(), locals));
                case Term.Not not -> predicate(not.operand(), locals).negate(raw(term), term.line());
                case Term.Call call -> predicateCall(call, locals);
                default -> RoutePredicate.unknown(raw(term), term.line());
            };
        } finally {
            depth--;
        }
    }

    private RoutePredicate predicateCall(Term.Call call, Locals locals) {
        List<Term> args = call.args();
        String name = call.name();
        if (call.receiver() == null || isClass(call.receiver(), "RequestPredicates")) {
            if (VERBS.contains(name) && args.size() == 1) {
                return RoutePredicate.of(List.of(name), path(args.get(0), locals), call.line());
            }
            if (name.equals("path") && args.size() == 1) {
                return RoutePredicate.of(List.of(), path(args.get(0), locals), call.line());
            }
            if ((name.equals("method") || name.equals("methods")) && !args.isEmpty()) {
                return methods(call, locals);
            }
            if (name.equals("all") && args.isEmpty() || NEUTRAL_PREDICATES.contains(name)) {
                return RoutePredicate.any(0);
            }
            if (name.equals("not") && args.size() == 1) {
                return predicate(args.get(0), locals).negate(raw(call), call.line());
            }
            return RoutePredicate.unknown(raw(call), call.line());
        }
        return switch (name) {
            case "and" -> args.size() == 1 ? predicate(call.receiver(), locals).and(predicate(args.get(0), locals))
                    : RoutePredicate.unknown(raw(call), call.line());
            case "or" -> args.size() == 1 ? predicate(call.receiver(), locals).or(predicate(args.get(0), locals))
                    : RoutePredicate.unknown(raw(call), call.line());
            case "negate", "not" -> predicate(call.receiver(), locals).negate(raw(call), call.line());
            default -> RoutePredicate.unknown(raw(call), call.line());
        };
    }

    private RoutePredicate pathPredicate(Term pattern, Locals locals) {
        return RoutePredicate.of(List.of(), path(pattern, locals), pattern.line());
    }

    /** {@code method(HttpMethod.GET)}, {@code methods(HttpMethod.GET, HttpMethod.HEAD)}. */
    private RoutePredicate methods(Term.Call call, Locals locals) {
        List<String> methods = new ArrayList<>();
        for (Term arg : call.args()) {
            String name = arg instanceof Term.Constant c && c.expr() instanceof Expr.Reference r
                    ? r.name().substring(r.name().lastIndexOf('.') + 1) : null;
            if (name == null || !HTTP_METHODS.contains(name)) {
                return RoutePredicate.unknown(raw(call), call.line());
            }
            if (!methods.contains(name)) {
                methods.add(name);
            }
        }
        return RoutePredicate.of(methods, null, call.line());
    }

    /** A path pattern: constants as the annotations' are evaluated, anything else unresolved with its source. */
    PathValue path(Term term, Locals locals) {
        return switch (term) {
            case Term.Constant c when c.expr() instanceof Expr.Reference r && locals.get(r.name()) instanceof Term t
                    && depth < MAX_DEPTH -> {
                depth++;
                PathValue value = path(t, locals);
                depth--;
                yield value.resolved() ? value : new PathValue(value.text(), List.of(r.raw()));
            }
            case Term.Constant c -> constants.value(c.expr(), scope);
            case Term.Binary b when b.operator().equals("+") -> path(b.left(), locals).plus(path(b.right(), locals));
            default -> PathValue.unknown(raw(term));
        };
    }

    /** {@code h::list} is {@code list}; a lambda or anonymous class {@code <anonymous>}; anything else as written. */
    String handler(Term term) {
        return switch (term) {
            case Term.MethodRef ref -> ref.member();
            case Term.Lambda lambda -> ANONYMOUS;
            case Term.Constant c when c.expr() instanceof Expr.Reference r -> r.name();
            default -> {
                String raw = raw(term);
                if (raw.startsWith("new ") && raw.endsWith("}")) {
                    yield ANONYMOUS;
                }
                yield raw.length() > MAX_HANDLER_LENGTH ? raw.substring(0, MAX_HANDLER_LENGTH) : raw;
            }
        };
    }

    private static boolean isClass(Term term, String simpleName) {
        return term instanceof Term.Constant c && c.expr() instanceof Expr.Reference r
                && (r.name().equals(simpleName) || r.name().endsWith("." + simpleName));
    }

    private String raw(Term term) {
        return source.substring(Math.min(term.start(), source.length()), Math.min(Math.max(term.start(), term.end()),
                source.length()));
    }
}
