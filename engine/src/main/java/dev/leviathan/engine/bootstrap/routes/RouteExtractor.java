package dev.leviathan.engine.bootstrap.routes;

import java.util.List;
import java.util.Set;

/**
 * Finds the routes of one framework family by static analysis. An extractor sees every file of
 * its languages at once, so it can resolve prefixes declared in one file and applied in another
 * (FastAPI {@code include_router}, Flask {@code register_blueprint}, Django {@code include},
 * Express {@code app.use}). It must be deterministic (same files, same routes, in
 * {@link Route#ORDER}), must not throw on odd or broken source (skip what it cannot read), and
 * must never drop a route it found but could not resolve: report it with {@code resolved=false}.
 */
public interface RouteExtractor {

    /** File name endings this extractor reads, e.g. {@code .py}. */
    Set<String> extensions();

    /** Every route in {@code files} (all files of the commit with one of {@link #extensions()}). */
    List<Route> extract(List<SourceFile> files);
}
