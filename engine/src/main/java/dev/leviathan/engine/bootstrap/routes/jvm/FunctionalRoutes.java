package dev.leviathan.engine.bootstrap.routes.jvm;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.ArrayList;
import java.util.List;

/**
 * Spring functional endpoints (WebMvc.fn and WebFlux.fn): the router functions the repository
 * declares, evaluated by {@link RouterEvaluation}. A router made part of another ({@code nest},
 * {@code and}, {@code add}, also through a call of the method building it) is reported there
 * only; every other one is reported where it is written. Framework {@code spring}, like
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
        RouterEvaluation evaluation = new RouterEvaluation(code, constants, files);
        List<RouterDefinition> definitions = evaluation.definitions();
        List<RouteSpec> unfilled = evaluation.unfilled();
        List<Route> routes = new ArrayList<>();
        for (RouterDefinition definition : definitions) {
            if (!definition.composed) {
                definition.routes.forEach(spec -> add(spec, routes));
            }
        }
        unfilled.forEach(spec -> add(spec, routes));
        return routes;
    }

    private static void add(RouteSpec spec, List<Route> routes) {
        List<String> methods = spec.methods().isEmpty() ? List.of("ANY") : spec.methods();
        for (String method : methods) {
            routes.add(new Route(SpringRoutes.FRAMEWORK, method, RoutePaths.finish(spec.path()),
                    spec.path().resolved(), spec.path().raw(), spec.file(), spec.line(), spec.handler()));
        }
    }
}
