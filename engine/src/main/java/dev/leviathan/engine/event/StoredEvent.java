package dev.leviathan.engine.event;

/**
 * An event as the store holds it: its place in the chain ({@code seq}, gap-free from 1), the hash
 * of the event before it, and its own hash over the canonical envelope plus {@code prevHash}.
 */
public record StoredEvent(long seq, EventEnvelope envelope, String prevHash, String hash) {

    public String eventId() {
        return envelope.eventId();
    }

    public String eventType() {
        return envelope.eventType();
    }

    public String targetId() {
        return envelope.targetId();
    }

    public Payload payload() {
        return envelope.payload();
    }
}
