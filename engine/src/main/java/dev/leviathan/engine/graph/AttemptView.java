package dev.leviathan.engine.graph;

/**
 * An attempt as the graph knows it.
 *
 * @param status created, started, succeeded, failed or invalidated
 * @param reason why it failed or was invalidated; null otherwise
 */
public record AttemptView(String attemptId, String targetId, String taskId, String status, String reason,
        String createdAt, String updatedAt, long firstSeq, long lastSeq) {
}
