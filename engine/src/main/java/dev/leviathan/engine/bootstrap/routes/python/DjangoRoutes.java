package dev.leviathan.engine.bootstrap.routes.python;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Django routes: the {@code urlpatterns} of every URLconf, walked from the roots
 * ({@code ROOT_URLCONF} modules, and URLconfs no other URLconf includes) through
 * {@code include(...)}, each route under the prefixes of the includes that reach it. Django
 * REST framework routers included through {@code router.urls} give their list and detail routes.
 */
final class DjangoRoutes {

    private enum CallKind { PATH, REGEX, INCLUDE, I18N_PATTERNS, PATTERNS, SUFFIX_PATTERNS, OTHER }

    /** Bounds include chains and list nesting together (Python itself stops near 200 nested brackets). */
    private static final int MAX_DEPTH = 200;

    private final List<PyModule> modules;
    private final CallSites sites;
    private final Resolver resolver;
    private final DrfRouters drf;
    private final List<Route> out = new ArrayList<>();
    private final Set<PyModule> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The URLconfs and lists being expanded now (by identity), to stop include cycles. */
    private final Set<Object> onStack = Collections.newSetFromMap(new IdentityHashMap<>());
    private int depth;
    /** Set during the first pass, which only records which URLconfs are included by others. */
    private Set<PyModule> includedSink;
    /** URLconfs included from code that is not test code: tests' includes of them are then skipped. */
    private final Set<PyModule> includedByRealCode = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The URLconf whose patterns are being expanded at the top of the stack. */
    private PyModule current;

    DjangoRoutes(List<PyModule> modules, CallSites sites, Resolver resolver) {
        this.modules = modules;
        this.sites = sites;
        this.resolver = resolver;
        this.drf = new DrfRouters(resolver, sites.registrations);
    }

    List<Route> routes() {
        List<PyModule> urlconfs = new ArrayList<>();
        for (PyModule m : modules) {
            if (m.scope.binds("urlpatterns")) {
                urlconfs.add(m);
            }
        }
        if (urlconfs.isEmpty()) {
            return out;
        }
        Set<PyModule> included = Collections.newSetFromMap(new IdentityHashMap<>());
        includedSink = included;
        for (PyModule m : urlconfs) {
            try {
                push(m);
                current = m;
                expand(listEntries(m, "urlpatterns"), List.of());
            } catch (RuntimeException | StackOverflowError unreadable) {
                // Its includes stay unknown; the URLconf is then taken as a root.
            } finally {
                onStack.clear();
                depth = 0;
            }
        }
        current = null;
        includedSink = null;
        out.clear();

        Set<PyModule> roots = new LinkedHashSet<>(rootUrlconfs());
        for (PyModule m : urlconfs) {
            if (!included.contains(m)) {
                roots.add(m);
            }
        }
        for (PyModule root : roots) {
            expandGuarded(root);
        }
        for (PyModule m : urlconfs) {
            if (!visited.contains(m)) {
                expandGuarded(m); // only reachable through an include cycle
            }
        }
        return out;
    }

    /** The modules named by {@code ROOT_URLCONF} in settings, and by {@code ROOT_URLCONF=} keywords. */
    private List<PyModule> rootUrlconfs() {
        List<PyModule> roots = new ArrayList<>();
        for (PyModule m : modules) {
            for (Binding b : m.scope.bindings("ROOT_URLCONF")) {
                if (b instanceof Binding.Assigned a && a.value() != null) {
                    addRoot(roots, a.value(), m);
                }
            }
            for (Stmt s : m.body) {
                if (s instanceof Stmt.ExprStmt e && e.expr() instanceof Expr.Call c
                        && c.keyword("ROOT_URLCONF") instanceof Expr value) {
                    addRoot(roots, value, m);
                }
            }
        }
        return roots;
    }

    private void addRoot(List<PyModule> roots, Expr value, PyModule settings) {
        if (value instanceof Expr.Name n && n.id().equals("__name__")) {
            roots.add(settings);
            return;
        }
        Resolver.StrVal v = resolver.string(value, settings.scope);
        if (v.resolved()) {
            String stem = resolver.index().absolute(v.text(), settings);
            PyModule target = stem == null ? null : resolver.index().module(stem);
            if (target != null && target.scope.binds("urlpatterns")) {
                roots.add(target);
            }
        }
    }

    private void expandGuarded(PyModule root) {
        try {
            expandModule(root, List.of());
        } catch (RuntimeException | StackOverflowError unreadable) {
            // A URLconf shaped beyond what this reader anticipates costs only the routes under it.
            onStack.clear();
            depth = 0;
        }
    }

