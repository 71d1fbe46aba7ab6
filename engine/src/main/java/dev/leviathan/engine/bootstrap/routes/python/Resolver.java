package dev.leviathan.engine.bootstrap.routes.python;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Static name resolution across the repository's modules: what a name or attribute denotes
 * (module, class, framework object, constant...), and the value of string expressions made of
 * literals, constants and f-strings. One instance serves one {@code extract} call; it caches,
 * and breaks cycles ({@code A = B; B = A}, circular imports) by answering "unknown".
 */
final class Resolver {

    /** A string expression's static value: {@code text} is the best static part when not {@code resolved}. */
    record StrVal(String text, boolean resolved) {
        static final StrVal UNRESOLVED = new StrVal("", false);
    }

    /** An expression together with the scope it is to be evaluated in. */
    record Scoped(Expr expr, Scope scope) {
    }

    private static final int MAX_DEPTH = 48;
    private static final Pattern DOTTED_NAME = Pattern.compile("[A-Za-z_]\\w*(\\.[A-Za-z_]\\w*)*");

    private final ModuleIndex index;
    private final long stepBudget;
    /** Resolutions so far: what {@code stepBudget} bounds, so no input keeps a bootstrap busy for good. */
    private long steps;
    private final Map<Binding, Sym> symCache = new IdentityHashMap<>();
    private final Set<Binding> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Instance attributes being worked out, per class: a value that reads its own attribute stops there. */
    private final Map<Stmt.ClassDef, Set<String>> attributesInProgress = new IdentityHashMap<>();
    private final Map<Expr, RouterNode> nodes = new IdentityHashMap<>();
    private final List<RouterNode> nodeOrder = new ArrayList<>();
    private final Map<Stmt.Param, RouterNode> parameterNodes = new IdentityHashMap<>();
    private final Map<RouterNode, Binding.Parameter> nodeParameters = new IdentityHashMap<>();
    private final DjangoSettings djangoSettings;
    private final FlaskConfig flaskConfig;
    private int depth;
    /**
     * Values given to loop variables and parameters while one mount is evaluated for one list
     * element or one call site; nothing is cached meanwhile, since answers depend on them.
     */
    private Map<Binding, Scoped> overrides = Map.of();

    Resolver(ModuleIndex index, List<PyModule> modules) {
        this(index, modules, Long.MAX_VALUE);
    }

    /** @param stepBudget resolutions allowed in all; past it every expression is unknown */
    Resolver(ModuleIndex index, List<PyModule> modules, long stepBudget) {
        this.index = index;
        this.stepBudget = stepBudget;
        this.djangoSettings = new DjangoSettings(modules);
        this.flaskConfig = new FlaskConfig(modules);
    }

    ModuleIndex index() {
        return index;
    }

    /** Resolutions made so far. */
    long steps() {
        return steps;
    }

    /** Every router object made by a constructor call resolved so far, in the order they were first met. */
    List<RouterNode> routerNodes() {
        return List.copyOf(nodeOrder);
    }

    // ---- names -------------------------------------------------------------------------------

    /** The binding {@code name} refers to at {@code line} of {@code from}, following Python's scoping. */
    Binding lookup(Scope from, String name, int line) {
        return lookup(from, name, line, -1);
    }

    /**
     * The binding the name {@code n} refers to where it is written: in the value of its own
     * assignment ({@code rule = "/" + rule}, {@code methods = [methods]}) that is the binding before.
     */
    Binding lookup(Scope from, Expr.Name n) {
        return lookup(from, n.id(), n.line(), n.start());
    }

    private Binding lookup(Scope from, String name, int line, int offset) {
        boolean first = true;
        for (Scope s = from; s != null; s = s.parent) {
            if (!first && s.kind == Scope.Kind.CLASS) {
                continue; // class bodies are not visible from the functions nested in them
            }
            List<Binding> candidates = s.bindings(name);
            if (first && offset >= 0) {
                candidates = candidates.stream().filter(b -> !(b instanceof Binding.Assigned a && a.value() != null
                        && a.value().start() <= offset && offset < a.value().end())).toList();
            }
            Binding b = pick(candidates, first ? line : Integer.MAX_VALUE);
            if (b != null) {
                return b;
            }
            if (s.kind == Scope.Kind.MODULE) {
                Binding star = throughStarImports(s.module, name, 0);
                if (star != null) {
                    return star;
                }
            }
            first = false;
        }
        return null;
    }

    /** The last binding at or before {@code line} (else the last at all) that is not being resolved now. */
    private Binding pick(List<Binding> candidates, int line) {
        Binding fallback = null;
        for (int i = candidates.size() - 1; i >= 0; i--) {
            Binding b = candidates.get(i);
            if (inProgress.contains(b)) {
                continue;
            }
            if (b.line() <= line) {
                return b;
            }
            if (fallback == null) {
                fallback = b;
            }
        }
        return fallback;
    }

