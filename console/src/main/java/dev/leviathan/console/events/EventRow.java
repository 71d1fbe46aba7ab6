package dev.leviathan.console.events;

import dev.leviathan.engine.event.ChainHead;
import dev.leviathan.engine.event.StoredEvent;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One line of the live tail, formatted once off the FX thread. The stored event rides along for
 * the detail pane.
 */
public record EventRow(long seq, String time, String type, String target, String actor, String eventId,
        String shortHash, StoredEvent event) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static EventRow of(StoredEvent event, ZoneId zone) {
        var envelope = event.envelope();
        return new EventRow(event.seq(), TIME.format(envelope.instant().atZone(zone)), envelope.eventType(),
                orDash(envelope.targetId()), orDash(envelope.actorId()), envelope.eventId(),
                new ChainHead(event.seq(), event.hash()).shortHash(), event);
    }

    private static String orDash(String value) {
        return value == null ? "—" : value;
    }
}
