package dev.leviathan.engine.govern;

/**
 * What {@link AutonomySwitch} recorded.
 *
 * @param emergency an emergency stop: the caller also cancels the target's running workers
 * @param seq       the event's place in the store
 */
public record AutonomyChange(String targetId, boolean enabled, boolean emergency, String reason, String eventId,
        long seq) {
}
