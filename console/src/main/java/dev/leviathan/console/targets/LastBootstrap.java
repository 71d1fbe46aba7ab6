package dev.leviathan.console.targets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leviathan.engine.event.EventType;
import dev.leviathan.engine.event.StoredEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A target's last bootstrap as the store tells it: the newest {@code bootstrap.*} event of the
 * target. A {@code bootstrap.started} with nothing after it is a run still going (here or in
 * another process) or one that died without a word.
 *
 * @param commit the commit's full SHA; null when the run failed before a commit was resolved
 * @param files the commit's indexed files ({@code counts.total_files}); 0 unless completed
 * @param facts the fact events the run appended ({@code emitted}, summed); 0 unless completed
 * @param reason why it failed; null unless failed
 */
public record LastBootstrap(Status status, String commit, Instant at, String mode, int files, int facts,
        String reason, long seq) {

    public enum Status { RUNNING, COMPLETED, FAILED }

    /** The event types that say how a bootstrap went. */
    public static final Set<String> TYPES = Set.of(EventType.BOOTSTRAP_STARTED.wire(),
            EventType.BOOTSTRAP_COMPLETED.wire(), EventType.BOOTSTRAP_FAILED.wire());

    /** The bootstrap {@code event} tells of; empty for any other event. */
    public static Optional<LastBootstrap> of(StoredEvent event) {
        if (!TYPES.contains(event.eventType()) || event.targetId() == null) {
            return Optional.empty();
        }
        JsonNode payload = event.payload().json();
        String commit = payload.hasNonNull("commit") ? payload.get("commit").asText() : null;
        Instant at = Instant.parse(event.envelope().timestamp());
        if (EventType.BOOTSTRAP_COMPLETED.wire().equals(event.eventType())) {
            int facts = 0;
            for (JsonNode count : payload.path("emitted")) {
                facts += count.asInt();
            }
            return Optional.of(new LastBootstrap(Status.COMPLETED, commit, at, payload.path("mode").asText(""),
                    payload.path("counts").path("total_files").asInt(), facts, null, event.seq()));
        }
        if (EventType.BOOTSTRAP_FAILED.wire().equals(event.eventType())) {
            return Optional.of(new LastBootstrap(Status.FAILED, commit, at, "", 0, 0,
                    payload.path("reason").asText("no reason recorded"), event.seq()));
        }
        return Optional.of(new LastBootstrap(Status.RUNNING, commit, at, "", 0, 0, null, event.seq()));
    }

    /** The first twelve characters of the commit, or "—" when there is none. */
    public String shortCommit() {
        return commit == null ? "—" : commit.substring(0, Math.min(12, commit.length()));
    }
}
