package dev.leviathan.engine.bootstrap.routes.python;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names of the repository's functions that declare or mount routes on one of their
 * parameters, read from the syntax alone ({@code def do_init(app, name, resources): ...;
 * app.register_blueprint(bp, url_prefix=name)}). The modules that call them often name no
 * framework (cloudkitty's {@code def init(app): api_utils.do_init(app, "task", [...])}), yet
 * their calls give the mounts and routes, so they are parsed too once such a helper is known.
 */
final class RouteHelpers {

    private static final Set<String> ON_PARAMETER = Set.of("include_router", "register_blueprint", "mount",
            "add_url_rule", "add_api_route", "add_route", "add_api_websocket_route", "add_websocket_route",
            "add_resource");

    private RouteHelpers() {
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
                    if (onParameter(f.body(), parameters(f))) {
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

    /** The parameters a caller passes; a method's {@code self}/{@code cls} is its own object, not the caller's app. */
    private static Set<String> parameters(Stmt.FunctionDef f) {
        Set<String> names = new TreeSet<>();
        for (Stmt.Param p : f.params()) {
            if (!p.name().equals("self") && !p.name().equals("cls")) {
                names.add(p.name());
            }
        }
        return names;
    }

    private static boolean onParameter(List<Stmt> body, Set<String> params) {
        if (params.isEmpty()) {
            return false;
        }
        for (Stmt statement : body) {
            boolean found = switch (statement) {
                case Stmt.ExprStmt x -> isCallOnParameter(x.expr(), params);
                case Stmt.Assign a -> isCallOnParameter(a.value(), params);
                case Stmt.Return r -> isCallOnParameter(r.value(), params);
                case Stmt.ForLoop loop -> onParameter(loop.body(), params);
                default -> false;
            };
            if (found) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCallOnParameter(Expr e, Set<String> params) {
        return e instanceof Expr.Call c && c.func() instanceof Expr.Attribute a && ON_PARAMETER.contains(a.attr())
                && a.value() instanceof Expr.Name n && params.contains(n.id());
    }
}
