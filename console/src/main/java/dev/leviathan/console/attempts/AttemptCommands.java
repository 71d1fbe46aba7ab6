package dev.leviathan.console.attempts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.Engine;
import dev.leviathan.engine.event.EventEnvelope;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.Payload;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.execute.forge.PullRequest;
import dev.leviathan.engine.govern.DecisionText;
import dev.leviathan.engine.govern.SchedulingMode;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * The operator's actions on an attempt, recording exactly the events {@code leviathanctl} records:
 * {@code prs merge|close} go through the engine's forge; {@code attempts invalidate|retry} append
 * the same {@code attempt.invalidated} event (same id, payload and actor) as the CLI commands and
 * retry dispatches through the engine's dispatch service. Each method returns the line the CLI
 * prints and throws with the CLI's message when the action does not apply. Background threads only.
 */
final class AttemptCommands {

    private final Engine engine;
    private final String operator;

    AttemptCommands(Engine engine, String operator) {
        this.engine = engine;
        this.operator = operator;
    }

    String merge(String prId) {
        PullRequest pr = engine.forge().merge(prId, operator);
        return "merged " + pr.id() + " into " + pr.baseBranch() + " as " + pr.mergeCommit().substring(0, 12)
                + "; task " + pr.taskId() + " is completed";
    }

    String close(String prId, String reason) {
        PullRequest pr = engine.forge().close(prId, operator, reason);
        return "closed " + pr.id() + ": " + pr.closedReason();
    }

    /** {@code leviathanctl attempts invalidate ATTEMPT --reason TEXT}. */
    String invalidate(String attemptId, String reason) {
        StoredEvent created = created(attemptId);
        if (engine.store().find("attempt.invalidated:" + attemptId).isPresent()) {
            throw new IllegalStateException("attempt " + attemptId + " is already invalidated");
        }
        String why = reason == null || reason.isBlank() ? "invalidated by the operator" : reason.strip();
        appendInvalidated(created, attemptId, why);
        return "invalidated " + attemptId + " of " + taskOf(created) + ": " + why;
    }

    /** {@code leviathanctl attempts retry ATTEMPT}: invalidate the failed attempt, dispatch its task. */
    String retry(String attemptId) {
        StoredEvent created = created(attemptId);
        String taskId = taskOf(created);
        if (engine.store().find("attempt.succeeded:" + attemptId).isPresent()) {
            throw new IllegalStateException("attempt " + attemptId + " succeeded; review its pull"
                    + " request instead (leviathanctl prs list --target " + created.targetId() + ")");
        }
        if (engine.store().find("attempt.failed:" + attemptId).isEmpty()) {
            throw new IllegalStateException("attempt " + attemptId + " has not ended yet");
        }
        if (engine.store().find("attempt.invalidated:" + attemptId).isEmpty()) {
            appendInvalidated(created, attemptId, "retried by " + operator);
        }
        var result = engine.dispatch().decideAndRun(created.targetId(), new SchedulingMode.Manual(taskId), operator);
        if (result.attempt().isEmpty()) {
            throw new IllegalStateException("invalidated " + attemptId + ", but the task was not dispatched again:\n"
                    + DecisionText.render(result.decision()).strip());
        }
        var attempt = result.attempt().get();
        return "attempt " + attempt.attemptId() + " of " + attempt.taskId() + " " + attempt.status() + " in "
                + String.format(Locale.ROOT, "%.1f", attempt.elapsed().toMillis() / 1000.0) + " s"
                + (attempt.prId() != null ? ": pull request " + attempt.prId()
                        : attempt.reason() != null ? ": " + attempt.reason() : "");
    }

    private void appendInvalidated(StoredEvent created, String attemptId, String reason) {
        ObjectNode payload = Json.object();
        payload.put("target_id", created.targetId());
        payload.put("attempt_id", attemptId);
        payload.put("task_id", taskOf(created));
        payload.put("reason", reason);
        engine.store().append(EventEnvelope.of("attempt.invalidated:" + attemptId, "attempt.invalidated",
                engine.clock().instant(), operator, created.targetId(), Payload.of(payload)));
    }

    private StoredEvent created(String attemptId) {
        return engine.store().find("attempt.created:" + attemptId).orElseThrow(() -> new NoSuchElementException(
                "no attempt '" + attemptId + "'; see: leviathanctl attempts list"));
    }

    private static String taskOf(StoredEvent created) {
        return created.payload().json().path("task_id").asText();
    }
}
