package dev.leviathan.engine.dispatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.event.EventEnvelope;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.Payload;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.govern.SchedulingMode;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What an operator does to an attempt that went wrong: invalidate it (it then counts for nothing:
 * not towards the retry limit, the backoff or the breaker), or retry it (invalidate a failed attempt
 * and dispatch its task again by hand). {@code leviathanctl attempts invalidate|retry} and the
 * console's Attempts screen both call this, so they record the same event.
 */
public final class AttemptActions {

    public static final String DEFAULT_REASON = "invalidated by the operator";

    /** Why an action does not apply: the attempt is unknown, or its state forbids it. */
    public static final class AttemptActionException extends RuntimeException {

        public enum Kind { NOT_FOUND, CONFLICT }

        private final Kind kind;

        AttemptActionException(Kind kind, String message) {
            super(message);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }

    /** An invalidation as recorded. */
    public record Invalidated(String attemptId, String taskId, String targetId, String reason) {
    }

    /** A retry: the attempt invalidated, and what dispatching its task again gave. */
    public record Retried(Invalidated invalidated, DispatchService.Dispatch dispatch) {
    }

    private final EventStore store;
    private final Clock clock;
    private final Supplier<DispatchService> dispatch;

    public AttemptActions(EventStore store, Clock clock, Supplier<DispatchService> dispatch) {
        this.store = store;
        this.clock = clock;
        this.dispatch = dispatch;
    }

    public Invalidated invalidate(String attemptId, String reason, String operator) {
        StoredEvent created = created(attemptId);
        if (store.find("attempt.invalidated:" + attemptId).isPresent()) {
            throw new AttemptActionException(AttemptActionException.Kind.CONFLICT,
                    "attempt " + attemptId + " is already invalidated");
        }
        String why = reason == null || reason.isBlank() ? DEFAULT_REASON : reason.strip();
        return record(created, attemptId, why, operator);
    }

    public Retried retry(String attemptId, String operator) {
        StoredEvent created = created(attemptId);
        if (store.find("attempt.succeeded:" + attemptId).isPresent()) {
            throw new AttemptActionException(AttemptActionException.Kind.CONFLICT, "attempt " + attemptId
                    + " succeeded; review its pull request instead (leviathanctl prs list --target "
                    + created.targetId() + ")");
        }
        if (store.find("attempt.failed:" + attemptId).isEmpty()) {
            throw new AttemptActionException(AttemptActionException.Kind.CONFLICT,
                    "attempt " + attemptId + " has not ended yet");
        }
        Invalidated invalidated = store.find("attempt.invalidated:" + attemptId).isPresent()
                ? new Invalidated(attemptId, taskOf(created), created.targetId(), "already invalidated")
                : record(created, attemptId, "retried by " + operator, operator);
        DispatchService.Dispatch again = dispatch.get().decideAndRun(created.targetId(),
                new SchedulingMode.Manual(taskOf(created)), operator);
        return new Retried(invalidated, again);
    }

    private Invalidated record(StoredEvent created, String attemptId, String reason, String operator) {
        ObjectNode payload = Json.object();
        payload.put("target_id", created.targetId());
        payload.put("attempt_id", attemptId);
        payload.put("task_id", taskOf(created));
        payload.put("reason", reason);
        store.append(EventEnvelope.of("attempt.invalidated:" + attemptId, "attempt.invalidated", clock.instant(),
                operator, created.targetId(), Payload.of(payload)));
        return new Invalidated(attemptId, taskOf(created), created.targetId(), reason);
    }

    private StoredEvent created(String attemptId) {
        return store.find("attempt.created:" + attemptId).orElseThrow(() -> new AttemptActionException(
                AttemptActionException.Kind.NOT_FOUND, "no attempt '" + attemptId + "'; see: leviathanctl attempts list"));
    }

    private static String taskOf(StoredEvent created) {
        return created.payload().json().path("task_id").asText();
    }
}
