package dev.leviathan.engine.bootstrap.routes.python;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Walks every statement of every module (function and class bodies included: app factories
 * declare routes inside {@code create_app()}) and collects what the frameworks' router objects
 * are asked to do: route declarations, mounts of one router under another, and DRF router
 * registrations. A call only counts when its receiver resolves to a framework object, so
 * {@code requests.get("/x")} or {@code client.get("/x")} never do.
 */
final class CallSites {

    /** The HTTP methods of a declaration; {@code raw} is the methods expression's text when it did not resolve. */
    record Methods(List<String> names, String raw) {
    }

    /**
     * One route declaration. {@code resolvedPath}, when set, is the path already read (a route a
     * helper declares is read once per call of the helper, with that call's arguments); otherwise
     * {@code path} is read in {@code scope}.
     */
    record Declaration(RouterNode router, Methods methods, Expr path, Scope scope, int line, String handler,
            String site, Piece resolvedPath) {

        Declaration(RouterNode router, Methods methods, Expr path, Scope scope, int line, String handler,
                String site) {
            this(router, methods, path, scope, line, handler, site, null);
        }
    }

    /**
     * {@code child} mounted on {@code parent} (null: an app the analysis cannot see) under
     * {@code prefix} (null: none given); {@code byTest} when test code made the mount;
     * {@code ownPrefix}, when set, the child's own prefix as the factory call that made it for this
     * mount gives it ({@code app.include_router(make_crud("widgets"))}), else null.
     */
    record Mount(RouterNode parent, RouterNode child, Piece prefix, boolean byTest, Piece ownPrefix) {

        Mount(RouterNode parent, RouterNode child, Piece prefix, boolean byTest) {
            this(parent, child, prefix, byTest, null);
        }
    }

    private enum MountCall { INCLUDE_ROUTER, REGISTER_BLUEPRINT, ASGI_MOUNT }

    /**
     * {@code router.register(prefix, viewset)}; {@code parents}, when set, the registrations of a
     * drf-extensions chain above this one, outermost first ({@code router.register("users", U)
     * .register("groups", G, parents_query_lookups=["user"])}), and {@code lookups} the
     * {@code parents_query_lookups} argument.
     */
    record Registration(RouterNode router, Expr prefix, Expr viewset, Scope scope, int line,
            List<Resolver.Scoped> parents, Expr lookups) {

        Registration(RouterNode router, Expr prefix, Expr viewset, Scope scope, int line) {
            this(router, prefix, viewset, scope, line, List.of(), null);
        }
    }

    private static final Set<String> FASTAPI_VERBS = Set.of("get", "post", "put", "delete", "patch", "options", "head",
            "trace");
    /** werkzeug's dispatcher, where it lives since werkzeug 1.0 and where it lived before. */
    private static final Set<String> DISPATCHERS = Set.of("werkzeug.middleware.dispatcher.DispatcherMiddleware",
            "werkzeug.wsgi.DispatcherMiddleware");
    /** The method shortcuts Flask (2.0+) and Django Ninja routers both have. */
    private static final Set<String> SHORTCUT_VERBS = Set.of("get", "post", "put", "delete", "patch");

    final List<Declaration> declarations = new ArrayList<>();
    final Map<RouterNode, List<Mount>> mountsByChild = new IdentityHashMap<>();
    final Map<RouterNode, List<Registration>> registrations = new IdentityHashMap<>();
    /**
     * The routes an {@code APIRouter} is made with ({@code APIRouter(routes=[...])}), as a router of
     * their own, by the APIRouter: mounted wherever it is, without its own prefix.
     */
    final Map<RouterNode, RouterNode> tableOf = new IdentityHashMap<>();
    /** Statement-level calls by the simple name of the function called: the call sites of mount helpers. */
    private final Map<String, List<Resolver.Scoped>> callsByName = new HashMap<>();
    private final List<Resolver.Scoped> mountCalls = new ArrayList<>();
    /** {@code DispatcherMiddleware(app, {"/api": api_app})} calls: mounts of whole Flask apps. */
    private final List<Resolver.Scoped> dispatcherCalls = new ArrayList<>();
    /** {@code add_url_rule}/{@code add_api_route} calls on a parameter of a helper function. */
    private final List<Resolver.Scoped> helperDeclarations = new ArrayList<>();
    /** Route decorators on {@code self} in methods of router subclasses. */
    private final List<ParameterDecorator> selfDecorators = new ArrayList<>();
    /** Route decorators on a helper's parameter ({@code def register(app): @app.route("/ping")}). */
    private final List<ParameterDecorator> parameterDecorators = new ArrayList<>();
    /** Decorators written as calls ({@code @expose("/ping")}), by the simple name of what they call. */
    private final Map<String, List<DecoratorUse>> decoratorUses = new HashMap<>();
    /** Route decorators written inside the decorator a decorator factory returns. */
    private final List<DecoratorUse> factoryRouteDecorators = new ArrayList<>();
    /** Rules whose view is the function given to the decorator a decorator factory returns. */
    private final List<Resolver.Scoped> factoryDeclarations = new ArrayList<>();
    /** Decorators calling a route verb a repository router subclass defines itself ({@code @rest.get(...)}). */
    private final List<SubclassVerbUse> subclassVerbUses = new ArrayList<>();
    /** The rules written in those verbs' decorators: declared per use, not as a subclass's own rules. */
    private final Set<Expr.Call> rulesOfSubclassVerbs = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** {@code view.methods = [...]} per scope and function name: the methods Flask gives a rule without {@code methods=}. */
    private final Map<Scope, Map<String, Resolver.Scoped>> viewFunctionMethods = new IdentityHashMap<>();
    /** The {@code def} whose body each function scope is. */
    private final Map<Scope, Stmt.FunctionDef> functionOf = new IdentityHashMap<>();
    private final Resolver resolver;
    private final ViewMethods viewMethods;
    private final SubclassRouteMethods subclassVerbs;
    private final ClassInstances instances;
    private final StarletteRoutes starlette;

    /** {@code typed}: the router the parameter's type annotation alone gives, when it has one. */
    private record ParameterDecorator(Expr.Call call, String handler, Stmt.ClassDef cls, Scope scope,
            Binding.Parameter param, RouterNode typed) {
    }

    /** {@code @call} on {@code def handler}. */
    private record DecoratorUse(Expr.Call call, Scope scope, String handler) {
    }

    /** {@code @call} on {@code def handler}, a verb {@code cls} defines, called on its instance {@code node}. */
    private record SubclassVerbUse(RouterNode node, Sym.ClassSym cls, Expr.Call call, Scope scope, String handler) {
    }

    /** {@code def outer(rule): def inner(fn): ...; return inner}, {@code outerBody} the scope of outer's body. */
    private record DecoratorFactory(Stmt.FunctionDef outer, Scope outerBody) {
    }

    CallSites(List<PyModule> modules, Resolver resolver) {
        this.resolver = resolver;
        this.viewMethods = new ViewMethods(resolver, this);
        this.subclassVerbs = new SubclassRouteMethods(resolver);
        this.instances = new ClassInstances(resolver);
        this.starlette = new StarletteRoutes(resolver, this, viewMethods);
        for (PyModule m : modules) {
            try {
                walk(m, m.body, m.scope);
            } catch (RuntimeException | StackOverflowError unreadable) {
                // Code shaped beyond what this reader anticipates costs only its own module's routes.
            }
        }
        // Then what needs every call site in the repository: a helper's mounts and routes need the
        // calls of the helper, a decorator factory's the uses of the factory.
        eachGuarded(mountCalls, call -> mountCall((Expr.Call) call.expr(), call.scope()));
        eachGuarded(dispatcherCalls, call -> dispatcherMounts((Expr.Call) call.expr(), call.scope()));
        eachGuarded(subclassVerbUses, this::subclassVerbUse);
        eachGuarded(helperDeclarations, call -> helperDeclaration((Expr.Call) call.expr(), call.scope()));
        eachGuarded(selfDecorators, this::selfDecorator);
        eachGuarded(parameterDecorators, this::parameterDecorator);
        eachGuarded(factoryRouteDecorators, this::factoryRouteDecorator);
        eachGuarded(factoryDeclarations, call -> factoryDeclaration((Expr.Call) call.expr(), call.scope()));
        // Route tables of every app made or mounted anywhere (reading one may make more nodes: copy).
        eachGuarded(List.copyOf(resolver.routerNodes()), starlette::read);
        for (RouterNode api : resolver.routerNodes()) {
            // Api(app) and Api(blueprint): the Api's resources are served by what it wraps.
            if (api.kind() == RouterKind.RESTFUL_API && api.constructor() != null
                    && api.constructor().arg(0, "app") instanceof Expr wrapped) {
                mountApi(router(wrapped, api.scope()), api, api.scope());
            }
        }
    }

