package dev.leviathan.console.attempts;

import dev.leviathan.engine.graph.AttemptView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** One line of the attempts list, formatted once off the FX thread. */
public record AttemptRow(String attemptId, String targetId, String taskId, String status, String updated,
        String reason, long lastSeq) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static AttemptRow of(AttemptView attempt, ZoneId zone) {
        return new AttemptRow(attempt.attemptId(), orDash(attempt.targetId()), orDash(attempt.taskId()),
                orDash(attempt.status()), time(attempt.updatedAt(), zone),
                attempt.reason() == null ? "" : attempt.reason(), attempt.lastSeq());
    }

    static String time(String timestamp, ZoneId zone) {
        if (timestamp == null) {
            return "—";
        }
        try {
            return TIME.format(Instant.parse(timestamp).atZone(zone));
        } catch (DateTimeParseException e) {
            // Foreign writers may use other ISO forms; show them as written.
            return timestamp;
        }
    }

    private static String orDash(String value) {
        return value == null ? "—" : value;
    }
}
