package dev.leviathan.engine.govern;

import dev.leviathan.engine.event.EventConflictException;
import dev.leviathan.engine.event.EventEnvelope;
import dev.leviathan.engine.event.EventQuery;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** What the governance commands share: ids, the operator's name, appends and reads. */
final class OperatorEvents {

    static final String DEFAULT_OPERATOR = "operator";
    private static final int RETRIES = 3;
    private static final int PAGE = 1_000;

    private OperatorEvents() {
    }

    static String operator(String operator) {
        return operator == null || operator.isBlank() ? DEFAULT_OPERATOR : operator.strip();
    }

    /**
     * Sixteen hex digits of SHA-256 over the parts. Commands derive event ids from their
     * arguments and the store's head, so the same command on the same history gives the same id
     * in any store, and two operators acting at once on one head collide instead of both acting.
     */
    static String digest(String... parts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha256.update(part.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha256.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * Runs a command that reads the store and appends; when another writer took the same id
     * first (same command, same head), runs it again on the new head, so it sees what the other
     * did.
     */
    static <R> R retrying(Supplier<R> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return command.get();
            } catch (EventConflictException conflict) {
                if (attempt >= RETRIES) {
                    throw conflict;
                }
            }
        }
    }

    /** The stored event: the one just appended, or the identical one already there. */
    static StoredEvent append(EventStore store, EventEnvelope event) {
        List<StoredEvent> appended = store.append(event).appended();
        return appended.isEmpty() ? store.find(event.eventId()).orElseThrow() : appended.getFirst();
    }

    /** Every event of the target of these types, in seq order. */
    static void readTarget(EventStore store, String targetId, Set<String> types, Consumer<StoredEvent> sink) {
        long after = 0;
        while (true) {
            List<StoredEvent> page = store.read(EventQuery.after(after, PAGE).withTypes(types).withTarget(targetId));
            page.forEach(sink);
            if (page.size() < PAGE) {
                return;
            }
            after = page.getLast().seq();
        }
    }
}