    private void walk(PyModule m, List<Stmt> stmts, Scope scope) {
        for (Stmt s : stmts) {
            switch (s) {
                case Stmt.FunctionDef f -> {
                    for (Expr d : f.decorators()) {
                        if (d instanceof Expr.Call use && simpleName(use.func()) instanceof String name) {
                            decoratorUses.computeIfAbsent(name, k -> new ArrayList<>())
                                    .add(new DecoratorUse(use, scope, f.name()));
                        }
                        decorator(d, f.name(), null, scope);
                    }
                    functionOf.put(m.bodyScope(f), f);
                    walk(m, f.body(), m.bodyScope(f));
                }
                case Stmt.ClassDef c -> {
                    instances.addClass(c, m.bodyScope(c));
                    for (Expr d : c.decorators()) {
                        decorator(d, c.name(), c, scope);
                    }
                    walk(m, c.body(), m.bodyScope(c));
                }
                case Stmt.ExprStmt e -> call(e.expr(), scope);
                case Stmt.Assign a -> {
                    for (Expr target : a.targets()) {
                        if (target instanceof Expr.Attribute t && t.attr().equals("methods") && t.value() instanceof Expr.Name f
                                && a.value() != null) {
                            viewFunctionMethods.computeIfAbsent(scope, k -> new HashMap<>())
                                    .put(f.id(), new Resolver.Scoped(a.value(), scope));
                        }
                    }
                    call(a.value(), scope);
                }
                // `return Klaus(paths)` makes an instance too, and `return app.add_url_rule(...)` adds a rule.
                case Stmt.Return r when r.value() != null -> call(r.value(), scope);
                case Stmt.ForLoop l -> walk(m, l.body(), scope);
                default -> {
                }
            }
        }
    }

    /**
     * {@code router.register(prefix, viewset)} of a DRF router, and drf-extensions' nested
     * {@code router.register(...).register(...)}: each call of such a chain is a registration (the
     * statement is only its last).
     */
    private void register(Expr.Call c, Expr.Attribute a, Scope scope, int depth) {
        if (depth < 8 && a.value() instanceof Expr.Call inner && inner.func() instanceof Expr.Attribute f
                && f.attr().equals("register")) {
            register(inner, f, scope, depth + 1);
        }
        Expr viewset = c.arg(1, "viewset");
        List<Resolver.Scoped> chain = new ArrayList<>();
        RouterNode node = registryRoot(a.value(), scope, chain, 0);
        if (node != null && node.kind() == RouterKind.DRF_ROUTER && viewset != null) {
            // A chain's later calls start lines of their own: the line is that of `.register`.
            int line = chain.isEmpty() && depth == 0 ? c.line() : lineOf(scope.module.text, a.end() - a.attr().length());
            registrations.computeIfAbsent(node, k -> new ArrayList<>()).add(new Registration(node,
                    c.arg(0, "prefix"), viewset, scope, line, List.copyOf(chain),
                    chain.isEmpty() ? null : c.arg(3, "parents_query_lookups")));
        }
    }

    /**
     * The router a {@code register} call's receiver registers on: the receiver itself, or, for
     * drf-extensions' nested registration, the router at the top of the chain of {@code register}
     * calls it is the result of ({@code router.register(...).register(...)}, also through a name
     * holding one: {@code users = router.register(...)}); those calls go to {@code chain},
     * outermost first.
     */
    private RouterNode registryRoot(Expr receiver, Scope scope, List<Resolver.Scoped> chain, int depth) {
        RouterNode node = router(receiver, scope);
        if (node != null || depth > 8) {
            return node;
        }
        Expr.Call item = null;
        Scope at = scope;
        if (receiver instanceof Expr.Call c) {
            item = c;
        } else if (receiver instanceof Expr.Name n && resolver.lookup(scope, n) instanceof Binding.Assigned b
                && b.value() instanceof Expr.Call c) {
            item = c;
            at = b.scope();
        }
        if (item == null || !(item.func() instanceof Expr.Attribute f) || !f.attr().equals("register")) {
            return null;
        }
        RouterNode root = registryRoot(f.value(), at, chain, depth + 1);
        if (root != null) {
            chain.add(new Resolver.Scoped(item, at));
        }
        return root;
    }

    /** The 1-based line of a character offset of a module's text. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private RouterNode router(Expr receiver, Scope scope) {
        return resolver.resolve(receiver, scope) instanceof Sym.RouterSym r ? r.node() : null;
    }

    /** A route decorator on a function ({@code cls} null) or a class-based view. */
    private void decorator(Expr d, String handler, Stmt.ClassDef cls, Scope scope) {
        if (!(d instanceof Expr.Call c) || !(c.func() instanceof Expr.Attribute a)) {
            return;
        }
        RouterNode node = router(a.value(), scope);
        if (node == null) {
            if (resolver.resolve(a.value(), scope) instanceof Sym.ParameterSym p) {
                (Resolver.selfOf(p.binding()) != null ? selfDecorators : parameterDecorators)
                        .add(new ParameterDecorator(c, handler, cls, scope, p.binding(), null));
            }
            return;
        }
        if (resolver.parameterOf(node) instanceof Binding.Parameter typed) {
            parameterDecorators.add(new ParameterDecorator(c, handler, cls, scope, typed, node));
            return;
        }
        if (cls == null && decoratorFactoryAround(scope) != null) {
            factoryRouteDecorators.add(new DecoratorUse(c, scope, handler));
            return;
        }
        if (cls == null && node.constructor() != null
                && resolver.resolve(node.constructor().func(), node.scope()) instanceof Sym.ClassSym made
                && subclassVerbs.defines(made, a.attr())) {
            subclassVerbUses.add(new SubclassVerbUse(node, made, c, scope, handler));
            return;
        }
        declareDecorated(node, c, handler, cls, scope, null);
    }

    /**
     * {@code @rest.get("/clusters")} where {@code rest}'s class defines {@code get} itself: the
     * rules its decorator adds, each read with the arguments passed down to it, declared at the
     * use with the decorated function as handler; an ordinary use when the verb leads to no rules.
     */
    private void subclassVerbUse(SubclassVerbUse use) {
        boolean flask = use.node().kind().isFlask();
        Set<String> ruleNames = flask ? Set.of("add_url_rule") : Set.of("add_api_route");
        List<SubclassRouteMethods.RuleCall> rules = subclassVerbs.rules(use.cls(), use.call(), use.scope(), ruleNames);
        if (rules == null) {
            declareDecorated(use.node(), use.call(), use.handler(), null, use.scope(), null);
            return;
        }
        String site = use.call().text(use.scope().module.text);
        for (SubclassRouteMethods.RuleCall rule : rules) {
            rulesOfSubclassVerbs.add(rule.call());
            Expr.Call c = rule.call();
            Scope scope = rule.scope();
            Expr pathExpr = flask ? c.arg(0, "rule") : c.arg(0, "path");
            Expr view = flask ? c.arg(2, "view_func") : c.arg(1, "endpoint");
            for (Map<Binding, Resolver.Scoped> env : withLoopOver(pathExpr, scope, rule.env())) {
                resolver.with(env, () -> {
                    Piece path = pathExpr == null ? Piece.unresolved(c.text(scope.module.text))
                            : Piece.of(pathExpr, scope, resolver);
                    Methods methods = flask
                            ? urlRuleMethods(methodsArgument(c, scope), new Resolver.Scoped(view, scope), scope)
                            : methodsOf(c, scope, List.of("GET"));
                    declarations.add(new Declaration(use.node(), methods, pathExpr, use.scope(), use.call().line(),
                            use.handler(), site, path));
                    return null;
                });
            }
        }
    }

    /**
     * The decorator factory whose decorator's body {@code scope} is, when it returns that
     * decorator ({@code def api(path, **kw): def outer(func): @app.route(path, **kw) def
     * wrapper(...): ...; return wrapper; return outer}, ironic-inspector's): else null.
     */
    private DecoratorFactory decoratorFactoryAround(Scope scope) {
        Stmt.FunctionDef decorator = functionOf.get(scope);
        Stmt.FunctionDef outer = scope.parent == null ? null : functionOf.get(scope.parent);
        if (decorator == null || outer == null || decorator.params().isEmpty()) {
            return null;
        }
        return DecoratorFactories.returns(outer, decorator.name()) ? new DecoratorFactory(outer, scope.parent) : null;
    }

    /** The decorators in the repository that call {@code factory}, each with the arguments it passes. */
    private List<Map.Entry<DecoratorUse, Map<Binding, Resolver.Scoped>>> usesOf(DecoratorFactory factory) {
        List<Map.Entry<DecoratorUse, Map<Binding, Resolver.Scoped>>> uses = new ArrayList<>();
        for (DecoratorUse use : decoratorUses.getOrDefault(factory.outer().name(), List.of())) {
            if (resolver.resolve(use.call().func(), use.scope()) instanceof Sym.FunctionSym fn
                    && fn.def() == factory.outer()) {
                uses.add(Map.entry(use, arguments(factory.outer(), factory.outerBody(), use.call(), use.scope())));
            }
        }
        return uses;
    }

    /**
     * A route decorator inside a decorator factory's decorator: one route per use of the factory,
     * read with that use's arguments, declared at the use with the decorated function as handler;
     * as written (its path unresolved) when nothing uses the factory.
     */
    private void factoryRouteDecorator(DecoratorUse decorator) {
        Expr.Call c = decorator.call();
        Scope scope = decorator.scope();
        Expr.Attribute a = (Expr.Attribute) c.func();
        var uses = usesOf(decoratorFactoryAround(scope));
        for (var entry : uses) {
            DecoratorUse use = entry.getKey();
            resolver.with(entry.getValue(), () -> {
                RouterNode node = router(a.value(), scope);
                if (node != null) {
                    Expr pathExpr = c.arg(0, node.kind().isFastApi() ? "path" : "rule");
                    Piece path = pathExpr == null ? Piece.unresolved(c.text(scope.module.text))
                            : Piece.of(pathExpr, scope, resolver);
                    declareDecorated(node, c, use.handler(), null, scope, path,
                            new Resolver.Scoped(use.call(), use.scope()));
                }
                return null;
            });
        }
        if (uses.isEmpty() && router(a.value(), scope) instanceof RouterNode node) {
            declareDecorated(node, c, decorator.handler(), null, scope, null);
        }
    }

