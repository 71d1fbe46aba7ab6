package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.ArrayList;
import java.util.List;

/**
 * The routes a {@code RouterFunction} or a {@code RouterFunctions.Builder} (or a Kotlin DSL
 * receiver) holds so far. A builder is one object that its calls add to, so this is a class with
 * identity: a builder assigned to a local, filled by later statements and returned built is one
 * definition, reported once. {@code composed} marks a definition that became part of another
 * ({@code nest}, {@code and}, {@code add}): its routes are reported there, with that one's prefix.
 */
final class RouterDefinition {

    final List<RouteSpec> routes = new ArrayList<>();
    boolean composed;

    RouterDefinition() {
    }

    RouterDefinition(List<RouteSpec> routes) {
        this.routes.addAll(routes);
    }
}
