package dev.leviathan.engine.target;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code safety_rules} in {@code policy.yaml}. A rule that is absent is empty: the policy says
 * nothing and the autonomy configuration's limit applies.
 *
 * @param requirements every {@code require_*} flag as written, such as
 *                     {@code require_passing_tests -> true}
 */
public record SafetyRules(Optional<Integer> maxAttemptsPerTask, Optional<Duration> backoff,
        Optional<Integer> maxConcurrentAttempts, Optional<Integer> maxTasksPerDay,
        Map<String, Boolean> requirements, Optional<Integer> maxArtifactSizeMb,
        Optional<Integer> maxArtifactsPerAttempt) {

    public SafetyRules {
        requirements = OrderedMaps.copyOf(requirements);
    }

    public static SafetyRules none() {
        return new SafetyRules(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), Optional.empty());
    }

    /** True if {@code require_<name>: true} is set; {@code name} is given without the prefix. */
    public boolean requires(String name) {
        return requirements.getOrDefault("require_" + name, false);
    }
}
