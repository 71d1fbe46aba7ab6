package dev.leviathan.engine.govern;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The governance history of one target at one point ({@link #lastSeq()}), unchanging, so a
 * decision can read it while events keep arriving. Every lookup is O(1) by task id or
 * O(log n) over time; taking it from a {@link GovernanceState} copies at most the per-task map.
 */
public final class GovernanceSnapshot {

    private final String targetId;
    private final long lastSeq;
    private final Map<String, TaskHistory> tasks;
    private final Optional<AutonomyOverride> autonomy;
    private final CircuitState circuit;
    private final int runningAttempts;
    private final int openPullRequests;
    private final TimeIndex.View prsCreated;
    private final TimeIndex.View dispatches;

    GovernanceSnapshot(String targetId, long lastSeq, Map<String, TaskHistory> tasks,
            Optional<AutonomyOverride> autonomy, CircuitState circuit, int runningAttempts, int openPullRequests,
            TimeIndex.View prsCreated, TimeIndex.View dispatches) {
        this.targetId = targetId;
        this.lastSeq = lastSeq;
        this.tasks = tasks;
        this.autonomy = autonomy;
        this.circuit = circuit;
        this.runningAttempts = runningAttempts;
        this.openPullRequests = openPullRequests;
        this.prsCreated = prsCreated;
        this.dispatches = dispatches;
    }

    /** The history of a target without events. */
    public static GovernanceSnapshot empty(String targetId) {
        return new GovernanceSnapshot(targetId, 0, Map.of(), Optional.empty(), CircuitState.CLOSED, 0, 0,
                TimeIndex.View.EMPTY, TimeIndex.View.EMPTY);
    }

    public String targetId() {
        return targetId;
    }

    /** The seq of the last event applied (0 if none). */
    public long lastSeq() {
        return lastSeq;
    }

    /** What the events say about a task; a task no event names has an empty history. */
    public TaskHistory task(String taskId) {
        TaskHistory history = tasks.get(taskId);
        return history == null ? TaskHistory.none(taskId) : history;
    }

    /** The task's history, or null if no event names it: the scheduler's allocation-free lookup. */
    TaskHistory historyOrNull(String taskId) {
        return tasks.get(taskId);
    }

    /** Task ids some event names, in no particular order; for listings, sort them. */
    public java.util.Set<String> taskIds() {
        return tasks.keySet();
    }

    /** The latest autonomy event, which overrides the autonomy file. */
    public Optional<AutonomyOverride> autonomyOverride() {
        return autonomy;
    }

    public CircuitState circuit() {
        return circuit;
    }

    /** Attempts of the target in flight. */
    public int runningAttempts() {
        return runningAttempts;
    }

    /** Pull requests that events say are open (the forge's own count is authoritative for caps). */
    public int openPullRequests() {
        return openPullRequests;
    }

    /** {@code pr.created} events stamped in (now − window, ∞): later stamps count, fail closed. */
    public int pullRequestsCreatedWithin(Instant now, Duration window) {
        return prsCreated.countAfter(now.minus(window).toEpochMilli());
    }

    /** Distinct tasks with an attempt (not invalidated) created in (now − window, ∞). */
    public int tasksDispatchedWithin(Instant now, Duration window) {
        return dispatches.distinctGroupsAfter(now.minus(window).toEpochMilli());
    }

    TimeIndex.View prsCreated() {
        return prsCreated;
    }

    TimeIndex.View dispatches() {
        return dispatches;
    }
}
