package dev.leviathan.engine.govern;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.event.EventEnvelope;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.EventType;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.Payload;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.target.Task;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code leviathanctl approve} and {@code revoke}: an approval is for the task's content hash,
 * so editing what the task asks for (its title, paths, criteria, executor, …) leaves it
 * unapproved until approved again; marking it ready or changing its status does not.
 */
public final class Approvals {

    private static final Set<String> TYPES = Set.of(EventType.TASK_APPROVED.wire(),
            EventType.TASK_APPROVAL_REVOKED.wire());

    private final EventStore store;
    private final Clock clock;

    public Approvals(EventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Records {@code task.approved} for the task as it is now ({@code backlogCommit} is the
     * backlog's commit it was read at). Approving a task that is already approved with the same
     * content records nothing and returns the approval in force.
     */
    public ApprovalResult approve(String targetId, Task task, String backlogCommit, String operator) {
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(backlogCommit, "backlogCommit");
        String actor = OperatorEvents.operator(operator);
        String hash;
        try {
            hash = task.contentHash();
        } catch (IllegalArgumentException unhashable) {
            throw new ApprovalException("task " + task.id() + " cannot be approved: its content cannot be hashed ("
                    + unhashable.getMessage() + "): fix the backlog entry");
        }
        return OperatorEvents.retrying(() -> {
            Optional<Approval> current = current(targetId, task.id());
            if (current.isPresent() && !current.get().revoked() && current.get().contentHash().equals(hash)) {
                return new ApprovalResult(current.get(), true);
            }
            long head = store.head().seq();
            String approvalId = "approval-" + OperatorEvents.digest(targetId, task.id(), hash, Long.toString(head));
            ObjectNode payload = Json.object();
            payload.put("target_id", targetId);
            payload.put("task_id", task.id());
            payload.put("content_hash", hash);
            payload.put("approval_id", approvalId);
            payload.put("commit", backlogCommit);
            EventEnvelope event = EventEnvelope.of(EventType.TASK_APPROVED.wire() + ":" + approvalId,
                    EventType.TASK_APPROVED.wire(), clock.instant(), actor, targetId, Payload.of(payload));
            StoredEvent stored = OperatorEvents.append(store, event);
            return new ApprovalResult(new Approval(approvalId, task.id(), hash, backlogCommit, actor,
                    stored.envelope().instant(), Optional.empty()), false);
        });
    }

    /**
     * Records {@code task.approval_revoked} for the task's approval in force, or throws
     * {@link ApprovalException} if it has none (never approved, or already revoked).
     */
    public Approval revoke(String targetId, String taskId, String operator, String reason) {
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(taskId, "taskId");
        String actor = OperatorEvents.operator(operator);
        String why = reason == null ? "" : reason.strip();
        return OperatorEvents.retrying(() -> {
            Approval current = current(targetId, taskId).orElseThrow(() -> new ApprovalException(
                    "task " + taskId + " of target " + targetId + " has no approval to revoke: it was never approved"));
            if (current.revoked()) {
                Approval.Revocation was = current.revocation().get();
                throw new ApprovalException("approval " + current.approvalId() + " of task " + taskId
                        + " was already revoked by " + was.revokedBy() + " at " + was.revokedAt()
                        + ": there is no approval to revoke");
            }
            long head = store.head().seq();
            ObjectNode payload = Json.object();
            payload.put("target_id", targetId);
            payload.put("task_id", taskId);
            payload.put("approval_id", current.approvalId());
            payload.put("content_hash", current.contentHash());
            payload.put("reason", why);
            String id = EventType.TASK_APPROVAL_REVOKED.wire() + ":"
                    + OperatorEvents.digest(targetId, taskId, current.approvalId(), Long.toString(head));
            StoredEvent stored = OperatorEvents.append(store, EventEnvelope.of(id,
                    EventType.TASK_APPROVAL_REVOKED.wire(), clock.instant(), actor, targetId, Payload.of(payload)));
            return current.revokedBy(new Approval.Revocation(actor, stored.envelope().instant(), why));
        });
    }

    /** The task's latest approval, revoked or not, as the store says now. */
    public Optional<Approval> current(String targetId, String taskId) {
        GovernanceState state = new GovernanceState(targetId);
        OperatorEvents.readTarget(store, targetId, TYPES, state::apply);
        return state.snapshot().task(taskId).approval();
    }
}
