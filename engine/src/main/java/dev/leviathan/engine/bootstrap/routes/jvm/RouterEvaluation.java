package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates every {@link RouterRoot} of the repository once, and follows calls and method
 * references between methods that hold router code: a method's router function is the value of
 * its last root ({@code return route()...build()}, or the builder its statements filled); a
 * method with a {@code Builder} parameter fills whatever builder a caller passes. Each root is
 * evaluated once whoever asks first (its file's turn, or a caller in another file), so a router
 * made part of another one is one definition, marked composed, and reported there only. Locals
 * belong to the method they are written in; those of field and property initializers to the file.
 * A method being read is not followed again (recursion): its caller keeps its prefix marker.
 */
final class RouterEvaluation implements RouterInterpreter.Methods {

    /** A method (or Kotlin function) holding router code. */
    private record RouterMethod(MethodSpan span, ParsedFile file, TypeDecl owner, List<RouterRoot> roots) {
    }

    private final CodeBase code;
    private final ConstantEvaluator constants;
    private final List<ParsedFile> files;
    private final Map<RouterRoot, ParsedFile> fileOf = new IdentityHashMap<>();
    private final Map<RouterRoot, RouterDefinition> values = new IdentityHashMap<>();
    private final Set<RouterRoot> running = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<ParsedFile, RouterInterpreter.Locals> fileLocals = new IdentityHashMap<>();
    private final Map<MethodSpan, RouterInterpreter.Locals> methodLocals = new IdentityHashMap<>();
    private final Map<MethodSpan, RouterMethod> methods = new IdentityHashMap<>();
    private final List<RouterMethod> inOrder = new ArrayList<>();
    private final Map<TypeDecl, List<RouterMethod>> byType = new IdentityHashMap<>();
    /** Kotlin top-level functions, per package. */
    private final Map<String, List<RouterMethod>> topLevel = new HashMap<>();
    private final Set<RouterMethod> filling = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<RouterMethod> filledOnce = Collections.newSetFromMap(new IdentityHashMap<>());

    RouterEvaluation(CodeBase code, ConstantEvaluator constants, List<ParsedFile> files) {
        this.code = code;
        this.constants = constants;
        this.files = files;
        for (ParsedFile file : files) {
            for (RouterRoot root : file.routers()) {
                fileOf.put(root, file);
                if (root.method() != null) {
                    methods.computeIfAbsent(root.method(), span -> index(new RouterMethod(span, file, root.enclosing(),
                            new ArrayList<>()))).roots().add(root);
                }
            }
        }
    }

    private RouterMethod index(RouterMethod method) {
        inOrder.add(method);
        if (method.owner() != null) {
            byType.computeIfAbsent(method.owner(), t -> new ArrayList<>()).add(method);
        } else {
            topLevel.computeIfAbsent(method.file().packageName(), p -> new ArrayList<>()).add(method);
        }
        return method;
    }

    /** Every root's router function, in file order, each once. */
    List<RouterDefinition> definitions() {
        Set<RouterDefinition> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<RouterDefinition> inOrder = new ArrayList<>();
        for (ParsedFile file : files) {
            for (RouterRoot root : file.routers()) {
                RouterDefinition value = value(root);
                if (value != null && seen.add(value)) {
                    inOrder.add(value);
                }
            }
        }
        return inOrder;
    }

    /**
     * The routes of builder-filling methods that no followed call filled (called in a way not
     * followed): where they are written, unresolved, the parameter as raw expression, as the
     * builder's prefix is not known.
     */
    List<RouteSpec> unfilled() {
        List<RouteSpec> routes = new ArrayList<>();
        for (RouterMethod method : inOrder) {
            if (filledOnce.contains(method) || method.span().builderParams().isEmpty()
                    || method.roots().stream().noneMatch(RouterRoot::parameter)) {
                continue;
            }
            RouterDefinition given = new RouterDefinition();
            fill(method, given);
            List<String> raw = List.of(method.span().builderParams().get(0));
            for (RouteSpec spec : given.routes) {
                routes.add(new RouteSpec(spec.methods(), spec.path().withUnresolved(raw), spec.handler(), spec.line(),
                        spec.file()));
            }
        }
        return routes;
    }

    private RouterDefinition value(RouterRoot root) {
        if (values.containsKey(root)) {
            return values.get(root);
        }
        if (root.parameter() || !running.add(root)) {
            return null;
        }
        try {
            ParsedFile file = fileOf.get(root);
            RouterInterpreter.Locals locals = localsOf(root, file);
            RouterDefinition value = interpreter(root, file).router(root.term(), locals);
            if (root.forwards() && value != null) {
                // return otherRoutes(): this method's router function includes the other's
                RouterDefinition own = new RouterDefinition(value.routes);
                value.composed = true;
                value = own;
            }
            bind(root, value, locals);
            stamp(value, file, 0);
            values.put(root, value);
            return value;
        } finally {
            running.remove(root);
        }
    }

    @Override
    public RouterDefinition returned(Scope scope, String qualifier, String name, int arity) {
        RouterMethod method = find(scope, qualifier, name, arity, false);
        if (method == null || method.roots().stream().anyMatch(running::contains)) {
            return null;
        }
        RouterDefinition last = null;
        for (RouterRoot root : method.roots()) {
            RouterDefinition value = value(root);
            last = value != null ? value : last;
        }
        // A @Bean's router function is served on its own too: whoever includes it gets a copy.
        return last != null && method.span().bean() ? new RouterDefinition(last.routes) : last;
    }

    @Override
    public boolean filled(Scope scope, String qualifier, String name, int arity, RouterDefinition given) {
        RouterMethod method = find(scope, qualifier, name, arity, true);
        if (method == null || filling.contains(method)) {
            return false;
        }
        filledOnce.add(method);
        fill(method, given);
        return true;
    }

    private void fill(RouterMethod method, RouterDefinition given) {
        filling.add(method);
        try {
            RouterInterpreter.Locals locals = new RouterInterpreter.Locals(fileLocals(method.file()));
            for (String param : method.span().builderParams()) {
                locals.bind(param, given);
            }
            int before = given.routes.size();
            for (RouterRoot root : method.roots()) {
                RouterDefinition value = root.parameter()
                        ? interpreter(root, method.file()).router(root.term(), locals) : value(root);
                bind(root, value, locals);
            }
            stamp(given, method.file(), before);
        } finally {
            filling.remove(method);
        }
    }

    /**
     * The method {@code qualifier.name} names from {@code scope}: of the class (or its outer and
     * super classes), of the type named, or a Kotlin top-level function of the package.
     */
    private RouterMethod find(Scope scope, String qualifier, String name, int arity, boolean builder) {
        List<TypeNode> owners = new ArrayList<>();
        if (qualifier == null || qualifier.equals("this")) {
            for (TypeNode t = scope.type(); t != null; t = qualifier == null ? t.outer : null) {
                owners.add(t);
            }
        } else {
            TypeNode t = code.resolveType(qualifier, scope);
            if (t != null) {
                owners.add(t);
            }
        }
        for (int i = 0; i < owners.size(); i++) {
            TypeNode owner = owners.get(i);
            RouterMethod found = matching(byType.get(owner.decl), name, arity, builder);
            if (found != null) {
                return found;
            }
            for (TypeNode parent : owner.supertypes) {
                if (!owners.contains(parent)) {
                    owners.add(parent);
                }
            }
        }
        return qualifier == null ? matching(topLevel.get(scope.file().packageName()), name, arity, builder) : null;
    }

    private static RouterMethod matching(List<RouterMethod> candidates, String name, int arity, boolean builder) {
        if (candidates == null) {
            return null;
        }
        for (RouterMethod method : candidates) {
            MethodSpan span = method.span();
            if (span.name().equals(name) && span.arity() == arity && builder != span.builderParams().isEmpty()) {
                return method;
            }
        }
        return null;
    }

    private RouterInterpreter interpreter(RouterRoot root, ParsedFile file) {
        TypeNode type = root.enclosing() == null ? null : code.node(root.enclosing());
        return new RouterInterpreter(constants, new Scope(file, type), this);
    }

    private RouterInterpreter.Locals fileLocals(ParsedFile file) {
        return fileLocals.computeIfAbsent(file, f -> new RouterInterpreter.Locals(null));
    }

    private RouterInterpreter.Locals localsOf(RouterRoot root, ParsedFile file) {
        RouterInterpreter.Locals outer = fileLocals(file);
        return root.method() == null ? outer
                : methodLocals.computeIfAbsent(root.method(), m -> new RouterInterpreter.Locals(outer));
    }

    private static void bind(RouterRoot root, RouterDefinition value, RouterInterpreter.Locals locals) {
        if (root.assignedTo() != null) {
            locals.bind(root.assignedTo(), value != null ? value : root.term());
        }
    }

    /** Routes read from {@code file} (from index {@code from} on) learn their file. */
    private static void stamp(RouterDefinition definition, ParsedFile file, int from) {
        if (definition == null) {
            return;
        }
        for (int i = from; i < definition.routes.size(); i++) {
            definition.routes.set(i, definition.routes.get(i).inFile(file.path()));
        }
    }
}