    /**
     * {@code @self.get(path)} in a method of a router subclass (rdflib-endpoint's
     * {@code class SparqlRouter(APIRouter)} declaring its routes in {@code __init__}): a route of
     * every instance the repository makes of it, its path read with the instance's arguments when
     * the method is {@code __init__}.
     */
    private void selfDecorator(ParameterDecorator use) {
        Sym.ClassSym cls = Resolver.selfOf(use.param());
        for (RouterNode instance : resolver.routerNodes()) {
            if (instance.constructor() == null
                    || !(resolver.resolve(instance.constructor().func(), instance.scope()) instanceof Sym.ClassSym made)
                    || made.def() != cls.def()) {
                continue;
            }
            Stmt.FunctionDef method = use.param().function();
            Map<Binding, Resolver.Scoped> env = method.name().equals("__init__")
                    ? arguments(method, use.param().scope(), withSelf(instance.constructor()), instance.scope())
                    : Map.of();
            resolver.with(env, () -> {
                Expr pathExpr = use.call().arg(0, instance.kind().isFastApi() ? "path" : "rule");
                Piece path = pathExpr == null ? Piece.unresolved(use.call().text(use.scope().module.text))
                        : Piece.of(pathExpr, use.scope(), resolver);
                declareDecorated(instance, use.call(), use.handler(), use.cls(), use.scope(), path);
                return null;
            });
        }
    }

    /**
     * {@code @app.route("/ping")} in a helper that takes the app ({@code def register(app)}, called
     * by the app factory as {@code register(app)}): a route of each router the helper is given,
     * read with that call's arguments (a prefix parameter, say), declared at the decorator.
     * Helpers handing their parameter on to another helper are followed up to
     * {@link #HELPER_DEPTH} calls.
     */
    private void parameterDecorator(ParameterDecorator use) {
        Expr.Attribute a = (Expr.Attribute) use.call().func();
        boolean declared = false;
        for (Map<Binding, Resolver.Scoped> env : callerArguments(use.param(), 0)) {
            declared |= resolver.with(env, () -> {
                RouterNode node = router(a.value(), use.scope());
                if (node == null || node == use.typed()) {
                    return false;
                }
                Expr pathExpr = use.call().arg(0, node.kind().isFastApi() ? "path" : "rule");
                Piece path = pathExpr == null ? Piece.unresolved(use.call().text(use.scope().module.text))
                        : Piece.of(pathExpr, use.scope(), resolver);
                declareDecorated(node, use.call(), use.handler(), use.cls(), use.scope(), path);
                return true;
            });
        }
        if (!declared && use.typed() != null) {
            // Nobody hands the helper a router we know: its routes as written, on the annotated type.
            declareDecorated(use.typed(), use.call(), use.handler(), use.cls(), use.scope(), null);
        }
    }

    private static final int HELPER_DEPTH = 4;

    /**
     * The arguments {@code param}'s function is called with, one map per call: a call inside
     * another function passing that function's own parameters on is taken with each of its
     * callers' arguments too.
     */
    private List<Map<Binding, Resolver.Scoped>> callerArguments(Binding.Parameter param, int depth) {
        List<Map<Binding, Resolver.Scoped>> all = new ArrayList<>();
        Stmt.FunctionDef function = param.function();
        // An `__init__` is called by making an instance (flask-autoindex's `AutoIndex(app)`, whose
        // `__init__(self, base)` keeps `self.base = base` and decorates `@self.base.route("/")`).
        Sym.ClassSym made = initialised(param);
        for (Resolver.Scoped site : made != null ? instances.constructions(made) : callSites(function, Map.of())) {
            Expr.Call call = made != null ? withSelf((Expr.Call) site.expr()) : (Expr.Call) site.expr();
            Map<Binding, Resolver.Scoped> args = arguments(function, param.scope(), call, site.scope());
            if (made != null) {
                // `self` stays the instance: `self.base` is read through what `__init__` assigns.
                args.keySet().removeIf(b -> b instanceof Binding.Parameter p && p.index() == 0);
            }
            Resolver.Scoped passed = args.get(param);
            if (depth < HELPER_DEPTH && passed != null
                    && resolver.resolve(passed.expr(), passed.scope()) instanceof Sym.ParameterSym outer
                    && outer.binding().function() != function && Resolver.selfOf(outer.binding()) == null) {
                for (Map<Binding, Resolver.Scoped> callers : callerArguments(outer.binding(), depth + 1)) {
                    Map<Binding, Resolver.Scoped> chained = new IdentityHashMap<>(callers);
                    chained.putAll(args);
                    all.add(chained);
                }
            } else {
                all.add(args);
            }
        }
        return all;
    }

    /** The class whose {@code __init__} has the parameter {@code param}, else null. */
    private static Sym.ClassSym initialised(Binding.Parameter param) {
        Scope cls = param.scope().parent;
        return param.function().name().equals("__init__") && cls != null && cls.owner != null
                ? new Sym.ClassSym(cls.owner, cls) : null;
    }

    /** {@code X(a, b)} as the arguments of {@code __init__(self, a, b)}: the instance first. */
    static Expr.Call withSelf(Expr.Call call) {
        List<Expr> args = new ArrayList<>();
        args.add(new Expr.Opaque(call.start(), call.start(), call.line()));
        args.addAll(call.args());
        return new Expr.Call(call.func(), args, call.keywords(), call.start(), call.end(), call.line());
    }

    private void declareDecorated(RouterNode node, Expr.Call c, String handler, Stmt.ClassDef cls, Scope scope,
            Piece resolvedPath) {
        declareDecorated(node, c, handler, cls, scope, resolvedPath, new Resolver.Scoped(c, scope));
    }

    /** As above, declared at {@code at} (a decorator factory's use) rather than at {@code c}. */
    private void declareDecorated(RouterNode node, Expr.Call c, String handler, Stmt.ClassDef cls, Scope scope,
            Piece resolvedPath, Resolver.Scoped at) {
        Expr.Attribute a = (Expr.Attribute) c.func();
        String verb = a.attr();
        String site = at.expr().text(at.scope().module.text);
        if (node.kind().isFastApi()) {
            Methods methods;
            if (FASTAPI_VERBS.contains(verb)) {
                methods = new Methods(List.of(verb.toUpperCase(Locale.ROOT)), null);
            } else if (verb.equals("api_route") || verb.equals("route")) {
                methods = methodsOf(c, scope, List.of("GET"));
            } else if (verb.equals("websocket") || verb.equals("websocket_route")) {
                methods = new Methods(List.of("WEBSOCKET"), null);
            } else {
                return;
            }
            declarations.add(new Declaration(node, methods, c.arg(0, "path"), at.scope(), at.expr().line(), handler,
                    site, resolvedPath));
        } else if (node.kind().isNinja()) {
            Methods methods;
            Expr path;
            if (SHORTCUT_VERBS.contains(verb)) {
                methods = new Methods(List.of(verb.toUpperCase(Locale.ROOT)), null);
                path = c.arg(0, "path");
            } else if (verb.equals("api_operation")) {
                Expr given = c.arg(0, "methods");
                methods = given == null ? new Methods(List.of("ANY"), site) : methods(given, scope, List.of("ANY"));
                path = c.arg(1, "path");
            } else {
                return;
            }
            declarations.add(new Declaration(node, methods, path, at.scope(), at.expr().line(), handler, site,
                    resolvedPath));
        } else if (node.kind().isFlask()) {
            Methods methods;
            if (SHORTCUT_VERBS.contains(verb)) {
                methods = new Methods(List.of(verb.toUpperCase(Locale.ROOT)), null);
            } else if (verb.equals("route")) {
                Resolver.Scoped explicit = methodsArgument(c, scope);
                if (explicit == null && cls != null) {
                    Sym.ClassSym self = new Sym.ClassSym(cls, scope.module.bodyScope(cls));
                    methods = viewMethods.of(self, scope, handler);
                } else {
                    methods = explicit == null ? methods(null, scope, List.of("GET"))
                            : methods(explicit.expr(), explicit.scope(), List.of("GET"));
                }
            } else {
                return;
            }
            if (verb.equals("route") && resolvedPath == null
                    && (node.kind() == RouterKind.RESTFUL_API || node.kind() == RouterKind.RESTX_NAMESPACE)) {
                // Flask-RESTX: @ns.route("/a", "/b") serves the resource at each of its URLs.
                for (Expr url : c.args()) {
                    if (!(url instanceof Expr.Starred)) {
                        declarations.add(new Declaration(node, methods, url, at.scope(), at.expr().line(), handler,
                                site, null));
                    }
                }
                return;
            }
            declarations.add(new Declaration(node, methods, c.arg(0, "rule"), at.scope(), at.expr().line(), handler,
                    site, resolvedPath));
        }
    }

