package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.List;

/**
 * One route of a router function, relative to where the function is mounted: {@code methods}
 * empty means every method ({@code ANY}); {@code path} is what the route's own predicates give.
 */
record RouteSpec(List<String> methods, PathValue path, String handler, int line) {
}