    /** The module-level binding of {@code name} in {@code module} as seen by an importer (its final one). */
    Binding moduleLevel(PyModule module, String name) {
        Binding b = pick(module.scope.bindings(name), Integer.MAX_VALUE);
        return b != null ? b : throughStarImports(module, name, 0);
    }

    private Binding throughStarImports(PyModule module, String name, int hops) {
        if (hops > 8) {
            return null;
        }
        for (int i = module.scope.starImports.size() - 1; i >= 0; i--) {
            Stmt.FromImport star = module.scope.starImports.get(i);
            String stem = star.level() > 0 ? ModuleIndex.relative(star.level(), star.module(), module)
                    : index.absolute(star.module(), module);
            if (stem == null) {
                if (star.level() == 0 && ModuleIndex.isFrameworkModule(star.module())) {
                    return new Binding.FromImportName(0, star.module(), name, module.scope, star.line());
                }
                continue;
            }
            PyModule target = index.module(stem);
            if (target == null || target == module) {
                continue;
            }
            Binding b = pick(target.scope.bindings(name), Integer.MAX_VALUE);
            if (b == null) {
                b = throughStarImports(target, name, hops + 1);
            }
            if (b != null) {
                return b;
            }
        }
        return null;
    }

    /** Runs {@code body} with {@code values} standing for those bindings. */
    <T> T with(Map<Binding, Scoped> values, java.util.function.Supplier<T> body) {
        Map<Binding, Scoped> outer = overrides;
        overrides = values;
        try {
            return body.get();
        } finally {
            overrides = outer;
        }
    }

    // ---- symbols -----------------------------------------------------------------------------

    /** What {@code e} denotes in {@code scope}. */
    Sym resolve(Expr e, Scope scope) {
        if (depth > MAX_DEPTH || ++steps > stepBudget) {
            return Sym.UNKNOWN;
        }
        depth++;
        try {
            return switch (e) {
                case Expr.Name n -> {
                    Binding b = lookup(scope, n);
                    yield b == null ? Sym.UNKNOWN : symOf(b);
                }
                case Expr.Attribute a -> {
                    Sym base = resolve(a.value(), scope);
                    if (base instanceof Sym.ParameterSym p && selfOf(p.binding()) instanceof Sym.ClassSym cls) {
                        // self.VERSION: what a method assigns to it, else the class attribute.
                        Sym assigned = instanceAttribute(cls, a.attr(), 0);
                        yield assigned instanceof Sym.Unknown ? classAttribute(cls, a.attr(), 0) : assigned;
                    }
                    yield member(base, a.attr());
                }
                case Expr.Subscript sub when dictEntry(sub, scope) instanceof Scoped v -> resolve(v.expr(), v.scope());
                case Expr.Call c when dictEntry(c, scope) instanceof Scoped v -> resolve(v.expr(), v.scope());
                case Expr.Call c -> callResult(resolve(c.func(), scope), c, scope);
                case Expr.Conditional c -> eitherRouter(c, scope);
                default -> new Sym.ValueSym(e, scope);
            };
        } finally {
            depth--;
        }
    }

    /**
     * A router if either branch makes one (both branches are routers of one framework in the code
     * this is for, so their routes are the same); otherwise the expression stays a value, whose
     * text a path or prefix then reports as unresolved.
     */
    private Sym eitherRouter(Expr.Conditional c, Scope scope) {
        for (Expr branch : List.of(c.body(), c.orElse())) {
            if (resolve(branch, scope) instanceof Sym.RouterSym router) {
                return router;
            }
        }
        return new Sym.ValueSym(c, scope);
    }

    Sym symOf(Binding b) {
        if (!overrides.isEmpty()) {
            Scoped value = overrides.get(b);
            if (value != null) {
                return resolve(value.expr(), value.scope());
            }
            if (!inProgress.add(b)) {
                return Sym.UNKNOWN;
            }
            try {
                return computeSym(b);
            } finally {
                inProgress.remove(b);
            }
        }
        Sym cached = symCache.get(b);
        if (cached != null) {
            return cached;
        }
        if (!inProgress.add(b)) {
            return Sym.UNKNOWN;
        }
        Sym result;
        try {
            result = computeSym(b);
        } finally {
            inProgress.remove(b);
        }
        symCache.put(b, result);
        return result;
    }