    private void call(Expr e, Scope scope) {
        instances.addCalls(e, scope);
        if (!(e instanceof Expr.Call c)) {
            return;
        }
        if (c.func() instanceof Expr.Name n) {
            callsByName.computeIfAbsent(n.id(), k -> new ArrayList<>()).add(new Resolver.Scoped(c, scope));
        } else if (c.func() instanceof Expr.Attribute a) {
            callsByName.computeIfAbsent(a.attr(), k -> new ArrayList<>()).add(new Resolver.Scoped(c, scope));
        }
        if (c.func() instanceof Expr.Call inner && inner.func() instanceof Expr.Attribute && c.args().size() == 1) {
            // app.route("/x")(view): the decorator applied by hand.
            decorator(inner, handler(c.args().get(0), scope), null, scope);
            return;
        }
        if (StarletteRoutes.mayHoldTable(c)) {
            // Made for its table even when nothing else names the app (uvicorn runs "main:app").
            router(c, scope);
        }
        if ("DispatcherMiddleware".equals(simpleName(c.func()))) {
            dispatcherCalls.add(new Resolver.Scoped(c, scope));
        }
        if (!(c.func() instanceof Expr.Attribute a)) {
            return;
        }
        switch (a.attr()) {
            case "include_router", "register_blueprint", "mount" -> mountCalls.add(new Resolver.Scoped(c, scope));
            case "add_api_route", "add_route", "add_api_websocket_route", "add_websocket_route" -> {
                RouterNode node = router(a.value(), scope);
                if (node == null && resolver.resolve(a.value(), scope) instanceof Sym.ParameterSym
                        || node != null && node.kind().isFastApi() && pathFromParameter(c.arg(0, "path"), scope)) {
                    helperDeclarations.add(new Resolver.Scoped(c, scope));
                } else if (node != null && node.kind().isFastApi()) {
                    if (decoratorFactory(c.arg(1, "endpoint"), scope) != null) {
                        factoryDeclarations.add(new Resolver.Scoped(c, scope));
                    } else {
                        addApiRoute(node, c, scope);
                    }
                }
            }
            case "add_router" -> {
                RouterNode api = router(a.value(), scope);
                Expr added = c.arg(1, "router");
                RouterNode child = added == null ? null : added instanceof Expr.Str ? routerNamed(added, scope)
                        : router(added, scope);
                if (api != null && api.kind().isNinja() && child != null && child.kind() == RouterKind.NINJA_ROUTER) {
                    Expr prefix = c.arg(0, "prefix");
                    mountsByChild.computeIfAbsent(child, k -> new ArrayList<>()).add(new Mount(api, child,
                            prefix == null ? null : Piece.of(prefix, scope, resolver), scope.module.isTest()));
                }
            }
            case "init_app" -> {
                RouterNode api = router(a.value(), scope);
                Expr wrapped = c.arg(0, "app");
                if (api != null && api.kind() == RouterKind.RESTFUL_API && wrapped != null) {
                    mountApi(router(wrapped, scope), api, scope);
                }
            }
            case "add_resource" -> {
                RouterNode api = router(a.value(), scope);
                if (api != null && (api.kind() == RouterKind.RESTFUL_API || api.kind() == RouterKind.RESTX_NAMESPACE)
                        && !c.args().isEmpty()) {
                    addResource(api, c, scope);
                }
            }
            case "namespace" -> {
                RouterNode api = router(a.value(), scope);
                if (api != null && api.kind() == RouterKind.RESTFUL_API && router(c, scope) instanceof RouterNode ns) {
                    mountNamespace(api, ns, null, scope);
                }
            }
            case "add_namespace" -> {
                RouterNode api = router(a.value(), scope);
                Expr added = c.arg(0, "ns");
                if (api != null && api.kind() == RouterKind.RESTFUL_API && added != null
                        && router(added, scope) instanceof RouterNode ns && ns.kind() == RouterKind.RESTX_NAMESPACE) {
                    mountNamespace(api, ns, c.arg(1, "path"), scope);
                }
            }
            case "add_url_rule" -> {
                RouterNode node = router(a.value(), scope);
                if (node == null && resolver.resolve(a.value(), scope) instanceof Sym.ParameterSym
                        || node != null && node.kind().isFlask() && pathFromParameter(c.arg(0, "rule"), scope)) {
                    helperDeclarations.add(new Resolver.Scoped(c, scope));
                } else if (node != null && node.kind().isFlask()) {
                    if (decoratorFactory(c.arg(2, "view_func"), scope) != null) {
                        factoryDeclarations.add(new Resolver.Scoped(c, scope));
                    } else {
                        addUrlRule(node, c, scope);
                    }
                }
            }
            case "register" -> register(c, a, scope, 0);
            default -> {
                RouterNode node = router(a.value(), scope);
                if (node != null && node.kind() == RouterKind.RESTFUL_API && !c.args().isEmpty()) {
                    resourceHelper(node, a.attr(), c, scope);
                }
            }
        }
    }

    /**
     * A method of a repository subclass of Flask-RESTful's {@code Api} that hands its resource and
     * URLs on to {@code self.add_resource} (Redash's
     * {@code add_org_resource(self, resource, *urls, **kwargs)}): each call of it adds the resource
     * at the call's URLs. When the method rewrites the URLs first, each is reported as written,
     * unresolved, with the rewriting expression as raw text.
     */
    private void resourceHelper(RouterNode api, String name, Expr.Call c, Scope scope) {
        if (api.constructor() == null
                || !(resolver.resolve(api.constructor().func(), api.scope()) instanceof Sym.ClassSym cls)) {
            return;
        }
        Stmt.FunctionDef method = null;
        for (Stmt statement : cls.def().body()) {
            if (statement instanceof Stmt.FunctionDef f && f.name().equals(name) && f.params().size() >= 2) {
                method = f;
            }
        }
        if (method == null) {
            return;
        }
        Expr.Call forwarded = null;
        String rewritten = null;
        List<String> params = method.params().stream().map(Stmt.Param::name).toList();
        for (Stmt statement : method.body()) {
            Expr e = statement instanceof Stmt.ExprStmt x ? x.expr() : statement instanceof Stmt.Return r ? r.value() : null;
            if (e instanceof Expr.Call call && call.func() instanceof Expr.Attribute at && at.attr().equals("add_resource")
                    && at.value() instanceof Expr.Name self && self.id().equals(params.get(0))) {
                forwarded = call;
            }
            if (statement instanceof Stmt.Assign assign && assign.value() != null) {
                for (Expr target : assign.targets()) {
                    if (target instanceof Expr.Name t && params.contains(t.id())) {
                        rewritten = assign.value().text(cls.body().module.text);
                    }
                }
            }
        }
        if (forwarded == null || forwarded.args().size() < 2
                || !(forwarded.args().get(0) instanceof Expr.Name resourceParam)
                || !(forwarded.args().get(1) instanceof Expr.Starred star) || !(star.value() instanceof Expr.Name urlsParam)) {
            return;
        }
        int resourceAt = params.indexOf(resourceParam.id()) - 1;
        int urlsFrom = params.indexOf(urlsParam.id()) - 1;
        if (resourceAt < 0 || urlsFrom < 0 || resourceAt >= c.args().size()) {
            return;
        }
        Expr resource = c.args().get(resourceAt);
        String text = resource.text(scope.module.text);
        Methods methods = resourceMethods(resource, scope);
        for (Expr url : c.args().subList(Math.min(urlsFrom, c.args().size()), c.args().size())) {
            if (url instanceof Expr.Starred) {
                continue;
            }
            Piece path = Piece.of(url, scope, resolver);
            if (rewritten != null) {
                path = new Piece(path.text(), false, rewritten);
            }
            declarations.add(new Declaration(api, methods, url, scope, c.line(), text, c.text(scope.module.text), path));
        }
    }

    /**
     * A route a helper declares on its app or blueprint parameter (Flask's documented
     * {@code register_api(app, view, endpoint, url)}, FlaskBB's
     * {@code register_view(bp, routes=[...], view_func=...)}): one declaration per statement-level
     * call of the helper (and per element when the path runs over a list), read with that call's
     * arguments and declared at the call's line.
     */
    private void helperDeclaration(Expr.Call c, Scope scope) {
        Expr.Attribute a = (Expr.Attribute) c.func();
        boolean flask = a.attr().equals("add_url_rule");
        Expr pathExpr = flask ? c.arg(0, "rule") : c.arg(0, "path");
        if (rulesOfSubclassVerbs.contains(c)) {
            return;
        }
        if (router(a.value(), scope) instanceof RouterNode global) {
            globalRouterHelperDeclaration(global, c, scope, flask);
            return;
        }
        if (!(resolver.resolve(a.value(), scope) instanceof Sym.ParameterSym param)) {
            return;
        }
        if (Resolver.selfOf(param.binding()) instanceof Sym.ClassSym cls) {
            // `self.add_url_rule(...)` in a method of a Flask or Blueprint subclass (klaus, flask-dance):
            // a rule of every instance the repository makes of it or of its subclasses, declared where
            // the method writes it.
            for (Resolver.Scoped made : instances.of(cls)) {
                if (resolver.resolve(made.expr(), made.scope()) instanceof Sym.RouterSym instance
                        && instance.node().kind().isFlask() == flask) {
                    for (Map<Binding, Resolver.Scoped> env : withLoopOver(pathExpr, scope, Map.of())) {
                        resolver.with(env, () -> declareHelperRoute(instance.node(), c, scope, env, flask,
                                new Resolver.Scoped(c, scope)));
                    }
                }
            }
            return;
        }
        declarePerCall(param.binding().function(), param.binding().scope(), c, scope, flask);
    }

    /**
     * A rule a helper adds to a module-level app, its path made of the helper's parameters (the
     * Flask documentation's {@code def register_api(view, endpoint, url, pk="id"):
     * app.add_url_rule(url, view_func=view.as_view(endpoint))}): declared per call of the helper;
     * as written (unresolved) when nothing calls it.
     */
    private void globalRouterHelperDeclaration(RouterNode node, Expr.Call c, Scope scope, boolean flask) {
        if (declarePerCall(functionOf.get(scope), scope, c, scope, flask)) {
            return;
        }
        if (flask) {
            addUrlRule(node, c, scope);
        } else {
            addApiRoute(node, c, scope);
        }
    }

