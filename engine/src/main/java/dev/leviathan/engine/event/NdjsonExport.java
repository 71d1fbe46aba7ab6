package dev.leviathan.engine.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes events as NDJSON, one canonical JSON object per line with the chain fields, so an export
 * can be re-imported elsewhere and its chain checked line by line.
 */
public final class NdjsonExport {

    private NdjsonExport() {
    }

    /** Writes every event after {@code afterSeq}; returns how many lines were written. */
    public static long write(EventStore store, long afterSeq, Writer out) {
        long[] count = {0};
        store.scan(afterSeq, event -> {
            try {
                out.write(line(event));
                out.write('\n');
                count[0]++;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the export: " + e.getMessage(), e);
            }
        });
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count[0];
    }

    public static String line(StoredEvent event) {
        ObjectNode node = toJson(event);
        return CanonicalJson.write(node);
    }

    public static ObjectNode toJson(StoredEvent event) {
        EventEnvelope envelope = event.envelope();
        ObjectNode node = Json.object();
        node.put("seq", event.seq());
        node.put("event_id", envelope.eventId());
        node.put("event_type", envelope.eventType());
        node.put("timestamp", envelope.timestamp());
        node.put("actor_id", envelope.actorId());
        node.put("target_id", envelope.targetId());
        node.set("payload", envelope.payload().json());
        node.put("prev_hash", event.prevHash());
        node.put("hash", event.hash());
        return node;
    }
}
