package dev.leviathan.engine.bootstrap.routes.javascript;

import dev.leviathan.engine.bootstrap.routes.Route;
import dev.leviathan.engine.bootstrap.routes.javascript.Value.Unknown;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the modules of a commit abstractly, the way Node would but knowing only what is static,
 * to see which Express apps and routers exist, which routes are declared on them and where they
 * are mounted. Modules are evaluated once, on first import; functions run when called (memoised on
 * their arguments, so a router factory called twice with the same arguments yields one router);
 * both branches of every {@code if} run; loops run once per element of a known array, else once.
 * Afterwards a sweep runs every function nobody called, binding parameters typed or named as
 * apps/routers to stand-in routers, so route modules loaded dynamically still count.
 *
 * <p>Everything is bounded: calls nest {@value #MAX_CALL_DEPTH} deep, a function runs at most
 * {@value #MAX_EXECUTIONS_PER_FUNCTION} times, a loop {@value Builtins#MAX_ITERATIONS} times, and a step
 * budget proportional to the input stops the whole evaluation.
 */
final class Evaluator {

    private static final int MAX_CALL_DEPTH = 24;
    private static final int MAX_EXECUTIONS_PER_FUNCTION = 16;
    private static final Set<String> REQUEST_NAMES = Set.of("req", "request", "res", "response", "ctx", "next");
    /**
     * A function that declared a route or mounted a router when it ran is a registration helper
     * (NodeBB's {@code setupApiRoute(router, verb, name, ...)}, called 114 times): each distinct
     * call of it runs, up to this many.
     */
    private static final int MAX_EXECUTIONS_OF_ROUTE_HELPERS = 1_024;
    private static final int MAX_INSTANCES_PER_CLASS = 16;
    private static final int MAX_CLASS_CHAIN = 16;
    /** Nested statements and expressions being evaluated, across calls: keeps the Java stack bounded. */
    private static final int MAX_NESTING = 1_200;

    /** The type names that make a parameter an app or router ({@code app: Express}, {@code r: express.Router}). */
    private static final Set<String> EXPRESS_TYPES = Set.of("Router", "IRouter", "Express", "Application");
    /** Annotations that say nothing: such a parameter is judged by its name, like an untyped one. */
    private static final Set<String> UNTYPED = Set.of("any", "unknown", "object", "Object");

    /** Thrown when the step budget is spent; unwinds everything. */
    private static final class Exhausted extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Exhausted() {
            super(null, null, false, false);
        }
    }

    private record CallKey(Value.Fn fn, Value self, List<Value> args) {
    }

    private record StandInKey(FunctionNode node, int offset) {
    }

    /**
     * What a function returns, of all its {@code return}s: the most telling one, so
     * {@code if (!ok) return null; … return router;} returns the router. Scalars that differ
     * ({@code if (!c.endpoints) return false; return true;}) are decided at run time: unknown.
     * Routers returned from branches the analysis could not decide stand beside each other:
     * {@code if (config.bucket == null) return express.Router(); return express.Router().get(…)}
     * returns the first with the second as its alternative, so mounting the result mounts both.
     * A string beside other strings or beside a value nobody knows is as an undecided {@code ?:}
     * or {@code ||} makes it: their common start, or a default ({@code if (!path) return '';
     * return addLeadingSlash(path)} is {@code ''} only when nothing is configured).
     */
    private static final class Returns {

        private Value value;
        private boolean scalarsDiffer;
        private String commonStart;
        private boolean textsDiffer;
        private boolean unknownBeside;

        void offer(Value v) {
            if (v instanceof Value.Text t && t.complete()) {
                if (commonStart == null) {
                    commonStart = t.known();
                } else if (!commonStart.equals(t.known())) {
                    textsDiffer = true;
                    int k = 0;
                    while (k < commonStart.length() && k < t.known().length()
                            && commonStart.charAt(k) == t.known().charAt(k)) {
                        k++;
                    }
                    commonStart = commonStart.substring(0, k);
                }
            } else if (v == Unknown.MAYBE_TEXT || v == Unknown.OPAQUE || v instanceof Value.Text) {
                unknownBeside = true;
            }
            if (v instanceof Value.Scalar now && value instanceof Value.Scalar before && !now.equals(before)) {
                scalarsDiffer = true;
            }
            if (v instanceof Value.Router now && value instanceof Value.Router before && now != before) {
                before.alternatives.add(now);
                before.alternatives.addAll(now.alternatives);
                before.alternatives.remove(before);
            }
            if (value == null || rank(v) > rank(value)) {
                value = v;
            }
        }

        private static int rank(Value v) {
            return switch (v) {
                case Value.Router r -> 4;
                case Value.RouteHandle h -> 4;
                case Value.Text t -> t.complete() ? 2 : 1;
                case Value.Scalar s -> 1;
                case Unknown u -> 0;
                default -> 3;
            };
        }

        Value result() {
            if (value instanceof Value.Text t && t.complete()) {
                if (textsDiffer) {
                    return new Value.Text(commonStart, false);
                }
                if (unknownBeside) {
                    return t.asDefault();
                }
            }
            return value == null || (scalarsDiffer && value instanceof Value.Scalar) ? Unknown.OPAQUE : value;
        }
    }

    private record Frame(Scope scope, Value self, ModuleRecord module, Value.ClassVal home, Returns returns) {

        Frame in(Scope inner) {
            return new Frame(inner, self, module, home, returns);
        }
    }

    private final Map<String, ModuleRecord> modules;
    private final ModuleResolver resolver;
    private final VendoredExpress vendored;
    private final FileTree tree;
    private final RouteLedger ledger = new RouteLedger();
    private final ExpressCalls express = new ExpressCalls(ledger);
    private final Map<CallKey, Value> memo = new HashMap<>();
    /** What the last call of a function that made an app or router returned, by its arguments. */
    private final Map<CallKey, Value> factoryResults = new HashMap<>();
    private final Set<CallKey> inProgress = new HashSet<>();
    private final Map<FunctionNode, Integer> executions = new IdentityHashMap<>();
    private final Set<FunctionNode> executed = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<FunctionNode> swept = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<FunctionNode, boolean[]> routerBound = new IdentityHashMap<>();
    /** Parameters that some run bound to a real app or router, not a stand-in. */
    private final Set<StandInKey> boundToRealRouter = new HashSet<>();
    private final Set<FunctionNode> routeHelpers = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<StandInKey, Value.Router> standIns = new HashMap<>();

    /** A branch of an {@code if} or {@code switch} whose test the analysis could not decide. */
    private record Branch(int construct, int index) {
    }

    /** The undecided branches being run, outermost first. */
    private final List<Branch> branches = new ArrayList<>();
    private int constructs;
    /** Where each variable holding a router was last assigned one: the branches then being run. */
    private final Map<Scope.Binding, List<Branch>> routerAssignedIn = new IdentityHashMap<>();
    private final List<Value.Fn> closures = new ArrayList<>();
    private final List<Value.ClassVal> classes = new ArrayList<>();
    /** Properties code sets on functions ({@code f.Router = …}), by the function value. */
    private final Map<Value.Fn, Map<String, Value>> functionProperties = new IdentityHashMap<>();
    /** Every app and router made so far, in order. */
    private final List<Value.Router> routersMade = new ArrayList<>();
    /** The routers a function made when the sweep ran it with nobody calling it. */
    private final Map<FunctionNode, List<Value.Router>> madeBySweep = new IdentityHashMap<>();
    /** Stand-ins for routers a swept function read out of an argument nobody passed, by function. */
    private final Map<FunctionNode, List<Value.Router>> bagStandIns = new IdentityHashMap<>();
    /** Functions code (not the sweep) called. */
    private final Set<FunctionNode> calledByCode = Collections.newSetFromMap(new IdentityHashMap<>());

    /** What each function declared when the sweep ran it on its own, with nothing passed. */
    private final Map<FunctionNode, List<RouteLedger.Declaration>> declaredBySweep = new IdentityHashMap<>();
    /** The routers a function made when code (not the sweep) called it. */
    private final Map<FunctionNode, List<Value.Router>> madeByCode = new IdentityHashMap<>();
    private final long stepBudget;
    private long steps;
    private int depth;
    /** Java frames of evaluation, counted so a left-deep {@code a + b + …} of a million terms cannot overflow. */
    private int nesting;
    private boolean exhausted;
    private boolean expressImported;
    /** The {@code break} or {@code continue} that ended the block being left, if that is how it ended. */
    private Stmt.Jump jump;

    Evaluator(Map<String, ModuleRecord> modules, ModuleResolver resolver, VendoredExpress vendored, FileTree tree,
            long stepBudget) {
        this.modules = modules;
        this.resolver = resolver;
        this.vendored = vendored;
        this.tree = tree;
        this.stepBudget = stepBudget;
    }

    /** Evaluates {@code seeds} (and whatever they import), sweeps, and returns the routes found. */
    List<Route> run(List<ModuleRecord> seeds) {
        for (ModuleRecord m : seeds) {
            guarded(() -> evaluate(m));
        }
        sweep();
        // A function the sweep ran with a stand-in before a real caller ran it with its router:
        // what it declared on the stand-in is already declared, with the real prefixes.
        Set<Value.Router> superseded = Collections.newSetFromMap(new IdentityHashMap<>());
        standIns.forEach((key, router) -> {
            if (boundToRealRouter.contains(key)) {
                superseded.add(router);
            }
        });
        // Likewise a router factory the sweep ran on its own before code that the sweep ran later
        // called it: what it made then, if nobody mounted it and a real call made the same again,
        // is a copy (json-server's routers reported once mounted and once at their own paths).
        // And a stand-in read out of an argument (`const {router} = parameters`) once code called the
        // function with a real argument: NodeBB's write API was reported twice.
        bagStandIns.forEach((node, made) -> {
            if (calledByCode.contains(node)) {
                superseded.addAll(made);
            }
        });
        madeBySweep.forEach((node, made) -> {
            List<Value.Router> real = madeByCode.get(node);
            if (real != null) {
                made.stream().filter(router -> !ledger.isMounted(router) && ledger.isCopy(router, real))
                        .forEach(superseded::add);
            }
        });
        // And what a function declared when the sweep ran it with nothing passed, on a router it
        // shares with the program, once code called it and the same call declared its route with
        // what was passed (@sap/cds' `registerWebhookEndpoints(BASE_PATH, …)`: swept before the
        // method that calls it, it declared the messaging routes again under a path nobody knew).
        List<List<RouteLedger.Declaration>> sweptThenCalled = new ArrayList<>();
        declaredBySweep.forEach((node, declared) -> {
            if (calledByCode.contains(node)) {
                sweptThenCalled.add(declared);
            }
        });
        return ledger.routes(superseded, ledger.restatedElsewhere(sweptThenCalled));
    }

    private void guarded(Runnable work) {
        if (exhausted) {
            return;
        }
        try {
            work.run();
        } catch (Exhausted e) {
            exhausted = true;
        } catch (RuntimeException | StackOverflowError e) {
            // odd source the analysis cannot follow: what was recorded so far stands
        }
    }

    private void step() {
        if (++steps > stepBudget) {
            throw new Exhausted();
        }
    }

    // ---- modules

    private void evaluate(ModuleRecord m) {
        if (m.state != ModuleRecord.State.NEW) {
            return;
        }
        m.state = ModuleRecord.State.EVALUATING;
        try {
            List<Stmt> program;
            try {
                program = Parser.parse(m.source, m.dialect);
            } catch (RuntimeException | StackOverflowError e) {
                program = List.of();
                m.cjsExports.open = true; // what it exports is not known
            }
            m.lines = new LineIndex(m.source);
            Scope scope = new Scope(null);
            m.scope = scope;
            scope.bind("module", new Scope.Slot(new Value.ModuleObject(m)));
            scope.bind("exports", new Scope.Slot(m.cjsExports));
            scope.bind("require", new Scope.Slot(new Value.Require(m)));
            String dir = m.path.lastIndexOf('/') < 0 ? "" : m.path.substring(0, m.path.lastIndexOf('/'));
            scope.bind("__dirname", new Scope.Slot(new Value.Text("/" + dir, true)));
            scope.bind("__filename", new Scope.Slot(new Value.Text("/" + m.path, true)));
            Frame frame = new Frame(scope, Unknown.OPAQUE, m, null, new Returns());
            try {
                hoist(program, frame);
                linkModule(program, frame);
            } catch (Exhausted e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                // imports that could not be linked stay unknown
            }
            for (Stmt s : program) {
                try {
                    exec(s, frame);
                } catch (Exhausted e) {
                    throw e;
                } catch (RuntimeException | StackOverflowError e) {
                    // a statement the analysis cannot follow: the module's other statements still count
                    m.cjsExports.open = true;
                    if (m.moduleExports instanceof Value.Obj o) {
                        o.open = true;
                    }
                }
            }
        } finally {
            m.state = ModuleRecord.State.DONE;
        }
    }

    /** Binds imports (evaluating what they import first) and registers exports, before the body runs. */
    private void linkModule(List<Stmt> program, Frame f) {
        ModuleRecord m = f.module();
        for (Stmt s : program) {
            switch (s) {
                case Stmt.Import imp -> bindImport(imp, f);
                case Stmt.ExportDecl e -> {
                    for (String name : declaredNames(e.declaration())) {
                        m.esmExports.put(name, f.scope().declare(name));
                    }
                }
                case Stmt.ExportDefault e -> {
                    String name = declaredNames(e.declaration() == null ? new Stmt.Empty() : e.declaration())
                            .stream().findFirst().orElse(null);
                    m.esmExports.put("default", name != null ? f.scope().declare(name)
                            : new Scope.Slot(Unknown.OPAQUE));
                }
                case Stmt.ExportNames e -> {
                    for (Stmt.Alias alias : e.names()) {
                        m.esmExports.put(alias.to(), e.source() == null ? localExport(alias.from(), f)
                                : importedBinding(m, e.source(), alias.from().equals("default")
                                        ? ModuleRecord.ImportKind.DEFAULT : ModuleRecord.ImportKind.NAMED,
                                        alias.from()));
                    }
                }
                case Stmt.ExportAll e -> {
                    if (e.alias() != null) {
                        m.esmExports.put(e.alias(), importedBinding(m, e.source(), ModuleRecord.ImportKind.NAMESPACE,
                                null));
                    } else {
                        ModuleRecord dep = resolveModule(m, e.source());
                        if (dep != null) {
                            evaluate(dep);
                            m.starExports.add(dep);
                        }
                    }
                }
                default -> {
                    // not an import or export
                }
            }
        }
    }

    private Scope.Binding localExport(String name, Frame f) {
        Scope.Binding b = f.scope().find(name);
        return b != null ? b : new Scope.Slot(Unknown.OPAQUE);
    }

    private void bindImport(Stmt.Import imp, Frame f) {
        ModuleRecord m = f.module();
        Scope scope = f.scope();
        if (imp.requireStyle()) {
            scope.bind(imp.defaultName(), importedBinding(m, imp.source(), ModuleRecord.ImportKind.REQUIRE, null));
            return;
        }
        if (imp.defaultName() != null) {
            scope.bind(imp.defaultName(), importedBinding(m, imp.source(), ModuleRecord.ImportKind.DEFAULT, null));
        }
        if (imp.namespaceName() != null) {
            scope.bind(imp.namespaceName(), importedBinding(m, imp.source(), ModuleRecord.ImportKind.NAMESPACE,
                    null));
        }
        for (Stmt.Alias alias : imp.names()) {
            ModuleRecord.ImportKind kind = alias.from().equals("default") ? ModuleRecord.ImportKind.DEFAULT
                    : ModuleRecord.ImportKind.NAMED;
            scope.bind(alias.to(), importedBinding(m, imp.source(), kind, alias.from()));
        }
        if (imp.defaultName() == null && imp.namespaceName() == null && imp.names().isEmpty()) {
            importedBinding(m, imp.source(), ModuleRecord.ImportKind.NAMESPACE, null); // `import './x'` runs x
        }
    }

    private Scope.Binding importedBinding(ModuleRecord from, String specifier, ModuleRecord.ImportKind kind,
            String name) {
        Value pkg = packageValue(from, specifier);
        if (pkg != null) {
            Value v = switch (kind) {
                case DEFAULT, NAMESPACE, REQUIRE -> pkg;
                case NAMED -> pkg == Value.ExpressModule.INSTANCE ? new Value.ExpressMember(name)
                        : pkg instanceof Value.NodeApi api ? NodeModules.member(api, name)
                        // a shim's export (`import { merge } from 'lodash'`)
                        : pkg instanceof Value.Obj shim ? getProperty(shim, name) : Unknown.OPAQUE;
            };
            return new Scope.Slot(v);
        }
        ModuleRecord dep = resolveModule(from, specifier);
        if (dep == null) {
            return new Scope.Slot(Unknown.OPAQUE);
        }
        evaluate(dep);
        return new ModuleRecord.ImportBinding(dep, kind, name);
    }

    /**
     * What an import is when it is Express, by package name or (Express's own package in the
     * commit) by path; null for everything else.
     */
    private Value packageValue(ModuleRecord from, String specifier) {
        Value.NodeApi node = NodeModules.module(specifier);
        if (node != null) {
            return node;
        }
        Value v = expressPackage(specifier);
        if (v == null && !vendored.isEmpty()) {
            Optional<String> path = resolver.resolve(from.path, specifier);
            v = path.isPresent() ? vendored.valueOf(path.get())
                    : vendored.valueOfTarget(ModuleResolver.target(from.path, specifier));
        }
        if (v == null && SHIMS.containsKey(specifier) && resolver.resolve(from.path, specifier).isEmpty()) {
            v = shim(specifier);
        }
        if (v != null) {
            expressImported = true;
        }
        return v;
    }

    /**
     * Packages outside the repository that decide how routers are mounted, as a few lines of
     * JavaScript doing what matters of what they do: {@code express-lazy-router}'s loader mounts
     * what its callback resolves to (Ghost's {@code app.lazyUse(path, () => require('./api'))}).
     * {@code http2-express} (and its fork {@code http2-express-bridge}) makes an app of the express
     * module it is given (node-media-server's {@code H2EBridge(Express)}). lodash's {@code merge}
     * builds settings that paths are made of.
     * {@code Promise} is one too: a promise of a router is, for mounting, the router.
     */
    /**
     * lodash's {@code merge(target, ...sources)}, deep: cncjs builds its settings (and the
     * {@code route} every path is joined onto) as {@code merge(settings, base, production)}.
     */
    private static final String LODASH_MERGE = """
            function merge(target) {
              Array.prototype.slice.call(arguments, 1).forEach(function (source) {
                if (source) {
                  Object.keys(source).forEach(function (key) {
                    var value = source[key];
                    if (typeof value === 'object' && typeof target[key] === 'object' && value && target[key]) {
                      merge(target[key], value);
                    } else {
                      target[key] = value;
                    }
                  });
                }
              });
              return target;
            }
            module.exports = merge;
            """;

    /**
     * Node's {@code util.inherits(ctor, superCtor)} (and the {@code inherits} package): the
     * constructor's prototype gets the parent's as its own, so {@code new Child()} has the
     * parent's methods.
     */
    private static final String INHERITS = "function (ctor, superCtor) {\n"
            + "  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);\n};\n";

    /**
     * Backstage's OpenAPI routers: an {@code express-promise-router} router that also validates
     * requests against the plugin's spec (its routes are the ones the plugin declares on it).
     */
    private static final String BACKSTAGE_OPENAPI_ROUTERS = """
            var Router = require('express-promise-router');
            exports.createValidatedOpenApiRouter = function (spec, options) { return Router(); };
            exports.createValidatedOpenApiRouterFromGeneratedEndpointMap = function (spec, options) { return Router(); };
            """;

    private static final Map<String, String> SHIMS = Map.ofEntries(
            Map.entry("express-lazy-router", "exports.createLazyRouter = function (options) {\n"
                    + "  return function lazyLoad(load) { return load(); };\n};\n"),
            Map.entry("http2-express", "module.exports = function (express) { return express(); };\n"),
            Map.entry("http2-express-bridge", "module.exports = function (express) { return express(); };\n"),
            Map.entry("Promise", "exports.resolve = function (value) { return value; };\n"),
            Map.entry("lodash/merge", LODASH_MERGE),
            Map.entry("lodash.merge", LODASH_MERGE),
            Map.entry("lodash", LODASH_MERGE.replace("module.exports = merge;", "exports.merge = merge;")),
            Map.entry("lodash-es", LODASH_MERGE.replace("module.exports = merge;", "exports.merge = merge;")),
            Map.entry("util", "exports.inherits = " + INHERITS),
            Map.entry("node:util", "exports.inherits = " + INHERITS),
            Map.entry("inherits", "module.exports = " + INHERITS),
            Map.entry("@backstage/backend-openapi-utils", BACKSTAGE_OPENAPI_ROUTERS));

    /**
     * Shims of a few members of a large package ({@code _.merge(settings, overrides)},
     * {@code util.inherits}): the rest of the package is as unknown as an absent package's.
     */
    private static final Set<String> OPEN_SHIMS = Set.of("lodash", "lodash-es", "util", "node:util",
            "@backstage/backend-openapi-utils");

    private final Map<String, ModuleRecord> shimModules = new HashMap<>();

    private Value shim(String name) {
        ModuleRecord m = shimModules.computeIfAbsent(name, k -> new ModuleRecord("node_modules/" + k + "/index.js",
                SHIMS.get(k), Parser.Dialect.JAVASCRIPT));
        evaluate(m);
        Value v = m.requireValue();
        if (OPEN_SHIMS.contains(name) && v instanceof Value.Obj o) {
            o.open = true;
        }
        return v;
    }

    /** Express's packages, and the entry modules of the express package imported by subpath. */
    private static Value expressPackage(String specifier) {
        switch (specifier) {
            case "express", "express-serve-static-core" -> {
                return Value.ExpressModule.INSTANCE;
            }
            // `router` is Express's router as a package of its own (Express 5 uses it; stremio-addon-sdk
            // builds its addon routes on `new Router()` from it and mounts them in an Express app)
            case "express-promise-router", "express-async-router", "router" -> {
                return new Value.ExpressMember("Router");
            }
            default -> {
                if (!specifier.startsWith("express/")) {
                    return null;
                }
                String sub = specifier.substring("express/".length());
                sub = sub.endsWith(".js") ? sub.substring(0, sub.length() - 3) : sub;
                sub = sub.endsWith("/") ? sub.substring(0, sub.length() - 1) : sub;
                return switch (sub) {
                    case "", "index", "lib/express" -> Value.ExpressModule.INSTANCE;
                    case "lib/router", "lib/router/index" -> new Value.ExpressMember("Router");
                    default -> null;
                };
            }
        }
    }

    private ModuleRecord resolveModule(ModuleRecord from, String specifier) {
        Optional<String> path = resolver.resolve(from.path, specifier);
        return path.map(modules::get).orElse(null);
    }

    private Value require(ModuleRecord from, String specifier) {
        Value pkg = packageValue(from, specifier);
        if (pkg != null) {
            return pkg;
        }
        ModuleRecord dep = resolveModule(from, specifier);
        if (dep == null) {
            return Unknown.OPAQUE;
        }
        evaluate(dep);
        return dep.requireValue();
    }

    // ---- declarations

    private void hoist(List<Stmt> body, Frame f) {
        for (Stmt s : body) {
            hoistOne(s, f);
        }
    }

    private void hoistOne(Stmt s, Frame f) {
        switch (s) {
            case Stmt.ExportDecl e -> hoistOne(e.declaration(), f);
            case Stmt.ExportDefault e when e.declaration() != null -> hoistOne(e.declaration(), f);
            case Stmt.FunctionDecl fd -> {
                FunctionNode fn = fd.function();
                if (fn.name() != null && (fn.body() != null || fn.expressionBody() != null)) {
                    f.scope().declare(fn.name()).set(makeFunction(fn, f));
                }
            }
            default -> {
                for (String name : declaredNames(s)) {
                    f.scope().declare(name);
                }
            }
        }
    }

    private static List<String> declaredNames(Stmt s) {
        List<String> names = new ArrayList<>();
        switch (s) {
            case Stmt.VarDecl v -> {
                for (Stmt.Declarator d : v.declarators()) {
                    patternNames(d.target(), names);
                }
            }
            case Stmt.FunctionDecl fd -> {
                if (fd.function().name() != null) {
                    names.add(fd.function().name());
                }
            }
            case Stmt.ClassDecl cd -> {
                if (cd.type().name() != null) {
                    names.add(cd.type().name());
                }
            }
            case Stmt.EnumDecl e -> names.add(e.name());
            default -> {
                // declares nothing
            }
        }
        return names;
    }

    private static void patternNames(Expr pattern, List<String> names) {
        switch (pattern) {
            case Expr.Name n -> names.add(n.name());
            case Expr.Assign a -> patternNames(a.target(), names);
            case Expr.Spread sp -> patternNames(sp.argument(), names);
            case Expr.ArrayLit a -> {
                for (Expr e : a.elements()) {
                    if (e != null) {
                        patternNames(e, names);
                    }
                }
            }
            case Expr.ObjectLit o -> {
                for (Expr.Property p : o.properties()) {
                    if (p.value() != null && p.kind() != Expr.Property.Kind.METHOD
                            && p.kind() != Expr.Property.Kind.ACCESSOR) {
                        patternNames(p.value(), names);
                    }
                }
            }
            default -> {
                // not a binding
            }
        }
    }

    // ---- statements

    /** Runs {@code s}; true when it certainly returns or throws, so the rest of its block is dead. */
    private boolean exec(Stmt s, Frame f) {
        step();
        if (nesting >= MAX_NESTING) {
            return false;
        }
        nesting++;
        try {
            return execUnguarded(s, f);
        } finally {
            nesting--;
        }
    }

    private boolean execUnguarded(Stmt s, Frame f) {
        switch (s) {
            case Stmt.VarDecl v -> {
                for (Stmt.Declarator d : v.declarators()) {
                    Value value = d.init() == null ? Unknown.UNDEFINED : eval(d.init(), f);
                    bind(d.target(), value, f, true);
                }
                return false;
            }
            case Stmt.FunctionDecl fd -> {
                return false;
            }
            case Stmt.ClassDecl cd -> {
                Value.ClassVal c = makeClass(cd.type(), f);
                if (cd.type().name() != null) {
                    f.scope().declare(cd.type().name()).set(c);
                }
                return false;
            }
            case Stmt.EnumDecl e -> {
                Value.Obj o = new Value.Obj(null);
                for (int k = 0; k < e.members().size(); k++) {
                    Expr init = e.initialisers().get(k);
                    o.properties.put(e.members().get(k), init == null ? new Value.Scalar(Integer.toString(k))
                            : eval(init, f));
                }
                f.scope().declare(e.name()).set(o);
                return false;
            }
            case Stmt.ExprStmt e -> {
                eval(e.expression(), f);
                return false;
            }
            case Stmt.Block b -> {
                return execBlock(b.body(), f);
            }
            case Stmt.If i -> {
                // a test the analysis knows runs one branch; any other runs both
                Boolean test = decided(i.test(), f);
                int construct = test == null ? enterUndecided() : -1;
                boolean then;
                boolean otherwise;
                try {
                    then = test != Boolean.FALSE && exec(i.then(), f.in(new Scope(f.scope())));
                    if (test == null) {
                        nextBranch(construct, 1);
                    }
                    otherwise = test != Boolean.TRUE && i.otherwise() != null
                            && exec(i.otherwise(), f.in(new Scope(f.scope())));
                } finally {
                    if (test == null) {
                        leaveUndecided();
                    }
                }
                if (test == Boolean.TRUE) {
                    return then;
                }
                if (test == Boolean.FALSE) {
                    return otherwise;
                }
                return then && otherwise;
            }
            case Stmt.Loop l -> {
                Frame inner = f.in(new Scope(f.scope()));
                if (l.init() != null) {
                    exec(l.init(), inner);
                }
                String copy = argumentsCopiedBy(l);
                if (copy != null && inner.scope().find("arguments") != null
                        && eval(new Expr.Name("arguments", 0, 0), inner) instanceof Value.Arr given) {
                    Value.Arr copied = new Value.Arr(given.elements);
                    assignTo(new Expr.Name(copy, 0, 0), copied, inner);
                    assignTo(new Expr.Name(copy, 0, 0), copied, f); // the `var` hoisted out of the loop
                    return false;
                }
                Boolean test = countsUp(l) ? decided(l.test(), inner) : null;
                if (test != Boolean.TRUE) {
                    // a test nobody can decide: the body runs once, so what it declares is seen
                    if (l.update() != null) {
                        eval(l.update(), inner);
                    }
                    exec(l.body(), inner);
                    jump = null;
                    forgetScalarsAssignedIn(l, inner);
                    return false;
                }
                // a test the analysis decides (`i < parts.length` over a known array) runs the loop
                // as JavaScript would, until the test is false or a `break` or `return` ends it
                boolean ended = false;
                for (int k = 0; k < Builtins.MAX_ITERATIONS; k++) {
                    boolean left = exec(l.body(), inner);
                    boolean stop = left && (jump == null || jump.isBreak());
                    jump = null;
                    if (stop) {
                        ended = true;
                        break;
                    }
                    if (l.update() != null) {
                        eval(l.update(), inner);
                    }
                    Boolean again = decided(l.test(), inner);
                    if (again != Boolean.TRUE) {
                        ended = again == Boolean.FALSE;
                        break;
                    }
                }
                if (!ended) {
                    forgetScalarsAssignedIn(l, inner);
                }
                return false;
            }
            case Stmt.ForEach fe -> {
                forEach(fe, f);
                return false;
            }
            case Stmt.Return r -> {
                f.returns().offer(r.value() == null ? Unknown.UNDEFINED : eval(r.value(), f));
                jump = null;
                return true;
            }
            case Stmt.Throw t -> {
                if (t.value() != null) {
                    eval(t.value(), f);
                }
                jump = null;
                return true;
            }
            case Stmt.Jump j -> {
                jump = j;
                return true;
            }
            case Stmt.Try t -> {
                execBlock(t.block().body(), f);
                if (t.handler() != null) {
                    Frame handler = f.in(new Scope(f.scope()));
                    if (t.parameter() != null) {
                        bind(t.parameter(), Unknown.OPAQUE, handler, true);
                    }
                    execBlock(t.handler().body(), handler);
                }
                if (t.finalizer() != null) {
                    execBlock(t.finalizer().body(), f);
                }
                return false;
            }
            case Stmt.Switch sw -> {
                return execSwitch(sw, f);
            }
            case Stmt.ExportDecl e -> {
                return exec(e.declaration(), f);
            }
            case Stmt.ExportDefault e -> {
                if (e.declaration() != null) {
                    exec(e.declaration(), f);
                } else {
                    Value v = eval(e.value(), f);
                    if (f.scope() == f.module().scope) {
                        f.module().esmExports.get("default").set(v);
                    }
                }
                return false;
            }
            case Stmt.ExportAssign e -> {
                f.module().moduleExports = eval(e.value(), f);
                return false;
            }
            case Stmt.Import i -> {
                return false;
            }
            case Stmt.ExportNames e -> {
                return false;
            }
            case Stmt.ExportAll e -> {
                return false;
            }
            case Stmt.Empty e -> {
                return false;
            }
        }
    }

    private boolean execBlock(List<Stmt> body, Frame f) {
        Frame inner = f.in(new Scope(f.scope()));
        hoist(body, inner);
        for (Stmt s : body) {
            if (exec(s, inner)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A loop whose test compares ({@code i < parts.length}, {@code k !== end}) and that updates
     * something: a counting loop, run as often as its test allows. Others ({@code while (true)}
     * waiting for a {@code break}, {@code for (;;)}) run once, as before.
     */
    private static boolean countsUp(Stmt.Loop l) {
        return l.test() instanceof Expr.Binary b && COMPARISONS.contains(b.operator())
                && (l.update() != null || !LoopAssignments.names(l.body()).isEmpty());
    }

    private static final Set<String> COMPARISONS = Set.of("<", "<=", ">", ">=", "!==", "!=");

    /**
     * After a loop that did not run to its end as JavaScript would (a test nobody decides, or more
     * iterations than the analysis runs), the strings and numbers its body and update assigned to
     * variables are not known: one iteration's value would be a guess (a path joined in a counting
     * loop over its first part only). Apps, routers and objects keep what they hold.
     */
    private void forgetScalarsAssignedIn(Stmt.Loop l, Frame f) {
        Set<String> names = new LinkedHashSet<>();
        LoopAssignments.of(l.body(), names);
        if (l.update() != null) {
            LoopAssignments.of(l.update(), names);
        }
        for (String name : names) {
            Scope.Binding b = f.scope().find(name);
            if (b != null && (b.get() instanceof Value.Text || b.get() instanceof Value.Scalar)) {
                b.set(b.get() instanceof Value.Text ? Unknown.MAYBE_TEXT : Unknown.OPAQUE);
            }
        }
    }

    /** Whether {@code test} is certainly truthy or falsy, for the branch it selects; null when both may run. */
    /**
     * The array a loop fills with the function's arguments, one by one: Babel's rest parameter
     * ({@code for (var _len = arguments.length, args = new Array(_len), _key = 0; _key < _len; _key++)
     * args[_key] = arguments[_key];}), which runs once here (loops over no known array do) and
     * would copy only the first.
     */
    private static String argumentsCopiedBy(Stmt.Loop l) {
        Stmt body = l.body();
        if (body instanceof Stmt.Block b && b.body().size() == 1) {
            body = b.body().get(0);
        }
        if (body instanceof Stmt.ExprStmt e && e.expression() instanceof Expr.Assign a && a.operator().equals("=")
                && a.target() instanceof Expr.Member to && to.object() instanceof Expr.Name array
                && to.computed() instanceof Expr.Name index && a.value() instanceof Expr.Member from
                && from.object() instanceof Expr.Name source && source.name().equals("arguments")
                && from.computed() instanceof Expr.Name sameIndex && sameIndex.name().equals(index.name())) {
            return array.name();
        }
        return null;
    }

    private Boolean decided(Expr test, Frame f) {
        Value v = eval(test, f);
        if (v instanceof Value.Scalar && isFlag(test)) {
            // `!x` is a setting only when x is one: `!options.middleware` over a whole string is decided
            // (agendash's koa, hapi and fastify starters pass `{ middleware: 'koa' }` and got Express's)
            return negatesAString(test, f) ? Truth.of(v) : null;
        }
        return Truth.of(v);
    }

    private boolean negatesAString(Expr test, Frame f) {
        Expr read = test;
        while (read instanceof Expr.Unary u && u.operator().equals("!") && u.operand() != null) {
            read = u.operand();
        }
        return read != test && !(read instanceof Expr.Call) && eval(read, f) instanceof Value.Text t && t.complete();
    }

    /**
     * Whether a test only reads a variable or property ({@code if (config.enableDocs)},
     * {@code if (!DEBUG)}): a boolean or number there is a setting that other deployments set
     * otherwise, so both branches are kept. So is a call without arguments ({@code
     * if (app.securityStrategy.isDummy())}): it asks the deployment, and the strategy's {@code
     * () => true} is only the one assigned last of those it may be. A test that computes
     * ({@code file === 'index.js'}) is decided.
     */
    private static boolean isFlag(Expr test) {
        return switch (test) {
            case Expr.Name n -> true;
            case Expr.Member m -> true;
            case Expr.Call c -> c.arguments().isEmpty();
            case Expr.Unary u -> u.operator().equals("!") && u.operand() != null && isFlag(u.operand());
            default -> false;
        };
    }

    /**
     * A switch on a value the analysis knows, with cases it knows, runs the matching case (and
     * those it falls through to) like JavaScript; any other runs every case, each to its end.
     * True when the switch certainly leaves its block (a {@code return}, {@code throw} or
     * {@code continue} in the case that ran).
     */
    private boolean execSwitch(Stmt.Switch sw, Frame f) {
        Value discriminant = eval(sw.discriminant(), f);
        Frame inner = f.in(new Scope(f.scope()));
        List<Stmt.Case> cases = sw.cases();
        for (Stmt.Case c : cases) {
            hoist(c.body(), inner);
        }
        int start = -2; // -2: unknown, -1: nothing matches
        if (Truth.isStatic(discriminant)) {
            start = -1;
            int fallback = -1;
            for (int k = 0; k < cases.size() && start != -2; k++) {
                Stmt.Case c = cases.get(k);
                if (c.isDefault()) {
                    fallback = k;
                } else if (c.test() != null) {
                    Value test = eval(c.test(), inner);
                    if (!Truth.isStatic(test)) {
                        start = -2;
                    } else if (start == -1 && Truth.strictlyEqual(discriminant, test)) {
                        start = k;
                    }
                }
            }
            if (start == -1) {
                start = fallback;
            }
        }
        if (start == -2) {
            int construct = enterUndecided();
            try {
                for (int k = 0; k < cases.size(); k++) {
                    Stmt.Case c = cases.get(k);
                    nextBranch(construct, k);
                    if (c.test() != null) {
                        eval(c.test(), inner);
                    }
                    execStatements(c.body(), inner);
                }
            } finally {
                leaveUndecided();
            }
            jump = null;
            return false;
        }
        for (int k = Math.max(start, 0); start >= 0 && k < cases.size(); k++) {
            if (execStatements(cases.get(k).body(), inner)) {
                boolean leaves = jump == null || !jump.isBreak();
                jump = null;
                return leaves;
            }
        }
        return false;
    }

    /** Runs statements in the frame's own scope; true when one certainly leaves the block. */
    private boolean execStatements(List<Stmt> body, Frame f) {
        for (Stmt s : body) {
            if (exec(s, f)) {
                return true;
            }
        }
        return false;
    }

    private void forEach(Stmt.ForEach fe, Frame f) {
        Value iterable = fe.iterable() == null ? Unknown.OPAQUE : eval(fe.iterable(), f);
        List<Value> items = new ArrayList<>();
        if (fe.overKeys()) {
            for (Map.Entry<String, Value> entry : Builtins.entries(iterable)) {
                items.add(new Value.Text(entry.getKey(), true));
            }
        } else if (iterable instanceof Value.Arr arr) {
            items.addAll(arr.elements);
        }
        if (items.isEmpty()) {
            items.add(Unknown.OPAQUE);
        }
        for (Value item : items.subList(0, Math.min(items.size(), Builtins.MAX_ITERATIONS))) {
            Frame inner = f.in(new Scope(f.scope()));
            bind(fe.target(), item, inner, true);
            boolean left = exec(fe.body(), inner);
            boolean broke = left && jump != null && jump.isBreak();
            jump = null;
            if (broke) {
                break;
            }
        }
    }

    /**
     * A default ({@code {baseUriPath = ''} = config.server}, {@code (prefix = '/api') => …}) in place
     * of {@code given}: the default when nothing was given; when something known only at run time
     * was, a string default is only the best static guess, as in {@code given || '/api'} (unleash's
     * docs path read as resolved {@code /docs/openapi} under a configured base path).
     */
    private Value orDefault(Value given, Expr defaultValue, Frame f) {
        Value v = eval(defaultValue, f);
        if (given != Unknown.UNDEFINED && v instanceof Value.Text t) {
            return t.asDefault();
        }
        // A value nobody knows stays unknown where the default would decide a test: `{ clientId =
        // undefined, installerOptions = {} } = {}` in a constructor only users call (@slack/bolt's
        // ExpressReceiver: its OAuth routes are declared under `if (clientId !== undefined && …)`)
        if (given != Unknown.UNDEFINED && (v instanceof Unknown || v instanceof Value.Scalar
                || v instanceof Value.Obj o && o.properties.isEmpty() || v instanceof Value.Arr a && a.elements.isEmpty())) {
            return given;
        }
        // @slack/bolt's `endpoints = { events: '/slack/events' }`: the object a caller passes instead
        // may name other paths, so the default's strings are defaults and what it lacks is unknown
        if (given != Unknown.UNDEFINED && v instanceof Value.Obj o && o.ofClass == null) {
            Value.Obj either = new Value.Obj(null);
            either.properties.putAll(o.properties);
            either.prototype = o.prototype;
            defaultsOnly(either);
            either.open = true;
            return either;
        }
        return v;
    }

    /** Binds a name or destructuring pattern to {@code v}, declaring in the frame's scope or assigning. */
    private void bind(Expr pattern, Value v, Frame f, boolean declare) {
        switch (pattern) {
            case Expr.Name n -> {
                if (declare) {
                    f.scope().declare(n.name()).set(v);
                } else {
                    assignName(n.name(), v, f);
                }
            }
            case Expr.Assign a -> bind(a.target(), v instanceof Unknown ? orDefault(v, a.value(), f) : v, f, declare);
            case Expr.ObjectLit o -> {
                for (Expr.Property p : o.properties()) {
                    switch (p.kind()) {
                        case SPREAD -> bind(p.value(), Unknown.OPAQUE, f, declare);
                        case INIT, SHORTHAND -> {
                            String key = p.key() != null ? p.key() : keyOf(eval(p.computedKey(), f));
                            bind(p.value(), getProperty(v, key), f, declare);
                        }
                        default -> {
                            // methods are not patterns
                        }
                    }
                }
            }
            case Expr.ArrayLit a -> {
                for (int k = 0; k < a.elements().size(); k++) {
                    Expr e = a.elements().get(k);
                    if (e instanceof Expr.Spread sp) {
                        List<Value> rest = v instanceof Value.Arr arr && k < arr.elements.size()
                                ? arr.elements.subList(k, arr.elements.size()) : List.of();
                        bind(sp.argument(), new Value.Arr(rest), f, declare);
                    } else if (e != null) {
                        bind(e, elementAt(v, k), f, declare);
                    }
                }
            }
            case Expr.Member m -> {
                if (!declare) {
                    assignTo(m, v, f);
                }
            }
            default -> {
                // not a binding target
            }
        }
    }

    private int enterUndecided() {
        int construct = constructs++;
        branches.add(new Branch(construct, 0));
        return construct;
    }

    private void nextBranch(int construct, int index) {
        branches.set(branches.size() - 1, new Branch(construct, index));
    }

    private void leaveUndecided() {
        branches.remove(branches.size() - 1);
    }

    private void assignName(String name, Value v, Frame f) {
        Scope.Binding b = f.scope().find(name);
        if (b != null) {
            if (v instanceof Value.Router router) {
                keepAlternative(b, router);
            }
            b.set(defaultIfUndecided(b.get(), v));
        } else {
            f.module().scope.declare(name).set(v); // an implicit global: module-wide is close enough
        }
    }

    /**
     * A module specifier: a default counts (signalk requires {@code './tokensecurity'}, the name it
     * assigns when the configured strategy is the bundled one; the configured one cannot be read).
     */
    /**
     * The specifiers a module is loaded by when the choice between them is not known:
     * {@code import(`${!isLight ? './serve_rendered.js' : './serve_light.js'}`)} with {@code isLight}
     * read from a file at run time (tileserver-gl). Only literal branches: evaluating them again has
     * no effect. One element, the argument itself, when there is no such choice.
     */
    private List<Expr> specifierChoices(Expr argument, Frame f) {
        Expr e = argument;
        if (e instanceof Expr.TemplateLit t && t.exprs().size() == 1
                && t.quasis().stream().allMatch(String::isEmpty)) {
            e = t.exprs().get(0);
        }
        if (e instanceof Expr.Conditional c && decided(c.test(), f) == null) {
            List<Expr> then = specifierChoices(c.then(), f);
            List<Expr> otherwise = specifierChoices(c.otherwise(), f);
            if (then.stream().allMatch(Evaluator::literalText) && otherwise.stream().allMatch(Evaluator::literalText)) {
                List<Expr> all = new ArrayList<>(then);
                all.addAll(otherwise);
                return all;
            }
        }
        return List.of(argument);
    }

    private static boolean literalText(Expr e) {
        return e instanceof Expr.StringLit || e instanceof Expr.TemplateLit t && t.exprs().isEmpty();
    }

    /** Loads every module that may be chosen, so each one's routes are found; the first is the value. */
    private Value requireEither(ModuleRecord from, List<Expr> choices, Frame f) {
        Value first = null;
        for (Expr choice : choices) {
            String specifier = specifier(eval(choice, f));
            Value loaded = specifier == null ? Unknown.OPAQUE : require(from, specifier);
            if (first == null || first instanceof Unknown) {
                first = loaded;
            }
        }
        return first;
    }

    private static String specifier(Value v) {
        return v instanceof Value.Text t && t.fallback() ? t.known() : Value.staticText(v);
    }

    /**
     * {@code if (!basePath) basePath = '/'} on a value known only at run time: after the branch the
     * variable holds either, so the string is a default, as in {@code basePath || '/'} (maildev
     * mounts its routes under such a {@code basePathname}; the routes read as resolved at {@code /}).
     */
    private Value defaultIfUndecided(Value old, Value assigned) {
        if (!branches.isEmpty() && (old == Unknown.MAYBE_TEXT || old == Unknown.OPAQUE)
                && assigned instanceof Value.Text t && t.complete()) {
            return t.asDefault();
        }
        if (!branches.isEmpty() && old instanceof Value.RouterMethod was && assigned instanceof Value.RouterMethod now
                && was.owner() == now.owner() && was.verb() != null && now.verb() != null) {
            Set<String> verbs = new LinkedHashSet<>(now.alsoVerbs());
            verbs.add(was.verb());
            verbs.addAll(was.alsoVerbs());
            verbs.remove(now.verb());
            return new Value.RouterMethod(now.owner(), now.verb(), now.keyValue(), now.at(), now.module(),
                    List.copyOf(verbs));
        }
        if (!branches.isEmpty() && old instanceof Value.Router && assigned instanceof Unknown) {
            // botkit: `if (!config.webserver) { this.webserver = express(); … } else { this.webserver =
            // config.webserver; }`, then routes on this.webserver. Both branches run; the app the one
            // made is what the analysis can know, and an unknown one would take its routes with it.
            return old;
        }
        return assigned;
    }

    /**
     * A router assigned in a branch the analysis could not decide may stand beside the one the
     * variable held: when that one was assigned before the branching began or in another of its
     * branches (directus assigns a provider's auth router in each case of a `switch` on the
     * provider's driver, then mounts the variable). Only the last assignment is held; the others
     * are its alternatives, mounted with it.
     */
    private void keepAlternative(Scope.Binding b, Value.Router router) {
        List<Branch> before = routerAssignedIn.get(b);
        if (!branches.isEmpty() && b.get() instanceof Value.Router old && old != router && before != null
                && mayStandBeside(before, branches)) {
            router.alternatives.add(old);
            router.alternatives.addAll(old.alternatives);
            router.alternatives.remove(router);
        }
        routerAssignedIn.put(b, List.copyOf(branches));
    }

    /** Whether an assignment made in {@code before} is not certainly overwritten by one in {@code now}. */
    private static boolean mayStandBeside(List<Branch> before, List<Branch> now) {
        for (int k = 0; k < now.size(); k++) {
            if (k >= before.size()) {
                return true; // assigned before this undecided construct began
            }
            if (before.get(k).construct() != now.get(k).construct()) {
                return false;
            }
            if (before.get(k).index() != now.get(k).index()) {
                return true; // another branch of the same construct
            }
        }
        return false;
    }

    // ---- expressions

    private Value eval(Expr e, Frame f) {
        step();
        if (nesting >= MAX_NESTING) {
            return Unknown.OPAQUE;
        }
        nesting++;
        try {
            return evalUnguarded(e, f);
        } finally {
            nesting--;
        }
    }

    private Value evalUnguarded(Expr e, Frame f) {
        return switch (e) {
            case Expr.Name n -> lookup(n.name(), f);
            case Expr.StringLit s -> new Value.Text(s.value(), true);
            case Expr.TemplateLit t -> template(t, f);
            case Expr.TaggedTemplate t -> {
                eval(t.tag(), f);
                template(t.template(), f);
                yield Unknown.MAYBE_TEXT;
            }
            case Expr.RegexLit r -> new Value.Pattern(r.text());
            case Expr.Constant c -> c.text().equals("undefined") ? Unknown.UNDEFINED : new Value.Scalar(c.text());
            case Expr.ArrayLit a -> array(a, f);
            case Expr.ObjectLit o -> object(o, f);
            case Expr.FunctionExpr fe -> makeFunction(fe.function(), f);
            case Expr.ClassExpr ce -> makeClass(ce.type(), f);
            case Expr.Member m -> member(m, f);
            case Expr.Call c -> call(c, f);
            case Expr.New n -> construct(n, f);
            case Expr.Binary b -> binary(b, f);
            case Expr.Assign a -> assign(a, f);
            case Expr.Conditional c -> conditional(c, f);
            case Expr.Unary u -> unary(u, f);
            case Expr.Sequence s -> {
                Value last = Unknown.OPAQUE;
                for (Expr x : s.expressions()) {
                    last = eval(x, f);
                }
                yield last;
            }
            case Expr.Spread s -> eval(s.argument(), f);
            case Expr.This t -> f.self();
            case Expr.Super s -> Unknown.OPAQUE;
            case Expr.Opaque o -> Unknown.OPAQUE;
        };
    }

    private Value lookup(String name, Frame f) {
        Scope.Binding b = f.scope().find(name);
        if (b != null) {
            return b.get();
        }
        return switch (name) {
            case "Object" -> Value.ObjectBuiltin.INSTANCE;
            case "Promise" -> shim("Promise");
            case "undefined" -> Unknown.UNDEFINED;
            case "NaN", "Infinity" -> Unknown.OPAQUE;
            default -> Unknown.MAYBE_TEXT;
        };
    }

    private Value template(Expr.TemplateLit t, Frame f) {
        StringBuilder text = new StringBuilder(t.quasis().get(0));
        boolean complete = true;
        // What is not known is left out and the rest kept: `${base}/health` is known as "/health".
        for (int k = 0; k < t.exprs().size(); k++) {
            Value v = eval(t.exprs().get(k), f);
            String s = Value.staticText(v);
            if (s != null) {
                text.append(s);
            } else {
                if (v instanceof Value.Text partial) {
                    text.append(partial.known());
                }
                complete = false;
            }
            if (k + 1 < t.quasis().size()) {
                text.append(t.quasis().get(k + 1));
            }
        }
        return complete ? new Value.Text(text.toString(), true)
                : new Value.Text(text.toString(), false, false, ExpressCalls.raw(t, f.module()));
    }

    private Value array(Expr.ArrayLit a, Frame f) {
        List<Value> elements = new ArrayList<>();
        for (Expr e : a.elements()) {
            if (e == null) {
                elements.add(Unknown.OPAQUE);
            } else if (e instanceof Expr.Spread sp) {
                Value v = eval(sp.argument(), f);
                if (v instanceof Value.Arr arr) {
                    elements.addAll(arr.elements);
                } else {
                    elements.add(Unknown.OPAQUE);
                }
            } else {
                elements.add(eval(e, f));
            }
        }
        return new Value.Arr(elements);
    }

    /**
     * peer's `{ ...defaults, ...options }` with `defaults = { path: '/' }`: the options a caller
     * passes may set the path, so the strings written before a spread nobody knows are defaults,
     * as `options.path || '/'` is.
     */
    private static void defaultsOnly(Value.Obj obj) {
        obj.properties.replaceAll((name, value) -> value instanceof Value.Text t && t.complete()
                ? t.asDefault() : value);
    }

    private Value object(Expr.ObjectLit o, Frame f) {
        if (!o.properties().isEmpty() && o.properties().get(0).value() instanceof Expr.Name
                && o.properties().stream().allMatch(p -> p.kind() == Expr.Property.Kind.SPREAD)) {
            Value first = eval(o.properties().get(0).value(), f);
            if (first instanceof Value.Router app) {
                // `{ ...app, ...events }`: the copy carries the app's methods and its router, so what is
                // declared on it is declared on the app (signalk hands each interface such a copy)
                for (Expr.Property p : o.properties().subList(1, o.properties().size())) {
                    eval(p.value(), f);
                }
                return app;
            }
        }
        Value.Obj obj = new Value.Obj(null);
        for (Expr.Property p : o.properties()) {
            if (p.kind() == Expr.Property.Kind.SPREAD) {
                Value v = eval(p.value(), f);
                boolean mayOverride;
                if (v instanceof Value.Obj source) {
                    mayOverride = source.open || source.ofClass != null;
                    if (mayOverride) {
                        defaultsOnly(obj);
                    }
                    obj.properties.putAll(source.properties);
                    obj.open |= mayOverride;
                } else if (v != Unknown.UNDEFINED && !(v instanceof Value.Scalar)) {
                    defaultsOnly(obj);
                    obj.open = true;
                }
                continue;
            }
            String key = p.key() != null ? p.key() : keyOf(eval(p.computedKey(), f));
            if (p.kind() == Expr.Property.Kind.ACCESSOR) {
                continue;
            }
            Value v = eval(p.value(), f);
            if (key != null) {
                obj.properties.put(key, v);
            } else {
                obj.open = true;
            }
        }
        return obj;
    }

    private Value member(Expr.Member m, Frame f) {
        if (m.object() instanceof Expr.Member meta && meta.object() instanceof Expr.Name n && n.name().equals("import")
                && "meta".equals(meta.property()) && m.property() != null && f.scope().find("import") == null) {
            return importMeta(m.property(), f.module());
        }
        if (m.object() instanceof Expr.Super) {
            Value method = superMember(memberKey(m, f), f);
            return method != null ? method : Unknown.OPAQUE;
        }
        Value object = eval(m.object(), f);
        if (object instanceof Value.Router r) {
            Value keyValue = m.property() != null ? null : eval(m.computed(), f);
            String key = m.property() != null ? m.property() : keyOf(keyValue);
            if (key != null ? ExpressCalls.VERBS.containsKey(key) && !r.properties.containsKey(key)
                    : keyValue != Unknown.OPAQUE) {
                return new Value.RouterMethod(r, key, keyValue, m, f.module(), List.of());
            }
            return getProperty(object, key);
        }
        return getProperty(object, memberKey(m, f));
    }

    /** {@code import.meta.url}, {@code .dirname}, {@code .filename} of an ES module, with the repository as root. */
    private static Value importMeta(String property, ModuleRecord m) {
        String dir = m.path.lastIndexOf('/') < 0 ? "" : m.path.substring(0, m.path.lastIndexOf('/'));
        return switch (property) {
            case "url" -> new Value.Text("file:///" + m.path, true);
            case "filename" -> new Value.Text("/" + m.path, true);
            case "dirname" -> new Value.Text("/" + dir, true);
            default -> Unknown.OPAQUE;
        };
    }

    private String memberKey(Expr.Member m, Frame f) {
        return m.property() != null ? m.property() : keyOf(eval(m.computed(), f));
    }

    private static String keyOf(Value v) {
        return Value.staticText(v);
    }

    /**
     * {@code Object.create(proto)}: an empty object whose prototype is {@code proto}, so its
     * methods are found (a routes object made from a prototype of methods declaring routes);
     * {@code Object.setPrototypeOf(obj, proto)} links {@code obj} so. A prototype that is not a
     * known object leaves the result open.
     */
    private Value withPrototype(String key, List<CallArg> args) {
        Value first = args.isEmpty() ? Unknown.OPAQUE : args.get(0).value();
        Value proto = key.equals("create") ? first : args.size() < 2 ? Unknown.OPAQUE : args.get(1).value();
        Value.Obj target;
        if (key.equals("create")) {
            target = new Value.Obj(null);
            if (args.size() > 1) {
                target.open = true; // property descriptors are not read
            }
        } else if (first instanceof Value.Obj o) {
            target = o;
        } else {
            return first;
        }
        if (proto instanceof Value.Obj p && p != target) {
            target.prototype = p;
        } else if (!(proto instanceof Value.Scalar sc && sc.text().equals("null"))) {
            target.open = true;
        }
        return target;
    }

    private static final int MAX_PROTOTYPE_CHAIN = 16;

    private Value getProperty(Value object, String key) {
        if (key == null) {
            return Unknown.MAYBE_TEXT;
        }
        return switch (object) {
            case Value.Obj o -> {
                Value v = o.properties.get(key);
                if (v == null && o.ofClass != null) {
                    v = instanceMember(o.ofClass, key, o);
                }
                boolean lacksUnknown = o.open || o.ofClass != null;
                Value.Obj at = o;
                for (int depth = 0; v == null && at.prototype != null && depth < MAX_PROTOTYPE_CHAIN; depth++) {
                    // `Object.create(proto)`, `util.inherits(Child, Parent)`: the chain has what the object lacks
                    at = at.prototype;
                    v = at.properties.get(key);
                    lacksUnknown |= at.open || at.ofClass != null;
                }
                if (v == null && !lacksUnknown) {
                    // `obj.name || name`, `route.method || 'get'`: what a known object lacks is undefined
                    v = Unknown.UNDEFINED;
                }
                yield v != null ? v : Unknown.MAYBE_TEXT;
            }
            case Value.ClassVal c -> {
                Value v = staticMember(c, key);
                yield v != null ? v : Unknown.MAYBE_TEXT;
            }
            case Value.Namespace ns -> ns.module().exportOf(key);
            case Value.ModuleObject mo -> key.equals("exports") ? mo.module().moduleExports : Unknown.OPAQUE;
            // `default` of the express module is the module: what compiled `import express from` reads
            case Value.ExpressModule x -> key.equals("default") ? x : new Value.ExpressMember(key);
            case Value.NodeApi api -> NodeModules.member(api, key);
            case Value.Text t when key.equals("length") && t.complete() -> new Value.Scalar(
                    Integer.toString(t.known().length()));
            case Value.Router r -> r.properties.getOrDefault(key, Unknown.OPAQUE);
            case Value.Arr a when key.equals("length") -> new Value.Scalar(Integer.toString(a.elements.size()));
            case Value.Arr a -> {
                int index = index(key);
                yield index >= 0 && index < a.elements.size() ? a.elements.get(index) : Unknown.OPAQUE;
            }
            case Unknown u -> Unknown.MAYBE_TEXT;
            case Value.Fn fn when functionProperties.getOrDefault(fn, Map.of()).get(key) instanceof Value v -> v;
            // `F.prototype.m = function …`: kept, so that `new F()` has the methods (parse-dashboard's
            // Authentication.prototype.initialize(app) declares routes on the app it is given)
            case Value.Fn fn when key.equals("prototype") && !fn.node().arrow() -> {
                Value.Obj prototype = new Value.Obj(null);
                prototype.open = true;
                functionProperties.computeIfAbsent(fn, k -> new HashMap<>()).put(key, prototype);
                yield prototype;
            }
            default -> Unknown.OPAQUE;
        };
    }

    private static int index(String key) {
        if (key.isEmpty() || key.length() > 6) {
            return -1;
        }
        for (int k = 0; k < key.length(); k++) {
            if (!Character.isDigit(key.charAt(k))) {
                return -1;
            }
        }
        return Integer.parseInt(key);
    }

    private Value instanceMember(Value.ClassVal c, String key, Value.Obj self) {
        int chain = 0;
        for (Value.ClassVal k = c; k != null && chain < MAX_CLASS_CHAIN; k = k.superClass, chain++) {
            for (ClassNode.Member member : k.node.members()) {
                if (member.isStatic() || !key.equals(member.name()) || member.function() == null) {
                    continue;
                }
                Value.Fn fn = new Value.Fn(member.function(), k.closure, null, k.module, k);
                if (member.kind() == ClassNode.MemberKind.METHOD) {
                    return fn;
                }
                if (member.kind() == ClassNode.MemberKind.ACCESSOR && member.function().params().isEmpty()) {
                    return callFunction(fn, self, List.of());
                }
            }
        }
        return null;
    }

    private Value staticMember(Value.ClassVal c, String key) {
        int chain = 0;
        for (Value.ClassVal k = c; k != null && chain < MAX_CLASS_CHAIN; k = k.superClass, chain++) {
            Value v = k.statics.get(key);
            if (v != null) {
                return v;
            }
            for (ClassNode.Member member : k.node.members()) {
                if (member.isStatic() && key.equals(member.name()) && member.kind() == ClassNode.MemberKind.METHOD) {
                    return new Value.Fn(member.function(), k.closure, null, k.module, k);
                }
            }
        }
        return null;
    }

    private Value superMember(String key, Frame f) {
        if (key == null || f.home() == null || f.home().superClass == null) {
            return null;
        }
        if (f.self() instanceof Value.Obj o) {
            return instanceMember(f.home().superClass, key, o);
        }
        return staticMember(f.home().superClass, key);
    }

    private static Value elementAt(Value v, int k) {
        if (v instanceof Value.Arr arr && k < arr.elements.size()) {
            return arr.elements.get(k);
        }
        return Unknown.OPAQUE;
    }

    private void setProperty(Value object, String key, Value v) {
        if (key == null) {
            if (object instanceof Value.Obj o) {
                o.open = true;
            }
            return;
        }
        switch (object) {
            case Value.Obj o -> o.properties.put(key, defaultIfUndecided(o.properties.get(key), v));
            case Value.ModuleObject mo -> {
                if (key.equals("exports")) {
                    mo.module().moduleExports = v;
                }
            }
            case Value.ClassVal c -> c.statics.put(key, v);
            case Value.Router r -> r.properties.put(key, v);
            // Ghost's shared/express.js: module.exports = (name) => express(); module.exports.Router = …
            case Value.Fn fn -> functionProperties.computeIfAbsent(fn, k -> new HashMap<>()).put(key, v);
            case Value.Arr a when key.equals("length") -> new Value.Scalar(Integer.toString(a.elements.size()));
            case Value.Arr a -> {
                int index = index(key);
                if (index >= 0 && index < a.elements.size()) {
                    a.elements.set(index, v);
                } else if (index == a.elements.size() && index < Builtins.MAX_ITERATIONS * 4) {
                    a.elements.add(v);
                }
            }
            default -> {
                // properties of what is not tracked are not tracked, nor is what is stored there
                escape(v, 0);
            }
        }
    }

    private Value assign(Expr.Assign a, Frame f) {
        Value v = eval(a.value(), f);
        switch (a.operator()) {
            case "=" -> {
                assignTo(a.target(), v, f);
                return v;
            }
            case "+=" -> {
                Value sum = concat(eval(a.target(), f), v);
                assignTo(a.target(), sum, f);
                return sum;
            }
            case "-=" -> {
                Long l = Truth.integer(eval(a.target(), f));
                Long r = Truth.integer(v);
                Value difference = l == null || r == null ? Unknown.OPAQUE : integer(l - r);
                assignTo(a.target(), difference, f);
                return difference;
            }
            case "||=", "??=" -> {
                Value old = eval(a.target(), f);
                Value result = old instanceof Unknown ? v : old;
                assignTo(a.target(), result, f);
                return result;
            }
            default -> {
                assignTo(a.target(), Unknown.OPAQUE, f);
                return Unknown.OPAQUE;
            }
        }
    }

    private void assignTo(Expr target, Value v, Frame f) {
        switch (target) {
            case Expr.Name n -> assignName(n.name(), v, f);
            case Expr.Member m -> {
                Value object = m.object() instanceof Expr.Super ? f.self() : eval(m.object(), f);
                setProperty(object, memberKey(m, f), v);
            }
            case Expr.ObjectLit o -> bind(o, v, f, false);
            case Expr.ArrayLit arr -> bind(arr, v, f, false);
            default -> {
                // not assignable
            }
        }
    }

    private Value binary(Expr.Binary b, Frame f) {
        Value left = eval(b.left(), f);
        Value right = eval(b.right(), f);
        return switch (b.operator()) {
            case "+" -> concat(left, right);
            case "||", "??" -> {
                Boolean truth = Truth.of(left);
                boolean falsy = left instanceof Unknown
                        || (b.operator().equals("||") ? truth == Boolean.FALSE : nullish(left));
                if (!falsy) {
                    yield left;
                }
                if (left instanceof Unknown && left != Unknown.UNDEFINED && right instanceof Value.Text t) {
                    yield t.asDefault(); // the fallback, when nothing overrides it
                }
                if (left instanceof Unknown && left != Unknown.UNDEFINED && right instanceof Value.Obj fallback
                        && fallback.ofClass == null) {
                    // `settings.theme || {}`: the settings' object when set, so its properties are not known.
                    Value.Obj either = new Value.Obj(null);
                    either.properties.putAll(fallback.properties);
                    either.open = true;
                    yield either;
                }
                yield right;
            }
            case "&&" -> Truth.of(left) == Boolean.FALSE ? left : right;
            case "-" -> {
                Long l = Truth.integer(left);
                Long r = Truth.integer(right);
                yield l == null || r == null ? Unknown.OPAQUE : integer(l - r);
            }
            case "<", "<=", ">", ">=" -> {
                // integers only (`i < parts.length`); strings and the rest compare unknown
                Long l = Truth.integer(left);
                Long r = Truth.integer(right);
                if (l == null || r == null) {
                    yield Unknown.OPAQUE;
                }
                boolean holds = switch (b.operator()) {
                    case "<" -> l < r;
                    case "<=" -> l <= r;
                    case ">" -> l > r;
                    default -> l >= r;
                };
                yield new Value.Scalar(Boolean.toString(holds));
            }
            case "===", "!==", "==", "!=" -> {
                if (!Truth.isStatic(left) || !Truth.isStatic(right)) {
                    yield Unknown.OPAQUE;
                }
                boolean equal = b.operator().length() == 3 ? Truth.strictlyEqual(left, right)
                        : Truth.looselyEqual(left, right);
                yield new Value.Scalar(Boolean.toString(equal == b.operator().startsWith("=")));
            }
            default -> Unknown.OPAQUE;
        };
    }

    private static Value concat(Value left, Value right) {
        if (left instanceof Value.Text t && t.fallback() && Value.staticText(right) != null) {
            return new Value.Text(t.known() + Value.staticText(right), false, true);
        }
        String l = Value.staticText(left);
        String r = Value.staticText(right);
        // As in templates, an unknown part is left out and what is known after it kept.
        String rightKnown = r != null ? r : right instanceof Value.Text partial ? partial.known() : "";
        if (left instanceof Value.Text t && !t.complete()) {
            return new Value.Text(t.known() + rightKnown, false, false, t.raw());
        }
        if (l != null && r != null) {
            if (left instanceof Value.Scalar && right instanceof Value.Scalar) {
                // arithmetic: integers add up (a counter), anything else is unknown
                Long a = Truth.integer(left);
                Long b = Truth.integer(right);
                return a == null || b == null ? Unknown.OPAQUE : integer(a + b);
            }
            return new Value.Text(l + r, true);
        }
        if (l != null) {
            return right instanceof Value.Text partial
                    ? new Value.Text(l + partial.known(), false, partial.fallback())
                    : new Value.Text(l, false);
        }
        if (left instanceof Value.Text || right instanceof Value.Text) {
            return new Value.Text(rightKnown, false);
        }
        return Unknown.MAYBE_TEXT;
    }

    private Value conditional(Expr.Conditional c, Frame f) {
        Boolean test = decided(c.test(), f);
        if (test != null) {
            return eval(test ? c.then() : c.otherwise(), f);
        }
        Value then = eval(c.then(), f);
        Value otherwise = eval(c.otherwise(), f);
        if (then instanceof Value.Text a && otherwise instanceof Value.Text b) {
            if (a.equals(b)) {
                return a;
            }
            String x = a.known();
            String y = b.known();
            int k = 0;
            while (k < x.length() && k < y.length() && x.charAt(k) == y.charAt(k)) {
                k++;
            }
            return new Value.Text(x.substring(0, k), false);
        }
        // `options.installPath === undefined ? '/slack/install' : options.installPath`: the path is a
        // default, as in `options.installPath || '/slack/install'`, not known
        if (then instanceof Value.Text t && t.complete() && (otherwise == Unknown.MAYBE_TEXT || otherwise == Unknown.OPAQUE)) {
            return t.asDefault();
        }
        if (otherwise instanceof Value.Text o && o.complete() && (then == Unknown.MAYBE_TEXT || then == Unknown.OPAQUE)) {
            return o.asDefault();
        }
        // express-admin: `custom: regex.custom ? joinRegex(…) : null`, then `if (routes.custom)
        // app.all(routes.custom, …)`. Taking the known side, null, decided the test false and made the
        // route's path "/null"; beside a value nobody knows, null says nothing.
        if (nullish(then) != nullish(otherwise) && (then instanceof Unknown || otherwise instanceof Unknown)) {
            Value unknown = nullish(then) ? otherwise : then;
            return unknown == Unknown.UNDEFINED ? Unknown.OPAQUE : unknown;
        }
        return then instanceof Unknown ? otherwise : then;
    }

    private static boolean nullish(Value v) {
        return v == Unknown.UNDEFINED || v instanceof Value.Scalar sc && sc.text().equals("null");
    }

    /** A number the analysis computed; past what a double holds exactly it is unknown. */
    private static Value integer(long n) {
        return Math.abs(n) > 1e15 ? Unknown.OPAQUE : new Value.Scalar(Long.toString(n));
    }

    private Value unary(Expr.Unary u, Frame f) {
        if (u.operand() == null) {
            return Unknown.OPAQUE;
        }
        Value v = eval(u.operand(), f);
        if (u.operator().equals("++") || u.operator().equals("--")) {
            // a counter: `i++` in a loop's update, `n--`; anything but an integer becomes unknown
            Long n = Truth.integer(v);
            Value next = n == null ? Unknown.OPAQUE : integer(n + (u.operator().equals("++") ? 1 : -1));
            assignTo(u.operand(), next, f);
            boolean postfix = u.start() == u.operand().start();
            return postfix ? (n == null ? Unknown.OPAQUE : integer(n)) : next;
        }
        return switch (u.operator()) {
            // `yield` as compiled async functions use it (tsc's `__awaiter`, Babel's `_asyncToGenerator`):
            // an `await`; what a real generator is given back is not followed either way
            case "await", "yield" -> v;
            case "typeof" -> {
                String type = Truth.typeOf(v);
                yield type == null ? Unknown.MAYBE_TEXT : new Value.Text(type, true);
            }
            case "!" -> {
                Boolean truth = Truth.of(v);
                yield truth == null ? Unknown.OPAQUE : new Value.Scalar(Boolean.toString(!truth));
            }
            case "~" -> {
                Long n = Truth.integer(v);
                yield n == null ? Unknown.OPAQUE : new Value.Scalar(Integer.toString(~n.intValue()));
            }
            case "-" -> {
                Long n = Truth.integer(v);
                yield n == null ? Unknown.OPAQUE : new Value.Scalar(Long.toString(-n));
            }
            case "void" -> Unknown.UNDEFINED;
            default -> Unknown.OPAQUE;
        };
    }

    // ---- calls

    private List<CallArg> arguments(List<Expr> exprs, Frame f) {
        List<CallArg> args = new ArrayList<>(exprs.size());
        for (Expr e : exprs) {
            if (e instanceof Expr.Spread sp) {
                Value v = eval(sp.argument(), f);
                if (v instanceof Value.Arr arr) {
                    for (Value element : arr.elements.subList(0, Math.min(arr.elements.size(), Builtins.MAX_ITERATIONS))) {
                        args.add(new CallArg(element, sp));
                    }
                } else {
                    args.add(new CallArg(Unknown.OPAQUE, sp));
                }
            } else {
                args.add(new CallArg(eval(e, f), e));
            }
        }
        return args;
    }

    private static List<Value> values(List<CallArg> args) {
        List<Value> values = new ArrayList<>(args.size());
        for (CallArg a : args) {
            values.add(a.value());
        }
        return values;
    }

    private Value call(Expr.Call c, Frame f) {
        Expr callee = c.callee();
        if (callee instanceof Expr.Super) {
            List<CallArg> args = arguments(c.arguments(), f);
            if (f.home() != null && f.home().superClass != null && f.self() instanceof Value.Obj o) {
                runConstructor(f.home().superClass, o, values(args), false, 0);
            }
            return Unknown.OPAQUE;
        }
        if (callee instanceof Expr.Name n && n.name().equals("import") && f.scope().find("import") == null) {
            List<Expr> choices = c.arguments().isEmpty() ? List.of() : specifierChoices(c.arguments().get(0), f);
            if (choices.size() > 1) {
                return requireEither(f.module(), choices, f);
            }
            List<CallArg> args = arguments(c.arguments(), f);
            String specifier = args.isEmpty() ? null : specifier(args.get(0).value());
            return specifier == null ? Unknown.OPAQUE : require(f.module(), specifier);
        }
        if (callee instanceof Expr.Member m && borrowedArrayMethod(m) != null) {
            List<CallArg> args = arguments(c.arguments(), f);
            if (!args.isEmpty() && args.get(0).value() instanceof Value.Arr a) {
                Value result = Builtins.arrayMethod(a, borrowedArrayMethod(m), args.subList(1, args.size()),
                        (callback, callArgs) -> runCallback(callback, callArgs, c, f));
                if (result != null) {
                    return result;
                }
            }
            return Unknown.OPAQUE;
        }
        if (callee instanceof Expr.Member m) {
            boolean onSuper = m.object() instanceof Expr.Super;
            Value receiver = onSuper ? f.self() : eval(m.object(), f);
            Value keyValue = m.property() != null ? null : eval(m.computed(), f);
            String key = m.property() != null ? m.property() : keyOf(keyValue);
            List<CallArg> args = arguments(c.arguments(), f);
            if (onSuper) {
                Value method = superMember(key, f);
                return method == null ? Unknown.OPAQUE : invoke(method, receiver, args, c, f);
            }
            // an app has no `then`: the value stands for a promise of it (what an async function returns)
            if (receiver instanceof Value.Router r && !"then".equals(key)) {
                return express.onRouter(r, key, keyValue, m, args, f.module(), this::callFunction);
            }
            return method(receiver, key, m, c, args, f);
        }
        ModuleInterop.Kind interop = ModuleInterop.helper(callee);
        if (interop != null && f.scope().find(((Expr.Name) callee).name()) != null) {
            return ModuleInterop.apply(interop, arguments(c.arguments(), f));
        }
        if (isTscHelper(callee, "__awaiter", c, 4, f)) {
            // tsc's async function for targets before ES2017: `__awaiter(this, arguments, P, function* () {…})`
            // runs the generator at once, each `yield` an `await`, and the promise is of what it returns
            List<CallArg> args = arguments(c.arguments(), f);
            if (args.get(3).value() instanceof Value.Fn body) {
                List<CallArg> given = new ArrayList<>();
                if (args.get(1).value() instanceof Value.Arr arr) {
                    for (Value v : arr.elements) {
                        given.add(new CallArg(v, null));
                    }
                }
                return invoke(body, args.get(0).value(), given, c, f);
            }
        }
        if (isTscHelper(callee, "__generator", c, 2, f)) {
            // tsc's generator for targets before ES2015 (what `__awaiter` is given there): a state
            // machine `function (_a) { switch (_a.label) { case 0: …; return [4 /*yield*/, x]; case 1: … } }`.
            // Its body runs at once, at each call, with a state the analysis does not know, so every
            // case runs; what the function returns is what a `return [2 /*return*/, value]` gives.
            List<CallArg> args = arguments(c.arguments(), f);
            if (args.get(1).value() instanceof Value.Fn body) {
                Value op = invoke(body, args.get(0).value(), List.of(new CallArg(Unknown.OPAQUE, null)), c, f);
                return op instanceof Value.Arr arr && arr.elements.size() == 2
                        && arr.elements.get(0) instanceof Value.Scalar code && code.text().equals("2")
                        ? arr.elements.get(1) : Unknown.OPAQUE;
            }
        }
        Value target = eval(callee, f);
        List<CallArg> args = arguments(c.arguments(), f);
        return invoke(target, Unknown.OPAQUE, args, c, f);
    }

    /** A call of tsc's helper {@code name}, defined in the module (tsc writes it at the top), with its arity. */
    private static boolean isTscHelper(Expr callee, String name, Expr.Call c, int arity, Frame f) {
        return callee instanceof Expr.Name n && n.name().equals(name) && c.arguments().size() == arity
                && f.scope().find(name) != null;
    }

    /**
     * The array method borrowed by {@code [].slice.call(a, …)} or {@code Array.prototype.slice.call(a, …)}
     * (how compiled helpers copy {@code arguments}), or null.
     */
    private static String borrowedArrayMethod(Expr.Member m) {
        if (!"call".equals(m.property()) || !(m.object() instanceof Expr.Member borrowed) || borrowed.property() == null) {
            return null;
        }
        boolean fromArrays = borrowed.object() instanceof Expr.ArrayLit lit && lit.elements().isEmpty()
                || borrowed.object() instanceof Expr.Member proto && "prototype".equals(proto.property())
                        && proto.object() instanceof Expr.Name n && n.name().equals("Array");
        return fromArrays ? borrowed.property() : null;
    }

    private Value method(Value receiver, String key, Expr.Member m, Expr.Call c, List<CallArg> args, Frame f) {
        if ("then".equals(key) && !(receiver instanceof Unknown) && !args.isEmpty()) {
            return invoke(args.get(0).value(), Unknown.OPAQUE, List.of(new CallArg(receiver, null)), c, f);
        }
        switch (receiver) {
            case Value.RouteHandle h -> {
                return express.onRouteHandle(h, key, m, args, f.module());
            }
            case Value.RouterMethod rm when "bind".equals(key) -> {
                return rm; // bound to its app or router, which it already is
            }
            case Value.RouterMethod rm when "call".equals(key) -> {
                return invoke(rm, Unknown.OPAQUE, args.isEmpty() ? args : args.subList(1, args.size()), c, f);
            }
            case Value.Fn fn when "call".equals(key) || "apply".equals(key) || "bind".equals(key) -> {
                if (key.equals("bind")) {
                    return fn;
                }
                Value self = args.isEmpty() ? Unknown.OPAQUE : args.get(0).value();
                List<CallArg> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
                if (key.equals("apply")) {
                    List<CallArg> spread = new ArrayList<>();
                    if (!rest.isEmpty() && rest.get(0).value() instanceof Value.Arr arr) {
                        for (Value v : arr.elements) {
                            spread.add(new CallArg(v, null));
                        }
                    }
                    rest = spread;
                }
                return invoke(fn, self, rest, c, f);
            }
            case Value.Arr a when key != null -> {
                Value result = Builtins.arrayMethod(a, key, args,
                        (callback, callArgs) -> runCallback(callback, callArgs, c, f));
                if (result != null) {
                    return result;
                }
            }
            case Value.ObjectBuiltin o when "defineProperty".equals(key) -> {
                return defineProperty(args);
            }
            case Value.ObjectBuiltin o when "create".equals(key) || "setPrototypeOf".equals(key) -> {
                return withPrototype(key, args);
            }
            case Value.ObjectBuiltin o -> {
                return Builtins.objectMethod(key, args);
            }
            case Value.Text t when key != null && t.complete() -> {
                Value result = TextMethods.call(t.known(), key, args);
                if (result != null) {
                    return result;
                }
            }
            case Value.Pattern p when "test".equals(key) -> {
                return TextMethods.test(p, args);
            }
            default -> {
                // an ordinary method call below
            }
        }
        return invoke(getProperty(receiver, key), receiver, args, c, f);
    }

    /**
     * {@code Object.defineProperty(exports, "name", { value | get })}: how compiled modules mark
     * themselves {@code __esModule} and re-export (tsc's {@code get: function () { return m.x; }}).
     * A getter is read once, now: what it returns is what the importer would see.
     */
    private Value defineProperty(List<CallArg> args) {
        Value target = args.isEmpty() ? Unknown.OPAQUE : args.get(0).value();
        String name = args.size() < 2 ? null : Value.staticText(args.get(1).value());
        if (!(target instanceof Value.Obj o) || args.size() < 3 || !(args.get(2).value() instanceof Value.Obj d)) {
            return target;
        }
        if (name == null) {
            o.open = true;
        } else if (d.properties.get("value") instanceof Value v) {
            o.properties.put(name, v);
        } else if (d.properties.get("get") instanceof Value.Fn getter) {
            o.properties.put(name, callFunction(getter, o, List.of()));
        } else {
            o.open = true;
        }
        return target;
    }

    private Value invoke(Value target, Value self, List<CallArg> args, Expr site, Frame f) {
        return switch (target) {
            case Value.Fn fn -> callFunction(fn, self, values(args));
            case Value.RouterMethod rm -> {
                Value result = express.onRouter(rm.owner(), rm.verb(), rm.keyValue(), rm.at(), args, rm.module(),
                        this::callFunction);
                for (String verb : rm.alsoVerbs()) {
                    express.onRouter(rm.owner(), verb, null, rm.at(), args, rm.module(), this::callFunction);
                }
                yield result;
            }
            case Value.ExpressModule x -> newRouter(Value.Router.Kind.APP, site, f);
            case Value.NodeApi api -> NodeModules.call(api, args, new NodeModules.Context(tree,
                    workingDirectory(f.module()), (callback, callArgs) -> runCallback(callback, callArgs, site, f)));
            case Value.ExpressMember em when em.name().equals("Router") -> newRouter(Value.Router.Kind.ROUTER, site, f);
            case Value.Require r -> {
                String specifier = args.isEmpty() ? null : specifier(args.get(0).value());
                List<Expr> choices = specifier != null || !(site instanceof Expr.Call call)
                        || call.arguments().isEmpty() ? List.of() : specifierChoices(call.arguments().get(0), f);
                if (choices.size() > 1) {
                    yield requireEither(r.module(), choices, f);
                }
                yield specifier == null ? Unknown.OPAQUE : require(r.module(), specifier);
            }
            default -> {
                // code the analysis does not follow may add to whatever it is given
                escape(self, 0);
                for (CallArg a : args) {
                    escape(a.value(), 0);
                }
                yield Unknown.OPAQUE;
            }
        };
    }

    private static final int MAX_ESCAPE_DEPTH = 3;

    /** Marks objects reachable from {@code v} as open: unknown code got hold of them. */
    private static void escape(Value v, int depth) {
        if (depth > MAX_ESCAPE_DEPTH) {
            return;
        }
        switch (v) {
            case Value.Obj o -> {
                if (!o.open) {
                    o.open = true;
                    for (Value p : o.properties.values()) {
                        escape(p, depth + 1);
                    }
                }
            }
            case Value.Arr a -> {
                for (Value e : a.elements.subList(0, Math.min(a.elements.size(), Builtins.MAX_ITERATIONS))) {
                    escape(e, depth + 1);
                }
            }
            default -> {
                // nothing to add properties to
            }
        }
    }

    private Value construct(Expr.New n, Frame f) {
        String global = n.callee() instanceof Expr.Name g && f.scope().find(g.name()) == null ? g.name() : "";
        Value callee = eval(n.callee(), f);
        List<CallArg> args = arguments(n.arguments(), f);
        if (global.equals("Proxy") && !args.isEmpty()) {
            // a proxy forwards to its target what its handler does not trap; signalk's interfaces get
            // the app as `new Proxy(appCopy, handler)` and declare their routes on it
            return args.get(0).value();
        }
        if (global.equals("Promise") && !args.isEmpty() && args.get(0).value() instanceof Value.Fn executor) {
            // the executor runs now, as JavaScript runs it: `start() { return new Promise(async (resolve) => {
            // this.initRoutes(); … }) }` declares its routes when start() is called (signalk's APIs)
            runCallback(executor, List.of(new CallArg(Unknown.OPAQUE, null), new CallArg(Unknown.OPAQUE, null)), n, f);
            return Unknown.OPAQUE;
        }
        return switch (callee) {
            case Value.ClassVal c -> instantiate(c, values(args), false);
            // `new express()` is an app as `express()` is: createApplication returns an object,
            // which `new` hands back (keystone's fields explorer).
            case Value.ExpressModule x -> newRouter(Value.Router.Kind.APP, n, f);
            case Value.ExpressMember em when em.name().equals("Router") -> newRouter(Value.Router.Kind.ROUTER, n, f);
            case Value.Fn fn when !fn.node().arrow() -> {
                Value.Obj self = new Value.Obj(null);
                self.open = true; // what its prototype inherits is not followed
                if (functionProperties.getOrDefault(fn, Map.of()).get("prototype") instanceof Value.Obj prototype) {
                    self.properties.putAll(prototype.properties);
                    self.prototype = prototype; // what is added later, and inherited (`util.inherits(F, Base)`)
                }
                callFunction(fn, self, values(args));
                yield self;
            }
            default -> {
                for (CallArg a : args) {
                    escape(a.value(), 0);
                }
                yield Unknown.OPAQUE;
            }
        };
    }

    /** Where a module's application is started from: the root of its package, as an absolute path. */
    private String workingDirectory(ModuleRecord m) {
        return "/" + resolver.packages().enclosing(m.path).map(PackageManifest::dir).orElse("");
    }

    private Value newRouter(Value.Router.Kind kind, Expr site, Frame f) {
        Value.Router router = new Value.Router(kind, f.module().path, site.start());
        routersMade.add(router);
        return router;
    }

    /**
     * Calls a callback a built-in iterates with: once per element, so a loader's callback runs for
     * each of a directory's files ({@value Builtins#MAX_ITERATIONS} at most), not only for the
     * first {@value #MAX_EXECUTIONS_PER_FUNCTION}.
     */
    private Value runCallback(Value callback, List<CallArg> args, Expr site, Frame f) {
        if (callback instanceof Value.Fn fn) {
            return callFunction(fn, Unknown.OPAQUE, values(args), Builtins.MAX_ITERATIONS);
        }
        return invoke(callback, Unknown.OPAQUE, args, site, f);
    }

    private Value callFunction(Value.Fn fn, Value self, List<Value> args) {
        return callFunction(fn, self, args, MAX_EXECUTIONS_PER_FUNCTION);
    }

    private Value callFunction(Value.Fn fn, Value self, List<Value> args, int maxExecutions) {
        FunctionNode node = fn.node();
        if (node.body() == null && node.expressionBody() == null) {
            return Unknown.OPAQUE;
        }
        CallKey key = new CallKey(fn, node.arrow() ? null : self, List.copyOf(args));
        Value cached = memo.get(key);
        if (cached != null) {
            return cached;
        }
        if (inProgress.contains(key) || depth >= MAX_CALL_DEPTH) {
            return Unknown.OPAQUE;
        }
        // A helper given only constants computes a value (cncjs joins each of its 53 paths with
        // urljoin(settings.route, 'api/…')): it runs for each such call, as registration helpers do.
        boolean constantsOnly = !args.isEmpty() && args.stream().allMatch(Truth::isStatic);
        int cap = routeHelpers.contains(node) || constantsOnly
                ? Math.max(maxExecutions, MAX_EXECUTIONS_OF_ROUTE_HELPERS) : maxExecutions;
        if (shimModules.containsValue(fn.module())) {
            // A shim stands for a built-in (Promise.resolve, util.inherits, _.merge) that a program
            // calls wherever it likes: firebase-tools' lib/ called Promise.resolve more often than a
            // function may run, and the emulator hub's app, returned through it, read unknown.
            cap = Integer.MAX_VALUE;
        }
        if (executions.merge(node, 1, Integer::sum) > cap) {
            // An app factory called more often than that answers with the app its last such call made.
            return factoryResults.getOrDefault(key, Unknown.OPAQUE);
        }
        inProgress.add(key);
        calledByCode.add(node);
        depth++;
        try {
            int recordedBefore = ledger.recorded();
            int routersBefore = routersMade.size();
            Value result = execute(fn, self, args, false);
            if (ledger.recorded() > recordedBefore || result instanceof Value.Router) {
                // so is one answering with an app or router: unleash's controllers, a hundred
                // subclasses of one base class, are each mounted through its `get router()`, and
                // the 17th and later read unknown and were reported at their own paths
                routeHelpers.add(node);
            }
            // Each call of a function that makes an app makes a new one (node-red's
            // util.makeApp(settings), called by every module with the same settings): only
            // functions that make none answer a repeated call from the memo.
            if (routersMade.size() == routersBefore) {
                memo.put(key, result);
            } else {
                routeHelpers.add(node); // a factory runs as often as a registration helper
                factoryResults.put(key, result);
                madeByCode.computeIfAbsent(node, k -> new ArrayList<>())
                        .addAll(routersMade.subList(routersBefore, routersMade.size()));
            }
            return result;
        } finally {
            depth--;
            inProgress.remove(key);
        }
    }

    private Value execute(Value.Fn fn, Value self, List<Value> args, boolean sweep) {
        FunctionNode node = fn.node();
        executed.add(node);
        Value thisValue = node.arrow() ? (fn.lexicalThis() == null ? Unknown.OPAQUE : fn.lexicalThis()) : self;
        Frame frame = new Frame(new Scope(fn.closure()), thisValue, fn.module(), fn.home(), new Returns());
        if (!node.arrow()) {
            // a variadic helper reads its arguments so (cncjs's urljoin, Babel's rest parameters)
            frame.scope().bind("arguments", new Scope.Slot(new Value.Arr(new ArrayList<>(args))));
        }
        bindParameters(fn, frame, args, sweep);
        if (node.body() != null) {
            hoist(node.body().body(), frame);
            for (Stmt s : node.body().body()) {
                if (exec(s, frame)) {
                    break;
                }
            }
            return frame.returns().result();
        }
        return eval(node.expressionBody(), frame);
    }

    private void bindParameters(Value.Fn fn, Frame frame, List<Value> args, boolean sweep) {
        List<FunctionNode.Param> params = fn.node().params();
        int next = 0;
        for (int p = 0; p < params.size(); p++) {
            FunctionNode.Param param = params.get(p);
            if (param.target() instanceof Expr.Name n && n.name().equals("this")) {
                continue; // TypeScript's `this` parameter takes no argument
            }
            Value v;
            if (param.rest()) {
                v = new Value.Arr(next < args.size() ? args.subList(next, args.size()) : List.of());
                next = args.size();
            } else {
                v = next < args.size() ? args.get(next) : null;
                next++;
            }
            if ((v == null || v instanceof Unknown) && param.defaultValue() != null) {
                // the sweep runs what nobody here calls: a caller elsewhere may pass anything
                Value given = v != null ? v : sweep ? Unknown.MAYBE_TEXT : Unknown.UNDEFINED;
                v = orDefault(given, param.defaultValue(), frame);
            }
            if (v == null) {
                v = Unknown.UNDEFINED;
            }
            if (sweep && !(v instanceof Value.Router)) {
                Value.Router standIn = standIn(fn, p, param);
                Value bag = standIn == null && v == Unknown.UNDEFINED ? argumentBag(fn, param) : null;
                // nobody passed anything: the parameter may be a path as well as anything else
                v = standIn != null ? standIn : bag != null ? bag : v == Unknown.UNDEFINED ? Unknown.MAYBE_TEXT : v;
            }
            if (v instanceof Value.Router router && isRouterParameter(fn, param)) {
                routerBound.computeIfAbsent(fn.node(), k -> new boolean[params.size()])[p] = true;
                if (router.kind != Value.Router.Kind.STAND_IN) {
                    boundToRealRouter.add(new StandInKey(fn.node(), param.target().start()));
                }
            }
            bind(param.target(), v, frame, true);
            if (sweep && param.target() instanceof Expr.ObjectLit pattern) {
                standInsForDestructured(fn, pattern, frame);
            }
            if (param.property() && param.target() instanceof Expr.Name n && frame.self() instanceof Value.Obj o) {
                o.properties.put(n.name(), v);
            }
        }
    }

    /** Whether a parameter is declared as an app or router: by its type, or (untyped) by its name. */
    private boolean isRouterParameter(Value.Fn fn, FunctionNode.Param param) {
        if (param.type() != null && !UNTYPED.contains(param.type())) {
            return isExpressType(param.type(), fn.closure());
        }
        return expressImported && param.target() instanceof Expr.Name n && RouterNames.looksLikeRouter(n.name());
    }

    private Value.Router standIn(Value.Fn fn, int index, FunctionNode.Param param) {
        if (!isRouterParameter(fn, param)) {
            return null;
        }
        return standIn(fn, param.target());
    }

    private Value.Router standIn(Value.Fn fn, Expr name) {
        return standIns.computeIfAbsent(new StandInKey(fn.node(), name.start()),
                k -> new Value.Router(Value.Router.Kind.STAND_IN, fn.module().path, name.start()));
    }

    /**
     * A parameter nobody passed anything to that the function reads an app or router out of
     * ({@code (hookName, args) => { args.app.get(…) }}, {@code const {app} = args}: etherpad's
     * plugin hooks, called by name from a plugin manifest): an open object whose router-named
     * properties are stand-ins. Null when the function reads no such property of it.
     */
    private Value argumentBag(Value.Fn fn, FunctionNode.Param param) {
        if (!expressImported || !(param.target() instanceof Expr.Name n) || isRequestHandler(fn.node())) {
            return null;
        }
        FunctionNode node = fn.node();
        String source = fn.module().source;
        if (node.start() < 0 || node.end() > source.length() || node.start() >= node.end()) {
            return null;
        }
        String text = source.substring(node.start(), node.end());
        String name = java.util.regex.Pattern.quote(n.name());
        Value.Obj bag = null;
        java.util.regex.Matcher read = java.util.regex.Pattern.compile("(?<![\\w$.])" + name + "\\s*\\.\\s*([A-Za-z_$][\\w$]*)")
                .matcher(text);
        while (read.find()) {
            bag = withStandIn(bag, fn, read.group(1), node.start() + read.start(1));
        }
        java.util.regex.Matcher destructured = java.util.regex.Pattern.compile("\\{([^{}]*)\\}\\s*=\\s*" + name + "(?![\\w$])")
                .matcher(text);
        while (destructured.find()) {
            for (String part : destructured.group(1).split(",")) {
                String key = part.strip().split("[:=\\s]")[0];
                bag = withStandIn(bag, fn, key, node.start() + destructured.start(1));
            }
        }
        return bag;
    }

    /**
     * A handler or middleware ({@code (req, res, next) => …}): what it does to {@code req.app}
     * happens per request, not when the application is set up.
     */
    private static boolean isRequestHandler(FunctionNode node) {
        for (FunctionNode.Param p : node.params()) {
            if (p.target() instanceof Expr.Name n && REQUEST_NAMES.contains(n.name())) {
                return true;
            }
        }
        return false;
    }

    private Value.Obj withStandIn(Value.Obj bag, Value.Fn fn, String key, int offset) {
        if (key.isEmpty() || !RouterNames.looksLikeRouter(key) || (bag != null && bag.properties.containsKey(key))) {
            return bag;
        }
        Value.Obj into = bag != null ? bag : new Value.Obj(null);
        into.open = true;
        Value.Router standIn = standIns.computeIfAbsent(new StandInKey(fn.node(), offset),
                k -> new Value.Router(Value.Router.Kind.STAND_IN, fn.module().path, offset));
        bagStandIns.computeIfAbsent(fn.node(), k -> new ArrayList<>()).add(standIn);
        into.properties.put(key, standIn);
        return into;
    }

    /** {@code ({ app, config }) => …} that nobody calls: the destructured names get the same treatment. */
    private void standInsForDestructured(Value.Fn fn, Expr.ObjectLit pattern, Frame frame) {
        if (!expressImported) {
            return;
        }
        for (Expr.Property p : pattern.properties()) {
            Expr target = p.value() instanceof Expr.Assign a ? a.target() : p.value();
            if ((p.kind() == Expr.Property.Kind.SHORTHAND || p.kind() == Expr.Property.Kind.INIT)
                    && target instanceof Expr.Name n && RouterNames.looksLikeRouter(n.name())
                    && !(frame.scope().find(n.name()).get() instanceof Value.Router)) {
                frame.scope().declare(n.name()).set(standIn(fn, n));
            }
        }
    }

    private static boolean isExpressType(String type, Scope scope) {
        int dot = type.indexOf('.');
        if (dot < 0) {
            Scope.Binding b = scope.find(type);
            return b != null && b.get() instanceof Value.ExpressMember em && EXPRESS_TYPES.contains(em.name());
        }
        Scope.Binding b = scope.find(type.substring(0, dot));
        return b != null && b.get() == Value.ExpressModule.INSTANCE
                && EXPRESS_TYPES.contains(type.substring(dot + 1));
    }

    // ---- functions and classes

    private Value.Fn makeFunction(FunctionNode node, Frame f) {
        Value.Fn fn = new Value.Fn(node, f.scope(), node.arrow() ? f.self() : null, f.module(), f.home());
        closures.add(fn);
        return fn;
    }

    private Value.ClassVal makeClass(ClassNode node, Frame f) {
        Value superValue = node.superClass() == null ? null : eval(node.superClass(), f);
        Value.ClassVal c = new Value.ClassVal(node, f.scope(),
                superValue instanceof Value.ClassVal sc ? sc : null, f.module());
        classes.add(c);
        Frame statics = new Frame(new Scope(f.scope()), c, f.module(), c, new Returns());
        for (ClassNode.Member member : node.members()) {
            if (!member.isStatic()) {
                continue;
            }
            if (member.kind() == ClassNode.MemberKind.FIELD && member.name() != null) {
                c.statics.put(member.name(), member.value() == null ? Unknown.OPAQUE : eval(member.value(), statics));
            } else if (member.kind() == ClassNode.MemberKind.STATIC_BLOCK && member.block() != null) {
                execBlock(member.block().body(), statics);
            }
        }
        return c;
    }

    private Value instantiate(Value.ClassVal c, List<Value> args, boolean sweep) {
        if (c.instances.size() >= MAX_INSTANCES_PER_CLASS) {
            return c.instances.get(0);
        }
        Value.Obj o = new Value.Obj(c);
        c.instances.add(o);
        initialiseFields(c, o, 0);
        runConstructor(c, o, args, sweep, 0);
        return o;
    }

    private void initialiseFields(Value.ClassVal c, Value.Obj o, int chain) {
        if (chain >= MAX_CLASS_CHAIN) {
            return;
        }
        if (c.superClass != null) {
            initialiseFields(c.superClass, o, chain + 1);
        }
        Frame frame = new Frame(new Scope(c.closure), o, c.module, c, new Returns());
        for (ClassNode.Member member : c.node.members()) {
            if (member.kind() == ClassNode.MemberKind.FIELD && !member.isStatic() && member.name() != null
                    && member.value() != null) {
                o.properties.put(member.name(), eval(member.value(), frame));
            }
        }
    }

    private void runConstructor(Value.ClassVal c, Value.Obj o, List<Value> args, boolean sweep, int chain) {
        if (chain >= MAX_CLASS_CHAIN) {
            return;
        }
        for (ClassNode.Member member : c.node.members()) {
            if (member.kind() == ClassNode.MemberKind.CONSTRUCTOR && member.function().body() != null) {
                Value.Fn fn = new Value.Fn(member.function(), c.closure, null, c.module, c);
                if (sweep) {
                    sweepCall(fn, o);
                } else {
                    callFunction(fn, o, args);
                }
                return;
            }
        }
        if (c.superClass != null) {
            runConstructor(c.superClass, o, args, sweep, chain + 1);
        }
    }

    // ---- the sweep

    /**
     * Runs what nobody called: classes never instantiated, functions never invoked (or whose
     * app/router parameters never received one) and methods never called, until nothing new runs.
     */
    private void sweep() {
        int closureIndex = 0;
        int classIndex = 0;
        boolean progress = true;
        while (progress && !exhausted) {
            progress = false;
            // functions first: they may instantiate classes and call methods the way the program does.
            // Each batch last first: a module is evaluated after what it imports, and a function's
            // nested declarations are hoisted before what its body goes on to define, so callers run
            // before what they call and call it as the program does. Swept first on its own, a factory
            // made a router nobody mounts, and the methods it added to that router were swept in its
            // closure (azure-mobile-apps' `tables(configuration).add`).
            while (closureIndex < closures.size() && !exhausted) {
                List<Value.Fn> batch = List.copyOf(closures.subList(closureIndex, closures.size()));
                closureIndex = closures.size();
                for (int k = batch.size() - 1; k >= 0 && !exhausted; k--) {
                    Value.Fn fn = batch.get(k);
                    if (needsSweep(fn)) {
                        swept.add(fn.node());
                        guarded(() -> sweepCall(fn, unknownReceiver()));
                        progress = true;
                    }
                }
            }
            for (int k = 0; k < classes.size() && !exhausted; k++) {
                Value.ClassVal c = classes.get(k);
                for (ClassNode.Member member : c.node.members()) {
                    if ((member.kind() != ClassNode.MemberKind.METHOD && member.kind() != ClassNode.MemberKind.ACCESSOR)
                            || member.function() == null || (!member.isStatic() && c.instances.isEmpty())) {
                        continue;
                    }
                    Value.Fn fn = new Value.Fn(member.function(), c.closure, null, c.module, c);
                    if (needsSweep(fn)) {
                        swept.add(fn.node());
                        Value self = member.isStatic() ? c : c.instances.get(0);
                        guarded(() -> sweepCall(fn, self));
                        progress = true;
                    }
                }
            }
            while (classIndex < classes.size() && !exhausted) {
                Value.ClassVal c = classes.get(classIndex++);
                if (c.instances.isEmpty()) {
                    guarded(() -> instantiate(c, List.of(), true));
                    progress = true;
                }
            }
        }
    }

    private boolean needsSweep(Value.Fn fn) {
        FunctionNode node = fn.node();
        if (swept.contains(node) || (node.body() == null && node.expressionBody() == null)) {
            return false;
        }
        if (!executed.contains(node)) {
            return true;
        }
        boolean[] bound = routerBound.get(node);
        List<FunctionNode.Param> params = node.params();
        for (int p = 0; p < params.size(); p++) {
            if ((bound == null || !bound[p]) && isRouterParameter(fn, params.get(p))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The {@code this} of a function the sweep runs: an object nobody knows (open), which keeps
     * what the function stores on it. Keystone's {@code Keystone.prototype.initExpressApp} runs
     * {@code createApp(this)}, which stores the app as {@code keystone.app} and reads it back
     * before mounting the admin routers on it; with an opaque {@code this} the app was lost and the
     * routers were reported unmounted, at their own paths, as if resolved.
     */
    private static Value.Obj unknownReceiver() {
        Value.Obj self = new Value.Obj(null);
        self.open = true;
        return self;
    }

    private void sweepCall(Value.Fn fn, Value self) {
        if (depth >= MAX_CALL_DEPTH) {
            return;
        }
        if (executions.merge(fn.node(), 1, Integer::sum) > MAX_EXECUTIONS_PER_FUNCTION + 1) {
            return;
        }
        depth++;
        int routersBefore = routersMade.size();
        int declaredBefore = ledger.declarationCount();
        try {
            execute(fn, self, List.of(), true);
        } finally {
            depth--;
            if (ledger.declarationCount() > declaredBefore) {
                declaredBySweep.computeIfAbsent(fn.node(), k -> new ArrayList<>())
                        .addAll(ledger.declarationsFrom(declaredBefore));
            }
            if (routersMade.size() > routersBefore) {
                madeBySweep.computeIfAbsent(fn.node(), k -> new ArrayList<>())
                        .addAll(routersMade.subList(routersBefore, routersMade.size()));
            }
        }
    }
}
