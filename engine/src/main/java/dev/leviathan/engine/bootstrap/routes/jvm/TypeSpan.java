package dev.leviathan.engine.bootstrap.routes.jvm;

/** The body of a type in its file's tokens ({@code open} and {@code close} are its braces): what code inside it sees. */
record TypeSpan(int open, int close, TypeDecl decl) {
}
