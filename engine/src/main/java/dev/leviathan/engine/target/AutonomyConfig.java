package dev.leviathan.engine.target;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Governed autonomy for one target (the shape of the Python Leviathan's
 * {@code ops/autonomy/dev.yaml}, plus Leviathan's own limits). Every field has a default; the
 * defaults are {@link #defaults()}, and autonomy is off unless a file says
 * {@code autonomy_enabled: true} — a missing file or field never turns it on.
 *
 * @param allowedPathPrefixes every {@code allowed_paths} entry of a task must lie inside one of
 *                            these; with none, no task qualifies for autonomous dispatch
 * @param scheduleCron        accepted and kept for files written for the Python tool; Leviathan's
 *                            scheduler runs every {@code scheduleInterval}
 * @param backoff             the base of the exponential wait between attempts of one task
 */
public record AutonomyConfig(
        boolean autonomyEnabled,
        Optional<String> targetId,
        Optional<String> targetRepoUrl,
        String targetBranch,
        List<AllowedPath> allowedPathPrefixes,
        int maxOpenPrs,
        int maxRunningAttempts,
        int maxAttemptsPerTask,
        int circuitBreakerFailures,
        Optional<String> scheduleCron,
        Duration attemptTimeout,
        Optional<URI> controlPlaneUrl,
        Optional<String> workerImage,
        String workerNamespace,
        String workspaceDir,
        int maxPrsPerHour,
        Duration backoff,
        Duration scheduleInterval,
        List<Problem> warnings) {

    public static final String DEFAULT_TARGET_BRANCH = "main";
    public static final int DEFAULT_MAX_OPEN_PRS = 1;
    public static final int DEFAULT_MAX_RUNNING_ATTEMPTS = 1;
    public static final int DEFAULT_MAX_ATTEMPTS_PER_TASK = 3;
    public static final int DEFAULT_CIRCUIT_BREAKER_FAILURES = 3;
    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(900);
    public static final String DEFAULT_WORKER_NAMESPACE = "leviathan";
    public static final String DEFAULT_WORKSPACE_DIR = "/workspace";
    public static final int DEFAULT_MAX_PRS_PER_HOUR = 2;
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(60);
    public static final Duration DEFAULT_SCHEDULE_INTERVAL = Duration.ofSeconds(300);

    public AutonomyConfig {
        allowedPathPrefixes = List.copyOf(allowedPathPrefixes);
        warnings = List.copyOf(warnings);
    }

    /** Every default, autonomy disabled: what applies when a target has no autonomy file. */
    public static AutonomyConfig defaults() {
        return new AutonomyConfig(false, Optional.empty(), Optional.empty(), DEFAULT_TARGET_BRANCH, List.of(),
                DEFAULT_MAX_OPEN_PRS, DEFAULT_MAX_RUNNING_ATTEMPTS, DEFAULT_MAX_ATTEMPTS_PER_TASK,
                DEFAULT_CIRCUIT_BREAKER_FAILURES, Optional.empty(), DEFAULT_ATTEMPT_TIMEOUT, Optional.empty(),
                Optional.empty(), DEFAULT_WORKER_NAMESPACE, DEFAULT_WORKSPACE_DIR, DEFAULT_MAX_PRS_PER_HOUR,
                DEFAULT_BACKOFF, DEFAULT_SCHEDULE_INTERVAL, List.of());
    }

    /** True if {@code entry} (a task's allowed path) lies inside one of the allowed prefixes. */
    public boolean allows(AllowedPath entry) {
        return allowedPathPrefixes.stream().anyMatch(prefix -> prefix.contains(entry));
    }
}
