package dev.leviathan.engine.bootstrap.routes.jvm;

/** The two JVM languages read; they share one lexer and parser that differ in a few places. */
enum Dialect {
    JAVA, KOTLIN;

    static Dialect of(String path) {
        return path.endsWith(".kt") ? KOTLIN : JAVA;
    }
}
