package dev.leviathan.engine.bootstrap;

import dev.leviathan.engine.target.BootstrapConfig;
import dev.leviathan.engine.target.Glob;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides which paths of a commit are indexed: {@code .leviathan/bootstrap.yaml}'s include and
 * exclude globs over sensible defaults. The defaults drop vendored dependencies, virtual
 * environments, caches and build output by directory name anywhere in the tree, and compiled
 * or generated files by suffix; a target that keeps real sources under such a name turns them
 * off with {@code default_excludes: false}.
 */
final class PathFilter {

    /** Directory names never indexed by default, wherever they appear. */
    static final Set<String> DEFAULT_EXCLUDED_DIRECTORIES = Set.of(
            // vendored dependencies
            "node_modules", "bower_components", "jspm_packages", "vendor", "third_party", "third-party",
            "Pods", "Carthage",
            // virtual environments and tool caches
            ".venv", "venv", ".tox", ".nox", "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache",
            ".gradle", ".m2", ".yarn", ".pnpm-store", ".terraform", ".serverless", ".cache", ".parcel-cache",
            // build and coverage output
            "dist", "build", "target", ".next", ".nuxt", ".svelte-kit", ".turbo", "coverage", "htmlcov",
            ".coverage", "site-packages", "bazel-bin", "bazel-out", "bazel-testlogs");

    /**
     * Output directory names that are source in Go: Go builds binaries, never source files, so a
     * {@code .go} file under {@code build/} is a package of that name (the Docker engine's
     * {@code api/server/router/build}), not output.
     */
    private static final Set<String> GO_PACKAGE_NAMES = Set.of("build", "dist", "target");

    /** File name endings never indexed by default: compiled, generated or minified. */
    static final List<String> DEFAULT_EXCLUDED_SUFFIXES = List.of(
            ".pyc", ".pyo", ".class", ".o", ".obj", ".so", ".dylib", ".dll", ".exe", ".min.js", ".min.css",
            ".map");

    private final List<Glob> include;
    private final List<Glob> exclude;
    private final boolean defaults;

    PathFilter(BootstrapConfig config) {
        this.include = config.include();
        this.exclude = config.exclude();
        this.defaults = config.defaultExcludes();
    }

    boolean accepts(String path) {
        if (defaults && excludedByDefault(path)) {
            return false;
        }
        if (!include.isEmpty() && include.stream().noneMatch(glob -> glob.matches(path))) {
            return false;
        }
        return exclude.stream().noneMatch(glob -> glob.matches(path));
    }

    static boolean excludedByDefault(String path) {
        boolean goSource = path.endsWith(".go");
        int start = 0;
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', start)) {
            String segment = path.substring(start, slash);
            if (DEFAULT_EXCLUDED_DIRECTORIES.contains(segment) && !(goSource && GO_PACKAGE_NAMES.contains(segment))
                    || segment.endsWith(".egg-info")) {
                return true;
            }
            start = slash + 1;
        }
        String name = path.substring(start).toLowerCase(Locale.ROOT);
        for (String suffix : DEFAULT_EXCLUDED_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }
}
