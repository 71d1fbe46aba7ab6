package dev.leviathan.engine.bootstrap.routes.python;

/** The framework objects that own routes or prefixes, by the qualified names of their classes. */
enum RouterKind {
    FASTAPI_APP("fastapi"),
    FASTAPI_ROUTER("fastapi"),
    /**
     * Starlette's {@code Starlette} app or {@code Router}: its routes come from the {@code routes=[...]}
     * table it is made with and from {@code add_route}/{@code mount}, as a FastAPI app's do.
     */
    STARLETTE_APP("starlette"),
    FLASK_APP("flask"),
    FLASK_BLUEPRINT("flask"),
    /** Flask-RESTful's (or Flask-RESTX's) {@code Api}: resources added to it live on the app or blueprint it wraps. */
    RESTFUL_API("flask"),
    /**
     * Flask-RESTX's (or Flask-RESTPlus's) {@code Namespace}: its resources live under its path on
     * the {@code Api} that adds it; the path is the mount's ({@code api.add_namespace(ns, path)}).
     */
    RESTX_NAMESPACE("flask"),
    DRF_ROUTER("django"),
    /** Django Ninja's {@code NinjaAPI}: its routes live under the Django path its {@code api.urls} is included at. */
    NINJA_API("django-ninja"),
    /** Django Ninja's {@code Router}: its routes live under the prefix an {@code add_router} gives it. */
    NINJA_ROUTER("django-ninja");

    final String framework;

    RouterKind(String framework) {
        this.framework = framework;
    }

    boolean isFastApi() {
        // Starlette's apps take the same add_route/mount calls; FastAPI is built on them.
        return this == FASTAPI_APP || this == FASTAPI_ROUTER || this == STARLETTE_APP;
    }

    boolean isNinja() {
        return this == NINJA_API || this == NINJA_ROUTER;
    }

    boolean isFlask() {
        return this == FLASK_APP || this == FLASK_BLUEPRINT || this == RESTFUL_API || this == RESTX_NAMESPACE;
    }

    /** The keyword of the constructor that gives the object's own path prefix, or null. */
    String prefixKeyword() {
        return switch (this) {
            case FASTAPI_ROUTER -> "prefix";
            case FLASK_BLUEPRINT -> "url_prefix";
            case RESTFUL_API -> "prefix";
            default -> null;
        };
    }

    /** The kind constructed by calling the class with this qualified name, or null. */
    static RouterKind of(String qualifiedName) {
        return switch (qualifiedName) {
            case "fastapi.FastAPI", "fastapi.applications.FastAPI" -> FASTAPI_APP;
            // fastapi-utils' InferringRouter is an APIRouter that infers response models.
            case "fastapi.APIRouter", "fastapi.routing.APIRouter", "fastapi_utils.inferring_router.InferringRouter" ->
                FASTAPI_ROUTER;
            case "starlette.applications.Starlette", "starlette.routing.Router" -> STARLETTE_APP;
            case "flask.Flask", "flask.app.Flask", "apiflask.APIFlask" -> FLASK_APP;
            case "flask.Blueprint", "flask.blueprints.Blueprint", "flask_smorest.Blueprint", "apiflask.APIBlueprint" ->
                FLASK_BLUEPRINT;
            case "flask_restful.Api", "flask_restx.Api", "flask_restplus.Api" -> RESTFUL_API;
            case "flask_restx.Namespace", "flask_restx.namespace.Namespace", "flask_restplus.Namespace" ->
                RESTX_NAMESPACE;
            // drf-nested-routers re-exports DRF's two routers beside its nested ones; drf-extensions'
            // routers are DRF's with a register that returns an item to register nested viewsets on.
            case "rest_framework.routers.DefaultRouter", "rest_framework.routers.SimpleRouter",
                    "rest_framework_nested.routers.DefaultRouter", "rest_framework_nested.routers.SimpleRouter",
                    "rest_framework_nested.routers.NestedSimpleRouter", "rest_framework_nested.routers.NestedDefaultRouter",
                    "rest_framework_extensions.routers.ExtendedSimpleRouter",
                    "rest_framework_extensions.routers.ExtendedDefaultRouter" -> DRF_ROUTER;
            case "ninja.NinjaAPI", "ninja.main.NinjaAPI" -> NINJA_API;
            case "ninja.Router", "ninja.router.Router" -> NINJA_ROUTER;
            default -> null;
        };
    }
}