    private Sym computeSym(Binding b) {
        return switch (b) {
            case Binding.Assigned a -> {
                if (a.value() == null) {
                    yield Sym.UNKNOWN;
                }
                if (a.value() instanceof Expr.Name || a.value() instanceof Expr.Attribute
                        || a.value() instanceof Expr.Call || a.value() instanceof Expr.Conditional) {
                    Sym s = resolve(a.value(), a.scope());
                    yield s instanceof Sym.Unknown ? new Sym.ValueSym(a.value(), a.scope()) : s;
                }
                yield new Sym.ValueSym(a.value(), a.scope());
            }
            case Binding.ModuleImport imp -> moduleImport(imp);
            case Binding.FromImportName from -> fromImport(from);
            case Binding.Defined d -> d.def() instanceof Stmt.ClassDef c ? new Sym.ClassSym(c, d.body())
                    : new Sym.FunctionSym((Stmt.FunctionDef) d.def(), d.body());
            case Binding.Parameter p -> parameter(p);
            case Binding.LoopVariable l -> new Sym.LoopSym(l.loop(), l.index(), l.scope());
            case Binding.Unpacked u -> u.value() instanceof Expr.Call c
                    && resolve(c.func(), u.scope()) instanceof Sym.FunctionSym f ? returnedElement(f, u.index())
                    : Sym.UNKNOWN;
        };
    }

    private Sym moduleImport(Binding.ModuleImport imp) {
        String[] parts = imp.dotted().split("\\.");
        String bound = String.join(".", java.util.Arrays.copyOfRange(parts, 0, Math.min(imp.boundParts(), parts.length)));
        String stem = index.absolute(imp.dotted(), imp.scope().module);
        if (stem == null) {
            String boundStem = index.absolute(bound, imp.scope().module);
            return boundStem == null ? new Sym.ExternalSym(bound) : new Sym.ModuleSym(boundStem);
        }
        for (int i = imp.boundParts(); i < parts.length; i++) {
            stem = ModuleIndex.parent(stem);
        }
        return new Sym.ModuleSym(stem);
    }

    private Sym fromImport(Binding.FromImportName from) {
        PyModule importer = from.scope().module;
        String stem = from.level() > 0 ? ModuleIndex.relative(from.level(), from.module(), importer)
                : index.absolute(from.module(), importer);
        if (stem == null) {
            return from.level() == 0 ? new Sym.ExternalSym(from.module() + "." + from.name()) : Sym.UNKNOWN;
        }
        return member(new Sym.ModuleSym(stem), from.name());
    }

    /** The module-level binding a {@code from module import name} refers to, when the module is in the repository. */
    Binding imported(Binding.FromImportName from) {
        PyModule importer = from.scope().module;
        String stem = from.level() > 0 ? ModuleIndex.relative(from.level(), from.module(), importer)
                : index.absolute(from.module(), importer);
        PyModule target = stem == null ? null : index.module(stem);
        return target == null || target == importer ? null : moduleLevel(target, from.name());
    }

    private Sym parameter(Binding.Parameter p) {
        Stmt.Param param = p.param();
        if (param.annotation() != null && p.scope().parent != null) {
            RouterKind kind = routerKindOf(resolve(forwardReference(param.annotation()), p.scope().parent));
            if (kind != null) {
                RouterNode node = parameterNodes.computeIfAbsent(param, k -> new RouterNode(kind, null, null, p.scope()));
                nodeParameters.putIfAbsent(node, p);
                return new Sym.RouterSym(node);
            }
        }
        return new Sym.ParameterSym(p);
    }

    /**
     * A quoted annotation ({@code bp: "flask.Blueprint"}, a forward reference, typically to a name
     * imported only under {@code if TYPE_CHECKING:}) as the dotted name it spells; any other
     * annotation as it is. Flask-Security types its blueprint helpers' parameters so.
     */
    private static Expr forwardReference(Expr annotation) {
        if (!(annotation instanceof Expr.Str s) || s.parts().size() != 1 || !(s.parts().getFirst() instanceof Expr.Text t)
                || !DOTTED_NAME.matcher(t.text()).matches()) {
            return annotation;
        }
        Expr e = null;
        for (String part : t.text().split("\\.")) {
            e = e == null ? new Expr.Name(part, s.start(), s.end(), s.line())
                    : new Expr.Attribute(e, part, s.start(), s.end(), s.line());
        }
        return e;
    }

    /**
     * The parameter a router stands for when it is only known by its type annotation
     * ({@code def include(app: FastAPI)}), else null: its callers say which router it is.
     */
    Binding.Parameter parameterOf(RouterNode node) {
        return nodeParameters.get(node);
    }