    /**
     * The rule {@code c} written in {@code helper} (whose body is {@code body}): one declaration per
     * statement-level call of the helper (and per element when the path runs over a list), read
     * with that call's arguments and declared at the call. False when nothing calls the helper.
     */
    private boolean declarePerCall(Stmt.FunctionDef helper, Scope body, Expr.Call c, Scope scope, boolean flask) {
        Expr.Attribute a = (Expr.Attribute) c.func();
        Expr pathExpr = flask ? c.arg(0, "rule") : c.arg(0, "path");
        List<Resolver.Scoped> sites = callSites(helper, Map.of());
        for (Resolver.Scoped site : sites) {
            Map<Binding, Resolver.Scoped> args = arguments(helper, body, (Expr.Call) site.expr(), site.scope());
            for (Map<Binding, Resolver.Scoped> env : withLoopOver(pathExpr, scope, args)) {
                resolver.with(env, () -> {
                    RouterNode node = router(a.value(), scope);
                    if (node != null && (flask ? node.kind().isFlask() : node.kind().isFastApi())) {
                        declareHelperRoute(node, c, scope, env, flask, site);
                    }
                    return null;
                });
            }
        }
        return !sites.isEmpty();
    }

    /**
     * Whether {@code path} names a parameter of the plain function (not a method: its calls do not
     * pass {@code self}) whose body {@code scope} is.
     */
    private boolean pathFromParameter(Expr path, Scope scope) {
        Stmt.FunctionDef function = functionOf.get(scope);
        boolean method = scope.parent != null && scope.parent.kind == Scope.Kind.CLASS;
        return path != null && function != null && !method && namesParameter(path, scope, function);
    }

    private boolean namesParameter(Expr e, Scope scope, Stmt.FunctionDef function) {
        return switch (e) {
            case Expr.Name n -> resolver.lookup(scope, n) instanceof Binding.Parameter p && p.function() == function;
            case Expr.Attribute a -> namesParameter(a.value(), scope, function);
            case Expr.Call call -> namesParameter(call.func(), scope, function)
                    || call.args().stream().anyMatch(x -> namesParameter(x, scope, function))
                    || call.keywords().stream().anyMatch(k -> namesParameter(k.value(), scope, function));
            case Expr.Str str -> str.parts().stream().anyMatch(part -> part instanceof Expr.Field f && f.expr() != null
                    && namesParameter(f.expr(), scope, function));
            case Expr.Seq seq -> seq.elements().stream().anyMatch(x -> namesParameter(x, scope, function));
            case Expr.BinOp op -> namesParameter(op.left(), scope, function) || namesParameter(op.right(), scope, function);
            case Expr.Starred star -> namesParameter(star.value(), scope, function);
            case Expr.Subscript sub -> namesParameter(sub.value(), scope, function)
                    || namesParameter(sub.index(), scope, function);
            case Expr.Conditional cond -> namesParameter(cond.body(), scope, function)
                    || namesParameter(cond.orElse(), scope, function);
            case Expr.Dict d -> false;
            case Expr.Lambda l -> false;
            case Expr.Opaque o -> false;
        };
    }

    /**
     * The route {@code c} (an {@code add_url_rule} or {@code add_api_route} written in a helper)
     * declares on {@code node}, read with {@code env} in force (the caller sets it), declared at
     * {@code site}: the helper's call, or {@code c} itself for a subclass's own rules.
     */
    private Void declareHelperRoute(RouterNode node, Expr.Call c, Scope scope, Map<Binding, Resolver.Scoped> env,
            boolean flask, Resolver.Scoped site) {
        Resolver.Scoped view = argumentOf(flask ? c.arg(2, "view_func") : c.arg(1, "endpoint"), scope, env);
        if (view == null || Resolver.isNone(view.expr())) {
            return null;
        }
        Expr pathExpr = flask ? c.arg(0, "rule") : c.arg(0, "path");
        Piece path = pathExpr == null ? Piece.unresolved(c.text(scope.module.text)) : Piece.of(pathExpr, scope, resolver);
        Methods methods = flask ? urlRuleMethods(methodsArgument(c, scope), view, scope)
                : methodsOf(c, scope, List.of("GET"));
        declarations.add(new Declaration(node, methods, pathExpr, site.scope(), site.expr().line(),
                handler(view.expr(), view.scope()), site.expr().text(site.scope().module.text), path));
        return null;
    }

    private void addApiRoute(RouterNode node, Expr.Call c, Scope scope) {
        Expr.Attribute a = (Expr.Attribute) c.func();
        Methods methods = a.attr().contains("websocket") ? new Methods(List.of("WEBSOCKET"), null)
                // Starlette's add_route, like its Route, serves a class endpoint's own verbs.
                : a.attr().equals("add_route") && methodsArgument(c, scope) == null
                        ? starlette.defaultMethods(c.arg(1, "endpoint"), scope)
                : methodsOf(c, scope, List.of("GET"));
        declarePerElement(node, methods, c, c.arg(0, "path"), c.arg(1, "endpoint"), scope);
    }

    /**
     * One declaration of {@code c}; or, when its path is made of a loop variable, one per element of
     * the loop's literal ({@code for p, fn in {"/a": a, "/b": b}.items(): router.add_api_route(p, fn)}),
     * each with that element's path and view.
     */
    private void declarePerElement(RouterNode node, Methods methods, Expr.Call c, Expr path, Expr view, Scope scope) {
        List<Map<Binding, Resolver.Scoped>> perElement = withLoopOver(path, scope, Map.of());
        if (perElement.size() == 1 && perElement.getFirst().isEmpty()) {
            declarations.add(new Declaration(node, methods, path, scope, c.line(), handler(view, scope),
                    c.text(scope.module.text)));
            return;
        }
        for (Map<Binding, Resolver.Scoped> env : perElement) {
            Piece piece = resolver.with(env, () -> Piece.of(path, scope, resolver));
            Resolver.Scoped element = argumentOf(view, scope, env);
            declarations.add(new Declaration(node, methods, path, scope, c.line(),
                    element == null ? handler(null, scope) : handler(element.expr(), element.scope()),
                    c.text(scope.module.text), piece));
        }
    }

    /**
     * The decorator factory a rule is written in, when its view is the function the factory's
     * decorator is given ({@code def expose(rule): def wrap(fn): bp.add_url_rule(rule,
     * view_func=fn); return fn; return wrap}); else null.
     */
    private DecoratorFactory decoratorFactory(Expr view, Scope scope) {
        if (view == null || !(resolver.resolve(view, scope) instanceof Sym.ParameterSym p)
                || p.binding().index() != 0) {
            return null;
        }
        Stmt.FunctionDef inner = p.binding().function();
        Scope outerBody = p.binding().scope().parent;
        Stmt.FunctionDef outer = outerBody == null ? null : functionOf.get(outerBody);
        if (outer == null) {
            return null;
        }
        return DecoratorFactories.returns(outer, inner.name()) ? new DecoratorFactory(outer, outerBody) : null;
    }

    /**
     * A rule written in a decorator factory: one route per use of the factory as a decorator
     * ({@code @expose("/ping")} on {@code def ping}), read with that use's arguments, declared at
     * the decorator's line with the decorated function as handler. A factory nobody uses keeps
     * its rule as written, unresolved.
     */
    private void factoryDeclaration(Expr.Call c, Scope scope) {
        Expr.Attribute a = (Expr.Attribute) c.func();
        boolean flask = a.attr().equals("add_url_rule");
        Expr view = flask ? c.arg(2, "view_func") : c.arg(1, "endpoint");
        Expr pathExpr = flask ? c.arg(0, "rule") : c.arg(0, "path");
        var uses = usesOf(decoratorFactory(view, scope));
        for (var entry : uses) {
            DecoratorUse use = entry.getKey();
            for (Map<Binding, Resolver.Scoped> env : withLoopOver(pathExpr, scope, entry.getValue())) {
                resolver.with(env, () -> {
                    RouterNode node = router(a.value(), scope);
                    if (node == null || (flask ? !node.kind().isFlask() : !node.kind().isFastApi())) {
                        return null;
                    }
                    Piece path = pathExpr == null ? Piece.unresolved(c.text(scope.module.text))
                            : Piece.of(pathExpr, scope, resolver);
                    Methods methods = flask
                            ? urlRuleMethods(methodsArgument(c, scope), new Resolver.Scoped(view, scope), scope)
                            : a.attr().contains("websocket") ? new Methods(List.of("WEBSOCKET"), null)
                            : methodsOf(c, scope, List.of("GET"));
                    declarations.add(new Declaration(node, methods, pathExpr, use.scope(), use.call().line(),
                            use.handler(), use.call().text(use.scope().module.text), path));
                    return null;
                });
            }
        }
        if (uses.isEmpty()) {
            RouterNode node = router(a.value(), scope);
            if (flask) {
                addUrlRule(node, c, scope);
            } else {
                addApiRoute(node, c, scope);
            }
        }
    }

    /** Runs {@code work} on each item; code shaped beyond what this reader anticipates costs only that item's routes. */
    private static <T> void eachGuarded(List<T> items, java.util.function.Consumer<T> work) {
        for (T item : items) {
            try {
                work.accept(item);
            } catch (RuntimeException | StackOverflowError unreadable) {
                // one mount or declaration lost, not the repository's routes
            }
        }
    }

    private static String simpleName(Expr func) {
        return func instanceof Expr.Name n ? n.id() : func instanceof Expr.Attribute a ? a.attr() : null;
    }

