package dev.leviathan.engine.target;

import java.time.Instant;

/**
 * A repository Leviathan operates on, as its {@code target.registered} event recorded it.
 *
 * @param repo a local path (absolute) or a git URL, as the operator gave it
 */
public record RegisteredTarget(String id, String repo, RepoLocation.Kind kind, String defaultBranch,
        Instant registeredAt, String registeredBy, long seq) {
}
