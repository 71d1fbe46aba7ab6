package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.List;

/**
 * One route of a router function, relative to where the function is mounted: {@code methods}
 * empty means every method ({@code ANY}); {@code path} is what the route's own predicates give.
 * {@code file} is the file the route is written in, or null while it is still being read there
 * (a router built in another file's method keeps its own file where it is mounted).
 */
record RouteSpec(List<String> methods, PathValue path, String handler, int line, String file) {

    RouteSpec inFile(String path) {
        return file != null ? this : new RouteSpec(methods, this.path, handler, line, path);
    }
}
