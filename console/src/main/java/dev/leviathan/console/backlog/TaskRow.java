package dev.leviathan.console.backlog;

import dev.leviathan.engine.govern.Reason;
import dev.leviathan.engine.govern.ScheduleDecision;
import dev.leviathan.engine.govern.TaskHistory;
import dev.leviathan.engine.target.Task;
import java.util.List;
import java.util.StringJoiner;

/**
 * One task of the backlog as the table shows it, with its approval state and the reasons the
 * scheduler's dry-run decision gives for passing it over.
 *
 * @param reasons the task's own reasons first, then the target's blockers it carries; empty for
 *                the task the scheduler would choose
 * @param next    the dry-run decision would dispatch this task
 */
public record TaskRow(String id, String title, String status, String priority, List<String> dependencies,
        boolean ready, String contentHash, ApprovalState approval, List<Reason> reasons, boolean next) {

    public TaskRow {
        dependencies = List.copyOf(dependencies);
        reasons = List.copyOf(reasons);
    }

    static TaskRow of(Task task, TaskHistory history, ScheduleDecision decision) {
        String hash = task.contentHash();
        // The backlog file still says "pending" after the task's pull request was merged: the
        // merge is what completed it, and the row says so.
        String status = history.completedByMerge() ? "completed (merged)" : task.status().word();
        return new TaskRow(task.id(), task.title(), status, task.priority().word(),
                task.dependencies(), task.ready(), hash, ApprovalState.of(history.approval(), hash),
                decision.reasonsFor(task.id()), decision.chosenTaskId().filter(task.id()::equals).isPresent());
    }

    /**
     * Why the task waits, in a line: its own reasons as {@code code: message}, then the blockers
     * by code only (their messages are above the table), as {@code leviathanctl schedule} prints.
     */
    public String waits() {
        if (next) {
            return "next: the scheduler would dispatch this task now";
        }
        StringJoiner own = new StringJoiner("; ");
        StringJoiner blocked = new StringJoiner(", ");
        for (Reason reason : reasons) {
            if (reason.code().global()) {
                blocked.add(reason.code().wire());
            } else {
                own.add(reason.code().wire() + ": " + reason.message());
            }
        }
        if (own.length() == 0) {
            return blocked.length() == 0 ? "" : "eligible, but the target is blocked: " + blocked;
        }
        return blocked.length() == 0 ? own.toString() : own + "; " + blocked;
    }

    /** Why the task waits, by reason code only: what the table has room for. */
    public String waitCodes() {
        if (next) {
            return "next: would be dispatched";
        }
        StringJoiner own = new StringJoiner(", ");
        StringJoiner blocked = new StringJoiner(", ");
        for (Reason reason : reasons) {
            (reason.code().global() ? blocked : own).add(reason.code().wire());
        }
        if (own.length() == 0) {
            return blocked.length() == 0 ? "" : "eligible; blocked: " + blocked;
        }
        return blocked.length() == 0 ? own.toString() : own + "; " + blocked;
    }

    public String dependsOn() {
        return dependencies.isEmpty() ? "—" : String.join(", ", dependencies);
    }
}
