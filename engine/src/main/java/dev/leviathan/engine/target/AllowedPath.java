package dev.leviathan.engine.target;

/**
 * One entry of a task's {@code allowed_paths}: with a trailing {@code /} a directory that covers
 * everything below it ({@code docs/} covers {@code docs/a/b.md} but not {@code docs2/x.md}),
 * otherwise exactly one file. Loading guarantees the value is a safe repository path in normal
 * form.
 */
public record AllowedPath(String value) {

    public boolean isDirectory() {
        return value.endsWith("/");
    }

    /**
     * True if {@code path} (repository-relative, forward slashes) is this file or lies below this
     * directory. A path that is not in normal form or leaves the repository is never covered.
     */
    public boolean covers(String path) {
        if (!RepoPaths.isSafeFile(path)) {
            return false;
        }
        return isDirectory() ? path.startsWith(value) : path.equals(value);
    }

    /**
     * True if everything {@code other} covers is covered by this entry: a directory contains
     * itself, the directories below it and the files below it; a file contains only itself.
     */
    public boolean contains(AllowedPath other) {
        return isDirectory() ? other.value.startsWith(value) : other.value.equals(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
