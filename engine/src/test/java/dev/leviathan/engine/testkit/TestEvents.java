package dev.leviathan.engine.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.event.EventEnvelope;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.Payload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Events for tests in one line: fixed clock, readable ids. */
public final class TestEvents {

    public static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private TestEvents() {
    }

    public static EventEnvelope event(String id, String type, String target, Object... keyValues) {
        ObjectNode payload = Json.object();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            payload.set((String) keyValues[i], Json.MAPPER.valueToTree(keyValues[i + 1]));
        }
        return EventEnvelope.of(id, type, T0, "tester", target, Payload.of(payload));
    }

    public static EventEnvelope event(String id) {
        return event(id, "test.happened", "demo", "n", id);
    }

    public static List<EventEnvelope> bundle(String prefix, int size) {
        List<EventEnvelope> events = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            events.add(event(prefix + "-" + i, "test.happened", "demo", "bundle", prefix, "index", i, "size", size));
        }
        return events;
    }
}
