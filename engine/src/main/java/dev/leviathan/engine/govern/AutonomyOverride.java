package dev.leviathan.engine.govern;

import java.time.Instant;

/**
 * The latest {@code autonomy.enabled} or {@code autonomy.disabled} of a target. It overrides the
 * autonomy file's {@code autonomy_enabled} until the next such event.
 */
public record AutonomyOverride(boolean enabled, boolean emergency, String reason, String actor, Instant at,
        long seq) {
}
