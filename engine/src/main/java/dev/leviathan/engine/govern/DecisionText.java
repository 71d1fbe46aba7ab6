package dev.leviathan.engine.govern;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * A {@link ScheduleDecision} for a terminal: a heading, the blockers, then one line per task
 * passed over, in backlog order, with each of its own reasons as {@code code: message} and the
 * blockers it carries by code only (their messages are in the heading):
 * <pre>
 * demo, autonomous, 2026-11-22T10:00:00Z: dispatch add-faq
 * open pull requests: 0; opened in the last hour: 1
 * write-guide  lower_priority: eligible, but add-faq goes first (priority high)
 * setup        not_pending: status is completed in the backlog
 * </pre>
 */
public final class DecisionText {

    private static final int MAX_ID_COLUMN = 40;

    private DecisionText() {
    }

    public static String render(ScheduleDecision decision) {
        StringBuilder out = new StringBuilder();
        out.append(decision.targetId()).append(", ").append(decision.mode().wire());
        if (decision.mode() instanceof SchedulingMode.Manual manual) {
            out.append(" (").append(manual.taskId()).append(')');
        }
        out.append(", ").append(decision.decidedAt()).append(": ")
                .append(decision.chosen().map(task -> "dispatch " + task.id()).orElse("nothing to dispatch"))
                .append('\n');
        for (Blocker blocker : decision.blockers()) {
            out.append("blocked: ").append(blocker.code().wire()).append(": ").append(blocker.message()).append('\n');
        }
        out.append("open pull requests: ").append(switch (decision.openPullRequests()) {
            case OpenPullRequests.Counted counted -> Integer.toString(counted.count());
            case OpenPullRequests.Unavailable unavailable -> "unknown";
        }).append("; opened in the last hour: ").append(decision.prsLastHour()).append('\n');

        List<List<Reason>> byTask = group(decision.reasons());
        int width = 0;
        for (List<Reason> reasons : byTask) {
            width = Math.max(width, Math.min(MAX_ID_COLUMN, reasons.getFirst().taskId().length()));
        }
        for (List<Reason> reasons : byTask) {
            String id = reasons.getFirst().taskId();
            out.append(id).append(" ".repeat(Math.max(0, width - id.length()) + 2));
            StringJoiner line = new StringJoiner("; ");
            for (Reason reason : reasons) {
                line.add(reason.code().global() ? reason.code().wire() : reason.code().wire() + ": " + reason.message());
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** Consecutive reasons of one task, in order (a decision keeps a task's reasons together). */
    private static List<List<Reason>> group(List<Reason> reasons) {
        List<List<Reason>> out = new ArrayList<>();
        List<Reason> current = null;
        for (Reason reason : reasons) {
            if (current == null || !current.getFirst().taskId().equals(reason.taskId())) {
                current = new ArrayList<>(2);
                out.add(current);
            }
            current.add(reason);
        }
        return out;
    }
}
