package dev.leviathan.engine.govern;

import java.time.Instant;
import java.util.Optional;

/**
 * The target's circuit breaker as its events say.
 *
 * @param open                 a {@code circuit.opened} was recorded after the last {@code circuit.reset}
 * @param consecutiveFailures  {@code attempt.failed} events (of attempts not invalidated) since the
 *                             last {@code attempt.succeeded} (not invalidated) or {@code circuit.reset}
 * @param lastFailedAttemptId  the last of those failures
 * @param lastFailureAt        when it failed
 * @param openedAt             when the open circuit was opened
 */
public record CircuitState(boolean open, int consecutiveFailures, Optional<String> lastFailedAttemptId,
        Optional<Instant> lastFailureAt, Optional<Instant> openedAt) {

    static final CircuitState CLOSED = new CircuitState(false, 0, Optional.empty(), Optional.empty(),
            Optional.empty());
}
