package dev.leviathan.engine.bootstrap.routes.jvm;

/**
 * Where router-function code starts ({@code RouterFunctions.route()}, {@code nest(...)},
 * {@code router { ... }}, or a local that holds one), read into a {@link Term}.
 *
 * @param assignedTo the local or property it is assigned to, or null
 * @param enclosing the innermost type it is written in (null at Kotlin top level): its constants are visible
 */
record RouterRoot(Term term, String assignedTo, TypeDecl enclosing) {
}
