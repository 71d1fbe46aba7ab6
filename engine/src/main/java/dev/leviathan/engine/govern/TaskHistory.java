package dev.leviathan.engine.govern;

import java.time.Instant;
import java.util.Optional;

/**
 * What the events say about one task, summarised for the scheduler: every field is what a
 * guard reads, so a decision looks each task up once.
 *
 * @param attempts        attempts created and not invalidated
 * @param failedAttempts  attempts (not invalidated) that failed, or whose pull request was closed
 *                        without being merged: what the retry limit and the backoff count
 * @param lastFailureAt   when the last of those failed (or its pull request was closed)
 * @param running         attempts in flight
 * @param openPullRequests pull requests open
 * @param mergedPullRequestId the first merged pull request: the task is completed
 */
public record TaskHistory(String taskId, Optional<Approval> approval, int attempts, int failedAttempts,
        Optional<Instant> lastFailureAt, int running, Optional<String> runningAttemptId,
        Optional<Instant> runningSince, int openPullRequests, Optional<String> openPullRequestId,
        Optional<String> mergedPullRequestId, Optional<Instant> mergedAt) {

    static TaskHistory none(String taskId) {
        return new TaskHistory(taskId, Optional.empty(), 0, 0, Optional.empty(), 0, Optional.empty(),
                Optional.empty(), 0, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A merged pull request completed the task, whatever the backlog says. */
    public boolean completedByMerge() {
        return mergedPullRequestId.isPresent();
    }
}
