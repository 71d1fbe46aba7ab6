package dev.leviathan.engine.govern;

/**
 * What {@link CircuitBreaker#reset} recorded.
 *
 * @param wasOpen whether the circuit was open (a reset of a closed circuit still clears the count
 *                of consecutive failures)
 */
public record CircuitReset(String targetId, String reason, boolean wasOpen, int consecutiveFailuresCleared,
        String eventId, long seq) {
}
