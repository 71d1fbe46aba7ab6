package dev.leviathan.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The writer's fast hash equals the hash of the envelope canonicalised as a JSON tree. */
class ChainHasherTest {

    private static final String ALPHABET = "aZ09 _-\"\\/\n\t\u0001é€😀\u2028";

    @RepeatedTest(200)
    void writerHashEqualsIndependentlyCanonicalisedEnvelope(org.junit.jupiter.api.RepetitionInfo repetition)
            throws Exception {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        ObjectNode payload = randomObject(random, 3);
        String prevHash = random.nextBoolean() ? null : "ab".repeat(32);
        EventEnvelope event = new EventEnvelope("id-" + random.nextInt(), "x.y", "2026-11-22T10:00:00.123Z",
                random.nextBoolean() ? null : "actor-é€😀-" + random.nextInt(), random.nextBoolean() ? null : "t",
                Payload.of(payload));

        String written = new ChainHasher().hash(event, prevHash);

        ObjectNode envelope = Json.object();
        envelope.put("event_id", event.eventId());
        envelope.put("timestamp", event.timestamp());
        envelope.put("event_type", event.eventType());
        envelope.put("target_id", event.targetId());
        envelope.put("actor_id", event.actorId());
        envelope.put("prev_hash", prevHash);
        envelope.set("payload", payload);
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(CanonicalJson.write(envelope).getBytes(StandardCharsets.UTF_8));
        assertThat(written).isEqualTo(HexFormat.of().formatHex(digest));
    }

    @Test
    void hashChangesWithThePreviousHash() {
        EventEnvelope event = new EventEnvelope("e", "x.y", "2026-11-22T10:00:00Z", null, null, Payload.empty());
        ChainHasher hasher = new ChainHasher();

        assertThat(hasher.hash(event, null)).isNotEqualTo(hasher.hash(event, "0".repeat(64)));
    }

    private static ObjectNode randomObject(SplittableRandom random, int depth) {
        ObjectNode node = Json.object();
        int members = random.nextInt(5);
        for (int i = 0; i < members; i++) {
            String key = randomText(random) + i;
            switch (random.nextInt(depth > 0 ? 7 : 5)) {
                case 0 -> node.put(key, randomText(random));
                case 1 -> node.put(key, random.nextLong(-1_000_000_000_000L, 1_000_000_000_000L));
                case 2 -> node.put(key, Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL));
                case 3 -> node.put(key, random.nextBoolean());
                case 4 -> node.putNull(key);
                case 5 -> node.set(key, randomObject(random, depth - 1));
                default -> {
                    ArrayNode array = node.putArray(key);
                    array.add(randomText(random));
                    array.add(randomObject(random, depth - 1));
                }
            }
        }
        return node;
    }

    private static String randomText(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(8);
        int[] codePoints = ALPHABET.codePoints().toArray();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        return text.toString();
    }
}
