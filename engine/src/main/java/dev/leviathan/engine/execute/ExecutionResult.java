package dev.leviathan.engine.execute;

/** How an executor's run ended. Either way the budget it used is recorded on the attempt. */
public sealed interface ExecutionResult {

    BudgetUse budget();

    /** The executor finished; the work tree holds its changes (possibly none). */
    record Completed(String summary, BudgetUse budget) implements ExecutionResult {
    }

    /** The executor could not do the task; {@code reason} says why and, where it can, what to do. */
    record Failed(FailureKind kind, String reason, BudgetUse budget) implements ExecutionResult {
    }

    /** Why a run failed, for counting (circuit breaker) and for the console. */
    enum FailureKind {
        /** The task's own work failed: a command exited non-zero, a patch did not apply. */
        TASK_FAILED,
        /** A model's or tool's output could not be used: malformed, unsafe, out of scope. */
        INVALID_OUTPUT,
        /** The time, token or cost budget ran out. */
        BUDGET_EXHAUSTED,
        /** The executor is not configured (no model endpoint) or the task's spec is unusable. */
        NOT_CONFIGURED,
        /** Stopped by the operator or the attempt's time limit. */
        CANCELLED
    }
}
