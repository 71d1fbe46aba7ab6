package dev.leviathan.engine.target;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks that a path written in a target file stays inside the repository: relative, forward
 * slashes, no {@code ..} that leaves the root, nothing under {@code .git/}, and written in normal
 * form (so the same file is never spelt two ways). A trailing {@code /} (a directory) is kept.
 */
public final class RepoPaths {

    /** Why a path was refused, and what to write instead. */
    record Refusal(String message, String hint) {
    }

    private RepoPaths() {
    }

    /** Empty if {@code path} is a safe repository path in normal form. */
    static Optional<Refusal> check(String path) {
        Optional<Refusal> shape = checkShape(path);
        if (shape.isPresent()) {
            return shape;
        }
        boolean directory = path.endsWith("/");
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return Optional.of(new Refusal("path '" + path + "' escapes the repository through '..'",
                            "keep paths inside the repository, relative to its root"));
                }
                segments.removeLast();
                continue;
            }
            segments.addLast(segment);
        }
        if (segments.isEmpty()) {
            return Optional.of(new Refusal("path '" + path + "' names the whole repository",
                    "name a directory such as docs/ or a file such as README.md"));
        }
        if (segments.stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).equals(".git"))) {
            return Optional.of(new Refusal("path '" + path + "' points into .git/",
                    "tasks may never touch git's own files"));
        }
        String normal = String.join("/", segments) + (directory ? "/" : "");
        if (!normal.equals(path)) {
            return Optional.of(new Refusal("path '" + path + "' is not in normal form",
                    "write it as " + normal));
        }
        return Optional.empty();
    }

    /** The checks that also apply to globs: not empty, relative, forward slashes, printable. */
    static Optional<Refusal> checkShape(String path) {
        if (path.isBlank()) {
            return Optional.of(new Refusal("path is empty",
                    "write a path relative to the repository root, such as docs/ or README.md"));
        }
        if (path.indexOf('\\') >= 0) {
            return Optional.of(new Refusal("path '" + path + "' contains a backslash",
                    "use forward slashes: " + path.replace('\\', '/')));
        }
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.of(new Refusal("path contains a control character", "remove it"));
        }
        if (path.startsWith("/") || path.startsWith("~") || path.matches("^[A-Za-z]:.*")) {
            return Optional.of(new Refusal("path '" + path + "' is absolute",
                    "write it relative to the repository root, such as "
                            + path.replaceFirst("^(~|[A-Za-z]:)?/*", "")));
        }
        return Optional.empty();
    }

    /** True if {@code path} is a safe path to a file (no trailing slash) in normal form. */
    public static boolean isSafeFile(String path) {
        return !path.endsWith("/") && check(path).isEmpty();
    }
}
