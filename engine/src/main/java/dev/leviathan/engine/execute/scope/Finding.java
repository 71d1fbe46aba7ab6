package dev.leviathan.engine.execute.scope;

/** A rule a path breaks and why, before it is phrased as a {@link Violation} of a change. */
record Finding(ScopeRule rule, String reason) {
}
