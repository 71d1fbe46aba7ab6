package dev.leviathan.engine.govern;

import dev.leviathan.engine.target.AutonomyConfig;
import java.util.Optional;

/**
 * Whether autonomy is on for a target, and what says so: the latest {@code autonomy.enabled} or
 * {@code autonomy.disabled} event if there is one, otherwise the autonomy file's
 * {@code autonomy_enabled} (a missing file means off).
 */
public record AutonomyStatus(boolean enabled, Source source, Optional<AutonomyOverride> override) {

    public enum Source {
        /** An operator's {@code autonomy.enabled} / {@code autonomy.disabled} event. */
        EVENT,
        /** The autonomy configuration file (or its absence). */
        FILE
    }

    public static AutonomyStatus of(GovernanceSnapshot history, AutonomyConfig config) {
        Optional<AutonomyOverride> override = history.autonomyOverride();
        return override.map(o -> new AutonomyStatus(o.enabled(), Source.EVENT, override))
                .orElseGet(() -> new AutonomyStatus(config.autonomyEnabled(), Source.FILE, Optional.empty()));
    }
}
