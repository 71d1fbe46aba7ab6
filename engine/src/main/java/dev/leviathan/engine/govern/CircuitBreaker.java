package dev.leviathan.engine.govern;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.event.EventEnvelope;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.EventType;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.Payload;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.target.AutonomyConfig;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Opens after {@code circuit_breaker_failures} consecutive failed attempts of a target, and only
 * an operator closes it again ({@code circuit.reset}). While open nothing of the target is
 * dispatched, by the loop or by hand. The scheduler already stops at the threshold even before
 * {@code circuit.opened} is recorded; the event makes the state visible and lasting.
 */
public final class CircuitBreaker {

    /** The actor of {@code circuit.opened}: the governor, not a person. */
    public static final String ACTOR = "leviathan";

    private final EventStore store;
    private final Clock clock;

    public CircuitBreaker(EventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * The {@code circuit.opened} to append, if the consecutive failures reached the threshold and
     * the circuit is not open yet. The event is stamped with the failure that tripped it and its
     * id comes from that failure, so every process that sees the trip offers the identical event
     * and appending it twice is a no-op.
     */
    public static Optional<EventEnvelope> shouldOpen(GovernanceSnapshot state, AutonomyConfig config) {
        CircuitState circuit = state.circuit();
        int threshold = config.circuitBreakerFailures();
        if (circuit.open() || threshold <= 0 || circuit.consecutiveFailures() < threshold
                || circuit.lastFailedAttemptId().isEmpty() || circuit.lastFailureAt().isEmpty()) {
            return Optional.empty();
        }
        String lastAttempt = circuit.lastFailedAttemptId().get();
        ObjectNode payload = Json.object();
        payload.put("target_id", state.targetId());
        payload.put("consecutive_failures", circuit.consecutiveFailures());
        payload.put("threshold", threshold);
        payload.put("last_attempt_id", lastAttempt);
        String id = EventType.CIRCUIT_OPENED.wire() + ":" + OperatorEvents.digest(state.targetId(), lastAttempt,
                Integer.toString(circuit.consecutiveFailures()), Integer.toString(threshold));
        return Optional.of(EventEnvelope.of(id, EventType.CIRCUIT_OPENED.wire(), circuit.lastFailureAt().get(), ACTOR,
                state.targetId(), Payload.of(payload)));
    }

    /** Appends {@link #shouldOpen} if it offers an event; returns the stored event. */
    public Optional<StoredEvent> openIfTripped(GovernanceSnapshot state, AutonomyConfig config) {
        return shouldOpen(state, config).map(event -> OperatorEvents.append(store, event));
    }

    /** The operator's {@code circuit.reset}: closes the circuit and clears the failure count. */
    public CircuitReset reset(String targetId, String operator, String reason) {
        Objects.requireNonNull(targetId, "targetId");
        String actor = OperatorEvents.operator(operator);
        String why = reason == null ? "" : reason.strip();
        return OperatorEvents.retrying(() -> {
            GovernanceState state = new GovernanceState(targetId);
            OperatorEvents.readTarget(store, targetId, GovernanceState.eventTypes(), state::apply);
            CircuitState before = state.snapshot().circuit();
            long head = store.head().seq();
            ObjectNode payload = Json.object();
            payload.put("target_id", targetId);
            payload.put("reason", why);
            String id = EventType.CIRCUIT_RESET.wire() + ":" + OperatorEvents.digest(targetId, Long.toString(head));
            StoredEvent stored = OperatorEvents.append(store, EventEnvelope.of(id, EventType.CIRCUIT_RESET.wire(),
                    clock.instant(), actor, targetId, Payload.of(payload)));
            return new CircuitReset(targetId, why, before.open(), before.consecutiveFailures(), stored.eventId(),
                    stored.seq());
        });
    }
}