    private void expandModule(PyModule m, List<Piece> prefix) {
        if (onStack.contains(m) || depth > MAX_DEPTH) {
            return;
        }
        visited.add(m);
        push(m);
        PyModule outer = current;
        current = m;
        expand(listEntries(m, "urlpatterns"), prefix);
        current = outer;
        pop(m);
    }

    private void push(Object o) {
        onStack.add(o);
        depth++;
    }

    private void pop(Object o) {
        onStack.remove(o);
        depth--;
    }

    /**
     * The final contents of module-level list {@code name} of {@code m}: its assignments,
     * {@code +=}, {@code append}, {@code extend} and {@code insert}, in source order (including
     * those under {@code if settings.DEBUG:}).
     */
    private List<Resolver.Scoped> listEntries(PyModule m, String name) {
        return listEntries(m, name, m.body, importedEntries(m, name), 0);
    }

    /**
     * {@code acc} after {@code body}'s statements about list {@code name}. A loop over a literal
     * list (or a name holding one) adds its body's entries once per element, the loop variable
     * bound to it (PostHog's {@code for route in frontend_unauthenticated_routes:
     * urlpatterns.append(re_path(route, home))}); any other loop's body counts once ({@code for app
     * in settings.EXTRA_APPS: urls += [path("", include(f"{app}.urls"))]}), its entries reading the
     * loop variable as unknown.
     */
    private List<Resolver.Scoped> listEntries(PyModule m, String name, List<Stmt> body, List<Resolver.Scoped> start,
            int nesting) {
        List<Resolver.Scoped> acc = start;
        // What the list held after the branch before an `else`, while in that `else`: a branch that
        // writes the list out anew leaves what either branch would have left (Horizon's panels: one
        // list of views or another, by a setting). One that assigns another name's list is not
        // (graphite-web's `urlpatterns = graphite_urls`, beside `[url(prefix, include(graphite_urls))]`:
        // the same routes under a prefix or not): the last stands, as for any assignment.
        List<Resolver.Scoped> beforeAlternative = List.of();
        int alternativeLeft = 0;
        for (Stmt s : body) {
            if (s instanceof Stmt.Alternative alt) {
                beforeAlternative = new ArrayList<>(acc);
                alternativeLeft = alt.statements();
                continue;
            }
            boolean inAlternative = alternativeLeft > 0;
            alternativeLeft = Math.max(0, alternativeLeft - 1);
            if (inAlternative && s instanceof Stmt.Assign a && a.value() instanceof Expr.Seq seq
                    && seq.kind() == Expr.SeqKind.LIST && targets(a, name) && !readsItself(a.value(), name, m)) {
                List<Resolver.Scoped> either = new ArrayList<>(beforeAlternative);
                either.addAll(withSelf(a.value(), acc, name, m));
                acc = either;
                continue;
            }
            if (s instanceof Stmt.ForLoop loop && nesting < 4) {
                List<Map<Binding, Resolver.Scoped>> envs = loopEnvironments(loop, m.scope);
                if (envs == null) {
                    acc = listEntries(m, name, loop.body(), acc, nesting + 1);
                    continue;
                }
                for (Map<Binding, Resolver.Scoped> env : envs) {
                    int before = acc.size();
                    List<Resolver.Scoped> after = listEntries(m, name, loop.body(), new ArrayList<>(acc), nesting + 1);
                    if (after.size() < before || !after.subList(0, before).equals(acc)) {
                        acc = after; // the body rebinds the list: no longer an append per element
                        continue;
                    }
                    for (Resolver.Scoped added : after.subList(before, after.size())) {
                        // A copy per element (compared by identity), read with the element bound.
                        Resolver.Scoped copy = new Resolver.Scoped(added.expr(), added.scope());
                        Map<Binding, Resolver.Scoped> outer = loopEnv.get(added);
                        Map<Binding, Resolver.Scoped> both = new IdentityHashMap<>(outer == null ? Map.of() : outer);
                        both.putAll(env);
                        loopEnv.put(copy, both);
                        acc.add(copy);
                    }
                }
                continue;
            }
            switch (s) {
                case Stmt.Assign a when a.value() != null && targets(a, name) -> acc = withSelf(a.value(), acc, name, m);
                case Stmt.AugAssign aug when aug.op().equals("+=") && isName(aug.target(), name) ->
                    acc.addAll(withSelf(aug.value(), acc, name, m));
                case Stmt.ExprStmt e when e.expr() instanceof Expr.Call c && c.func() instanceof Expr.Attribute at
                        && isName(at.value(), name) && !c.args().isEmpty() -> {
                    Expr arg = c.args().get(c.args().size() - 1);
                    switch (at.attr()) {
                        case "append" -> acc.add(new Resolver.Scoped(arg, m.scope));
                        case "insert" -> {
                            boolean atStart = c.args().size() == 2 && c.args().get(0).text(m.text).equals("0");
                            acc.add(atStart ? 0 : acc.size(), new Resolver.Scoped(arg, m.scope));
                        }
                        case "extend" -> acc.add(new Resolver.Scoped(arg, m.scope));
                        default -> {
                        }
                    }
                }
                default -> {
                }
            }
        }
        return acc;
    }