    /** {@code env}, or one environment per element when {@code path} is made of a loop variable. */
    private List<Map<Binding, Resolver.Scoped>> withLoopOver(Expr path, Scope scope,
            Map<Binding, Resolver.Scoped> env) {
        Sym.LoopSym loop = resolver.with(env, () -> loopIn(path, scope, 0));
        if (loop == null) {
            return List.of(env);
        }
        List<Resolver.Scoped> items = resolver.with(env, () -> resolver.elements(loop.loop().iterable(),
                loop.scope()));
        if (items == null) {
            return List.of(env);
        }
        List<Map<Binding, Resolver.Scoped>> out = new ArrayList<>();
        for (Resolver.Scoped item : items) {
            out.add(withItem(env, loop, item));
        }
        return out;
    }

    /** {@code env} with the loop's variables bound to the parts of one element of its iterable. */
    private static Map<Binding, Resolver.Scoped> withItem(Map<Binding, Resolver.Scoped> env, Sym.LoopSym loop,
            Resolver.Scoped item) {
        Map<Binding, Resolver.Scoped> withItem = new IdentityHashMap<>(env);
        for (Binding.LoopVariable v : loopVariables(loop)) {
            Resolver.Scoped part = part(item, v.index());
            if (part != null) {
                withItem.put(v, part);
            }
        }
        return withItem;
    }

    /** What a parameter of the helper stands for at this call ({@code view_func=view_func}); else {@code e} itself. */
    private Resolver.Scoped argumentOf(Expr e, Scope scope, Map<Binding, Resolver.Scoped> env) {
        if (e == null) {
            return null;
        }
        if (e instanceof Expr.Name n && env.get(resolver.lookup(scope, n)) instanceof Resolver.Scoped v) {
            return v;
        }
        return new Resolver.Scoped(e, scope);
    }

    private Methods urlRuleMethods(Resolver.Scoped explicit, Resolver.Scoped view, Scope scope) {
        if (explicit == null && asViewClass(view.expr(), view.scope()) instanceof Resolver.Scoped viewClass) {
            return resolver.resolve(viewClass.expr(), viewClass.scope()) instanceof Sym.ClassSym cls
                    ? viewMethods.of(cls, viewClass.scope(), viewClass.expr().text(viewClass.scope().module.text))
                    : new Methods(List.of("ANY"), view.expr().text(view.scope().module.text));
        }
        if (explicit == null && view.expr() instanceof Expr.Name f
                && viewFunctionMethods.getOrDefault(view.scope(), Map.of()).get(f.id()) instanceof Resolver.Scoped own) {
            // Flask reads a rule's methods from its view function when the rule gives none
            // (voltron's `api_post.methods = ["POST"]` before `add_url_rule("/request", "request", api_post)`).
            return methods(own.expr(), own.scope(), List.of("GET"));
        }
        return explicit == null ? methods(null, scope, List.of("GET"))
                : methods(explicit.expr(), explicit.scope(), List.of("GET"));
    }

    private void addUrlRule(RouterNode node, Expr.Call c, Scope scope) {
        Expr view = c.arg(2, "view_func");
        if (view == null || Resolver.isNone(view)) {
            // A rule naming only an endpoint ("/" -> "index") aliases a view declared elsewhere.
            return;
        }
        Methods methods = urlRuleMethods(methodsArgument(c, scope), new Resolver.Scoped(view, scope), scope);
        // `for rule in ["/a", "/b"]: bp.add_url_rule(rule, view_func=v)`: one route per element.
        declarePerElement(node, methods, c, c.arg(0, "rule"), view, scope);
    }

    /** {@code api.add_resource(Resource, "/a", "/b", endpoint=...)}: one declaration per URL, methods from the class. */
    private void addResource(RouterNode api, Expr.Call c, Scope scope) {
        Expr resource = c.args().get(0);
        String text = resource.text(scope.module.text);
        Methods methods = resourceMethods(resource, scope);
        for (Expr url : c.args().subList(1, c.args().size())) {
            if (!(url instanceof Expr.Starred)) {
                declarations.add(new Declaration(api, methods, url, scope, c.line(), text, c.text(scope.module.text)));
            }
        }
    }

    /** The methods a Flask-RESTful resource class answers; {@code ANY} when the class cannot be read. */
    private Methods resourceMethods(Expr resource, Scope scope) {
        String text = resource.text(scope.module.text);
        return resolver.resolve(resource, scope) instanceof Sym.ClassSym cls
                ? viewMethods.of(cls, scope, text) : new Methods(List.of("ANY"), text);
    }

    /**
     * A Flask-RESTX namespace added to an {@code Api}, under {@code path} when the adding call
     * gives one, else under the namespace's own {@code path=}, else under its name.
     */
    private void mountNamespace(RouterNode api, RouterNode ns, Expr path, Scope scope) {
        if (ns.kind() != RouterKind.RESTX_NAMESPACE || ns.constructor() == null) {
            return;
        }
        Piece prefix;
        if (path != null && !resolver.isNoneValue(path, scope)) {
            prefix = Piece.of(path, scope, resolver);
        } else {
            Expr.Call made = ns.constructor();
            Expr own = made.arg(2, "path");
            Expr name = made.arg(0, "name");
            prefix = own != null && !resolver.isNoneValue(own, ns.scope()) ? Piece.of(own, ns.scope(), resolver)
                    : name != null ? Piece.of(name, ns.scope(), resolver) : null;
        }
        mountsByChild.computeIfAbsent(ns, k -> new ArrayList<>())
                .add(new Mount(api, ns, prefix, scope.module.isTest()));
    }

    /** An Api mounted on the Flask app or blueprint it wraps (when that resolves; else it stands alone). */
    private void mountApi(RouterNode parent, RouterNode api, Scope scope) {
        if (parent != null && parent.kind().isFlask() && parent.kind() != RouterKind.RESTFUL_API) {
            mountsByChild.computeIfAbsent(api, k -> new ArrayList<>())
                    .add(new Mount(parent, api, null, scope.module.isTest()));
        }
    }

    /**
     * The router a dotted string names ({@code api.add_router("/events", "events.api.router")},
     * as Django Ninja imports it): the module-level name in that repository module; else null.
     */
    private RouterNode routerNamed(Expr dotted, Scope scope) {
        return resolver.dotted(resolver.string(dotted, scope), scope.module) instanceof Sym.RouterSym r ? r.node() : null;
    }

    /** The class of {@code X.as_view(...)}, directly or through a variable holding it; null otherwise. */
    private Resolver.Scoped asViewClass(Expr view, Scope scope) {
        if (view instanceof Expr.Call call && call.func() instanceof Expr.Attribute a && a.attr().equals("as_view")) {
            return new Resolver.Scoped(a.value(), scope);
        }
        if (view instanceof Expr.Name n && resolver.lookup(scope, n.id(), n.line()) instanceof Binding.Assigned as
                && as.value() instanceof Expr.Call call && call.func() instanceof Expr.Attribute a
                && a.attr().equals("as_view")) {
            return new Resolver.Scoped(a.value(), as.scope());
        }
        return null;
    }

    /**
     * werkzeug's {@code DispatcherMiddleware(app, {"/api": api_app})}, Flask's documented way of
     * serving several apps in one process: each Flask app of the dict serves under its key, from the
     * root (the first app keeps its own paths). A dict the analysis cannot read mounts nothing.
     */
    private void dispatcherMounts(Expr.Call c, Scope scope) {
        if (!(resolver.resolve(c.func(), scope) instanceof Sym.ExternalSym x) || !DISPATCHERS.contains(x.name())) {
            return;
        }
        Expr mounts = c.arg(1, "mounts");
        Resolver.Scoped dict = mounts instanceof Expr.Dict d ? new Resolver.Scoped(d, scope)
                : mounts != null && resolver.resolve(mounts, scope) instanceof Sym.ValueSym v && v.value() instanceof Expr.Dict
                        ? new Resolver.Scoped(v.value(), v.scope()) : null;
        if (dict == null) {
            return;
        }
        Expr.Dict literal = (Expr.Dict) dict.expr();
        for (int k = 0; k < literal.keys().size(); k++) {
            Expr key = literal.keys().get(k);
            if (key != null && router(literal.values().get(k), dict.scope()) instanceof RouterNode app
                    && app.kind() == RouterKind.FLASK_APP) {
                mountsByChild.computeIfAbsent(app, n -> new ArrayList<>()).add(new Mount(null, app,
                        Piece.of(key, dict.scope(), resolver), scope.module.isTest()));
            }
        }
    }

