package dev.leviathan.engine.execute;

/**
 * Carries out one task in a work tree checked out at the attempt's base commit: it writes,
 * changes or deletes files there and nothing else. It never commits, pushes or touches git
 * metadata; the worker diffs the work tree against the base commit, runs the scope guard on
 * that diff and commits only what passes. Executors are chosen by the task's {@code executor}
 * (DESIGN.md §Execution).
 */
public interface TaskExecutor {

    /** The {@code executor.type} this executor carries out ({@code command}, {@code patch}, …). */
    String type();

    /**
     * Runs the task. Expected trouble (a command that fails, a patch that does not apply, a model
     * that answers garbage, a budget exhausted, cancellation) is an {@link ExecutionResult.Failed}
     * with a reason a person can act on, not an exception.
     */
    ExecutionResult execute(ExecutionRequest request);
}
