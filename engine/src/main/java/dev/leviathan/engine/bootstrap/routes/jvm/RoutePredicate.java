package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a {@code RequestPredicate} says about method and path, as alternatives: {@code GET("/a")}
 * is one, {@code GET("/a").or(POST("/b"))} two. Predicates on anything else (accept headers,
 * content types, query parameters) constrain neither and are left out; one that cannot be read
 * (a method call of the application's, a negated path) makes its alternatives unresolved.
 */
record RoutePredicate(List<Alternative> alternatives) {

    /**
     * @param methods the methods matched; empty for every method
     * @param path the path pattern, or null when the predicate names none
     * @param unresolved the source of whatever part could not be read
     * @param line the line of the verb or path call ({@code GET(...)}), or 0 when there is none
     */
    record Alternative(List<String> methods, PathValue path, List<String> unresolved, int line) {

        Alternative and(Alternative other) {
            List<String> methods;
            if (this.methods.isEmpty() || other.methods.isEmpty()) {
                methods = this.methods.isEmpty() ? other.methods : this.methods;
            } else {
                List<String> both = new ArrayList<>(this.methods);
                both.retainAll(other.methods);
                methods = both.isEmpty() ? this.methods : List.copyOf(both);
            }
            // Two path patterns that must both match are rare; the first one written stands.
            PathValue path = this.path != null ? this.path : other.path;
            return new Alternative(methods, path, PathValue.merge(unresolved, other.unresolved),
                    line > 0 ? line : other.line);
        }

        boolean constrains() {
            return !methods.isEmpty() || path != null || !unresolved.isEmpty();
        }
    }

    /** {@code all()}, {@code accept(...)}...: every request. */
    static RoutePredicate any(int line) {
        return new RoutePredicate(List.of(new Alternative(List.of(), null, List.of(), line)));
    }

    static RoutePredicate of(List<String> methods, PathValue path, int line) {
        return new RoutePredicate(List.of(new Alternative(List.copyOf(methods), path, List.of(), line)));
    }

    static RoutePredicate unknown(String raw, int line) {
        return new RoutePredicate(List.of(new Alternative(List.of(), null, List.of(raw), line)));
    }

    RoutePredicate and(RoutePredicate other) {
        List<Alternative> all = new ArrayList<>();
        for (Alternative a : alternatives) {
            for (Alternative b : other.alternatives) {
                all.add(a.and(b));
            }
        }
        return new RoutePredicate(List.copyOf(all));
    }

    RoutePredicate or(RoutePredicate other) {
        List<Alternative> all = new ArrayList<>(alternatives);
        all.addAll(other.alternatives);
        return new RoutePredicate(List.copyOf(all));
    }

    /**
     * {@code negate()}: a predicate that constrains no method or path stays one (not an accept
     * header is still every path); the negation of one that does cannot be written as routes.
     */
    RoutePredicate negate(String raw, int line) {
        for (Alternative a : alternatives) {
            if (a.constrains()) {
                return unknown(raw, line);
            }
        }
        return this;
    }

    /** The routes {@code route(this, handler)} declares; {@code line} stands in for alternatives without one. */
    List<RouteSpec> routes(String handler, int line) {
        List<RouteSpec> routes = new ArrayList<>(alternatives.size());
        for (Alternative a : alternatives) {
            PathValue path = (a.path == null ? PathValue.EMPTY : a.path).withUnresolved(a.unresolved);
            routes.add(new RouteSpec(a.methods, path, handler, a.line > 0 ? a.line : line, null));
        }
        return routes;
    }

    /** The routes of {@code inner} mounted under this predicate ({@code nest}, {@code path}): paths joined as Spring's. */
    List<RouteSpec> nest(List<RouteSpec> inner) {
        List<RouteSpec> routes = new ArrayList<>();
        for (Alternative a : alternatives) {
            for (RouteSpec route : inner) {
                List<String> methods = route.methods();
                if (!a.methods.isEmpty()) {
                    Set<String> both = new LinkedHashSet<>(route.methods().isEmpty() ? a.methods : route.methods());
                    if (!route.methods().isEmpty()) {
                        both.retainAll(a.methods);
                    }
                    methods = both.isEmpty() ? route.methods() : List.copyOf(both);
                }
                PathValue prefix = (a.path == null ? PathValue.EMPTY : a.path).withUnresolved(a.unresolved);
                routes.add(new RouteSpec(methods, RoutePaths.spring(prefix, route.path()), route.handler(),
                        route.line(), route.file()));
            }
        }
        return routes;
    }
}
