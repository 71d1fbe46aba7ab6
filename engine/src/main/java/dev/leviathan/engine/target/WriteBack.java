package dev.leviathan.engine.target;

import java.util.Optional;

/**
 * The fields the Python Leviathan's worker writes into a task when it finishes
 * ({@code last_attempt_id}, {@code branch_name}, {@code pr_number}, {@code completed_at}). They are
 * kept as written and are not part of the task's content hash.
 */
public record WriteBack(Optional<String> lastAttemptId, Optional<String> branchName, Optional<Long> prNumber,
        Optional<String> completedAt) {

    public static WriteBack none() {
        return new WriteBack(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