    private void mountCall(Expr.Call c, Scope scope) {
        Expr.Attribute a = (Expr.Attribute) c.func();
        MountCall kind = switch (a.attr()) {
            case "include_router" -> MountCall.INCLUDE_ROUTER;
            case "register_blueprint" -> MountCall.REGISTER_BLUEPRINT;
            default -> MountCall.ASGI_MOUNT;
        };
        Expr child = switch (kind) {
            case INCLUDE_ROUTER -> c.arg(0, "router");
            case REGISTER_BLUEPRINT -> c.arg(0, "blueprint");
            case ASGI_MOUNT -> c.arg(1, "app");
        };
        Expr prefix = switch (kind) {
            case INCLUDE_ROUTER -> c.arg(1, "prefix");
            case REGISTER_BLUEPRINT -> c.keyword("url_prefix");
            case ASGI_MOUNT -> c.arg(0, "path");
        };
        if (child == null) {
            return;
        }
        boolean fastApi = kind != MountCall.REGISTER_BLUEPRINT;
        for (Map<Binding, Resolver.Scoped> env : environments(a.value(), child, prefix, scope)) {
            resolver.with(env, () -> {
                RouterNode parent = router(a.value(), scope);
                if (kind == MountCall.ASGI_MOUNT && (parent == null || !parent.kind().isFastApi())) {
                    return null;
                }
                RouterNode node = router(child, scope);
                if (node == null && kind != MountCall.ASGI_MOUNT && parent != null
                        && parent.kind().isFastApi() == fastApi && opaque(child, scope, 0)) {
                    declareOpaqueMount(parent, c, child, prefix, scope);
                    return null;
                }
                if (node == null || node.kind().isFastApi() != fastApi || node.kind() == RouterKind.DRF_ROUTER
                        || (parent != null && parent.kind().isFastApi() != fastApi)) {
                    return null;
                }
                Piece piece = prefix == null || resolver.isNoneValue(prefix, scope) ? null
                        : Piece.of(prefix, scope, resolver);
                // A helper's mount is made by its caller: by test code when the call is in test code.
                boolean byTest = scope.module.isTest() || env.values().stream().anyMatch(v -> v.scope().module.isTest());
                mountsByChild.computeIfAbsent(node, k -> new ArrayList<>())
                        .add(new Mount(parent, node, piece, byTest, ownPrefixOfFactoryCall(node, child, scope, env)));
                return null;
            });
        }
    }

    /**
     * The own prefix of a router a repository function makes from its parameters, read with the
     * arguments of the call mounted ({@code def make_crud(name): r = APIRouter(prefix=f"/{name}");
     * ...; return r} and {@code app.include_router(make_crud("widgets"))}: {@code /widgets}); null
     * when the mounted thing is no such call.
     */
    private Piece ownPrefixOfFactoryCall(RouterNode node, Expr child, Scope scope, Map<Binding, Resolver.Scoped> env) {
        if (node.ownPrefix() == null || !(child instanceof Expr.Call call)
                || !(resolver.resolve(call.func(), scope) instanceof Sym.FunctionSym f) || node.scope() != f.body()) {
            return null;
        }
        // The mount's own values (a loop variable given as the argument) stay in force.
        Map<Binding, Resolver.Scoped> args = new IdentityHashMap<>(env);
        args.putAll(arguments(f.def(), f.body(), call, scope));
        return resolver.with(args, () -> Piece.of(node.ownPrefix(), node.scope(), resolver));
    }

    /**
     * Whether a mounted expression that is no known router is one a library makes
     * ({@code fastapi_users.get_auth_router(backend)}, {@code get_swaggerui_blueprint(...)}, an
     * import from outside the repository, an attribute of a module {@code importlib} loads): its
     * routes are there but unreadable. A name bound to nothing the analysis sees (a circular
     * import), a parameter no call binds, a module, class or function, is no such router.
     */
    private boolean opaque(Expr e, Scope scope, int depth) {
        if (depth > 8) {
            return false;
        }
        Sym sym = resolver.resolve(e, scope);
        if (sym instanceof Sym.ExternalSym) {
            return true;
        }
        if (sym instanceof Sym.ValueSym v) {
            return v.value() instanceof Expr.Call;
        }
        if (!(sym instanceof Sym.Unknown)) {
            return false;
        }
        return switch (e) {
            case Expr.Call call -> true;
            case Expr.Attribute a -> opaque(a.value(), scope, depth + 1);
            default -> false;
        };
    }

    /**
     * The routes a router the analysis cannot read serves ({@code app.include_router(
     * fastapi_users.get_auth_router(backend), prefix="/auth/jwt")}) are not dropped: one route, method
     * {@code ANY}, unresolved, at the mount's prefix, as Django reports an include it cannot follow.
     */
    private void declareOpaqueMount(RouterNode parent, Expr.Call c, Expr child, Expr prefix, Scope scope) {
        Piece path = prefix == null || resolver.isNoneValue(prefix, scope) ? Piece.literal("")
                : Piece.of(prefix, scope, resolver);
        String text = child.text(scope.module.text);
        declarations.add(new Declaration(parent, new Methods(List.of("ANY"), text), prefix, scope, c.line(),
                handler(child, scope), text, path));
    }

    /**
     * The values under which one mount call is to be read: none; or, when the mounted thing is a
     * loop variable, one per element of the loop's list ({@code for r in [a, b]},
     * {@code for path, r in [("/a", a), ...]}); and, when the router or the app is a parameter of
     * a helper ({@code def _include(router, path): app.include_router(router, prefix=path)}), one
     * per call of the helper, with its arguments for the parameters.
     */
    private List<Map<Binding, Resolver.Scoped>> environments(Expr parentExpr, Expr childExpr, Expr prefixExpr,
            Scope scope) {
        List<Map<Binding, Resolver.Scoped>> envs = new ArrayList<>();
        Sym.LoopSym loop = resolver.resolve(childExpr, scope) instanceof Sym.LoopSym l ? l
                : loopUnder(childExpr, scope) instanceof Sym.LoopSym l ? l
                : loopIn(prefixExpr, scope, 0);
        if (loop != null) {
            List<Resolver.Scoped> items = resolver.elements(loop.loop().iterable(), loop.scope());
            if (items == null) {
                return List.of();
            }
            List<Binding.LoopVariable> vars = loopVariables(loop);
            for (Resolver.Scoped item : items) {
                Map<Binding, Resolver.Scoped> env = new IdentityHashMap<>();
                for (Binding.LoopVariable v : vars) {
                    Resolver.Scoped part = part(item, v.index());
                    if (part != null) {
                        env.put(v, part);
                    }
                }
                envs.add(env);
            }
        } else {
            envs.add(new IdentityHashMap<>());
        }
        List<Map<Binding, Resolver.Scoped>> out = new ArrayList<>();
        for (Map<Binding, Resolver.Scoped> env : envs) {
            Binding.Parameter param = resolver.with(env, () -> {
                if (resolver.resolve(childExpr, scope) instanceof Sym.ParameterSym p) {
                    return p.binding();
                }
                return resolver.resolve(parentExpr, scope) instanceof Sym.ParameterSym p ? p.binding() : null;
            });
            List<Resolver.Scoped> sites = param == null ? List.of() : callSites(param.function(), env);
            if (sites.isEmpty()) {
                out.add(env);
                continue;
            }
            for (Resolver.Scoped site : sites) {
                Map<Binding, Resolver.Scoped> withArgs = new IdentityHashMap<>(env);
                withArgs.putAll(arguments(param.function(), param.scope(), (Expr.Call) site.expr(), site.scope()));
                out.add(withArgs);
            }
        }
        return out;
    }

    /**
     * The loop variable an attribute is read from ({@code for module in (auth, blog):
     * app.register_blueprint(module.bp)} mounts each module's blueprint), or a factory call is given.
     */
    private Sym.LoopSym loopUnder(Expr e, Scope scope) {
        if (dictRead(e) instanceof Expr.Name n && resolver.resolve(n, scope) instanceof Sym.LoopSym l) {
            // for c in [{"router": r, ...}]: app.include_router(c["router"]) (also c.get("router"))
            return l;
        }
        if (e instanceof Expr.Call call) {
            // for kind in ["bolts", "nuts"]: app.include_router(make_crud(kind))
            List<Expr> args = new ArrayList<>(call.args());
            call.keywords().forEach(k -> args.add(k.value()));
            for (Expr arg : args) {
                if (loopIn(arg, scope, 0) instanceof Sym.LoopSym l) {
                    return l;
                }
            }
            return null;
        }
        Expr base = e;
        for (int depth = 0; base instanceof Expr.Attribute a && depth < 8; depth++) {
            base = a.value();
        }
        return base != e && base instanceof Expr.Name n && resolver.resolve(n, scope) instanceof Sym.LoopSym l ? l : null;
    }

    /**
     * The loop whose variable a prefix is made of ({@code for v in ["/v1", "/v2"]:
     * app.include_router(r, prefix=v)}, also {@code f"/{v}"} and {@code "/api" + v}); else null.
     */
    private Sym.LoopSym loopIn(Expr e, Scope scope, int depth) {
        if (e == null || depth > 8) {
            return null;
        }
        return switch (e) {
            case Expr.Name n -> resolver.resolve(n, scope) instanceof Sym.LoopSym l ? l : null;
            case Expr.BinOp b -> {
                Sym.LoopSym left = loopIn(b.left(), scope, depth + 1);
                yield left != null ? left : loopIn(b.right(), scope, depth + 1);
            }
            case Expr.Str str -> {
                for (Expr.StrPart part : str.parts()) {
                    if (part instanceof Expr.Field f && loopIn(f.expr(), scope, depth + 1) instanceof Sym.LoopSym l) {
                        yield l;
                    }
                }
                yield null;
            }
            // c["prefix"], c.get("prefix") of a loop over dicts
            case Expr.Subscript sub when dictRead(sub) != null -> loopIn(dictRead(sub), scope, depth + 1);
            case Expr.Call call when dictRead(call) != null -> loopIn(dictRead(call), scope, depth + 1);
            // "/{}".format(v)
            case Expr.Call call when call.func() instanceof Expr.Attribute a && a.attr().equals("format") -> {
                List<Expr> parts = new ArrayList<>(call.args());
                call.keywords().forEach(k -> parts.add(k.value()));
                for (Expr part : parts) {
                    if (loopIn(part, scope, depth + 1) instanceof Sym.LoopSym l) {
                        yield l;
                    }
                }
                yield null;
            }
            default -> null;
        };
    }

