package dev.leviathan.engine.execute.forge;

import java.time.Instant;

/**
 * A pull request as the forge knows it: a branch proposed for merging into a base branch.
 *
 * @param id the forge's id ({@code local-…} for the local forge)
 * @param baseCommit the commit the branch was made from
 * @param mergeCommit the merge commit once merged, else null
 */
public record PullRequest(String id, String targetId, String taskId, String attemptId, String title, String body,
        String branch, String baseBranch, String baseCommit, String headCommit, State state, Instant createdAt,
        String mergeCommit, String closedReason) {

    public enum State {
        OPEN, MERGED, CLOSED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    PullRequest withState(State newState, String merge, String reason) {
        return new PullRequest(id, targetId, taskId, attemptId, title, body, branch, baseBranch, baseCommit,
                headCommit, newState, createdAt, merge, reason);
    }
}
