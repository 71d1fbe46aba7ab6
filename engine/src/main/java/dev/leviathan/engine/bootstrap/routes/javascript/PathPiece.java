package dev.leviathan.engine.bootstrap.routes.javascript;

/**
 * One segment source of a route's path: a mount prefix, a {@code route()} path or the path given
 * to a verb. {@code known} is the whole text when {@code complete}, else its static beginning, or,
 * when {@code fallback}, the value it has unless an unknown it falls back from is set
 * ({@code process.env.API_PREFIX || '/api'}); {@code raw} is the source text of the expression
 * when it is not complete.
 */
record PathPiece(String known, boolean complete, boolean regex, String raw, boolean fallback) {

    PathPiece(String known, boolean complete, boolean regex, String raw) {
        this(known, complete, regex, raw, false);
    }
}
