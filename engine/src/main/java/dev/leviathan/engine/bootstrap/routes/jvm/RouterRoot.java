package dev.leviathan.engine.bootstrap.routes.jvm;

/**
 * Where router-function code starts ({@code RouterFunctions.route()}, {@code nest(...)},
 * {@code router { ... }}, or a local that holds one), read into a {@link Term}.
 *
 * @param assignedTo the local or property it is assigned to, or null
 * @param enclosing the innermost type it is written in (null at Kotlin top level): its constants are visible
 * @param method the innermost method it is written in, or null (a field or property initializer)
 * @param parameter whether it starts at a {@code Builder} parameter of that method ({@code b.GET(...)}
 *     in a method given to {@code path("/api", this::apiRoutes)}): what it adds to depends on the caller
 * @param forwards whether it is a {@code RouterFunction} method's {@code return otherRoutes()}: the
 *     method serves the other's routes as its own
 */
record RouterRoot(Term term, String assignedTo, TypeDecl enclosing, MethodSpan method, boolean parameter,
        boolean forwards) {
}
