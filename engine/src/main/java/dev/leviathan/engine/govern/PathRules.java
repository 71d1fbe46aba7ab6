package dev.leviathan.engine.govern;

import dev.leviathan.engine.target.AllowedPath;
import dev.leviathan.engine.target.Glob;
import dev.leviathan.engine.target.Policy;
import java.util.List;
import java.util.Optional;

/**
 * Whether a task's {@code allowed_paths} entry fits the policy, before anything runs. The scope
 * guard checks every path the worker actually wrote; this check decides whether the task may be
 * dispatched at all, so an entry is judged by everything it could cover.
 *
 * <p>An entry is a file or a directory ({@code docs/}). A file is permitted when a glob of the
 * task's scope (or of the policy's plain list) matches it. A directory is permitted only when one
 * glob covers all of it: the glob ends in {@code **} or {@code /} and matches the directory's own
 * path ({@code docs/**}, {@code docs/}, {@code **} cover {@code docs/}; {@code docs/*.md} does
 * not). A file is forbidden when a forbidden glob matches it; a directory is forbidden when a
 * forbidden glob covers it whole, or names a fixed place inside it ({@code .github/workflows/**}
 * inside {@code .github/}). Forbidden patterns without a fixed directory ({@code **}{@code /*.pem})
 * would touch every directory; they are left to the scope guard, which refuses the files.
 *
 * <p>Globs are matched directly: entries are already safe paths in normal form (the backlog
 * loader guarantees it), and a decision checks thousands of them.
 */
final class PathRules {

    private PathRules() {
    }

    /** The first forbidden glob the entry is or contains, if any. */
    static Optional<Glob> forbidding(Policy policy, AllowedPath entry) {
        for (Glob glob : policy.forbiddenPaths()) {
            if (entry.isDirectory() ? covers(glob, entry.value()) || rootedInside(glob, entry.value())
                    : glob.matches(entry.value())) {
                return Optional.of(glob);
            }
        }
        return Optional.empty();
    }

    /** True if a glob of {@code scope} or of the plain list permits everything the entry covers. */
    static boolean permits(Policy policy, Optional<String> scope, AllowedPath entry) {
        if (scope.isPresent() && permitsAny(policy.allowedPaths().get(scope.get()), entry)) {
            return true;
        }
        return permitsAny(policy.allowedPaths().get(Policy.ANY_SCOPE), entry);
    }

    private static boolean permitsAny(List<Glob> globs, AllowedPath entry) {
        if (globs == null) {
            return false;
        }
        for (Glob glob : globs) {
            if (entry.isDirectory() ? covers(glob, entry.value()) : glob.matches(entry.value())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A glob ending in {@code **} matches a path when some prefix of it matches what comes before
     * the {@code **}; so if it matches the directory's path it matches everything below it.
     */
    private static boolean covers(Glob glob, String directory) {
        String pattern = glob.pattern();
        return (pattern.endsWith("**") || pattern.endsWith("/")) && glob.matches(directory);
    }

    /** The glob's fixed leading directories (or fixed path) lie inside {@code directory}. */
    private static boolean rootedInside(Glob glob, String directory) {
        String pattern = glob.pattern();
        int wildcard = firstWildcard(pattern);
        String fixed = wildcard < 0 ? pattern : pattern.substring(0, pattern.lastIndexOf('/', wildcard) + 1);
        return !fixed.isEmpty() && fixed.startsWith(directory);
    }

    private static int firstWildcard(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?') {
                return i;
            }
        }
        return -1;
    }
}
