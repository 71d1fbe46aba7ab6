package dev.leviathan.engine.event;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * What a writer hands the store: the envelope of DESIGN.md §Events. The store adds seq, prev_hash
 * and hash. The timestamp is kept as written (ISO-8601) because the hash covers its text.
 *
 * @param actorId who caused the event (an operator, a worker, "leviathan"); may be null
 * @param targetId the target repository it concerns; null for store-wide events
 */
public record EventEnvelope(
        String eventId,
        String eventType,
        String timestamp,
        String actorId,
        String targetId,
        Payload payload) {

    public static final int MAX_ID_LENGTH = 200;
    public static final int MAX_TYPE_LENGTH = 120;

    public EventEnvelope {
        requireText("event_id", eventId, MAX_ID_LENGTH);
        requireText("event_type", eventType, MAX_TYPE_LENGTH);
        Objects.requireNonNull(timestamp, "timestamp");
        if (!isUtcInstant(timestamp)) {
            parseTimestamp(timestamp);
        }
        if (actorId != null) {
            requireText("actor_id", actorId, MAX_ID_LENGTH);
        }
        if (targetId != null) {
            requireText("target_id", targetId, MAX_ID_LENGTH);
        }
        Objects.requireNonNull(payload, "payload");
    }

    /** A new event stamped with {@code at} in the store's canonical timestamp form. */
    public static EventEnvelope of(String eventId, String eventType, Instant at, String actorId, String targetId,
            Payload payload) {
        return new EventEnvelope(eventId, eventType, at.toString(), actorId, targetId, payload);
    }

    public Instant instant() {
        return parseTimestamp(timestamp);
    }

    /**
     * ISO-8601 with an offset, or without one (the public Python Leviathan writes naive UTC
     * timestamps); a naive timestamp is read as UTC.
     */
    static Instant parseTimestamp(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException naive) {
                throw new InvalidEventException("timestamp '" + abbreviate(text)
                        + "' is not ISO-8601 (expected e.g. 2026-11-22T19:23:06.123Z)");
            }
        }
    }

    /**
     * The form the store writes ({@code 2026-11-22T19:23:06.123Z}), checked without a parser:
     * reading a million events validates a million timestamps.
     */
    static boolean isUtcInstant(String t) {
        int n = t.length();
        if (n < 20 || n > 30 || t.charAt(n - 1) != 'Z' || t.charAt(4) != '-' || t.charAt(7) != '-'
                || t.charAt(10) != 'T' || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return false;
        }
        if (n > 20 && (t.charAt(19) != '.' || n == 21)) {
            return false;
        }
        for (int i = 0; i < n - 1; i++) {
            if (i == 4 || i == 7 || i == 10 || i == 13 || i == 16 || i == 19) {
                continue;
            }
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        int year = Integer.parseInt(t, 0, 4, 10);
        int month = Integer.parseInt(t, 5, 7, 10);
        int day = Integer.parseInt(t, 8, 10, 10);
        int hour = Integer.parseInt(t, 11, 13, 10);
        int minute = Integer.parseInt(t, 14, 16, 10);
        int second = Integer.parseInt(t, 17, 19, 10);
        return month >= 1 && month <= 12 && day >= 1 && day <= java.time.YearMonth.of(year, month).lengthOfMonth()
                && hour <= 23 && minute <= 59 && second <= 59;
    }

    private static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(field + " is missing or blank");
        }
        if (value.length() > max) {
            throw new InvalidEventException(field + " '" + abbreviate(value) + "' is longer than " + max
                    + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new InvalidEventException(field + " '" + abbreviate(value)
                        + "' contains a control character");
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
