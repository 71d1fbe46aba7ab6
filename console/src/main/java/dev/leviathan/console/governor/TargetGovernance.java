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
    private static final String AUTONOMY = "autonomy";
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
                    + failedAttempts(circuit.consecutiveFailures())
                    + circuit.lastFailedAttemptId().map(a -> " (last: " + a + ")").orElse("")
                    + ". Nothing of this target is dispatched, not even by hand, until it is reset.";
        } else {
            circuitText = "Closed: " + failedAttempts(circuit.consecutiveFailures())
                    + (threshold > 0 ? " of " + threshold + " that open it" : " (the breaker is off: circuit_breaker_failures 0)")
                    + circuit.lastFailedAttemptId().map(a -> "; last failure " + a
                            + circuit.lastFailureAt().map(t -> " at " + when(t, zone)).orElse("")).orElse("")
                    + ".";
        }

        SafetyRules rules = safety.orElse(SafetyRules.none());
        List<LimitRow> limits = new ArrayList<>();
        limits.add(both("Running attempts", Integer.toString(history.runningAttempts()), config.maxRunningAttempts(),
                "max_running_attempts", rules.maxConcurrentAttempts(), "max_concurrent_attempts", safety.isPresent()));
        limits.add(new LimitRow("Open pull requests (events)", Integer.toString(history.openPullRequests()),
                Integer.toString(config.maxOpenPrs()), AUTONOMY + " max_open_prs"));
        limits.add(new LimitRow("Pull requests opened, last hour",
                Integer.toString(history.pullRequestsCreatedWithin(now, Duration.ofHours(1))),
                Integer.toString(config.maxPrsPerHour()), AUTONOMY + " max_prs_per_hour"));
        limits.add(new LimitRow("Tasks dispatched, last 24 h",
                Integer.toString(history.tasksDispatchedWithin(now, Duration.ofHours(24))),
                rules.maxTasksPerDay().map(String::valueOf).orElse(safety.isPresent() ? "none" : "?"),
                safety.isPresent() ? POLICY + " max_tasks_per_day" : POLICY + " unreadable"));
        limits.add(new LimitRow("Consecutive failures", Integer.toString(circuit.consecutiveFailures()),
                Integer.toString(threshold), AUTONOMY + " circuit_breaker_failures"));
        limits.add(both("Failed attempts per task", "—", config.maxAttemptsPerTask(), "max_attempts_per_task",
                rules.maxAttemptsPerTask(), "max_attempts_per_task", safety.isPresent()));
        limits.add(both("Backoff after a failure (s)", "—", (int) config.backoff().toSeconds(), "backoff_seconds",
                rules.backoff().map(b -> (int) b.toSeconds()), "backoff_seconds", safety.isPresent()));
        limits.add(new LimitRow("Attempt time limit (s)", "—", Long.toString(config.attemptTimeout().toSeconds()),
                AUTONOMY + " attempt_timeout_seconds"));

        String source = autonomyFile.map(f -> "Limits from " + f).orElse("No autonomy file (" + expectedFile
                + "): the defaults apply");
        return new TargetGovernance(targetId, status.enabled(), emergency, autonomyText, circuit.open(), circuitText,
                List.copyOf(limits), source, inputsProblem);
    }

    /**
     * The autonomy file's value, and the policy's beside it when it sets one: the console shows
     * both rather than work out which applies (that rule is the engine's, in {@code Limits}).
     */
    private static LimitRow both(String limit, String now, int autonomy, String autonomyField, Optional<Integer> policy,
            String policyField, boolean policyRead) {
        String allowed = Integer.toString(autonomy) + policy.map(v -> " / " + v).orElse("");
        String setBy = AUTONOMY + " " + autonomyField + policy.map(v -> " / " + POLICY + " " + policyField).orElse("")
                + (policyRead ? "" : " (" + POLICY + " unreadable)");
        return new LimitRow(limit, now, allowed, setBy);
    }

    private static String failedAttempts(int count) {
        return count + (count == 1 ? " consecutive failed attempt" : " consecutive failed attempts");
    }

    private static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }
}