    /**
     * What {@code m} starts with under {@code name} when it gets the list by import
     * ({@code from .base import urlpatterns}, {@code from .base import *}) before extending it.
     */
    private List<Resolver.Scoped> importedEntries(PyModule m, String name) {
        List<Binding> own = m.scope.bindings(name);
        Binding first = own.isEmpty() ? resolver.moduleLevel(m, name) : own.get(0);
        for (int hops = 0; first instanceof Binding.FromImportName from && hops < 8; hops++) {
            first = resolver.imported(from);
        }
        if (first instanceof Binding.Assigned a && a.scope().module != m && a.scope().kind == Scope.Kind.MODULE
                && !onStack.contains(a) && depth < MAX_DEPTH) {
            push(a);
            try {
                return new ArrayList<>(listEntries(a.scope().module, name));
            } finally {
                pop(a);
            }
        }
        return new ArrayList<>();
    }

    private static boolean targets(Stmt.Assign a, String name) {
        for (Expr t : a.targets()) {
            if (isName(t, name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code value} keeps what the list held ({@code urlpatterns + [...]}, {@code f(*urlpatterns)}). */
    private static boolean readsItself(Expr value, String name, PyModule m) {
        Resolver.Scoped held = new Resolver.Scoped(value, m.scope);
        return withSelf(value, List.of(held), name, m).stream().anyMatch(x -> x == held);
    }

    private static boolean isName(Expr e, String name) {
        return e instanceof Expr.Name n && n.id().equals(name);
    }

    /** {@code value} as list entries, where the list's own name stands for what it held before. */
    private static List<Resolver.Scoped> withSelf(Expr value, List<Resolver.Scoped> previous, String name, PyModule m) {
        return withSelf(value, previous, name, m, 0);
    }

    private static List<Resolver.Scoped> withSelf(Expr value, List<Resolver.Scoped> previous, String name, PyModule m,
            int nesting) {
        List<Resolver.Scoped> result = new ArrayList<>();
        if (nesting > MAX_DEPTH) {
            return result;
        }
        if (value instanceof Expr.BinOp b && b.op().equals("+")) {
            result.addAll(withSelf(b.left(), previous, name, m, nesting + 1));
            result.addAll(withSelf(b.right(), previous, name, m, nesting + 1));
        } else if (isName(value, name)) {
            result.addAll(previous);
        } else if (value instanceof Expr.Call c && c.args().size() == 1 && isSuffixPatterns(c.func())) {
            result.addAll(withSelf(c.args().get(0), previous, name, m, nesting + 1));
        } else if (value instanceof Expr.Call c && c.args().stream()
                .anyMatch(x -> x instanceof Expr.Starred st && isName(st.value(), name))) {
            // django-session-security's `if patterns: urlpatterns = patterns("", *urlpatterns)`: the
            // list it held, and the call's other patterns.
            List<Expr> rest = c.args().stream()
                    .filter(x -> !(x instanceof Expr.Starred st && isName(st.value(), name))).toList();
            result.addAll(previous);
            result.add(new Resolver.Scoped(new Expr.Call(c.func(), rest, c.keywords(), c.start(), c.end(), c.line()),
                    m.scope));
        } else if (value instanceof Expr.Seq seq && seq.elements().stream()
                .anyMatch(x -> x instanceof Expr.Starred st && isName(st.value(), name))) {
            for (Expr x : seq.elements()) {
                if (x instanceof Expr.Starred st && isName(st.value(), name)) {
                    result.addAll(previous);
                } else {
                    result.add(new Resolver.Scoped(x, m.scope));
                }
            }
        } else {
            result.add(new Resolver.Scoped(value, m.scope));
        }
        return result;
    }

    private static boolean isSuffixPatterns(Expr func) {
        return (func instanceof Expr.Name n && n.id().equals("format_suffix_patterns"))
                || (func instanceof Expr.Attribute a && a.attr().equals("format_suffix_patterns"));
    }

    private void expand(List<Resolver.Scoped> entries, List<Piece> prefix) {
        for (Resolver.Scoped entry : entries) {
            Map<Binding, Resolver.Scoped> env = loopEnv.get(entry);
            if (env == null) {
                entry(entry.expr(), entry.scope(), prefix);
            } else {
                resolver.with(env, () -> {
                    entry(entry.expr(), entry.scope(), prefix);
                    return null;
                });
            }
        }
    }

    /** Entries a module-level loop added, each with its loop variables bound to one element. */
    private final Map<Resolver.Scoped, Map<Binding, Resolver.Scoped>> loopEnv = new IdentityHashMap<>();

    /** One binding of the loop's variables per element of a literal iterable; null when it is not one. */
    private List<Map<Binding, Resolver.Scoped>> loopEnvironments(Stmt.ForLoop loop, Scope scope) {
        List<Resolver.Scoped> items = resolver.elements(loop.iterable(), scope);
        if (items == null) {
            return null;
        }
        List<Binding.LoopVariable> vars = CallSites.loopVariables(new Sym.LoopSym(loop, -1, scope));
        if (vars.isEmpty()) {
            return null;
        }
        List<Map<Binding, Resolver.Scoped>> envs = new ArrayList<>();
        for (Resolver.Scoped item : items) {
            Map<Binding, Resolver.Scoped> env = new IdentityHashMap<>();
            for (Binding.LoopVariable v : vars) {
                Resolver.Scoped part = CallSites.part(item, v.index());
                if (part == null) {
                    return null;
                }
                env.put(v, part);
            }
            envs.add(env);
        }
        return envs;
    }

    private void entry(Expr e, Scope scope, List<Piece> prefix) {
        if (depth > MAX_DEPTH) {
            return;
        }
        depth++;
        try {
            entryOf(e, scope, prefix);
        } finally {
            depth--;
        }
    }

    private void entryOf(Expr e, Scope scope, List<Piece> prefix) {
        switch (e) {
            case Expr.Seq seq -> {
                for (Expr x : seq.elements()) {
                    entry(x, scope, prefix);
                }
            }
            case Expr.BinOp b when b.op().equals("+") -> {
                entry(b.left(), scope, prefix);
                entry(b.right(), scope, prefix);
            }
            case Expr.Starred s -> entry(s.value(), scope, prefix);
            case Expr.Call c when isCopy(c, scope) -> entry(c.args().getFirst(), scope, prefix);
            case Expr.Call c -> {
                switch (kind(c.func(), scope)) {
                    case PATH -> pathEntry(c, false, scope, prefix);
                    case REGEX -> pathEntry(c, true, scope, prefix);
                    case I18N_PATTERNS -> c.args().forEach(a -> entry(a, scope, prefix));
                    case PATTERNS -> c.args().stream().skip(1).forEach(a -> patternsEntry(a, scope, prefix));
                    case SUFFIX_PATTERNS -> {
                        if (!c.args().isEmpty()) {
                            entry(c.args().get(0), scope, prefix);
                        }
                    }
                    default -> patternHelper(c, scope, prefix);
                }
            }
            case Expr.Name n -> knownOrUnresolvedList(e, scope, prefix);
            case Expr.Attribute a -> knownOrUnresolvedList(e, scope, prefix);
            default -> {
            }
        }
    }

    /**
     * A name or attribute added to a URL list: a router's or another list's patterns; else patterns
     * known only at run time (allauth's {@code getattr(import_module(...), "urlpatterns")}), which
     * are still routes under this prefix: one unresolved route, as for an unresolvable include.
     */
    private void knownOrUnresolvedList(Expr e, Scope scope, List<Piece> prefix) {
        if (!drfUrls(e, scope, prefix) && !namedList(e, scope, prefix)) {
            String text = e.text(scope.module.text);
            List<Piece> pieces = new ArrayList<>(prefix);
            pieces.add(Piece.unresolved(text));
            emit(pieces, scope, e.line(), text);
        }
    }

    /** Expands a list held by a name (same module or imported); false when {@code e} is not one. */
    private boolean namedList(Expr e, Scope scope, List<Piece> prefix) {
        Binding b = null;
        String name = null;
        if (e instanceof Expr.Name n) {
            // django-rq's test URLconf: urlpatterns = [..., path("django-rq/", (urlpatterns, "", "django_rq"))]
            // includes the urlpatterns it imported, the binding before this one.
            b = resolver.lookup(scope, n);
            name = n.id();
        } else if (e instanceof Expr.Attribute a && resolver.resolve(a.value(), scope) instanceof Sym.ModuleSym ms) {
            PyModule m = resolver.index().module(ms.stem());
            b = m == null ? null : resolver.moduleLevel(m, a.attr());
            name = a.attr();
        }
        for (int hops = 0; b instanceof Binding.FromImportName from && hops < 8; hops++) {
            name = from.name();
            b = resolver.imported(from);
        }
        if (b instanceof Binding.Assigned a && a.value() != null && a.scope().kind == Scope.Kind.MODULE
                && name.equals("urlpatterns")) {
            includeModule(a.scope().module, prefix); // another URLconf's urlpatterns: an include of that module
            return true;
        }
        // Horizon's `ngdetails_url = re_path(r'^ngdetails/', …)`, then `urlpatterns.append(ngdetails_url)`
        if (b instanceof Binding.Assigned a && a.value() instanceof Expr.Call c
                && EnumSet.of(CallKind.PATH, CallKind.REGEX).contains(kind(c.func(), a.scope()))) {
            if (!onStack.contains(a) && depth <= MAX_DEPTH) {
                push(a);
                try {
                    entry(c, a.scope(), prefix);
                } finally {
                    pop(a);
                }
            }
            return true;
        }
        if (b instanceof Binding.Assigned a && a.value() != null && isListLike(a.value(), a.scope())) {
            if (onStack.contains(a) || depth > MAX_DEPTH) {
                return true;
            }
            push(a);
            try {
                if (a.scope().kind == Scope.Kind.MODULE) {
                    expand(listEntries(a.scope().module, name), prefix);
                } else {
                    entry(a.value(), a.scope(), prefix);
                }
            } finally {
                pop(a);
            }
            return true;
        }
        return false;
    }

    /**
     * {@code list(urls)} or {@code tuple(urls)}: a copy of another list of patterns (zulip's
     * {@code urls = list(i18n_urls)}); also {@code copy(urls)} and {@code deepcopy(urls)} of the
     * {@code copy} module (django-js-reverse's {@code urlpatterns = copy(basic_patterns)}).
     */
    private boolean isCopy(Expr.Call c, Scope scope) {
        if (c.args().size() != 1 || !c.keywords().isEmpty() || c.args().getFirst() instanceof Expr.Starred) {
            return false;
        }
        if (c.func() instanceof Expr.Name n && (n.id().equals("list") || n.id().equals("tuple"))) {
            return resolver.lookup(scope, n.id(), n.line()) == null;
        }
        return resolver.resolve(c.func(), scope) instanceof Sym.ExternalSym x
                && (x.name().equals("copy.copy") || x.name().equals("copy.deepcopy"));
    }

    /** True for what can hold URL patterns: a list or tuple, a concatenation, a patterns helper, another name. */
    private boolean isListLike(Expr value, Scope scope) {
        if (value instanceof Expr.Call c && isCopy(c, scope)) {
            return true;
        }
        return switch (value) {
            case Expr.Seq seq -> true;
            case Expr.BinOp b -> b.op().equals("+");
            case Expr.Name n -> true;
            case Expr.Attribute a -> true;
            case Expr.Call c -> switch (kind(c.func(), scope)) {
                case I18N_PATTERNS, PATTERNS, SUFFIX_PATTERNS -> true;
                default -> false;
            };
            default -> false;
        };
    }

    /** {@code router.urls} of a DRF router: its registered viewsets' routes. */
    private boolean drfUrls(Expr e, Scope scope, List<Piece> prefix) {
        if (e instanceof Expr.Attribute a && a.attr().equals("urls")
                && resolver.resolve(a.value(), scope) instanceof Sym.RouterSym r
                && r.node().kind() == RouterKind.DRF_ROUTER) {
            if (includedSink == null) {
                for (DrfRouters.DrfRoute route : drf.routes(r.node(), sites.registrations.getOrDefault(r.node(),
                        List.of()))) {
                    List<Piece> pieces = new ArrayList<>(prefix);
                    pieces.addAll(route.pieces());
                    emit(pieces, route.scope(), route.line(), route.handler());
                }
            }
            return true;
        }
        return false;
    }

    /**
     * {@code api.urls} of a Django Ninja {@code NinjaAPI}: the API is mounted at the include's
     * path, so its routes (and its routers') are reported under it with the other routers'.
     */
    private boolean ninjaUrls(Expr e, Scope scope, List<Piece> prefix) {
        if (!(e instanceof Expr.Attribute a && a.attr().equals("urls")
                && resolver.resolve(a.value(), scope) instanceof Sym.RouterSym r
                && r.node().kind() == RouterKind.NINJA_API)) {
            return false;
        }
        if (includedSink == null) {
            Piece at = new Piece(pathOf(prefix), Piece.allResolved(prefix), Piece.raw(prefix));
            List<CallSites.Mount> mounts = sites.mountsByChild.computeIfAbsent(r.node(), k -> new ArrayList<>());
            if (mounts.stream().noneMatch(m -> m.parent() == null && at.equals(m.prefix()))) {
                mounts.add(new CallSites.Mount(null, r.node(), at, current != null && current.isTest()));
            }
        }
        return true;
    }

    /**
     * An argument of the old {@code patterns(prefix, ...)}: a {@code url(...)} call, or a bare tuple
     * {@code (regex, view[, kwargs[, name]])}, which {@code patterns} turned into {@code url(...)}.
     */
    private void patternsEntry(Expr arg, Scope scope, List<Piece> prefix) {
        if (arg instanceof Expr.Seq seq && seq.kind() == Expr.SeqKind.TUPLE && seq.elements().size() >= 2
                && !(seq.elements().get(0) instanceof Expr.Call)) {
            pathEntry(seq.elements().get(0), seq.elements().get(1), true, scope, prefix, seq, seq.line());
            return;
        }
        entry(arg, scope, prefix);
    }

    private void pathEntry(Expr.Call c, boolean regex, Scope scope, List<Piece> prefix) {
        Expr routeExpr = c.arg(0, regex ? "regex" : "route");
        if (routeExpr == null) {
            routeExpr = c.keyword("route");
        }
        Expr view = c.arg(1, "view");
        if (view == null) {
            return;
        }
        pathEntry(routeExpr, view, regex, scope, prefix, c, c.line());
    }

    private void pathEntry(Expr routeExpr, Expr view, boolean regex, Scope scope, List<Piece> prefix, Expr whole,
            int line) {
        String src = scope.module.text;
        Piece segment = routeExpr == null ? Piece.unresolved(whole.text(src)) : Piece.of(routeExpr, scope, resolver);
        if (regex && segment.text().startsWith("^")) {
            segment = new Piece(segment.text().substring(1), segment.resolved(), segment.raw());
        }
        Expr includeArg = null;
        boolean includeLike = false;
        if (view instanceof Expr.Call vc && kind(vc.func(), scope) == CallKind.INCLUDE) {
            includeLike = true;
            includeArg = vc.arg(0, "arg");
        } else if (view instanceof Expr.Seq seq && seq.kind() == Expr.SeqKind.TUPLE) {
            includeLike = true;
            includeArg = seq.elements().isEmpty() ? null : seq.elements().get(0);
        } else if (view instanceof Expr.Attribute a && a.attr().equals("urls")
                && !(resolver.resolve(view, scope) instanceof Sym.FunctionSym)) {
            // admin.site.urls, router.urls; a view function that happens to be named urls is a view.
            includeLike = true;
            includeArg = view;
        } else if (view instanceof Expr.Call vc && includeWrapper(vc, scope) instanceof Wrapped w) {
            if (regex && segment.text().endsWith("$")) {
                String t = segment.text();
                segment = new Piece(t.substring(0, t.length() - 1), segment.resolved(), segment.raw());
            }
            List<Piece> inner = new ArrayList<>(prefix);
            inner.add(segment);
            List<Piece> at = List.copyOf(inner);
            Resolver.Scoped outerWrapped = wrappedAt;
            wrappedAt = new Resolver.Scoped(view, scope);
            try {
                resolver.with(w.args(), () -> {
                    include(w.include().arg(0, "arg"), view, w.body(), at, line);
                    return null;
                });
            } finally {
                wrappedAt = outerWrapped;
            }
            return;
        }
        if (!includeLike) {
            List<Piece> pieces = new ArrayList<>(prefix);
            pieces.add(segment);
            emit(pieces, scope, line, handler(view, scope));
            return;
        }
        if (regex && segment.text().endsWith("$")) {
            String t = segment.text();
            segment = new Piece(t.substring(0, t.length() - 1), segment.resolved(), segment.raw());
        }
        List<Piece> inner = new ArrayList<>(prefix);
        inner.add(segment);
        include(includeArg, view, scope, List.copyOf(inner), line);
    }

    private void include(Expr arg, Expr includeExpr, Scope scope, List<Piece> prefix, int line) {
        if (resolver.given(arg, scope) instanceof Resolver.Scoped given) {
            // A parameter of an include wrapper: what its call passed.
            include(given.expr(), includeExpr, given.scope(), prefix, line);
            return;
        }
        String src = scope.module.text;
        if (arg instanceof Expr.Seq seq && seq.kind() == Expr.SeqKind.TUPLE && !seq.elements().isEmpty()) {
            include(seq.elements().get(0), includeExpr, scope, prefix, line);
            return;
        }
        if (arg instanceof Expr.Seq seq && seq.kind() == Expr.SeqKind.LIST) {
            entry(seq, scope, prefix);
            return;
        }
        if (arg instanceof Expr.Str) {
            Resolver.StrVal name = resolver.string(arg, scope);
            if (name.resolved()) {
                String stem = resolver.index().absolute(name.text(), scope.module);
                PyModule target = stem == null ? null : resolver.index().module(stem);
                if (target != null) {
                    includeModule(target, prefix);
                    return;
                }
            }
            unresolvedInclude(includeExpr, scope, prefix, line, name.resolved() ? name.text() : arg.text(src));
            return;
        }
        if (arg != null && (arg instanceof Expr.Name || arg instanceof Expr.Attribute)) {
            if (drfUrls(arg, scope, prefix) || ninjaUrls(arg, scope, prefix)) {
                return;
            }
            Sym sym = resolver.resolve(arg, scope);
            if (sym instanceof Sym.ModuleSym ms && resolver.index().module(ms.stem()) instanceof PyModule target) {
                includeModule(target, prefix);
                return;
            }
            if (namedList(arg, scope, prefix)) {
                return;
            }
        }
        unresolvedInclude(includeExpr, scope, prefix, line, arg == null ? includeExpr.text(src) : arg.text(src));
    }

    private void includeModule(PyModule target, List<Piece> prefix) {
        if (includedSink != null) {
            includedSink.add(target);
            if (current != null && !current.isTest()) {
                includedByRealCode.add(target);
            }
        } else if (current == null || !current.isTest() || !includedByRealCode.contains(target)) {
            expandModule(target, prefix);
        }
    }

    /** An include of something outside the repository (or not resolvable): one route for the whole mount. */
    private void unresolvedInclude(Expr includeExpr, Scope scope, List<Piece> prefix, int line, String handler) {
        // Horizon's `re_path(r'', _wrapped_include(horizon.urls))`: what the wrapper includes is not
        // known, and the route is the caller's call, in the caller's file.
        Scope at = wrappedAt != null && wrappedAt.expr() == includeExpr ? wrappedAt.scope() : scope;
        if (at != scope && includeExpr instanceof Expr.Call call && !call.args().isEmpty()) {
            handler = call.args().get(0).text(at.module.text);
        }
        List<Piece> pieces = new ArrayList<>(prefix);
        pieces.add(Piece.unresolved(includeExpr.text(at.module.text)));
        emit(pieces, at, line, handler);
    }

    private void emit(List<Piece> pieces, Scope scope, int line, String handler) {
        if (includedSink != null) {
            return;
        }
        boolean resolved = Piece.allResolved(pieces);
        out.add(new Route("django", "ANY", pathOf(pieces), resolved, resolved ? null : Piece.raw(pieces),
                site != null ? site.scope().module.path : scope.module.path, site != null ? site.expr().line() : line,
                handler));
    }

    /** Django joins a URLconf's pieces as written; the path served starts at the root. */
    private static String pathOf(List<Piece> pieces) {
        StringBuilder path = new StringBuilder();
        for (Piece p : pieces) {
            path.append(p.text());
        }
        if (path.isEmpty() || path.charAt(0) != '/') {
            path.insert(0, '/');
        }
        return path.toString();
    }

    /** While a pattern helper's return value is expanded: the call of the helper, where its routes are declared. */
    private Resolver.Scoped site;

    /** The call of an include wrapper whose body is being followed, where it was written. */
    private Resolver.Scoped wrappedAt;

    /**
     * A repository function that returns one URL pattern, called in a list of patterns (zulip's
     * {@code rest_path("users", GET=get_users)} returning {@code path(route, rest_dispatch, ...)}):
     * its returned pattern read with the call's arguments, declared at the call; or one that
     * returns a list of patterns, read with the call's arguments, each declared where it is
     * written. False when {@code c} calls no such function.
     */
    private boolean patternHelper(Expr.Call c, Scope scope, List<Piece> prefix) {
        if (!(resolver.resolve(c.func(), scope) instanceof Sym.FunctionSym fn) || depth > MAX_DEPTH) {
            return false;
        }
        Expr returned = null;
        for (Stmt statement : fn.def().body()) {
            if (statement instanceof Stmt.Return r && r.value() != null) {
                if (returned != null) {
                    return false; // several returns: which pattern it makes depends on the run
                }
                returned = r.value();
            }
        }
        boolean onePattern = returned instanceof Expr.Call made && kind(made.func(), fn.body()) != CallKind.OTHER;
        // debusine's urlpatterns = make_urlpatterns(settings.DEFAULT_SCOPE): a function returning a list
        // of patterns, each declared where the function writes it.
        boolean list = returned instanceof Expr.Seq
                || (returned instanceof Expr.BinOp b && b.op().equals("+"))
                || (returned instanceof Expr.Name && isListLike(returned, fn.body()));
        if (!onePattern && !list) {
            return false;
        }
        Map<Binding, Resolver.Scoped> args = CallSites.arguments(fn.def(), fn.body(), c, scope);
        Resolver.Scoped outer = site;
        site = site != null || !onePattern ? site : new Resolver.Scoped(c, scope);
        Expr pattern = returned;
        try {
            resolver.with(args, () -> {
                entry(pattern, fn.body(), prefix);
                return null;
            });
        } finally {
            site = outer;
        }
        return true;
    }

    /** An include wrapper's first {@code include(...)}, its body and the call's arguments. */
    private record Wrapped(Expr.Call include, Scope body, Map<Binding, Resolver.Scoped> args) {
    }

    /**
     * A repository function every {@code return} of which is an {@code include(...)} call (django-js-reverse's
     * version shim {@code def include(v, **kwargs)} returning {@code django_include(v, ...)} or
     * {@code django_include((v, "app"), ...)}): its call is an include of what its first return
     * includes, read with the call's arguments. Null for any other call.
     */
    private Wrapped includeWrapper(Expr.Call c, Scope scope) {
        if (!(resolver.resolve(c.func(), scope) instanceof Sym.FunctionSym fn)) {
            return null;
        }
        Expr.Call first = null;
        for (Stmt statement : fn.def().body()) {
            if (statement instanceof Stmt.Return r) {
                if (!(r.value() instanceof Expr.Call made) || kind(made.func(), fn.body()) != CallKind.INCLUDE) {
                    return null;
                }
                first = first == null ? made : first;
            }
        }
        return first == null ? null : new Wrapped(first, fn.body(), CallSites.arguments(fn.def(), fn.body(), c, scope));
    }

    private String handler(Expr view, Scope scope) {
        // A pattern helper's view parameter (PostHog's opt_slash_path(route, view) returning
        // re_path(..., view)): the view the call passes.
        for (int hops = 0; hops < 8 && resolver.given(view, scope) instanceof Resolver.Scoped given
                && given.expr() != view; hops++) {
            view = given.expr();
            scope = given.scope();
        }
        if (view instanceof Expr.Str) {
            Resolver.StrVal v = resolver.string(view, scope);
            if (v.resolved()) {
                return v.text();
            }
        }
        return sites.handler(view, scope);
    }

    private CallKind kind(Expr func, Scope scope) {
        Sym sym = resolver.resolve(func, scope);
        if (sym instanceof Sym.ExternalSym x) {
            // django.conf.urls.defaults was the module's name before Django 1.6.
            String name = x.name().startsWith("django.conf.urls.defaults.")
                    ? "django.conf.urls." + x.name().substring("django.conf.urls.defaults.".length()) : x.name();
            return switch (name) {
                case "django.urls.path", "django.urls.conf.path" -> CallKind.PATH;
                case "django.urls.re_path", "django.urls.conf.re_path", "django.conf.urls.url",
                        "django.conf.urls.re_path" -> CallKind.REGEX;
                case "django.urls.include", "django.urls.conf.include", "django.conf.urls.include" -> CallKind.INCLUDE;
                case "django.conf.urls.i18n.i18n_patterns" -> CallKind.I18N_PATTERNS;
                case "django.conf.urls.patterns" -> CallKind.PATTERNS;
                case "rest_framework.urlpatterns.format_suffix_patterns" -> CallKind.SUFFIX_PATTERNS;
                default -> CallKind.OTHER;
            };
        }
        if (sym instanceof Sym.Unknown && func instanceof Expr.Name n) {
            // Not bound at all (a star import from elsewhere, or a missing import): go by the name.
            return switch (n.id()) {
                case "path" -> CallKind.PATH;
                case "re_path", "url" -> CallKind.REGEX;
                case "include" -> CallKind.INCLUDE;
                case "i18n_patterns" -> CallKind.I18N_PATTERNS;
                case "patterns" -> CallKind.PATTERNS;
                case "format_suffix_patterns" -> CallKind.SUFFIX_PATTERNS;
                default -> CallKind.OTHER;
            };
        }
        return CallKind.OTHER;
    }
}
