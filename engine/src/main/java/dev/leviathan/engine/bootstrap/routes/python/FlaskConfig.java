package dev.leviathan.engine.bootstrap.routes.python;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Values of a Flask app's {@code app.config["NAME"]} (and {@code app.config.get("NAME")}), as the
 * code sets them: {@code app.config["NAME"] = v}, {@code app.config.update(NAME=v)} or
 * {@code update({"NAME": v})}, {@code from_mapping(...)} likewise, and {@code from_object(X)} with
 * X a repository class or module (also a dotted string naming one, or a dict of classes indexed at
 * run time: every class in it) whose upper-case names it copies, as Flask does. A value counts
 * only when every place that sets the name agrees, since which config is active (and which
 * {@code from_pyfile}/{@code from_envvar} file overrides it) is decided at run time; test modules
 * are not looked at. The receiver is not tied to one app: {@code config} of a Flask app, of a
 * function's parameter or of {@code current_app}.
 */
final class FlaskConfig {

    private static final int MAX_DEPTH = 8;

    private final List<PyModule> modules;
    private Map<String, List<Resolver.Scoped>> values;

    FlaskConfig(List<PyModule> modules) {
        this.modules = modules;
    }

    /** Whether {@code e} is {@code <app>.config} of a Flask app (or of a parameter or {@code current_app}). */
    static boolean isConfig(Expr e, Scope scope, Resolver resolver) {
        if (!(e instanceof Expr.Attribute a) || !a.attr().equals("config")) {
            return false;
        }
        if (a.value() instanceof Expr.Name n && n.id().equals("current_app")) {
            return true;
        }
        Sym owner = resolver.resolve(a.value(), scope);
        return owner instanceof Sym.RouterSym r && r.node().kind() == RouterKind.FLASK_APP
                || owner instanceof Sym.ParameterSym p && Resolver.selfOf(p.binding()) == null;
    }

    Resolver.StrVal value(String name, Resolver resolver) {
        String found = null;
        for (Resolver.Scoped v : values(resolver).getOrDefault(name, List.of())) {
            Resolver.StrVal s = resolver.string(v.expr(), v.scope());
            if (!s.resolved() || (found != null && !found.equals(s.text()))) {
                return Resolver.StrVal.UNRESOLVED;
            }
            found = s.text();
        }
        return found == null ? Resolver.StrVal.UNRESOLVED : new Resolver.StrVal(found, true);
    }

    private Map<String, List<Resolver.Scoped>> values(Resolver resolver) {
        if (values == null) {
            values = new HashMap<>();
            for (PyModule m : modules) {
                if (!m.isTest()) {
                    walk(m, m.body, m.scope, resolver);
                }
            }
        }
        return values;
    }

    private void walk(PyModule m, List<Stmt> statements, Scope scope, Resolver resolver) {
        for (Stmt s : statements) {
            switch (s) {
                case Stmt.FunctionDef f -> walk(m, f.body(), m.bodyScope(f), resolver);
                case Stmt.ForLoop l -> walk(m, l.body(), scope, resolver);
                case Stmt.Assign a when a.value() != null -> {
                    for (Expr target : a.targets()) {
                        if (target instanceof Expr.Subscript sub && isConfig(sub.value(), scope, resolver)
                                && resolver.string(sub.index(), scope) instanceof Resolver.StrVal key && key.resolved()) {
                            put(key.text(), a.value(), scope);
                        }
                    }
                }
                case Stmt.ExprStmt e when e.expr() instanceof Expr.Call c && c.func() instanceof Expr.Attribute f
                        && isConfig(f.value(), scope, resolver) -> configCall(f.attr(), c, scope, resolver);
                default -> {
                }
            }
        }
    }

    private void configCall(String method, Expr.Call c, Scope scope, Resolver resolver) {
        switch (method) {
            case "update", "from_mapping" -> {
                for (Expr.Keyword k : c.keywords()) {
                    if (k.name() != null) {
                        put(k.name(), k.value(), scope);
                    }
                }
                if (!c.args().isEmpty() && c.args().get(0) instanceof Expr.Dict d) {
                    for (int i = 0; i < d.keys().size(); i++) {
                        Resolver.StrVal key = resolver.string(d.keys().get(i), scope);
                        if (key.resolved()) {
                            put(key.text(), d.values().get(i), scope);
                        }
                    }
                }
            }
            case "from_object" -> {
                if (!c.args().isEmpty()) {
                    fromObject(c.args().get(0), scope, resolver, 0);
                }
            }
            default -> {
            }
        }
    }

    /** The upper-case names of the class or module {@code e} denotes; of every class a dict of them holds. */
    private void fromObject(Expr e, Scope scope, Resolver resolver, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (e instanceof Expr.Subscript sub) {
            List<Resolver.Scoped> items = resolver.dictValues(sub.value(), scope);
            if (items != null) {
                items.forEach(item -> fromObject(item.expr(), item.scope(), resolver, depth + 1));
            }
            return;
        }
        Sym sym = e instanceof Expr.Str ? resolver.dotted(resolver.string(e, scope), scope.module)
                : resolver.resolve(e, scope);
        switch (sym) {
            case Sym.ClassSym cls -> classValues(cls, resolver, depth);
            case Sym.ModuleSym mod when resolver.index().module(mod.stem()) instanceof PyModule target ->
                target.scope.names().forEach(name -> upperCase(name, target.scope));
            default -> {
            }
        }
    }

    private void classValues(Sym.ClassSym cls, Resolver resolver, int depth) {
        cls.body().names().forEach(name -> upperCase(name, cls.body()));
        for (Expr base : cls.def().bases()) {
            if (resolver.resolve(base, cls.body().parent) instanceof Sym.ClassSym parent && depth < MAX_DEPTH) {
                classValues(parent, resolver, depth + 1);
            }
        }
    }

    private void upperCase(String name, Scope scope) {
        if (!name.equals(name.toUpperCase(java.util.Locale.ROOT))) {
            return;
        }
        for (Binding b : scope.bindings(name)) {
            if (b instanceof Binding.Assigned a && a.value() != null) {
                put(name, a.value(), a.scope());
            }
        }
    }

    private void put(String name, Expr value, Scope scope) {
        values.computeIfAbsent(name, k -> new ArrayList<>()).add(new Resolver.Scoped(value, scope));
    }
}
