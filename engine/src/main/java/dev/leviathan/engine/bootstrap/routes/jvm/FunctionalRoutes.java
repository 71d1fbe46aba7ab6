package dev.leviathan.engine.bootstrap.routes.jvm;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Spring functional endpoints (WebMvc.fn and WebFlux.fn): the router functions each file
 * declares, from the {@link RouterRoot}s its parse found. A file's roots are evaluated in order
 * with one set of locals, so a builder assigned to a local and filled by later statements is one
 * router. A router made part of another ({@code nest}, {@code and}, {@code add}) is reported
 * there only; every other one is reported where it is written. Framework {@code spring}, like
 * annotated controllers.
 */
final class FunctionalRoutes {

    private final CodeBase code;
    private final ConstantEvaluator constants;
    private final List<ParsedFile> files;

    FunctionalRoutes(CodeBase code, ConstantEvaluator constants, List<ParsedFile> files) {
        this.code = code;
        this.constants = constants;
        this.files = files;
    }

    List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (ParsedFile file : files) {
            if (!file.routers().isEmpty()) {
                routesOf(file, routes);
            }
        }
        return routes;
    }

    private void routesOf(ParsedFile file, List<Route> routes) {
        RouterInterpreter.Locals locals = new RouterInterpreter.Locals(null);
        Set<RouterDefinition> candidates = Collections.newSetFromMap(new IdentityHashMap<>());
        List<RouterDefinition> inOrder = new ArrayList<>();
        for (RouterRoot root : file.routers()) {
            TypeNode type = root.enclosing() == null ? null : code.node(root.enclosing());
            RouterInterpreter interpreter = new RouterInterpreter(constants, new Scope(file, type));
            RouterDefinition value = interpreter.router(root.term(), locals);
            if (root.assignedTo() != null) {
                locals.bind(root.assignedTo(), value != null ? value : root.term());
            }
            if (value != null && candidates.add(value)) {
                inOrder.add(value);
            }
        }
        for (RouterDefinition definition : inOrder) {
            if (definition.composed) {
                continue;
            }
            for (RouteSpec spec : definition.routes) {
                List<String> methods = spec.methods().isEmpty() ? List.of("ANY") : spec.methods();
                for (String method : methods) {
                    routes.add(new Route(SpringRoutes.FRAMEWORK, method, RoutePaths.finish(spec.path()),
                            spec.path().resolved(), spec.path().raw(), file.path(), spec.line(), spec.handler()));
                }
            }
        }
    }
}
