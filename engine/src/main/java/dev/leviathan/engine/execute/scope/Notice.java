package dev.leviathan.engine.execute.scope;

/**
 * Something allowed that a reviewer should still see: a file made executable, a symlink added.
 * It does not stop the commit.
 */
public record Notice(String path, String message) {
}
