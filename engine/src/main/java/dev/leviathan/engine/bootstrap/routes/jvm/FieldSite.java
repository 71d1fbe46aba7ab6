package dev.leviathan.engine.bootstrap.routes.jvm;

/** A field found by name, with the scope its initializer is read in. */
record FieldSite(FieldDecl field, Scope scope) {
}