    /** The attribute {@code attr} of what {@code base} denotes. */
    Sym member(Sym base, String attr) {
        return switch (base) {
            case Sym.ModuleSym m -> {
                PyModule module = index.module(m.stem());
                if (module != null) {
                    Binding b = moduleLevel(module, attr);
                    if (b != null) {
                        yield symOf(b);
                    }
                }
                String sub = m.stem().isEmpty() ? attr : m.stem() + "/" + attr;
                yield index.exists(sub) ? new Sym.ModuleSym(sub) : Sym.UNKNOWN;
            }
            case Sym.ExternalSym x -> new Sym.ExternalSym(x.name() + "." + attr);
            case Sym.ClassSym c -> classAttribute(c, attr, 0);
            case Sym.InstanceSym i -> {
                Sym s = classAttribute(i.type(), attr, 0);
                yield s instanceof Sym.Unknown ? instanceAttribute(i.type(), attr, 0) : s;
            }
            // A FastAPI app's .router is the app's own router: routes added to it are the app's.
            case Sym.RouterSym r when (r.node().kind() == RouterKind.FASTAPI_APP
                    || r.node().kind() == RouterKind.STARLETTE_APP) && attr.equals("router") -> r;
            // Flask-RESTX's api.namespace(name, ...) makes a Namespace (and adds it, see CallSites).
            case Sym.RouterSym r when r.node().kind() == RouterKind.RESTFUL_API && attr.equals("namespace") ->
                new Sym.ExternalSym("flask_restx.Namespace");
            default -> Sym.UNKNOWN;
        };
    }

    /**
     * The expression a class body (or a repository base class's) assigns to {@code attr}, where
     * {@link #member} would give what that expression names: null when no class sets it.
     */
    Scoped classAssignment(Sym.ClassSym c, String attr, int hops) {
        if (pick(c.body().bindings(attr), Integer.MAX_VALUE) instanceof Binding b) {
            return b instanceof Binding.Assigned a && a.value() != null ? new Scoped(a.value(), a.scope()) : null;
        }
        for (Expr base : hops > 8 ? List.<Expr>of() : c.def().bases()) {
            if (resolve(base, c.body().parent) instanceof Sym.ClassSym parent
                    && classAssignment(parent, attr, hops + 1) instanceof Scoped found) {
                return found;
            }
        }
        return null;
    }

    private Sym classAttribute(Sym.ClassSym c, String attr, int hops) {
        Binding b = pick(c.body().bindings(attr), Integer.MAX_VALUE);
        if (b != null) {
            return symOf(b);
        }
        if (hops > 8) {
            return Sym.UNKNOWN;
        }
        for (Expr base : c.def().bases()) {
            if (resolve(base, c.body().parent) instanceof Sym.ClassSym parent) {
                Sym s = classAttribute(parent, attr, hops + 1);
                if (!(s instanceof Sym.Unknown)) {
                    return s;
                }
            }
        }
        return Sym.UNKNOWN;
    }

    /** The class a method's first parameter ({@code self}) is an instance of, or null for other parameters. */
    static Sym.ClassSym selfOf(Binding.Parameter p) {
        Scope classScope = p.scope().parent;
        if (p.index() != 0 || classScope == null || classScope.kind != Scope.Kind.CLASS || classScope.owner == null) {
            return null;
        }
        for (Expr d : p.function().decorators()) {
            if (d instanceof Expr.Name n && (n.id().equals("staticmethod") || n.id().equals("classmethod"))) {
                return null;
            }
        }
        return new Sym.ClassSym(classScope.owner, classScope);
    }

    /**
     * {@code self.attr} of an instance: what a method of the class (or of a repository base class)
     * assigns to it ({@code self.router = APIRouter(prefix="/x")} in {@code __init__}). Assigned
     * more than once, an object (a router, an instance) is taken; values that differ
     * ({@code self.prefix = ""}, then {@code self.prefix = cfg.get("prefix")} under an {@code if})
     * are decided at run time: unknown.
     */
    /** What the methods of {@code cls} (or of its repository bases) assign to {@code self.attr}; unknown when none does. */
    Sym instanceAttribute(Sym.ClassSym cls, String attr) {
        return instanceAttribute(cls, attr, 0);
    }

    private Sym instanceAttribute(Sym.ClassSym cls, String attr, int hops) {
        // `self.query = self.query.using(alias)`: the attribute is being worked out further up. Without
        // this, each such assignment resolved all of them again, 48 levels deep (django-haystack's
        // SearchQuerySet assigns `self.query` five times: its bootstrap never ended).
        Set<String> inProgress = attributesInProgress.computeIfAbsent(cls.def(), k -> new HashSet<>());
        if (!inProgress.add(attr)) {
            return Sym.UNKNOWN;
        }
        try {
            return assignedInstanceAttribute(cls, attr, hops);
        } finally {
            inProgress.remove(attr);
        }
    }

