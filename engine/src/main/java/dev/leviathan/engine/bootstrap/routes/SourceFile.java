package dev.leviathan.engine.bootstrap.routes;

/**
 * A text file of the commit being indexed, read from the git object database (never a work
 * tree). {@code path} is repository-relative with {@code /} separators.
 */
public record SourceFile(String path, String text) {
}