    /** The dict {@code d["k"]} or {@code d.get("k")} reads from; null for any other expression. */
    private static Expr dictRead(Expr e) {
        if (e instanceof Expr.Subscript sub) {
            return sub.value();
        }
        if (e instanceof Expr.Call c && c.func() instanceof Expr.Attribute f && f.attr().equals("get")
                && !c.args().isEmpty()) {
            return f.value();
        }
        return null;
    }

    static List<Binding.LoopVariable> loopVariables(Sym.LoopSym loop) {
        List<String> names = new ArrayList<>();
        if (loop.loop().target() instanceof Expr.Name n) {
            names.add(n.id());
        } else if (loop.loop().target() instanceof Expr.Seq seq) {
            for (Expr e : seq.elements()) {
                if (e instanceof Expr.Name n) {
                    names.add(n.id());
                }
            }
        }
        List<Binding.LoopVariable> vars = new ArrayList<>();
        for (String name : names) {
            for (Binding b : loop.scope().bindings(name)) {
                if (b instanceof Binding.LoopVariable v && v.loop() == loop.loop()) {
                    vars.add(v);
                }
            }
        }
        return vars;
    }

    /** The statement-level calls of {@code function} anywhere in the repository. */
    private List<Resolver.Scoped> callSites(Stmt.FunctionDef function, Map<Binding, Resolver.Scoped> env) {
        List<Resolver.Scoped> sites = new ArrayList<>();
        for (Resolver.Scoped call : callsByName.getOrDefault(function.name(), List.of())) {
            Expr func = ((Expr.Call) call.expr()).func();
            if (calls(func, call.scope(), env, function)) {
                sites.add(call);
            }
        }
        return sites;
    }

    /**
     * Whether {@code func} is {@code function}; also for some element of a loop over modules
     * ({@code for module in (auth, blog): module.register(app)} calls each module's register).
     */
    private boolean calls(Expr func, Scope scope, Map<Binding, Resolver.Scoped> env, Stmt.FunctionDef function) {
        if (resolver.with(env, () -> resolver.resolve(func, scope)) instanceof Sym.FunctionSym f && f.def() == function) {
            return true;
        }
        Sym.LoopSym loop = resolver.with(env, () -> loopUnder(func, scope));
        List<Resolver.Scoped> items = loop == null ? null : resolver.elements(loop.loop().iterable(), loop.scope());
        if (items == null) {
            return false;
        }
        for (Resolver.Scoped item : items) {
            if (resolver.with(withItem(env, loop, item), () -> resolver.resolve(func, scope)) instanceof Sym.FunctionSym f
                    && f.def() == function) {
                return true;
            }
        }
        return false;
    }

    /** The arguments of {@code call} for the parameters of {@code function}, defaults where none is given. */
    static Map<Binding, Resolver.Scoped> arguments(Stmt.FunctionDef function, Scope body, Expr.Call call,
            Scope callScope) {
        Map<Binding, Resolver.Scoped> args = new IdentityHashMap<>();
        boolean positionalKnown = call.args().stream().noneMatch(x -> x instanceof Expr.Starred);
        for (int i = 0; i < function.params().size(); i++) {
            Stmt.Param p = function.params().get(i);
            Expr value = p.keywords() ? otherKeywords(function, call) : call.keyword(p.name());
            Scope valueScope = callScope;
            if (p.keywords()) {
                // **kwargs takes no positional argument and has no default.
            } else if (value == null && positionalKnown && i < call.args().size()) {
                value = call.args().get(i);
            }
            if (value == null && p.defaultValue() != null && body.parent != null) {
                value = p.defaultValue();
                valueScope = body.parent;
            }
            if (value == null) {
                continue;
            }
            for (Binding b : body.bindings(p.name())) {
                if (b instanceof Binding.Parameter param && param.function() == function) {
                    args.put(b, new Resolver.Scoped(value, valueScope));
                }
            }
        }
        return args;
    }

    /**
     * What a {@code **kwargs} parameter receives: the call's keyword arguments no other parameter
     * takes, as a dict; null when the call spreads a {@code **mapping} of its own (not known).
     */
    private static Expr otherKeywords(Stmt.FunctionDef function, Expr.Call call) {
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        for (Expr.Keyword k : call.keywords()) {
            if (k.name() == null) {
                return null;
            }
            if (function.params().stream().noneMatch(p -> !p.keywords() && p.name().equals(k.name()))) {
                keys.add(new Expr.Str(List.of(new Expr.Text(k.name())), k.value().start(), k.value().start(),
                        k.value().line()));
                values.add(k.value());
            }
        }
        return new Expr.Dict(List.copyOf(keys), List.copyOf(values), call.start(), call.end(), call.line());
    }

    /**
     * The {@code methods=} of a route call: given by name, or inside a {@code **options} whose dict
     * is known ({@code **{"methods": [...]}}, a constant, the {@code **kwargs} a decorator factory's
     * use passed on); {@code unknown} when a {@code **} spread that cannot be read may hold it.
     */
    Resolver.Scoped methodsArgument(Expr.Call c, Scope scope) {
        Expr explicit = c.keyword("methods");
        if (explicit != null) {
            return new Resolver.Scoped(explicit, scope);
        }
        for (Expr.Keyword k : c.keywords()) {
            if (k.name() != null) {
                continue;
            }
            Resolver.Scoped dict = resolver.resolve(k.value(), scope) instanceof Sym.ValueSym v
                    && v.value() instanceof Expr.Dict ? new Resolver.Scoped(v.value(), v.scope())
                    : k.value() instanceof Expr.Dict literal ? new Resolver.Scoped(literal, scope) : null;
            if (dict == null) {
                return new Resolver.Scoped(new Expr.Opaque(k.value().start() - 2, k.value().end(), k.value().line()),
                        scope);
            }
            Expr.Dict d = (Expr.Dict) dict.expr();
            for (int i = 0; i < d.keys().size(); i++) {
                Resolver.StrVal key = resolver.string(d.keys().get(i), dict.scope());
                if (key.resolved() && key.text().equals("methods")) {
                    return new Resolver.Scoped(d.values().get(i), dict.scope());
                }
            }
        }
        return null;
    }

    /** Element {@code index} of a tuple item (the item itself for -1). */
    static Resolver.Scoped part(Resolver.Scoped item, int index) {
        if (index < 0) {
            return item;
        }
        return item.expr() instanceof Expr.Seq seq && index < seq.elements().size()
                ? new Resolver.Scoped(seq.elements().get(index), item.scope()) : null;
    }

    /** The methods {@code c} declares: its {@code methods=} argument, however passed ({@code fallback} when none). */
    private Methods methodsOf(Expr.Call c, Scope scope, List<String> fallback) {
        Resolver.Scoped given = methodsArgument(c, scope);
        return given == null ? methods(null, scope, fallback) : methods(given.expr(), given.scope(), fallback);
    }

    /** The methods of a {@code methods=[...]} argument ({@code fallback} when absent). */
    Methods methods(Expr e, Scope scope, List<String> fallback) {
        if (e == null || Resolver.isNone(e)) {
            return new Methods(fallback, null);
        }
        List<Resolver.Scoped> items = resolver.elements(e, scope);
        if (items == null) {
            return new Methods(List.of("ANY"), e.text(scope.module.text));
        }
        Set<String> names = new LinkedHashSet<>();
        for (Resolver.Scoped item : items) {
            Resolver.StrVal v = resolver.string(item.expr(), item.scope());
            if (!v.resolved()) {
                return new Methods(List.of("ANY"), e.text(scope.module.text));
            }
            names.add(v.text().toUpperCase(Locale.ROOT));
        }
        return new Methods(List.copyOf(names), null);
    }

    /** The handler text of a view passed by reference: {@code views.index}, {@code X} of {@code X.as_view()}. */
    String handler(Expr e, Scope scope) {
        if (e == null) {
            return "<anonymous>";
        }
        if (e instanceof Expr.Lambda) {
            return "<anonymous>";
        }
        if (asViewClass(e, scope) instanceof Resolver.Scoped viewClass
                && (e instanceof Expr.Call || viewClass.scope().kind != Scope.Kind.MODULE)) {
            // The class, also when a helper's local variable holds its view or a helper is given it
            // (`register_api(UserAPI, ...)` doing `view_func = view.as_view(endpoint)`); a module's
            // variable is a name of its own (zulip's `help_documentation_view`), kept as written.
            Resolver.Scoped shown = resolver.given(viewClass.expr(), viewClass.scope()) instanceof Resolver.Scoped given
                    ? given : viewClass;
            return oneLine(shown.expr().text(shown.scope().module.text));
        }
        return oneLine(e.text(scope.module.text));
    }

    /**
     * A handler written over several lines (django-cas-server's {@code sensitive_post_parameters(
     * "password")(\n views.LoginView.as_view()\n)}) as one line, the way one would write it: a
     * line break and its indentation are dropped after an opening or before a closing bracket,
     * else one space.
     */
    static String oneLine(String text) {
        if (text.indexOf('\n') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (!Character.isWhitespace(ch)) {
                out.append(ch);
                i++;
                continue;
            }
            int end = i;
            boolean breaks = false;
            while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
                breaks |= text.charAt(end) == '\n';
                end++;
            }
            if (!breaks) {
                out.append(text, i, end);
            } else {
                char before = out.isEmpty() ? '(' : out.charAt(out.length() - 1);
                char after = end < text.length() ? text.charAt(end) : ')';
                if ("([{".indexOf(before) < 0 && ")]}".indexOf(after) < 0) {
                    out.append(' ');
                }
            }
            i = end;
        }
        return out.toString();
    }
}
