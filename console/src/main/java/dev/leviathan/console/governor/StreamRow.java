package dev.leviathan.console.governor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.leviathan.engine.event.EventType;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.govern.ReasonCode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One line of the decision stream: a scheduler decision or a governance event of the target,
 * summarised for the operator and formatted once off the FX thread. {@code detail} is what the
 * detail pane shows when the line is selected: a decision's blockers and every reason, or the
 * event's payload.
 */
public record StreamRow(long seq, String time, String at, String type, String actor, String summary, boolean alarm,
        String detail) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static StreamRow of(StoredEvent event, ZoneId zone) {
        JsonNode p = event.payload().json();
        String actor = event.envelope().actorId() == null ? "—" : event.envelope().actorId();
        String time = TIME.format(event.envelope().instant().atZone(zone));
        String at = FULL.format(event.envelope().instant().atZone(zone));
        Optional<EventType> type = EventType.ofWire(event.eventType());
        String summary;
        boolean alarm = false;
        String detail = pretty(p);
        switch (type.orElse(EventType.TARGET_REGISTERED)) {
            case SCHEDULE_DECIDED -> {
                // Not red when blocked: a blocked decision is routine; its cause has its own red line.
                summary = decision(p);
                detail = decisionDetail(p);
            }
            case AUTONOMY_ENABLED -> summary = "autonomy on" + because(p);
            case AUTONOMY_DISABLED -> {
                alarm = true;
                summary = (p.path("emergency").asBoolean(false) ? "EMERGENCY STOP: autonomy off" : "autonomy off")
                        + because(p);
            }
            case CIRCUIT_OPENED -> {
                alarm = true;
                summary = "circuit breaker opened after " + p.path("consecutive_failures").asInt()
                        + " consecutive failures (threshold " + p.path("threshold").asInt() + ", last attempt "
                        + text(p, "last_attempt_id") + ")";
            }
            case CIRCUIT_RESET -> summary = "circuit breaker reset" + because(p);
            case TASK_APPROVED -> summary = "task " + text(p, "task_id") + " approved";
            case TASK_APPROVAL_REVOKED -> summary = "approval of task " + text(p, "task_id") + " revoked" + because(p);
            case ATTEMPT_CREATED -> summary = "attempt " + text(p, "attempt_id") + " of task " + text(p, "task_id")
                    + " created" + (p.path("manual").asBoolean(false) ? " by hand" : "");
            case ATTEMPT_STARTED -> summary = "attempt " + text(p, "attempt_id") + " started";
            case ATTEMPT_SUCCEEDED -> summary = "attempt " + text(p, "attempt_id") + " of task " + text(p, "task_id")
                    + " succeeded" + (p.hasNonNull("pr_id") ? ": pull request " + text(p, "pr_id") : "");
            case ATTEMPT_FAILED -> {
                alarm = true;
                summary = "attempt " + text(p, "attempt_id") + " of task " + text(p, "task_id") + " failed"
                        + (p.hasNonNull("failure_kind") ? " (" + text(p, "failure_kind") + ")" : "") + because(p);
            }
            case ATTEMPT_INVALIDATED -> summary = "attempt " + text(p, "attempt_id") + " invalidated" + because(p);
            case PR_CREATED -> summary = "pull request " + text(p, "pr_id") + " of task " + text(p, "task_id")
                    + " opened";
            case PR_MERGED -> summary = "pull request " + text(p, "pr_id") + " merged";
            case PR_CLOSED -> summary = "pull request " + text(p, "pr_id") + " closed without merge" + because(p);
            default -> summary = event.eventType();
        }
        return new StreamRow(event.seq(), time, at, event.eventType(), actor, summary, alarm, detail);
    }

    private static String decision(JsonNode p) {
        StringBuilder out = new StringBuilder();
        String mode = text(p, "mode");
        out.append(p.hasNonNull("chosen_task_id") ? "dispatch " + text(p, "chosen_task_id") : "nothing to dispatch");
        if (!"autonomous".equals(mode)) {
            out.append(" (").append(mode).append(')');
        }
        List<String> blockers = new ArrayList<>();
        p.path("blockers").forEach(b -> blockers.add(b.path("code").asText()));
        if (!blockers.isEmpty()) {
            out.append(" — blocked: ").append(String.join(", ", blockers));
        }
        long passed = passedOver(p);
        if (passed > 0) {
            out.append(" · ").append(passed).append(passed == 1 ? " task passed over" : " tasks passed over");
        }
        return out.toString();
    }

    private static long passedOver(JsonNode p) {
        Set<String> tasks = new HashSet<>();
        p.path("reasons").forEach(r -> tasks.add(r.path("task_id").asText()));
        return tasks.size() + p.path("reasons_omitted").asLong(0);
    }

    /** The decision as {@code leviathanctl schedule} prints it: blockers, then each task's reasons. */
    private static String decisionDetail(JsonNode p) {
        StringBuilder out = new StringBuilder();
        out.append(p.hasNonNull("chosen_task_id") ? "dispatch " + text(p, "chosen_task_id") : "nothing to dispatch")
                .append(", ").append(text(p, "mode")).append(", decided at ").append(text(p, "decided_at"))
                .append('\n');
        p.path("blockers").forEach(b -> out.append("blocked: ").append(b.path("code").asText()).append(": ")
                .append(b.path("message").asText()).append('\n'));
        out.append("open pull requests: ").append(p.hasNonNull("open_prs") ? p.path("open_prs").asText() : "unknown")
                .append("; opened in the last hour: ").append(p.path("prs_last_hour").asInt()).append('\n');
        String last = null;
        for (JsonNode reason : p.path("reasons")) {
            String task = reason.path("task_id").asText();
            String code = reason.path("code").asText();
            boolean global = isGlobal(code);
            if (!task.equals(last)) {
                out.append('\n').append(task).append('\n');
                last = task;
            }
            out.append("  ").append(code);
            if (!global) {
                out.append(": ").append(reason.path("message").asText());
            }
            out.append('\n');
        }
        long omitted = p.path("reasons_omitted").asLong(0);
        if (omitted > 0) {
            out.append("\n(").append(omitted).append(" more reasons not recorded: the event is limited in size)\n");
        }
        return out.toString().strip();
    }

    private static boolean isGlobal(String code) {
        for (ReasonCode c : ReasonCode.values()) {
            if (c.wire().equals(code)) {
                return c.global();
            }
        }
        return false;
    }

    private static String because(JsonNode p) {
        String reason = text(p, "reason");
        return reason.isEmpty() ? "" : ": " + reason;
    }

    private static String text(JsonNode p, String field) {
        JsonNode value = p.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static String pretty(JsonNode payload) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            return payload.toString();
        }
    }
}
