package dev.leviathan.engine.govern;

import dev.leviathan.engine.target.AutonomyConfig;
import dev.leviathan.engine.target.Policy;
import dev.leviathan.engine.target.SafetyRules;
import java.time.Duration;
import java.util.Optional;

/**
 * The limits in force for a target: where the autonomy configuration and {@code policy.yaml}
 * both set one, the stricter applies (the smaller count, the longer backoff), and {@code source}
 * names the file it came from for the messages.
 */
record Limits(Limit maxAttempts, Duration backoff, String backoffSource, Limit maxRunning, int maxOpenPrs,
        int maxPrsPerHour, Optional<Limit> maxTasksPerDay, int circuitThreshold) {

    static final String AUTONOMY = "the autonomy config";
    static final String POLICY = "policy.yaml";

    record Limit(int value, String field, String source) {
        String describe() {
            return field + " " + value + " (" + source.replaceFirst("^the ", "") + ")";
        }
    }

    static Limits of(Policy policy, AutonomyConfig autonomy) {
        SafetyRules safety = policy.safetyRules();
        Limit attempts = stricter(new Limit(autonomy.maxAttemptsPerTask(), "max_attempts_per_task", AUTONOMY),
                safety.maxAttemptsPerTask().map(v -> new Limit(v, "max_attempts_per_task", POLICY)));
        Limit running = stricter(new Limit(autonomy.maxRunningAttempts(), "max_running_attempts", AUTONOMY),
                safety.maxConcurrentAttempts().map(v -> new Limit(v, "max_concurrent_attempts", POLICY)));
        Duration backoff = autonomy.backoff();
        String backoffSource = AUTONOMY;
        if (safety.backoff().isPresent() && safety.backoff().get().compareTo(backoff) > 0) {
            backoff = safety.backoff().get();
            backoffSource = POLICY;
        }
        return new Limits(attempts, backoff, backoffSource, running, autonomy.maxOpenPrs(), autonomy.maxPrsPerHour(),
                safety.maxTasksPerDay().map(v -> new Limit(v, "max_tasks_per_day", POLICY)),
                autonomy.circuitBreakerFailures());
    }

    /** Ties go to the autonomy configuration, the file an operator edits for autonomy. */
    private static Limit stricter(Limit autonomy, Optional<Limit> policy) {
        return policy.filter(p -> p.value() < autonomy.value()).orElse(autonomy);
    }
}
