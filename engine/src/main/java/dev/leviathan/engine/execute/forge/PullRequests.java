package dev.leviathan.engine.execute.forge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leviathan.engine.event.EventQuery;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.EventType;
import dev.leviathan.engine.event.StoredEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The local forge's pull requests, read from their {@code pr.*} events. */
final class PullRequests {

    private static final Set<String> TYPES = Set.of(EventType.PR_CREATED.wire(), EventType.PR_MERGED.wire(),
            EventType.PR_CLOSED.wire());
    private static final int PAGE = 1_000;

    private PullRequests() {
    }

    /** Every pull request of {@code targetId} (all targets when null), oldest first. */
    static List<PullRequest> read(EventStore store, String targetId) {
        Map<String, PullRequest> byId = new LinkedHashMap<>();
        long after = 0;
        while (true) {
            EventQuery query = EventQuery.after(after, PAGE).withTypes(TYPES);
            List<StoredEvent> page = store.read(targetId == null ? query : query.withTarget(targetId));
            for (StoredEvent event : page) {
                apply(byId, event);
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.getLast().seq();
        }
        return new ArrayList<>(byId.values());
    }

    static Optional<PullRequest> find(EventStore store, String prId) {
        return read(store, null).stream().filter(pr -> pr.id().equals(prId)).findFirst();
    }

    private static void apply(Map<String, PullRequest> byId, StoredEvent event) {
        JsonNode p = event.payload().json();
        String id = p.path("pr_id").asText(null);
        if (id == null || !"local".equals(p.path("forge").asText("local"))) {
            return;
        }
        if (event.eventType().equals(EventType.PR_CREATED.wire())) {
            byId.putIfAbsent(id, new PullRequest(id, event.targetId(), p.path("task_id").asText(),
                    p.path("attempt_id").asText(), p.path("title").asText(), p.path("body").asText(""),
                    p.path("branch").asText(), p.path("base_branch").asText(), p.path("base_commit").asText(),
                    p.path("head_commit").asText(), PullRequest.State.OPEN, event.envelope().instant(), null,
                    null));
            return;
        }
        PullRequest pr = byId.get(id);
        if (pr == null) {
            return;
        }
        if (event.eventType().equals(EventType.PR_MERGED.wire())) {
            byId.put(id, pr.withState(PullRequest.State.MERGED, p.path("merge_commit").asText(null), null));
        } else {
            byId.put(id, pr.withState(PullRequest.State.CLOSED, null, p.path("reason").asText("")));
        }
    }
}
