package dev.leviathan.console.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.StoredEvent;
import java.util.List;

/** The selected event in full: its envelope field by field and its payload pretty-printed. */
public record EventDetail(String title, List<Field> envelope, String payload) {

    /** One envelope field, named as on the wire. */
    public record Field(String name, String value) {
    }

    static EventDetail of(StoredEvent event) {
        var envelope = event.envelope();
        List<Field> fields = List.of(
                new Field("seq", Long.toString(event.seq())),
                new Field("event_id", envelope.eventId()),
                new Field("event_type", envelope.eventType()),
                new Field("timestamp", envelope.timestamp()),
                new Field("actor_id", orNull(envelope.actorId())),
                new Field("target_id", orNull(envelope.targetId())),
                new Field("prev_hash", orNull(event.prevHash())),
                new Field("hash", event.hash()));
        return new EventDetail("seq " + event.seq() + " · " + envelope.eventType(), fields, pretty(event));
    }

    private static String pretty(StoredEvent event) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(event.payload().json());
        } catch (JsonProcessingException | IllegalStateException e) {
            // A payload that no longer parses (a forged row) is shown as stored.
            return event.payload().canonical();
        }
    }

    private static String orNull(String value) {
        return value == null ? "null" : value;
    }
}
