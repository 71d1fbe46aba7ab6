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

    private final MessageDigest sha256;
    private final StringBuilder text = new StringBuilder(512);

    ChainHasher() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    String hash(EventEnvelope event, String prevHash) {
        text.setLength(0);
        text.append("{\"actor_id\":");
        appendNullable(event.actorId());
        text.append(",\"event_id\":");
        CanonicalJson.appendString(text, event.eventId());
        text.append(",\"event_type\":");
        CanonicalJson.appendString(text, event.eventType());
        text.append(",\"payload\":").append(event.payload().canonical());
        text.append(",\"prev_hash\":");
        appendNullable(prevHash);
        text.append(",\"target_id\":");
        appendNullable(event.targetId());
        text.append(",\"timestamp\":");
        CanonicalJson.appendString(text, event.timestamp());
        text.append('}');
        return HEX.formatHex(sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private void appendNullable(String value) {
        if (value == null) {
            text.append("null");
        } else {
            CanonicalJson.appendString(text, value);
        }
    }
}
