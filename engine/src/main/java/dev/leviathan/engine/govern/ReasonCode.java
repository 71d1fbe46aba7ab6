package dev.leviathan.engine.govern;

import java.util.Locale;

/**
 * Why the scheduler passed over a task, or why it dispatches nothing at all. Codes marked global
 * are {@linkplain ScheduleDecision#blockers() blockers}: they stop every dispatch of the target
 * and every task carries them.
 */
public enum ReasonCode {
    /** Manual dispatch of another task. */
    NOT_REQUESTED(false),
    /** {@code status} is not pending in the backlog, or a merged pull request completed the task. */
    NOT_PENDING(false),
    /** An attempt of the task is running, or a pull request of it is open. */
    IN_FLIGHT(false),
    /** {@code ready: false} in the backlog. */
    NOT_READY(false),
    /** A dependency is neither completed in the backlog nor completed by a merged pull request. */
    DEPENDENCY_NOT_COMPLETED(false),
    /** No approval was ever recorded for the task. */
    NOT_APPROVED(false),
    /** The task was approved, but its content changed since: the approval is for other content. */
    APPROVAL_STALE(false),
    /** The task's latest approval was revoked. */
    APPROVAL_REVOKED(false),
    /** An {@code allowed_paths} entry lies outside the autonomy prefixes or what the policy permits. */
    PATH_OUTSIDE_POLICY(false),
    /** An {@code allowed_paths} entry is, or contains, a path the policy forbids. */
    FORBIDDEN_PATH(false),
    /** Neither an executor in the task nor a configured model can carry it out. */
    NOT_DISPATCHABLE(false),
    /** Failed attempts reached the limit. */
    ATTEMPTS_EXHAUSTED(false),
    /** The task failed recently and waits out its exponential backoff. */
    BACKOFF(false),
    /** Eligible, but another task goes first. */
    LOWER_PRIORITY(false),
    /** The kill switch is off (autonomous scheduling only). */
    AUTONOMY_DISABLED(true),
    /** The circuit breaker is open. */
    CIRCUIT_OPEN(true),
    /** Open pull requests (plus running attempts, which may open one) reach {@code max_open_prs}. */
    OPEN_PR_CAP(true),
    /** The forge could not count open pull requests: dispatch stops until it can. */
    OPEN_PR_COUNT_UNAVAILABLE(true),
    /** Pull requests opened in the last hour reach {@code max_prs_per_hour}. */
    HOURLY_CAP(true),
    /** Running attempts reach {@code max_running_attempts} or the policy's {@code max_concurrent_attempts}. */
    RUNNING_CAP(true),
    /** Tasks dispatched in the last 24 hours reach the policy's {@code max_tasks_per_day}. */
    DAILY_CAP(true),
    /** Manual dispatch of a task that is not in the backlog. */
    TASK_NOT_FOUND(true);

    private final boolean global;
    private final String wire;

    ReasonCode(boolean global) {
        this.global = global;
        this.wire = name().toLowerCase(Locale.ROOT);
    }

    /** True for codes that block the whole target rather than one task. */
    public boolean global() {
        return global;
    }

    /** As written in {@code schedule.decided} and printed by the CLI: {@code not_approved}. */
    public String wire() {
        return wire;
    }
}
