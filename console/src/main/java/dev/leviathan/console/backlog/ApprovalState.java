package dev.leviathan.console.backlog;

import dev.leviathan.engine.govern.Approval;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Where a task stands with its approval, as the scheduler reads it: an approval is for a content
 * hash, so one whose hash is not the task's hash now is stale (the task was edited since).
 *
 * @param approval the task's latest approval, revoked or not; empty if it was never approved
 */
public record ApprovalState(Kind kind, Optional<Approval> approval) {

    public enum Kind {
        NOT_APPROVED("not approved"), APPROVED("approved"), STALE("stale"), REVOKED("revoked");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The state of a task whose content hash is {@code currentHash} now. */
    public static ApprovalState of(Optional<Approval> latest, String currentHash) {
        if (latest.isEmpty()) {
            return new ApprovalState(Kind.NOT_APPROVED, latest);
        }
        Approval approval = latest.get();
        if (approval.revoked()) {
            return new ApprovalState(Kind.REVOKED, latest);
        }
        return new ApprovalState(approval.contentHash().equals(currentHash) ? Kind.APPROVED : Kind.STALE, latest);
    }

    /** An approval in force that {@code leviathanctl revoke} would revoke: approved or stale. */
    public boolean revocable() {
        return kind == Kind.APPROVED || kind == Kind.STALE;
    }

    /** One line for the table: {@code approved 3f2a9c1b · grace}; the rest is in {@link #detail}. */
    public String summary() {
        return switch (kind) {
            case NOT_APPROVED -> "not approved";
            case APPROVED -> "approved " + approval.get().contentHash().substring(0, 8) + " · "
                    + approval.get().approvedBy();
            case STALE -> "stale (approved " + approval.get().contentHash().substring(0, 8) + ")";
            case REVOKED -> "revoked by " + approval.get().revocation().get().revokedBy();
        };
    }

    /** Every fact about the approval, for the task's detail. */
    public String detail(ZoneId zone) {
        if (approval.isEmpty()) {
            return "The scheduler passes the task over until an operator approves its content.";
        }
        Approval a = approval.get();
        String approved = "Approved content " + a.contentHash() + " by " + a.approvedBy() + " at "
                + WHEN.format(a.approvedAt().atZone(zone)) + " (backlog commit " + shortHash(a.commit()) + ", "
                + a.approvalId() + ").";
        return switch (kind) {
            case NOT_APPROVED -> approved;
            case APPROVED -> approved;
            case STALE -> approved + " The task changed since: its content hash is no longer the approved one,"
                    + " so the approval does not count until it is approved again.";
            case REVOKED -> {
                Approval.Revocation r = a.revocation().get();
                yield approved + " Revoked by " + r.revokedBy() + " at " + WHEN.format(r.revokedAt().atZone(zone))
                        + (r.reason().isBlank() ? "." : ": " + r.reason() + ".");
            }
        };
    }

    static String shortHash(String hash) {
        return hash == null ? "-" : hash.substring(0, Math.min(12, hash.length()));
    }
}
