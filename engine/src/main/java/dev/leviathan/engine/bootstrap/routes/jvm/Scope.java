package dev.leviathan.engine.bootstrap.routes.jvm;

/** Where a name is written: its file, and the innermost type around it (null at Kotlin top level). */
record Scope(ParsedFile file, TypeNode type) {
}
