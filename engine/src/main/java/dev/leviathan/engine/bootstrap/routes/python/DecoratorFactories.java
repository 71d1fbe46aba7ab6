package dev.leviathan.engine.bootstrap.routes.python;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names of the repository's route decorator factories, read from the syntax alone: a function
 * that returns a function of its own body in which a rule is added
 * ({@code def expose(rule): def wrap(fn): bp.add_url_rule(rule, view_func=fn); return fn;
 * return wrap}). The files that decorate views with them ({@code @expose("/ping")}) often name no
 * framework, so they are parsed too once a factory is known.
 */
final class DecoratorFactories {

    private static final Set<String> RULE_CALLS = Set.of("add_url_rule", "add_api_route", "add_route",
            "add_api_websocket_route", "add_websocket_route");

    private DecoratorFactories() {
    }

    static Set<String> names(List<PyModule> modules) {
        Set<String> names = new TreeSet<>();
        for (PyModule module : modules) {
            collect(module.body, names);
        }
        return names;
    }

    private static void collect(List<Stmt> statements, Set<String> names) {
        for (Stmt statement : statements) {
            switch (statement) {
                case Stmt.FunctionDef f -> {
                    if (isFactory(f)) {
                        names.add(f.name());
                    }
                    collect(f.body(), names);
                }
                case Stmt.ClassDef c -> collect(c.body(), names);
                default -> {
                }
            }
        }
    }

    private static boolean isFactory(Stmt.FunctionDef outer) {
        for (Stmt statement : outer.body()) {
            if (statement instanceof Stmt.FunctionDef inner && returns(outer, inner.name()) && addsRule(inner.body())) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code f} has a {@code return name} of its own. */
    static boolean returns(Stmt.FunctionDef f, String name) {
        return f.body().stream().anyMatch(s -> s instanceof Stmt.Return r && r.value() instanceof Expr.Name n
                && n.id().equals(name));
    }

    private static boolean addsRule(List<Stmt> body) {
        for (Stmt statement : body) {
            boolean adds = switch (statement) {
                case Stmt.ExprStmt x -> isRuleCall(x.expr());
                case Stmt.Assign a -> isRuleCall(a.value());
                case Stmt.Return r -> isRuleCall(r.value());
                case Stmt.ForLoop loop -> addsRule(loop.body());
                default -> false;
            };
            if (adds) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRuleCall(Expr e) {
        return e instanceof Expr.Call c && c.func() instanceof Expr.Attribute a && RULE_CALLS.contains(a.attr());
    }
}
