package dev.leviathan.engine.govern;

import java.time.Instant;
import java.util.Optional;

/**
 * A task's latest approval ({@code task.approved}): the operator approved the task whose content
 * hash is {@code contentHash}, as it was at {@code commit} of the backlog.
 *
 * @param revocation present once the approval was revoked ({@code task.approval_revoked})
 */
public record Approval(String approvalId, String taskId, String contentHash, String commit, String approvedBy,
        Instant approvedAt, Optional<Revocation> revocation) {

    /** Who revoked an approval, when, and why. */
    public record Revocation(String revokedBy, Instant revokedAt, String reason) {
    }

    public boolean revoked() {
        return revocation.isPresent();
    }

    Approval revokedBy(Revocation by) {
        return new Approval(approvalId, taskId, contentHash, commit, approvedBy, approvedAt, Optional.of(by));
    }
}