    private Sym assignedInstanceAttribute(Sym.ClassSym cls, String attr, int hops) {
        List<Sym> assigned = new ArrayList<>();
        for (Stmt s : cls.def().body()) {
            if (!(s instanceof Stmt.FunctionDef f) || f.params().isEmpty()) {
                continue;
            }
            String self = f.params().get(0).name();
            Scope body = cls.body().module.bodyScope(f);
            for (Stmt inner : f.body()) {
                if (inner instanceof Stmt.Assign a && a.value() != null && body != null) {
                    for (Expr t : a.targets()) {
                        if (t instanceof Expr.Attribute ta && ta.attr().equals(attr) && ta.value() instanceof Expr.Name n
                                && n.id().equals(self)) {
                            Sym v = resolve(a.value(), body);
                            assigned.add(v instanceof Sym.Unknown ? new Sym.ValueSym(a.value(), body) : v);
                        }
                    }
                }
            }
        }
        if (!assigned.isEmpty()) {
            return oneOf(assigned);
        }
        if (hops < 8) {
            for (Expr base : cls.def().bases()) {
                if (resolve(base, cls.body().parent) instanceof Sym.ClassSym parent) {
                    Sym s = instanceAttribute(parent, attr, hops + 1);
                    if (!(s instanceof Sym.Unknown)) {
                        return s;
                    }
                }
            }
        }
        return Sym.UNKNOWN;
    }

    private static Sym oneOf(List<Sym> assigned) {
        for (Sym sym : assigned) {
            if (!(sym instanceof Sym.ValueSym)) {
                return sym;
            }
        }
        Sym.ValueSym first = (Sym.ValueSym) assigned.getFirst();
        String text = first.value().text(first.scope().module.text);
        for (Sym sym : assigned) {
            Sym.ValueSym v = (Sym.ValueSym) sym;
            if (!v.value().text(v.scope().module.text).equals(text)) {
                return Sym.UNKNOWN;
            }
        }
        return first;
    }

    private Sym callResult(Sym callee, Expr.Call call, Scope scope) {
        return switch (callee) {
            case Sym.ExternalSym x -> {
                RouterKind kind = RouterKind.of(x.name());
                yield kind != null ? new Sym.RouterSym(node(call, kind, scope)) : new Sym.ExternalSym(x.name() + "()");
            }
            case Sym.ClassSym c -> {
                RouterKind kind = routerKindOf(c);
                yield kind != null ? new Sym.RouterSym(node(call, kind, scope)) : new Sym.InstanceSym(c);
            }
            case Sym.FunctionSym f -> returned(f);
            default -> Sym.UNKNOWN;
        };
    }

    /** What a factory function returns ({@code def create_app(): app = Flask(...); ...; return app}). */
    private Sym returned(Sym.FunctionSym f) {
        for (Stmt s : f.def().body()) {
            if (s instanceof Stmt.Return r && r.value() != null) {
                Sym sym = resolve(r.value(), f.body());
                if (!(sym instanceof Sym.Unknown) && !(sym instanceof Sym.ValueSym)) {
                    return sym;
                }
            }
        }
        return Sym.UNKNOWN;
    }

    /** Element {@code index} of the tuple a function returns ({@code return blueprint, api}). */
    private Sym returnedElement(Sym.FunctionSym f, int index) {
        for (Stmt s : f.def().body()) {
            if (s instanceof Stmt.Return r && r.value() instanceof Expr.Seq tuple
                    && tuple.kind() == Expr.SeqKind.TUPLE && index < tuple.elements().size()) {
                Sym sym = resolve(tuple.elements().get(index), f.body());
                if (!(sym instanceof Sym.Unknown) && !(sym instanceof Sym.ValueSym)) {
                    return sym;
                }
            }
        }
        return Sym.UNKNOWN;
    }

    private RouterNode node(Expr.Call call, RouterKind kind, Scope scope) {
        return nodes.computeIfAbsent(call, k -> {
            String keyword = kind.prefixKeyword();
            Expr prefix = keyword == null ? null : call.keyword(keyword);
            if (prefix instanceof Expr.Name n && n.id().equals("None")) {
                prefix = null;
            }
            RouterNode made = new RouterNode(kind, prefix, call, scope);
            nodeOrder.add(made);
            return made;
        });
    }

    /** The router kind a class (framework or repository subclass of one) constructs, or null. */
    RouterKind routerKindOf(Sym type) {
        return routerKindOf(type, 0);
    }

