package dev.leviathan.engine.bootstrap.routes.python;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The routes a Django REST framework {@code SimpleRouter}/{@code DefaultRouter} generates for its
 * registered viewsets, as DRF does: a list route {@code prefix/} when the viewset can list or
 * create, a detail route {@code prefix/{lookup}/} when it can retrieve, update or destroy, and one
 * route per {@code @action}. The lookup is written {@code {pk}} (or the viewset's
 * {@code lookup_url_kwarg}/{@code lookup_field}). A lookup or an {@code @action}'s {@code url_path}
 * known only at run time (djoser's {@code lookup_field = settings.USER_ID_FIELD}) leaves its routes
 * unresolved, that part left out. DefaultRouter's API root view and format-suffix variants are not
 * reported.
 */
final class DrfRouters {

    /** One generated route: the path pieces under the include prefix, and where it was registered. */
    record DrfRoute(List<Piece> pieces, Scope scope, int line, String handler) {
    }

    private static final Set<String> LIST_ACTIONS = Set.of("list", "create");
    private static final Set<String> DETAIL_ACTIONS = Set.of("retrieve", "update", "partial_update", "destroy");

    /** What a viewset class serves. {@code known} is false when some base class could not be read. */
    private record Shape(Set<String> actions, Set<String> methods, List<Extra> extras, Piece lookup, boolean known) {
    }

    /**
     * One entry of a router subclass's own {@code routes} list: a {@code Route} (its mapping's
     * actions) or a {@code DynamicRoute} (the viewset's {@code @action}s of that kind).
     */
    private record CustomRoute(String url, Set<String> actions, boolean dynamic, boolean detail) {
    }

    private static final java.util.regex.Pattern MAPPED_ACTION =
            java.util.regex.Pattern.compile("[\"']\\w+[\"']\\s*:\\s*[\"'](\\w+)[\"']");

    private record Extra(String name, Piece urlPath, boolean detail) {
    }

    private final Resolver resolver;
    private final java.util.Map<RouterNode, List<CallSites.Registration>> registrations;

    DrfRouters(Resolver resolver, java.util.Map<RouterNode, List<CallSites.Registration>> registrations) {
        this.resolver = resolver;
        this.registrations = registrations;
    }

    List<DrfRoute> routes(RouterNode router, List<CallSites.Registration> registrations) {
        String trailing = trailingSlash(router);
        List<CustomRoute> custom = customRoutes(router);
        List<DrfRoute> out = new ArrayList<>();
        for (CallSites.Registration reg : registrations) {
            Scope scope = reg.scope();
            Piece prefix = reg.prefix() == null ? Piece.literal("") : Piece.of(reg.prefix(), scope, resolver);
            Piece parent = reg.parents().isEmpty() ? nestedParent(router, 0) : extensionsParent(reg);
            if (parent != null) {
                prefix = concat(List.of(parent, prefix));
            }
            String viewsetText = reg.viewset().text(scope.module.text);
            Shape shape = shape(reg.viewset(), scope);
            if (custom != null) {
                customRoutes(custom, prefix, trailing, shape, reg, viewsetText, out);
                continue;
            }
            boolean list = !shape.known() || shape.actions().stream().anyMatch(LIST_ACTIONS::contains);
            boolean detail = !shape.known() || shape.actions().stream().anyMatch(DETAIL_ACTIONS::contains);
            Piece slash = Piece.literal("/");
            if (list) {
                out.add(route(prefix, List.of(), trailing, scope, reg.line(), viewsetText));
            }
            if (detail) {
                out.add(route(prefix, List.of(slash, shape.lookup()), trailing, scope, reg.line(), viewsetText));
            }
            for (Extra extra : shape.extras()) {
                List<Piece> rest = extra.detail() ? List.of(slash, shape.lookup(), slash, extra.urlPath())
                        : List.of(slash, extra.urlPath());
                out.add(route(prefix, rest, trailing, scope, reg.line(), viewsetText + "." + extra.name()));
            }
        }
        return out;
    }

    /**
     * A router subclass's own {@code routes} (Nautobot's UI router: {@code add/}, {@code import/},
     * {@code {lookup}/edit/} …), as DRF's {@code get_routes} uses them: a {@code Route} when the
     * viewset has one of its mapping's actions (all when some base of the viewset cannot be read),
     * a {@code DynamicRoute} once per {@code @action} of its kind.
     */
    private void customRoutes(List<CustomRoute> custom, Piece prefix, String trailing, Shape shape,
            CallSites.Registration reg, String viewsetText, List<DrfRoute> out) {
        Piece lookup = shape.lookup();
        for (CustomRoute route : custom) {
            if (!route.dynamic()) {
                if (shape.known() && route.actions().stream().noneMatch(shape.methods()::contains)) {
                    continue;
                }
                out.add(customRoute(prefix, route.url(), lookup, trailing, null, reg, viewsetText));
                continue;
            }
            for (Extra extra : shape.extras()) {
                if (extra.detail() == route.detail()) {
                    out.add(customRoute(prefix, route.url(), lookup, trailing, extra.urlPath(), reg,
                            viewsetText + "." + extra.name()));
                }
            }
        }
    }

    private static DrfRoute customRoute(Piece prefix, String url, Piece lookup, String trailing, Piece urlPath,
            CallSites.Registration reg, String handler) {
        String template = url.startsWith("^") ? url.substring(1) : url;
        template = template.endsWith("$") ? template.substring(0, template.length() - 1) : template;
        int at = template.indexOf("{prefix}");
        template = (at < 0 ? template : template.substring(at + "{prefix}".length()))
                .replace("{trailing_slash}", trailing);
        // The template's placeholders become pieces, so an unresolved lookup or url_path leaves its route unresolved.
        List<Piece> parts = new ArrayList<>();
        java.util.regex.Matcher m = PLACEHOLDER.matcher(template);
        int from = 0;
        while (m.find()) {
            parts.add(Piece.literal(template.substring(from, m.start())));
            parts.add(m.group().equals("{lookup}") ? lookup : urlPath == null ? Piece.literal("") : urlPath);
            from = m.end();
        }
        parts.add(Piece.literal(template.substring(from)));
        return new DrfRoute(List.of(prefix, tail(prefix, parts)), reg.scope(), reg.line(), handler);
    }

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{(lookup|url_path)}");

    /**
     * The pieces after the prefix as one piece, without the leading slash DRF drops for an empty
     * prefix; unresolved when one of them is, its static text with the gap's doubled slash collapsed.
     */
    private static Piece tail(Piece prefix, List<Piece> parts) {
        StringBuilder text = new StringBuilder();
        parts.forEach(p -> text.append(p.text()));
        String tail = text.toString();
        if (prefix.text().isEmpty() && prefix.resolved() && tail.startsWith("/")) {
            tail = tail.substring(1);
        }
        return Piece.allResolved(parts) ? Piece.literal(tail)
                : new Piece(Piece.collapseSlashes(tail), false, Piece.raw(parts));
    }

    /**
     * What a drf-nested-routers {@code NestedSimpleRouter(parent_router, "domains", lookup="domain")}
     * puts before each of its routes, as the library does: the parent prefix, the parent viewset's
     * lookup prefixed with {@code lookup + "_"} ({@code domains/{domain_pk}/}), after the parent's
     * own when the parent is nested too; null for a router that is not nested.
     */
    private Piece nestedParent(RouterNode router, int depth) {
        Expr.Call ctor = router.constructor();
        if (ctor == null || depth > 8 || !(resolver.resolve(ctor.func(), router.scope()) instanceof Sym.ExternalSym x)
                || !x.name().startsWith("rest_framework_nested.routers.Nested")) {
            return null;
        }
        Expr parentExpr = ctor.arg(0, "parent_router");
        Expr parentPrefix = ctor.arg(1, "parent_prefix");
        if (parentExpr == null || parentPrefix == null
                || !(resolver.resolve(parentExpr, router.scope()) instanceof Sym.RouterSym p)) {
            Expr unknown = parentExpr == null ? ctor : parentExpr;
            return Piece.unresolved(CallSites.oneLine(unknown.text(router.scope().module.text)));
        }
        Piece above = nestedParent(p.node(), depth + 1);
        int nestCount = depth(p.node(), 0) + 1;
        Expr lookupArg = ctor.keyword("lookup");
        Piece nest = lookupArg == null ? Piece.literal("nested_" + nestCount) : Piece.of(lookupArg, router.scope(), resolver);
        Piece prefix = Piece.of(parentPrefix, router.scope(), resolver);
        Piece lookup = Piece.literal("{" + nest.text() + "_pk}");
        for (CallSites.Registration reg : registrations.getOrDefault(p.node(), List.of())) {
            Piece registered = reg.prefix() == null ? null : Piece.of(reg.prefix(), reg.scope(), resolver);
            if (registered != null && registered.resolved() && prefix.resolved() && registered.text().equals(prefix.text())) {
                Piece kwarg = shape(reg.viewset(), reg.scope()).lookup();
                lookup = kwarg.resolved() ? Piece.literal("{" + nest.text() + "_" + kwarg.text().substring(1)) : kwarg;
                break;
            }
        }
        if (!nest.resolved()) {
            lookup = nest;
        }
        List<Piece> parts = new ArrayList<>();
        if (above != null) {
            parts.add(above);
        }
        parts.add(prefix);
        // The library drops the slash a router nested under an empty prefix would start with.
        parts.add(Piece.literal(prefix.resolved() && prefix.text().isEmpty() ? "" : "/"));
        parts.add(lookup);
        parts.add(Piece.literal("/"));
        return concat(parts);
    }

    /** How many drf-nested-routers routers {@code router} is nested under, itself included. */
    private int depth(RouterNode router, int hops) {
        Expr.Call ctor = router.constructor();
        if (hops > 8 || ctor == null || !(resolver.resolve(ctor.func(), router.scope()) instanceof Sym.ExternalSym x)
                || !x.name().startsWith("rest_framework_nested.routers.Nested")
                || !(ctor.arg(0, "parent_router") instanceof Expr parent)
                || !(resolver.resolve(parent, router.scope()) instanceof Sym.RouterSym p)) {
            return 0;
        }
        return depth(p.node(), hops + 1) + 1;
    }

    /**
     * What drf-extensions' nested registration ({@code router.register("users", U).register("groups",
     * G, parents_query_lookups=["user"])}) puts before the prefix, as its {@code get_parent_prefix}
     * does: each registration above with its {@code parent_lookup_<name>} lookup
     * ({@code users/{parent_lookup_user}/}), the lookups matched from the innermost one.
     */
    private Piece extensionsParent(CallSites.Registration reg) {
        Scope scope = reg.scope();
        List<Expr> lookups = reg.lookups() == null ? null : elements(reg.lookups(), scope);
        if (lookups == null) {
            return Piece.unresolved(reg.lookups() == null ? "parents_query_lookups"
                    : CallSites.oneLine(reg.lookups().text(scope.module.text)));
        }
        List<Piece> parts = new ArrayList<>();
        int k = reg.parents().size();
        for (int j = 0; j < k; j++) {
            Resolver.Scoped item = reg.parents().get(j);
            Expr.Call call = (Expr.Call) item.expr();
            Expr itemPrefix = call.arg(0, "prefix");
            parts.add(itemPrefix == null ? Piece.literal("") : Piece.of(itemPrefix, item.scope(), resolver));
            int i = lookups.size() - k + j;
            Piece name = i < 0 ? Piece.unresolved(CallSites.oneLine(reg.lookups().text(scope.module.text)))
                    : Piece.of(lookups.get(i), scope, resolver);
            parts.add(Piece.literal("/"));
            parts.add(name.resolved() ? Piece.literal("{parent_lookup_" + name.text() + "}") : name);
            parts.add(Piece.literal("/"));
        }
        Piece joined = concat(parts);
        String text = joined.text();
        // get_parent_prefix strips the slashes at both ends; get_prefix then adds one before the prefix.
        int from = 0;
        int to = text.length();
        while (from < to && text.charAt(from) == '/') {
            from++;
        }
        while (to > from && text.charAt(to - 1) == '/') {
            to--;
        }
        return new Piece(text.substring(from, to) + "/", joined.resolved(), joined.raw());
    }

    /** The elements of a list or tuple, or of a name holding one; null otherwise. */
    private List<Expr> elements(Expr e, Scope scope) {
        if (e instanceof Expr.Seq seq) {
            return seq.elements();
        }
        if (e instanceof Expr.Name && resolver.resolve(e, scope) instanceof Sym.ValueSym v && v.value() instanceof Expr.Seq seq) {
            return seq.elements();
        }
        return null;
    }

    /** Pieces as one: their texts one after another, unresolved when one is. */
    private static Piece concat(List<Piece> parts) {
        StringBuilder text = new StringBuilder();
        parts.forEach(p -> text.append(p.text()));
        return Piece.allResolved(parts) ? Piece.literal(text.toString())
                : new Piece(Piece.collapseSlashes(text.toString()), false, Piece.raw(parts));
    }

    /** The {@code routes} a repository router class (or a repository base of it) sets; null when it sets none. */
    private List<CustomRoute> customRoutes(RouterNode router) {
        Expr.Call ctor = router.constructor();
        if (ctor == null || !(resolver.resolve(ctor.func(), router.scope()) instanceof Sym.ClassSym cls)
                || !(resolver.member(cls, "routes") instanceof Sym.ValueSym v) || !(v.value() instanceof Expr.Seq seq)) {
            return null;
        }
        List<CustomRoute> routes = new ArrayList<>();
        for (Expr element : seq.elements()) {
            if (!(element instanceof Expr.Call call)) {
                continue;
            }
            Expr func = call.func();
            String kind = func instanceof Expr.Name n ? n.id() : func instanceof Expr.Attribute a ? a.attr() : "";
            Expr urlExpr = call.arg(0, "url");
            Resolver.StrVal url = urlExpr == null ? null : resolver.string(urlExpr, v.scope());
            if (url == null || !url.resolved() || !(kind.equals("Route") || kind.equals("DynamicRoute"))) {
                continue;
            }
            Set<String> actions = new LinkedHashSet<>();
            Expr mapping = call.arg(1, "mapping");
            if (mapping != null) {
                java.util.regex.Matcher m = MAPPED_ACTION.matcher(mapping.text(v.scope().module.text));
                while (m.find()) {
                    actions.add(m.group(1));
                }
            }
            boolean detail = call.keyword("detail") instanceof Expr.Name d && d.id().equals("True");
            routes.add(new CustomRoute(url.text(), actions, kind.equals("DynamicRoute"), detail));
        }
        return routes.isEmpty() ? null : routes;
    }

    /** {@code prefix + rest + trailing}. */
    private static DrfRoute route(Piece prefix, List<Piece> rest, String trailing, Scope scope, int line,
            String handler) {
        List<Piece> parts = new ArrayList<>(rest);
        parts.add(Piece.literal(trailing));
        return new DrfRoute(List.of(prefix, tail(prefix, parts)), scope, line, handler);
    }

    private String trailingSlash(RouterNode router) {
        Expr.Call ctor = router.constructor();
        if (ctor != null && resolver.resolve(ctor.func(), router.scope()) instanceof Sym.ClassSym cls
                && resolver.instanceAttribute(cls, "trailing_slash") instanceof Sym.ValueSym set) {
            // A repository router that sets its own after DRF's __init__ (PostHog's HedgeRouter,
            // the "optional slash" router: self.trailing_slash = r"/?") serves that.
            Resolver.StrVal v = resolver.string(set.value(), set.scope());
            if (v.resolved()) {
                return v.text();
            }
        }
        Expr arg = ctor == null ? null : ctor.keyword("trailing_slash");
        if (arg == null) {
            return "/";
        }
        if (arg instanceof Expr.Name n) {
            return n.id().equals("False") ? "" : "/";
        }
        Resolver.StrVal v = resolver.string(arg, router.scope());
        return v.resolved() ? v.text() : "/";
    }

    private Shape shape(Expr viewset, Scope scope) {
        if (!(resolver.resolve(viewset, scope) instanceof Sym.ClassSym cls)) {
            return new Shape(Set.of(), Set.of(), List.of(), PK, false);
        }
        Set<String> actions = new LinkedHashSet<>();
        Set<String> methods = new LinkedHashSet<>();
        List<Extra> extras = new ArrayList<>();
        boolean[] known = {true};
        collect(cls, actions, methods, extras, known, 0);
        Piece lookup = lookupAttribute(cls, "lookup_url_kwarg");
        if (lookup == null) {
            lookup = lookupAttribute(cls, "lookup_field");
        }
        methods.addAll(actions);
        return new Shape(actions, methods, extras, lookup == null ? PK : lookup, known[0]);
    }

    private static final Piece PK = Piece.literal("{pk}");

    /** {@code {name}} of a lookup attribute the class sets to a value other than None; null when it sets none. */
    private Piece lookupAttribute(Sym.ClassSym cls, String name) {
        if (resolver.classAssignment(cls, name, 0) instanceof Resolver.Scoped v && !Resolver.isNone(v.expr())) {
            Resolver.StrVal s = resolver.string(v.expr(), v.scope());
            return s.resolved() ? Piece.literal("{" + s.text() + "}")
                    : Piece.unresolved(v.expr().text(v.scope().module.text));
        }
        return null;
    }

    private void collect(Sym.ClassSym cls, Set<String> actions, Set<String> methods, List<Extra> extras,
            boolean[] known, int hops) {
        for (Stmt s : cls.def().body()) {
            if (!(s instanceof Stmt.FunctionDef f)) {
                continue;
            }
            methods.add(f.name());
            if (LIST_ACTIONS.contains(f.name()) || DETAIL_ACTIONS.contains(f.name())) {
                actions.add(f.name());
            }
            for (Expr d : f.decorators()) {
                Extra extra = extra(d, f, cls.body());
                if (extra != null && extras.stream().noneMatch(x -> x.name().equals(extra.name()))) {
                    extras.add(extra);
                }
            }
        }
        if (hops > 8) {
            return;
        }
        for (Expr base : cls.def().bases()) {
            Sym b = resolver.resolve(base, cls.body().parent);
            if (b instanceof Sym.ClassSym parent) {
                collect(parent, actions, methods, extras, known, hops + 1);
            } else if (b instanceof Sym.ExternalSym x) {
                if (!knownBase(x.name(), actions)) {
                    known[0] = false;
                }
            } else if (!(base instanceof Expr.Name n && n.id().equals("object"))) {
                known[0] = false;
            }
        }
    }

    /** Adds the actions of a DRF base class; false when the class is not one DRF defines. */
    private static boolean knownBase(String qualifiedName, Set<String> actions) {
        String simple = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        if (!qualifiedName.startsWith("rest_framework.")) {
            return false;
        }
        switch (simple) {
            case "ModelViewSet" -> actions.addAll(List.of("list", "create", "retrieve", "update", "partial_update",
                    "destroy"));
            case "ReadOnlyModelViewSet" -> actions.addAll(List.of("list", "retrieve"));
            case "ListModelMixin" -> actions.add("list");
            case "CreateModelMixin" -> actions.add("create");
            case "RetrieveModelMixin" -> actions.add("retrieve");
            case "UpdateModelMixin" -> actions.addAll(List.of("update", "partial_update"));
            case "DestroyModelMixin" -> actions.add("destroy");
            case "ViewSet", "GenericViewSet", "ViewSetMixin", "GenericAPIView", "APIView" -> {
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The extra route of an {@code @action} (or old {@code @detail_route}/{@code @list_route}) decorator, or null. */
    private Extra extra(Expr d, Stmt.FunctionDef f, Scope scope) {
        Expr func = d instanceof Expr.Call c ? c.func() : d;
        String name = func instanceof Expr.Name n ? n.id() : func instanceof Expr.Attribute a ? a.attr() : "";
        boolean detail;
        switch (name) {
            case "action" -> detail = d instanceof Expr.Call c && c.keyword("detail") instanceof Expr.Name v
                    && v.id().equals("True");
            case "detail_route" -> detail = true;
            case "list_route" -> detail = false;
            default -> {
                return null;
            }
        }
        Piece urlPath = d instanceof Expr.Call c && c.keyword("url_path") instanceof Expr path
                ? Piece.of(path, scope, resolver) : Piece.literal(f.name());
        return new Extra(f.name(), urlPath, detail);
    }
}
