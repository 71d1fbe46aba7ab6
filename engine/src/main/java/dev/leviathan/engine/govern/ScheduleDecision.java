package dev.leviathan.engine.govern;

import dev.leviathan.engine.target.Task;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One decision of the governor: the task to dispatch (if any), and for every other task of the
 * backlog at least one reason it was passed over.
 *
 * @param reasons  in backlog order, a task's reasons together: its own first, then one per blocker
 * @param blockers what stops every dispatch of the target now; if any, nothing is chosen
 * @param prsLastHour pull requests created in the hour before {@code decidedAt}
 */
public record ScheduleDecision(String targetId, SchedulingMode mode, Optional<Task> chosen, List<Reason> reasons,
        List<Blocker> blockers, OpenPullRequests openPullRequests, int prsLastHour, Instant decidedAt) {

    public ScheduleDecision {
        reasons = List.copyOf(reasons);
        blockers = List.copyOf(blockers);
    }

    public Optional<String> chosenTaskId() {
        return chosen.map(Task::id);
    }

    /** The reasons one task was passed over, in order; empty for the chosen task. */
    public List<Reason> reasonsFor(String taskId) {
        return reasons.stream().filter(reason -> reason.taskId().equals(taskId)).toList();
    }
}
