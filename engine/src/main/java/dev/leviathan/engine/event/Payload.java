package dev.leviathan.engine.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * An event's payload: a JSON object held as its canonical text (RFC 8785), so it is immutable and
 * hashes the same wherever it travels. {@link #json()} parses a fresh tree on each call.
 */
public final class Payload {

    /** Payloads above this size belong in the artifact store; the event carries the digest. */
    public static final int MAX_CHARS = 512 * 1024;

    private static final Payload EMPTY = new Payload("{}");

    private final String canonical;

    private Payload(String canonical) {
        this.canonical = canonical;
    }

    public static Payload empty() {
        return EMPTY;
    }

    /** The canonical payload of a JSON object. */
    public static Payload of(JsonNode object) {
        if (object == null || !object.isObject()) {
            throw new InvalidEventException("payload must be a JSON object, got "
                    + (object == null ? "nothing" : object.getNodeType().toString().toLowerCase()));
        }
        String text;
        try {
            text = CanonicalJson.write(object);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("payload is not valid I-JSON: " + e.getMessage());
        }
        if (text.length() > MAX_CHARS) {
            throw new InvalidEventException("payload has " + text.length() + " characters; the limit is "
                    + MAX_CHARS + ": store large content as an artifact and put its sha256 in the payload");
        }
        return new Payload(text);
    }

    /** Parses any JSON object text and canonicalises it. */
    public static Payload parse(String json) {
        try {
            return of(Json.MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("payload is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * A payload read back from the store, already canonical. Only the store adapters call this;
     * the verifier never trusts it and canonicalises again.
     */
    public static Payload fromCanonical(String canonical) {
        return new Payload(Objects.requireNonNull(canonical, "canonical"));
    }

    public String canonical() {
        return canonical;
    }

    /** A freshly parsed tree: callers may read or change it without affecting this payload. */
    public ObjectNode json() {
        try {
            return (ObjectNode) Json.MAPPER.readTree(canonical);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored payload is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Payload that && canonical.equals(that.canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    @Override
    public String toString() {
        return canonical;
    }
}
