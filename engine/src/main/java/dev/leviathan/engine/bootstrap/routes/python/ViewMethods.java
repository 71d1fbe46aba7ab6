package dev.leviathan.engine.bootstrap.routes.python;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The HTTP methods a Flask class-based view (MethodView, View, Flask-RESTful Resource) serves. */
final class ViewMethods {

    /** Method names Flask's MethodView and Flask-RESTful's Resource dispatch to, in reporting order. */
    static final List<String> VIEW_VERBS = List.of("get", "post", "put", "patch", "delete", "head", "options", "trace");

    private final Resolver resolver;
    private final CallSites sites;

    ViewMethods(Resolver resolver, CallSites sites) {
        this.resolver = resolver;
        this.sites = sites;
    }

    /**
     * The methods of a class-based view: its {@code methods} attribute when set, else the HTTP
     * verbs it defines (with those of its repository base classes), as Flask's MethodView does;
     * GET for a plain View.
     */
    CallSites.Methods of(Sym.ClassSym cls, Scope scope, String classText) {
        Sym attr = resolver.member(cls, "methods");
        if (attr instanceof Sym.ValueSym v) {
            CallSites.Methods m = sites.methods(v.value(), v.scope(), List.of("GET"));
            if (m.raw() == null) {
                return m;
            }
        }
        Set<String> verbs = new LinkedHashSet<>();
        boolean[] externalBase = {false};
        collectVerbs(cls, verbs, externalBase, 0);
        if (verbs.isEmpty()) {
            // A base class we cannot read may define the verbs; a plain View serves GET.
            return externalBase[0] ? new CallSites.Methods(List.of("ANY"), classText) : new CallSites.Methods(List.of("GET"), null);
        }
        List<String> ordered = new ArrayList<>();
        for (String v : VIEW_VERBS) {
            if (verbs.contains(v)) {
                ordered.add(v.toUpperCase(Locale.ROOT));
            }
        }
        return new CallSites.Methods(ordered, null);
    }

    private void collectVerbs(Sym.ClassSym cls, Set<String> verbs, boolean[] externalBase, int hops) {
        for (Stmt s : cls.def().body()) {
            if (s instanceof Stmt.FunctionDef f && VIEW_VERBS.contains(f.name())) {
                verbs.add(f.name());
            }
        }
        if (hops > 8) {
            return;
        }
        for (Expr base : cls.def().bases()) {
            Sym b = resolver.resolve(base, cls.body().parent);
            if (b instanceof Sym.ClassSym parent) {
                collectVerbs(parent, verbs, externalBase, hops + 1);
            } else if (!(b instanceof Sym.ExternalSym x && isFlaskViewBase(x.name()))
                    && !(base instanceof Expr.Name n && n.id().equals("object"))) {
                externalBase[0] = true;
            }
        }
    }

    private static boolean isFlaskViewBase(String name) {
        return name.equals("flask.views.MethodView") || name.equals("flask.views.View")
                || name.equals("flask_restful.Resource") || name.equals("flask_restx.Resource")
                || name.equals("flask_smorest.MethodView");
    }
}
