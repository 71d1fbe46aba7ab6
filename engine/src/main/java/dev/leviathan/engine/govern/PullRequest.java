package dev.leviathan.engine.govern;

import java.time.Instant;
import java.util.Optional;

/**
 * A pull request of the target, as its events say.
 *
 * @param createdAt when {@code pr.created} was recorded; empty if only other events named it
 */
public record PullRequest(String prId, String taskId, Optional<String> attemptId, State state,
        Optional<Instant> createdAt, Optional<Instant> closedAt, Optional<String> branch,
        Optional<String> mergeCommit) {

    public enum State {
        OPEN, MERGED, CLOSED
    }
}
