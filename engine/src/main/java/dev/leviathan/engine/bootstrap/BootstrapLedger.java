package dev.leviathan.engine.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.EventType;
import dev.leviathan.engine.event.StoredEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Which commits of a target are bootstrapped. A completed bootstrap's event id is derived from
 * the target, the commit and the extractor versions, so "is this commit done?" is one lookup by
 * id rather than a scan of the store, and two runs of one commit cannot both complete: the
 * second's completion conflicts with the first's and its whole bundle is refused.
 */
final class BootstrapLedger {

    /** How far back along first parents an incremental bootstrap looks for a bootstrapped commit. */
    static final int ANCESTOR_LIMIT = 1_000;

    /** A completed bootstrap: its commit and the digests of its artifacts by name. */
    record Completed(String commit, StoredEvent event, Map<String, String> artifacts) {
    }

    private final EventStore store;

    BootstrapLedger(EventStore store) {
        this.store = store;
    }

    static String completedId(String targetId, String commit, String extractorsKey) {
        return FactIds.of(EventType.BOOTSTRAP_COMPLETED.wire(), targetId, commit, "", extractorsKey);
    }

    Optional<Completed> completed(String targetId, String commit, String extractorsKey) {
        return store.find(completedId(targetId, commit, extractorsKey)).map(event -> {
            Map<String, String> digests = new TreeMap<>();
            JsonNode artifacts = event.payload().json().path("artifacts");
            artifacts.properties().forEach(e -> digests.put(e.getKey(), e.getValue().asText()));
            return new Completed(commit, event, digests);
        });
    }

    /**
     * The nearest first-parent ancestor of {@code commit} bootstrapped with the same extractor
     * versions: the base an incremental bootstrap diffs against.
     */
    Optional<Completed> nearestBootstrappedAncestor(Repository repository, ObjectId commit, String targetId,
            String extractorsKey) {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit current = walk.parseCommit(commit);
            for (int depth = 0; depth < ANCESTOR_LIMIT && current.getParentCount() > 0; depth++) {
                current = walk.parseCommit(current.getParent(0));
                Optional<Completed> done = completed(targetId, current.getName(), extractorsKey);
                if (done.isPresent()) {
                    return done;
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot walk the history of " + commit.name() + ": " + e.getMessage(), e);
        }
    }
}
