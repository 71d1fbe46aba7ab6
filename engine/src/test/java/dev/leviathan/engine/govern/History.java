package dev.leviathan.engine.govern;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.event.EventEnvelope;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.Payload;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.target.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A target's governance history for tests, written the way the worker, the forge and the
 * commands write it (payload fields as in the event list), with a clock that moves only
 * when told to.
 */
final class History {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    static final String TARGET = "demo";

    private final String target;
    private final List<StoredEvent> events = new ArrayList<>();
    private Instant now = T0;
    private long seq;

    History() {
        this(TARGET);
    }

    History(String target) {
        this.target = target;
    }

    Instant now() {
        return now;
    }

    History at(Instant instant) {
        now = instant;
        return this;
    }

    History after(Duration duration) {
        now = now.plus(duration);
        return this;
    }

    History approved(Task task) {
        return approved(task.id(), task.contentHash(), "approval-" + task.id() + "-" + seq);
    }

    History approved(String taskId, String hash, String approvalId) {
        return add("task.approved", "alice", "task_id", taskId, "content_hash", hash, "approval_id", approvalId,
                "commit", "c0ffee");
    }

    History revoked(String taskId, String approvalId, String reason) {
        return add("task.approval_revoked", "bob", "task_id", taskId, "approval_id", approvalId,
                "content_hash", "ignored", "reason", reason);
    }

    History created(String attemptId, String taskId) {
        return add("attempt.created", "leviathan", "attempt_id", attemptId, "task_id", taskId, "content_hash", "h",
                "base_commit", "c0ffee", "executor", "command", "dispatcher", "local", "manual", false);
    }

    History started(String attemptId, String taskId) {
        return add("attempt.started", "worker", "attempt_id", attemptId, "task_id", taskId);
    }

    History succeeded(String attemptId, String taskId, String prId) {
        return add("attempt.succeeded", "worker", "attempt_id", attemptId, "task_id", taskId,
                "branch", "leviathan/" + taskId + "/" + attemptId, "head_commit", "beef", "pr_id", prId,
                "files_changed", 1, "budget", Json.object());
    }

    History failed(String attemptId, String taskId) {
        return failed(attemptId, taskId, "task_failed");
    }

    History failed(String attemptId, String taskId, String kind) {
        return add("attempt.failed", "worker", "attempt_id", attemptId, "task_id", taskId, "failure_kind", kind,
                "reason", "make docs exited with 2", "paths", List.of(), "budget", Json.object());
    }

    History invalidated(String attemptId, String taskId) {
        return add("attempt.invalidated", "alice", "attempt_id", attemptId, "task_id", taskId,
                "reason", "flaky runner");
    }

    History prCreated(String prId, String attemptId, String taskId) {
        return add("pr.created", "worker", "pr_id", prId, "attempt_id", attemptId, "task_id", taskId,
                "branch", "leviathan/" + taskId + "/" + attemptId, "base_branch", "main", "base_commit", "c0ffee",
                "head_commit", "beef", "title", "Do " + taskId, "forge", "local");
    }

    History merged(String prId, String attemptId, String taskId) {
        return add("pr.merged", "alice", "pr_id", prId, "attempt_id", attemptId, "task_id", taskId,
                "merge_commit", "f00d");
    }

    History closed(String prId, String attemptId, String taskId) {
        return add("pr.closed", "alice", "pr_id", prId, "attempt_id", attemptId, "task_id", taskId,
                "reason", "not what we wanted");
    }

    /** created, started, pr.created, succeeded: a whole successful attempt with an open PR. */
    History opened(String attemptId, String taskId, String prId) {
        return created(attemptId, taskId).started(attemptId, taskId).prCreated(prId, attemptId, taskId)
                .succeeded(attemptId, taskId, prId);
    }

    /** created, started, failed. */
    History failedAttempt(String attemptId, String taskId) {
        return created(attemptId, taskId).started(attemptId, taskId).failed(attemptId, taskId);
    }

    History autonomy(boolean enabled, String reason, boolean emergency) {
        return add(enabled ? "autonomy.enabled" : "autonomy.disabled", "alice", "reason", reason,
                "emergency", emergency);
    }

    History circuitOpened(int consecutive, int threshold, String lastAttempt) {
        return add("circuit.opened", "leviathan", "consecutive_failures", consecutive, "threshold", threshold,
                "last_attempt_id", lastAttempt);
    }

    History circuitReset(String reason) {
        return add("circuit.reset", "alice", "reason", reason);
    }

    History add(String type, String actor, Object... keyValues) {
        ObjectNode payload = Json.object();
        payload.put("target_id", target);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            payload.set((String) keyValues[i], Json.MAPPER.valueToTree(keyValues[i + 1]));
        }
        seq++;
        EventEnvelope envelope = EventEnvelope.of(type + ":" + target + ":" + seq, type, now, actor, target, Payload.of(payload));
        events.add(new StoredEvent(seq, envelope, null, "h" + seq));
        return this;
    }

    List<StoredEvent> events() {
        return List.copyOf(events);
    }

    GovernanceState state() {
        GovernanceState state = new GovernanceState(target);
        events.forEach(state::apply);
        return state;
    }

    GovernanceSnapshot snapshot() {
        return state().snapshot();
    }
}
