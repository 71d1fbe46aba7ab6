package dev.leviathan.engine.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The writer's side of the chain: hash = SHA-256 over the canonical JSON (RFC 8785) of the object
 * {actor_id, event_id, event_type, payload, prev_hash, target_id, timestamp}, absent values as
 * null. The members are written here directly in their canonical (sorted) order around the
 * already-canonical payload, which is what makes appends cheap; {@link ChainVerifier} rebuilds the
 * same object as a JSON tree and canonicalises it independently.
 */
final class ChainHasher {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final MessageDigest TEMPLATE;

    static {
        try {
            TEMPLATE = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * An event hashed up to its {@code prev_hash}: everything before it in canonical order is
     * already in the digest, everything after it is kept as bytes. Preparing does most of the
     * hashing and does not depend on the chain, so a bundle is prepared on all cores and only
     * {@link #finish} runs in chain order.
     */
    static final class Prepared {

        private final MessageDigest digest;
        private final byte[] suffix;

        private Prepared(MessageDigest digest, byte[] suffix) {
            this.digest = digest;
            this.suffix = suffix;
        }
    }

    static Prepared prepare(EventEnvelope event) {
        StringBuilder text = new StringBuilder(event.payload().canonical().length() + 256);
        text.append("{\"actor_id\":");
        appendNullable(text, event.actorId());
        text.append(",\"event_id\":");
        CanonicalJson.appendString(text, event.eventId());
        text.append(",\"event_type\":");
        CanonicalJson.appendString(text, event.eventType());
        text.append(",\"payload\":").append(event.payload().canonical());
        text.append(",\"prev_hash\":");
        MessageDigest digest = newDigest();
        digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
        text.setLength(0);
        text.append(",\"target_id\":");
        appendNullable(text, event.targetId());
        text.append(",\"timestamp\":");
        CanonicalJson.appendString(text, event.timestamp());
        text.append('}');
        return new Prepared(digest, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The event's hash once the hash of the event before it is known. Consumes {@code prepared}. */
    static String finish(Prepared prepared, String prevHash) {
        if (prevHash == null) {
            prepared.digest.update(NULL);
        } else {
            prepared.digest.update((byte) '"');
            prepared.digest.update(prevHash.getBytes(StandardCharsets.US_ASCII));
            prepared.digest.update((byte) '"');
        }
        prepared.digest.update(prepared.suffix);
        return HEX.formatHex(prepared.digest.digest());
    }

    /** Both steps at once, for a single event. */
    String hash(EventEnvelope event, String prevHash) {
        return finish(prepare(event), prevHash);
    }

    private static MessageDigest newDigest() {
        try {
            return (MessageDigest) TEMPLATE.clone();
        } catch (CloneNotSupportedException e) {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    private static void appendNullable(StringBuilder text, String value) {
        if (value == null) {
            text.append("null");
        } else {
            CanonicalJson.appendString(text, value);
        }
    }
}
