package dev.leviathan.console.governor;

import dev.leviathan.engine.govern.AutonomyOverride;
import dev.leviathan.engine.govern.AutonomyStatus;
import dev.leviathan.engine.govern.CircuitState;
import dev.leviathan.engine.govern.GovernanceSnapshot;
import dev.leviathan.engine.target.AutonomyConfig;
import dev.leviathan.engine.target.SafetyRules;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the screen shows of one target's governance, read and formatted off the FX thread: the
 * engine's {@link AutonomyStatus} and {@link CircuitState}, and each limit of the autonomy file
 * (and of {@code policy.yaml}'s safety rules, when it sets one) beside the count the events give.
 */
record TargetGovernance(String targetId, boolean autonomyEnabled, boolean emergency, String autonomyText,
        boolean circuitOpen, String circuitText, List<LimitRow> limits, String limitsSource, String inputsProblem) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String AUTONOMY = "autonomy config";
    private static final String POLICY = "policy.yaml";

    /**
     * @param safety        the policy's safety rules; empty when the policy could not be read
     * @param autonomyFile  the operator's autonomy file, when there is one
     * @param inputsProblem why the target's files could not be read; empty otherwise
     */
    static TargetGovernance of(String targetId, GovernanceSnapshot history, AutonomyConfig config,
            Optional<SafetyRules> safety, Optional<Path> autonomyFile, Path expectedFile, String inputsProblem,
            Instant now, ZoneId zone) {
        AutonomyStatus status = AutonomyStatus.of(history, config);
        Optional<AutonomyOverride> override = status.override();
        boolean emergency = !status.enabled() && override.map(AutonomyOverride::emergency).orElse(false);
        String autonomyText = override.map(o -> (o.enabled() ? "On" : o.emergency() ? "Off — emergency stop" : "Off")
                + " by " + o.actor() + " at " + when(o.at(), zone) + (o.reason().isEmpty() ? "" : ": " + o.reason()))
                .orElseGet(() -> (status.enabled() ? "On" : "Off") + " — "
                        + autonomyFile.map(f -> "autonomy_enabled from the autonomy file")
                                .orElse("no autonomy file, so off until you turn it on"));

        CircuitState circuit = history.circuit();
        int threshold = config.circuitBreakerFailures();
        String circuitText;
        if (circuit.open()) {
            circuitText = "Open since " + circuit.openedAt().map(t -> when(t, zone)).orElse("?") + " after "
                    + circuit.consecutiveFailures() + " consecutive failed attempts"
                    + circuit.lastFailedAttemptId().map(a -> " (last: " + a + ")").orElse("")
                    + ". Nothing of this target is dispatched, not even by hand, until it is reset.";
        } else {
            circuitText = "Closed: " + circuit.consecutiveFailures() + " consecutive failed attempts"
                    + (threshold > 0 ? " of " + threshold + " that open it" : " (the breaker is off: circuit_breaker_failures 0)")
                    + circuit.lastFailedAttemptId().map(a -> "; last failure " + a
                            + circuit.lastFailureAt().map(t -> " at " + when(t, zone)).orElse("")).orElse("")
                    + ".";
        }

        SafetyRules rules = safety.orElse(SafetyRules.none());
        String policyUnknown = safety.isPresent() ? "" : " · policy.yaml unreadable";
        List<LimitRow> limits = new ArrayList<>();
        limits.add(new LimitRow("Running attempts", Integer.toString(history.runningAttempts()),
                both(config.maxRunningAttempts(), "max_running_attempts", rules.maxConcurrentAttempts(),
                        "max_concurrent_attempts") + policyUnknown));
        limits.add(new LimitRow("Open pull requests (events)", Integer.toString(history.openPullRequests()),
                config.maxOpenPrs() + " max_open_prs (" + AUTONOMY + ")"));
        limits.add(new LimitRow("Pull requests opened, last hour",
                Integer.toString(history.pullRequestsCreatedWithin(now, Duration.ofHours(1))),
                config.maxPrsPerHour() + " max_prs_per_hour (" + AUTONOMY + ")"));
        limits.add(new LimitRow("Tasks dispatched, last 24 h",
                Integer.toString(history.tasksDispatchedWithin(now, Duration.ofHours(24))),
                rules.maxTasksPerDay().map(v -> v + " max_tasks_per_day (" + POLICY + ")")
                        .orElse(safety.isPresent() ? "no limit (policy.yaml sets none)" : "unknown: policy.yaml unreadable")));
        limits.add(new LimitRow("Consecutive failures", Integer.toString(circuit.consecutiveFailures()),
                threshold + " circuit_breaker_failures (" + AUTONOMY + ")"));
        limits.add(new LimitRow("Failed attempts per task", "—",
                both(config.maxAttemptsPerTask(), "max_attempts_per_task", rules.maxAttemptsPerTask(),
                        "max_attempts_per_task") + policyUnknown));
        limits.add(new LimitRow("Backoff after a failure", "—", config.backoff().toSeconds() + " s backoff_seconds ("
                + AUTONOMY + ")" + rules.backoff().map(b -> " · " + b.toSeconds() + " s (" + POLICY + ")").orElse("")));
        limits.add(new LimitRow("Attempt time limit", "—", config.attemptTimeout().toSeconds()
                + " s attempt_timeout_seconds (" + AUTONOMY + ")"));

        String source = autonomyFile.map(f -> "Limits from " + f).orElse("No autonomy file (" + expectedFile
                + "): the defaults apply");
        return new TargetGovernance(targetId, status.enabled(), emergency, autonomyText, circuit.open(), circuitText,
                List.copyOf(limits), source, inputsProblem);
    }

    /** The autonomy file's value, and the policy's beside it when it sets one. */
    private static String both(int autonomy, String autonomyField, Optional<Integer> policy, String policyField) {
        return autonomy + " " + autonomyField + " (" + AUTONOMY + ")"
                + policy.map(v -> " · " + v + " " + policyField + " (" + POLICY + ")").orElse("");
    }

    private static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }
}
