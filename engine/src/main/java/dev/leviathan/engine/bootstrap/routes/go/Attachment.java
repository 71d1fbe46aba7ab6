package dev.leviathan.engine.bootstrap.routes.go;

import dev.leviathan.engine.bootstrap.routes.go.RouteSpec.HandlerRef;

/**
 * {@code router.GetRoute(name).Handler(h)} on a gorilla/mux router: the handler of the route that
 * router (or a router it is stored as) declares under {@code name}. While {@code name} or the
 * handler is a parameter it is a template of that parameter's function, filled in per call site
 * (docker distribution's {@code app.register(v2.RouteNameManifest, manifestDispatcher)}).
 */
record Attachment(Node node, Str name, HandlerRef handler) {

    Callable paramOwner() {
        Callable owner = name.firstParamOwner();
        if (owner == null && handler instanceof RouteSpec.HandlerParam hp) {
            owner = hp.owner();
        }
        return owner;
    }
}
