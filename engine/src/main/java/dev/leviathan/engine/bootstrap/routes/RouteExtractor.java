package dev.leviathan.engine.bootstrap.routes;

import java.util.List;
import java.util.Set;

/**
 * Finds the routes of one language's frameworks by static analysis. An extractor sees every file
 * of its languages at once, so it can resolve prefixes declared in one file and applied in another
 * (FastAPI {@code include_router}, Flask {@code register_blueprint}, Django {@code include},
 * Express {@code app.use}). It must be deterministic (same files, same routes, in
 * {@link Route#ORDER}), must not throw on odd or broken source (skip what it cannot read), and
 * must never drop a route it found but could not resolve: report it with {@code resolved=false}.
 * It is stateless and safe to call from several threads.
 */
public interface RouteExtractor {

    /** A short stable name, e.g. {@code python}; part of every route fact's id. */
    String name();

    /**
     * Bumped whenever the extractor's output for some input changes: fact ids include it, so a
     * new version's facts never collide with an old version's.
     */
    int version();

    /** File name endings this extractor reads, e.g. {@code .py}. */
    Set<String> extensions();

    /**
     * Whole file names it reads besides, wherever they are ({@code go.mod} for Go's module
     * path); none by default.
     */
    default Set<String> fileNames() {
        return Set.of();
    }

    /** Every route in {@code files} (all files of the commit with one of {@link #extensions()}). */
    List<Route> extract(List<SourceFile> files);
}