    private RouterKind routerKindOf(Sym type, int hops) {
        if (type instanceof Sym.ExternalSym x) {
            return RouterKind.of(x.name());
        }
        if (type instanceof Sym.ClassSym c && hops < 8) {
            for (Expr base : c.def().bases()) {
                RouterKind k = routerKindOf(resolve(base, c.body().parent), hops + 1);
                if (k != null) {
                    return k;
                }
            }
        }
        return null;
    }

    // ---- values ------------------------------------------------------------------------------

    /** The static string value of {@code e} in {@code scope}. */
    StrVal string(Expr e, Scope scope) {
        if (e == null || depth > MAX_DEPTH) {
            return StrVal.UNRESOLVED;
        }
        depth++;
        try {
            return switch (e) {
                case Expr.Str s -> {
                    StringBuilder out = new StringBuilder();
                    boolean resolved = true;
                    for (Expr.StrPart part : s.parts()) {
                        if (part instanceof Expr.Text t) {
                            out.append(t.text());
                        } else if (part instanceof Expr.Field f) {
                            if (f.formatted() || f.expr() == null) {
                                resolved = false;
                            } else {
                                StrVal v = string(f.expr(), scope);
                                out.append(v.text());
                                resolved &= v.resolved();
                            }
                        }
                    }
                    yield new StrVal(out.toString(), resolved);
                }
                case Expr.BinOp b when b.op().equals("+") -> {
                    // a + b + c nests to the left: walk the spine without recursing once per term.
                    List<Expr> terms = new ArrayList<>();
                    Expr left = b;
                    while (left instanceof Expr.BinOp lb && lb.op().equals("+")) {
                        terms.add(lb.right());
                        left = lb.left();
                    }
                    terms.add(left);
                    StringBuilder out = new StringBuilder();
                    boolean resolved = true;
                    for (int i = terms.size() - 1; i >= 0; i--) {
                        StrVal v = string(terms.get(i), scope);
                        out.append(v.text());
                        resolved &= v.resolved();
                    }
                    yield new StrVal(out.toString(), resolved);
                }
                case Expr.BinOp b when b.op().equals("%") -> percentFormatted(b.left(), b.right(), scope);
                case Expr.Name n -> symbolString(resolve(n, scope));
                case Expr.Attribute a -> symbolString(resolve(a, scope));
                case Expr.Subscript sub when FlaskConfig.isConfig(sub.value(), scope, this) ->
                    configValue(string(sub.index(), scope));
                case Expr.Call c when c.func() instanceof Expr.Attribute f && f.attr().equals("get")
                        && !c.args().isEmpty() && FlaskConfig.isConfig(f.value(), scope, this) ->
                    configValue(string(c.args().get(0), scope));
                case Expr.Call c when c.func() instanceof Expr.Name f && f.id().equals("str") && c.args().size() == 1 ->
                    string(c.args().get(0), scope);
                case Expr.Subscript sub when dictEntry(sub, scope) instanceof Scoped v -> string(v.expr(), v.scope());
                case Expr.Call c when dictEntry(c, scope) instanceof Scoped v -> string(v.expr(), v.scope());
                case Expr.Call c when c.func() instanceof Expr.Attribute f && f.attr().equals("format") ->
                    formatted(f.value(), c, scope);
                default -> StrVal.UNRESOLVED;
            };
        } finally {
            depth--;
        }
    }

    /**
     * The value {@code d["key"]} or {@code d.get("key")} reads from a dict literal {@code d} stands
     * for (a loop variable over a list of dicts: {@code for c in [{"router": r, "prefix": "/a"}]:
     * app.include_router(c["router"], prefix=c.get("prefix"))}); null when {@code e} is neither, the
     * dict is not a literal, a key is not a constant string, or the key is not in it.
     */
    Scoped dictEntry(Expr e, Scope scope) {
        Expr dict;
        Expr key;
        if (e instanceof Expr.Subscript sub) {
            dict = sub.value();
            key = sub.index();
        } else if (e instanceof Expr.Call c && c.func() instanceof Expr.Attribute f && f.attr().equals("get")
                && !c.args().isEmpty() && c.keywords().isEmpty()) {
            dict = f.value();
            key = c.args().get(0);
        } else {
            return null;
        }
        if (!(dict instanceof Expr.Name) || !(resolve(dict, scope) instanceof Sym.ValueSym v)
                || !(v.value() instanceof Expr.Dict d)) {
            return null;
        }
        StrVal wanted = string(key, scope);
        if (!wanted.resolved()) {
            return null;
        }
        for (int i = 0; i < d.keys().size(); i++) {
            Expr k = d.keys().get(i);
            StrVal name = k == null ? StrVal.UNRESOLVED : string(k, v.scope());
            if (!name.resolved()) {
                return null; // a **spread or a computed key may hold it
            }
            if (name.text().equals(wanted.text())) {
                return new Scoped(d.values().get(i), v.scope());
            }
        }
        return e instanceof Expr.Call c && c.args().size() > 1 ? new Scoped(c.args().get(1), scope) : null;
    }

