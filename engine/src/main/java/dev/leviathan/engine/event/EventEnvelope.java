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
        parseTimestamp(timestamp);
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
