package dev.leviathan.engine.govern;

import java.time.Instant;
import java.util.Optional;

/**
 * One attempt at a task, as its events say.
 *
 * @param failureKind  the {@code failure_kind} of {@code attempt.failed}, as written
 * @param invalidated  an operator invalidated it: it counts for nothing (not towards attempts,
 *                     backoff or the circuit breaker)
 * @param pullRequestId the pull request it opened, if any
 */
public record Attempt(String attemptId, String taskId, AttemptStatus status, Instant createdAt,
        Optional<Instant> finishedAt, Optional<String> failureKind, Optional<String> reason, boolean invalidated,
        boolean manual, Optional<String> executor, Optional<String> pullRequestId) {

    /** Running: created or started, not finished, not invalidated. */
    public boolean inFlight() {
        return !status.finished() && !invalidated;
    }
}
