package dev.leviathan.engine.bootstrap.routes.go;

import java.util.Set;

/**
 * The seven router libraries, recognised by import path only, and what their router methods do.
 * A call is a route only when its receiver is a value of one of these router types, which is what
 * keeps {@code http.Get(url)}, {@code client.Get(...)} and a user type's {@code GET} method out.
 */
enum Framework {
    NETHTTP("go-nethttp", Set.of("ServeMux")),
    GIN("gin", Set.of("Engine", "RouterGroup", "IRouter", "IRoutes")),
    CHI("chi", Set.of("Router", "Mux")),
    ECHO("echo", Set.of("Echo", "Group")),
    GORILLA("gorilla-mux", Set.of("Router")),
    HTTPROUTER("httprouter", Set.of("Router")),
    PROMETHEUS_ROUTE("prometheus-route", Set.of("Router"));

    final String id;
    private final Set<String> routerTypes;

    Framework(String id, Set<String> routerTypes) {
        this.id = id;
        this.routerTypes = routerTypes;
    }

    static Framework ofImport(String path) {
        if (path.equals("net/http")) {
            return NETHTTP;
        }
        if (path.equals("github.com/gin-gonic/gin")) {
            return GIN;
        }
        if (isVersioned(path, "github.com/go-chi/chi") || isVersioned(path, "github.com/pressly/chi")) {
            return CHI;
        }
        if (isVersioned(path, "github.com/labstack/echo")) {
            return ECHO;
        }
        if (isVersioned(path, "github.com/gorilla/mux")) {
            return GORILLA;
        }
        if (isVersioned(path, "github.com/julienschmidt/httprouter")) {
            return HTTPROUTER;
        }
        if (path.equals("github.com/prometheus/common/route")) {
            return PROMETHEUS_ROUTE;
        }
        return null;
    }

    private static boolean isVersioned(String path, String base) {
        if (path.equals(base)) {
            return true;
        }
        if (!path.startsWith(base + "/v") || path.length() == base.length() + 2) {
            return false;
        }
        for (int i = base.length() + 2; i < path.length(); i++) {
            if (!Character.isDigit(path.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    boolean isRouterType(String typeName) {
        return routerTypes.contains(typeName);
    }

    enum Kind {
        /** A route whose method is fixed by the method name ({@code GET}, {@code Get}, {@code Any}). */
        ROUTE,
        /** A route whose method (or list of methods) is the first argument. */
        ROUTE_METHOD_ARG,
        /** A route whose method, if any, leads the pattern; a router as handler is mounted instead. */
        ROUTE_PATTERN,
        /** A child router under a prefix. */
        GROUP,
        /** chi {@code Route(prefix, fn)}: a child router handed to {@code fn}. */
        CHI_ROUTE,
        /** chi {@code Group(fn)}: a child router without prefix handed to {@code fn}. */
        CHI_GROUP,
        /** chi {@code Mount(prefix, handler)}. */
        MOUNT,
        /** Methods returning the same router ({@code Use}, {@code With}). */
        SAME,
        /**
         * gorilla/mux: a step of a route being built ({@code HandleFunc}, {@code Path},
         * {@code Methods}, ...), whose method, path and handler may come in any order of a chain.
         */
        GORILLA_ROUTE
    }

    /**
     * What a router method does. {@code handler} is the handler's argument index, or -1 for the
     * last argument (gin puts middleware first and the handler last).
     */
    record RouterMethod(Kind kind, String method, int path, int handler) {
    }

    RouterMethod method(String name) {
        return switch (this) {
            case NETHTTP -> switch (name) {
                case "Handle", "HandleFunc" -> new RouterMethod(Kind.ROUTE_PATTERN, "ANY", 0, 1);
                default -> null;
            };
            case GIN -> switch (name) {
                case "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS" ->
                    new RouterMethod(Kind.ROUTE, name, 0, -1);
                case "Any" -> new RouterMethod(Kind.ROUTE, "ANY", 0, -1);
                case "Handle", "Match" -> new RouterMethod(Kind.ROUTE_METHOD_ARG, null, 1, -1);
                case "Group" -> new RouterMethod(Kind.GROUP, null, 0, 0);
                case "Use" -> new RouterMethod(Kind.SAME, null, 0, 0);
                default -> null;
            };
            case CHI -> switch (name) {
                case "Get", "Post", "Put", "Delete", "Patch", "Head", "Options", "Connect", "Trace" ->
                    new RouterMethod(Kind.ROUTE, name.toUpperCase(java.util.Locale.ROOT), 0, 1);
                case "Method", "MethodFunc" -> new RouterMethod(Kind.ROUTE_METHOD_ARG, null, 1, 2);
                case "Handle", "HandleFunc" -> new RouterMethod(Kind.ROUTE_PATTERN, "ANY", 0, 1);
                case "Route" -> new RouterMethod(Kind.CHI_ROUTE, null, 0, 1);
                case "Group" -> new RouterMethod(Kind.CHI_GROUP, null, 0, 0);
                case "Mount" -> new RouterMethod(Kind.MOUNT, "ANY", 0, 1);
                case "With", "Use" -> new RouterMethod(Kind.SAME, null, 0, 0);
                default -> null;
            };
            case ECHO -> switch (name) {
                case "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "CONNECT", "TRACE" ->
                    new RouterMethod(Kind.ROUTE, name, 0, 1);
                case "Any" -> new RouterMethod(Kind.ROUTE, "ANY", 0, 1);
                case "Match", "Add" -> new RouterMethod(Kind.ROUTE_METHOD_ARG, null, 1, 2);
                case "Group" -> new RouterMethod(Kind.GROUP, null, 0, 0);
                case "Use" -> new RouterMethod(Kind.SAME, null, 0, 0);
                default -> null;
            };
            case GORILLA -> switch (name) {
                case "Handle", "HandleFunc", "Path", "PathPrefix", "Methods", "Name", "Host", "Schemes", "Queries",
                     "Headers", "HeadersRegexp", "MatcherFunc", "BuildVarsFunc", "NewRoute" ->
                    new RouterMethod(Kind.GORILLA_ROUTE, null, 0, 1);
                case "Use", "StrictSlash", "SkipClean", "UseEncodedPath" -> new RouterMethod(Kind.SAME, null, 0, 0);
                default -> null;
            };
            // httprouter matches the whole path (a net/http mux hands it on unchanged) and has no groups
            case HTTPROUTER -> switch (name) {
                case "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS" ->
                    new RouterMethod(Kind.ROUTE, name, 0, 1);
                case "Handle", "Handler", "HandlerFunc" -> new RouterMethod(Kind.ROUTE_METHOD_ARG, null, 1, 2);
                case "ServeFiles" -> new RouterMethod(Kind.ROUTE, "GET", 0, 1);
                default -> null;
            };
            // Prometheus' and Alertmanager's router: httprouter under a prefix, `Del` for DELETE
            case PROMETHEUS_ROUTE -> switch (name) {
                case "Get", "Post", "Put", "Patch", "Head", "Options" ->
                    new RouterMethod(Kind.ROUTE, name.toUpperCase(java.util.Locale.ROOT), 0, 1);
                case "Del", "Delete" -> new RouterMethod(Kind.ROUTE, "DELETE", 0, 1);
                case "WithPrefix" -> new RouterMethod(Kind.GROUP, null, 0, 0);
                case "WithInstrumentation" -> new RouterMethod(Kind.SAME, null, 0, 0);
                default -> null;
            };
        };
    }
}
