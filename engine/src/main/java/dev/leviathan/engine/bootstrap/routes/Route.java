package dev.leviathan.engine.bootstrap.routes;

import java.util.Comparator;

/**
 * One HTTP route found by static analysis.
 *
 * @param framework {@code fastapi}, {@code flask}, {@code django}, {@code express}, {@code spring},
 *     {@code jaxrs}, {@code go-nethttp}, {@code gin}, {@code chi}, {@code echo}, {@code gorilla-mux},
 *     {@code httprouter}, {@code prometheus-route}
 * @param method upper-case HTTP method ({@code GET}, {@code POST}…), or {@code ANY} when the
 *     route accepts every method (Django {@code path}, Flask {@code route} without methods is
 *     {@code GET}, Go {@code HandleFunc} without a method pattern is {@code ANY})
 * @param path the full path with every static prefix applied (router, blueprint, class,
 *     mount); when something could not be resolved statically, the best static part known
 * @param resolved false when part of the path (or the method) comes from an expression that
 *     static analysis cannot evaluate; the route is reported anyway, never dropped
 * @param rawExpression the source text of whatever was not resolved (null when resolved)
 * @param file repository-relative path of the file that declares the handler
 * @param line 1-based line of the route declaration (the decorator, annotation or call)
 * @param handler the handler's name (function, method, or {@code <anonymous>})
 */
public record Route(String framework, String method, String path, boolean resolved, String rawExpression,
        String file, int line, String handler) {

    /** The order every extractor's output is given in: file, line, method, path. */
    public static final Comparator<Route> ORDER = Comparator.comparing(Route::file)
            .thenComparingInt(Route::line)
            .thenComparing(Route::method)
            .thenComparing(Route::path);
}
