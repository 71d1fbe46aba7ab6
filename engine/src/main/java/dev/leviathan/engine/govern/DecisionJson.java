package dev.leviathan.engine.govern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.event.EventEnvelope;
import dev.leviathan.engine.event.EventType;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.Payload;

/**
 * A {@link ScheduleDecision} as the payload of {@code schedule.decided}:
 * <pre>{@code
 * {"target_id": "demo", "mode": "autonomous", "chosen_task_id": "add-faq",
 *  "reasons": [{"task_id": "setup", "code": "not_pending", "message": "status is completed in the backlog"}],
 *  "reasons_omitted": 0, "blockers": [{"code": "circuit_open", "message": "..."}],
 *  "open_prs": 0, "prs_last_hour": 1, "decided_at": "2026-11-22T10:00:00Z"}
 * }</pre>
 * {@code chosen_task_id} is null when nothing is chosen and {@code open_prs} is null when the
 * forge could not count them. An event payload is limited in size, so a very large backlog's
 * reasons are listed up to {@link #MAX_REASON_CHARS} characters and the rest are counted in
 * {@code reasons_omitted}; the blockers are always complete.
 */
public final class DecisionJson {

    /** Room for the reasons: half an event payload. */
    public static final int MAX_REASON_CHARS = Payload.MAX_CHARS / 2;

    private DecisionJson() {
    }

    public static ObjectNode payload(ScheduleDecision decision) {
        ObjectNode out = Json.object();
        out.put("target_id", decision.targetId());
        out.put("mode", decision.mode().wire());
        if (decision.chosen().isPresent()) {
            out.put("chosen_task_id", wellFormed(decision.chosen().get().id()));
        } else {
            out.putNull("chosen_task_id");
        }
        ArrayNode reasons = out.putArray("reasons");
        long chars = 0;
        int omitted = 0;
        for (Reason reason : decision.reasons()) {
            chars += 40 + escapedLength(reason.taskId()) + reason.code().wire().length()
                    + escapedLength(reason.message());
            if (chars > MAX_REASON_CHARS) {
                omitted++;
                continue;
            }
            ObjectNode item = reasons.addObject();
            item.put("task_id", wellFormed(reason.taskId()));
            item.put("code", reason.code().wire());
            item.put("message", wellFormed(reason.message()));
        }
        out.put("reasons_omitted", omitted);
        ArrayNode blockers = out.putArray("blockers");
        for (Blocker blocker : decision.blockers()) {
            ObjectNode item = blockers.addObject();
            item.put("code", blocker.code().wire());
            item.put("message", wellFormed(blocker.message()));
        }
        switch (decision.openPullRequests()) {
            case OpenPullRequests.Counted counted -> out.put("open_prs", counted.count());
            case OpenPullRequests.Unavailable unavailable -> out.putNull("open_prs");
        }
        out.put("prs_last_hour", decision.prsLastHour());
        out.put("decided_at", decision.decidedAt().toString());
        return out;
    }

    /**
     * The {@code schedule.decided} event of a decision, stamped with its own instant. Its id comes
     * from the payload and the store's head when the decision was made, so recording the same
     * decision twice is a no-op.
     */
    public static EventEnvelope event(ScheduleDecision decision, String actorId, long headSeq) {
        Payload payload = Payload.of(payload(decision));
        String id = EventType.SCHEDULE_DECIDED.wire() + ":"
                + OperatorEvents.digest(decision.targetId(), Long.toString(headSeq), payload.canonical());
        return EventEnvelope.of(id, EventType.SCHEDULE_DECIDED.wire(), decision.decidedAt(), actorId,
                decision.targetId(), payload);
    }

    /**
     * The text with each lone surrogate replaced by U+FFFD: messages quote backlog paths and the
     * forge's error text, and a payload must be valid I-JSON whatever they contain.
     */
    static String wellFormed(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append('\uFFFD');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Characters the text takes in canonical JSON, quotes excluded. */
    private static int escapedLength(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            length += c == '"' || c == '\\' ? 2 : c < 0x20 ? 6 : 1;
        }
        return length;
    }
}
