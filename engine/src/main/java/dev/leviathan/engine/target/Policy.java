package dev.leviathan.engine.target;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code .leviathan/policy.yaml}: where tasks of each scope may write, what they may never touch,
 * and per-scope and safety limits.
 *
 * @param allowedPaths globs by scope; a policy that lists globs without scopes has them under
 *                     {@link #ANY_SCOPE}
 * @param codeStyle    kept as written; Leviathan does not interpret it
 */
public record Policy(Map<String, List<Glob>> allowedPaths, List<Glob> forbiddenPaths,
        Map<String, ScopeConstraint> scopeConstraints, SafetyRules safetyRules, List<FileSizeLimit> fileSizeLimits,
        Map<String, Object> codeStyle, Optional<String> version, List<Problem> warnings) {

    /** The key under which a plain list of {@code allowed_paths} is kept: any scope may use it. */
    public static final String ANY_SCOPE = "*";

    public Policy {
        allowedPaths = OrderedMaps.copyOf(allowedPaths);
        forbiddenPaths = List.copyOf(forbiddenPaths);
        scopeConstraints = OrderedMaps.copyOf(scopeConstraints);
        fileSizeLimits = List.copyOf(fileSizeLimits);
        warnings = List.copyOf(warnings);
    }

    /**
     * True if a task of {@code scope} may write {@code path} (repository-relative, forward slashes):
     * the path is safe, some glob of that scope or of {@link #ANY_SCOPE} matches it, and no
     * forbidden glob does. A policy without {@code allowed_paths} permits nothing.
     */
    public boolean permits(String scope, String path) {
        if (forbids(path)) {
            return false;
        }
        return matchesAny(allowedPaths.getOrDefault(scope, List.of()), path)
                || matchesAny(allowedPaths.getOrDefault(ANY_SCOPE, List.of()), path);
    }

    /** True if a forbidden glob matches {@code path}, or the path is not a safe repository path. */
    public boolean forbids(String path) {
        return !RepoPaths.isSafeFile(path) || matchesAny(forbiddenPaths, path);
    }

    /** The limit of the first {@code max_file_size_kb} glob matching {@code path}, if any. */
    public OptionalLong maxFileKilobytes(String path) {
        return fileSizeLimits.stream().filter(limit -> limit.glob().matches(path))
                .mapToLong(FileSizeLimit::maxKilobytes).findFirst();
    }

    private static boolean matchesAny(List<Glob> globs, String path) {
        return globs.stream().anyMatch(glob -> glob.matches(path));
    }
}