    private StrVal configValue(StrVal key) {
        return key.resolved() ? flaskConfig.value(key.text(), this) : StrVal.UNRESOLVED;
    }

    /**
     * {@code "%s<%s:%s>" % (url, pk_type, pk)} and {@code "/%(name)s" % {"name": n}}: {@code %s}
     * conversions filled with the values, {@code %%} an escaped percent sign; any other
     * conversion, flag or width is left out, unresolved.
     */
    private StrVal percentFormatted(Expr template, Expr values, Scope scope) {
        StrVal text = string(template, scope);
        if (!text.resolved()) {
            return StrVal.UNRESOLVED;
        }
        List<Expr> positional = values instanceof Expr.Seq seq && seq.kind() == Expr.SeqKind.TUPLE ? seq.elements()
                : values instanceof Expr.Dict ? List.of() : List.of(values);
        String t = text.text();
        StringBuilder out = new StringBuilder();
        boolean resolved = true;
        int next = 0;
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch != '%') {
                out.append(ch);
                continue;
            }
            if (i + 1 < t.length() && t.charAt(i + 1) == '%') {
                out.append('%');
                i++;
                continue;
            }
            Expr value = null;
            int conversion = i + 1;
            if (conversion < t.length() && t.charAt(conversion) == '(') {
                int close = t.indexOf(')', conversion);
                if (close < 0) {
                    return StrVal.UNRESOLVED; // Python raises on this: no route is served from it
                }
                value = values instanceof Expr.Dict dict ? valueOfKey(dict, t.substring(conversion + 1, close), scope)
                        : null;
                conversion = close + 1;
            } else {
                value = next < positional.size() ? positional.get(next) : null;
                next++;
            }
            i = conversion;
            StrVal v = i < t.length() && t.charAt(i) == 's' && value != null ? string(value, scope) : StrVal.UNRESOLVED;
            out.append(v.text());
            resolved &= v.resolved();
        }
        return new StrVal(out.toString(), resolved && next == positional.size());
    }

    private Expr valueOfKey(Expr.Dict dict, String key, Scope scope) {
        for (int k = 0; k < dict.keys().size(); k++) {
            StrVal name = string(dict.keys().get(k), scope);
            if (name.resolved() && name.text().equals(key)) {
                return dict.values().get(k);
            }
        }
        return null;
    }

    /**
     * {@code "/{}.view".format(endpoint)}: fields {@code {}}, {@code {0}} and {@code {name}} filled
     * with the arguments' values; a field with a conversion, a format spec or an attribute or index
     * ({@code {!r}}, {@code {:>3}}, {@code {0.name}}) is left out, unresolved, as is a call
     * passing {@code *args} or {@code **kwargs}.
     */
    private StrVal formatted(Expr template, Expr.Call call, Scope scope) {
        StrVal text = string(template, scope);
        if (!text.resolved() || call.args().stream().anyMatch(a -> a instanceof Expr.Starred)
                || call.keywords().stream().anyMatch(k -> k.name() == null)) {
            return StrVal.UNRESOLVED;
        }
        String t = text.text();
        StringBuilder out = new StringBuilder();
        boolean resolved = true;
        int auto = 0;
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if ((ch == '{' || ch == '}') && i + 1 < t.length() && t.charAt(i + 1) == ch) {
                out.append(ch);
                i++;
                continue;
            }
            if (ch != '{') {
                out.append(ch);
                continue;
            }
            int close = t.indexOf('}', i);
            if (close < 0) {
                return StrVal.UNRESOLVED; // Python raises on this: no route is served from it
            }
            String field = t.substring(i + 1, close);
            i = close;
            Expr value = null;
            if (field.isEmpty()) {
                value = auto < call.args().size() ? call.args().get(auto) : null;
                auto++;
            } else if (field.chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(field);
                value = index < call.args().size() ? call.args().get(index) : null;
            } else if (field.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
                value = call.keyword(field);
            }
            StrVal v = value == null ? StrVal.UNRESOLVED : string(value, scope);
            out.append(v.text());
            resolved &= v.resolved();
        }
        return new StrVal(out.toString(), resolved);
    }

    private StrVal symbolString(Sym sym) {
        if (sym instanceof Sym.ValueSym v && !(v.value() instanceof Expr.Name) && !(v.value() instanceof Expr.Attribute)) {
            return string(v.value(), v.scope());
        }
        if (sym instanceof Sym.ExternalSym x && x.name().startsWith(DjangoSettings.QUALIFIED_PREFIX)) {
            String setting = x.name().substring(DjangoSettings.QUALIFIED_PREFIX.length());
            if (setting.indexOf('.') < 0) {
                return djangoSettings.value(setting, this);
            }
        }
        return StrVal.UNRESOLVED;
    }

    /**
     * The elements of a list, tuple or set literal, directly or through a constant, or what
     * iterating a dict literal gives ({@code d} and {@code d.keys()}: its keys, {@code d.values()},
     * {@code d.items()}: (key, value) pairs); null when not one of those.
     */
    List<Scoped> elements(Expr e, Scope scope) {
        if (e instanceof Expr.Seq seq) {
            List<Scoped> out = new ArrayList<>();
            for (Expr x : seq.elements()) {
                out.add(new Scoped(x, scope));
            }
            return out;
        }
        if (e instanceof Expr.Dict dict) {
            return dictElements(dict, "keys", scope);
        }
        if (e instanceof Expr.Call c && c.args().isEmpty() && c.func() instanceof Expr.Attribute a
                && Set.of("keys", "values", "items").contains(a.attr())) {
            Scoped dict = a.value() instanceof Expr.Dict d ? new Scoped(d, scope) : constantDict(a.value(), scope);
            return dict == null ? null : dictElements((Expr.Dict) dict.expr(), a.attr(), dict.scope());
        }
        if (e instanceof Expr.Name || e instanceof Expr.Attribute) {
            Sym sym = resolve(e, scope);
            if (sym instanceof Sym.ValueSym v && (v.value() instanceof Expr.Seq || v.value() instanceof Expr.Dict)) {
                return elements(v.value(), v.scope());
            }
        }
        return null;
    }

    /** The values of a dict literal, directly or through a constant; null when {@code e} is neither. */
    List<Scoped> dictValues(Expr e, Scope scope) {
        Scoped dict = e instanceof Expr.Dict d ? new Scoped(d, scope) : constantDict(e, scope);
        return dict == null ? null : dictElements((Expr.Dict) dict.expr(), "values", dict.scope());
    }

    /**
     * What a dotted name in a string denotes ({@code "flaskbb.configs.default.DefaultConfig"}, as
     * Flask's {@code from_object} imports it): a repository module, or a module-level name of one.
     */
    Sym dotted(StrVal name, PyModule from) {
        if (!name.resolved() || name.text().isEmpty()) {
            return Sym.UNKNOWN;
        }
        String whole = index.absolute(name.text(), from);
        if (whole != null) {
            return new Sym.ModuleSym(whole);
        }
        int dot = name.text().lastIndexOf('.');
        String stem = dot <= 0 ? null : index.absolute(name.text().substring(0, dot), from);
        PyModule module = stem == null ? null : index.module(stem);
        Binding b = module == null ? null : moduleLevel(module, name.text().substring(dot + 1));
        return b == null ? Sym.UNKNOWN : symOf(b);
    }

    private Scoped constantDict(Expr e, Scope scope) {
        if ((e instanceof Expr.Name || e instanceof Expr.Attribute)
                && resolve(e, scope) instanceof Sym.ValueSym v && v.value() instanceof Expr.Dict) {
            return new Scoped(v.value(), v.scope());
        }
        return null;
    }

    private static List<Scoped> dictElements(Expr.Dict dict, String view, Scope scope) {
        List<Scoped> out = new ArrayList<>();
        for (int k = 0; k < dict.keys().size(); k++) {
            Expr key = dict.keys().get(k);
            Expr value = dict.values().get(k);
            out.add(new Scoped(switch (view) {
                case "values" -> value;
                case "items" -> new Expr.Seq(Expr.SeqKind.TUPLE, List.of(key, value), key.start(), value.end(),
                        key.line());
                default -> key;
            }, scope));
        }
        return out;
    }

    /** What the call being followed passes for the name {@code e}, when it is such a parameter; else null. */
    Scoped given(Expr e, Scope scope) {
        Binding b = e instanceof Expr.Name n && !overrides.isEmpty() ? lookup(scope, n) : null;
        return b == null ? null : overrides.get(b);
    }

    /** True when {@code e} is the literal {@code None}, directly or through a loop variable or argument. */
    boolean isNoneValue(Expr e, Scope scope) {
        if (isNone(e)) {
            return true;
        }
        Scoped value = given(e, scope);
        return value != null && isNone(value.expr());
    }

    /** True for the literal {@code None}. */
    static boolean isNone(Expr e) {
        return e instanceof Expr.Name n && n.id().equals("None");
    }
}
