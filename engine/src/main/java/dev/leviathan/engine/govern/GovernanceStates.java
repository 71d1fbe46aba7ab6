package dev.leviathan.engine.govern;

import dev.leviathan.engine.event.EventQuery;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.StoredEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One {@link GovernanceState} per target, caught up from the store incrementally: each catch-up
 * reads only the governance events after the last seq it saw. Thread-safe: catch-ups and reads
 * take one lock, and the snapshots handed out never change.
 */
public final class GovernanceStates {

    private static final int PAGE = 5_000;
    private static final Set<String> TYPES = GovernanceState.eventTypes();

    private final EventStore store;
    private final Map<String, GovernanceState> byTarget = new HashMap<>();
    private long lastSeq;

    public GovernanceStates(EventStore store) {
        this.store = store;
    }

    /** Reads the governance events appended since the last catch-up, for every target. */
    public synchronized void catchUp() {
        long head = store.head().seq();
        long after = lastSeq;
        while (after < head) {
            List<StoredEvent> page = store.read(new EventQuery(after, head + 1, TYPES, null, PAGE, false));
            page.forEach(this::route);
            if (page.size() < PAGE) {
                break;
            }
            after = page.getLast().seq();
        }
        lastSeq = Math.max(lastSeq, head);
    }

    /** Catches up, then the target's snapshot: what a decision reads. */
    public synchronized GovernanceSnapshot catchUp(String targetId) {
        catchUp();
        return snapshot(targetId);
    }

    /**
     * Applies events delivered by a subscription (any kinds, seq order). Events at or before the
     * last seq seen are skipped, so a subscription and catch-ups may overlap.
     */
    public synchronized void apply(List<StoredEvent> events) {
        for (StoredEvent event : events) {
            if (event.seq() > lastSeq) {
                route(event);
                lastSeq = event.seq();
            }
        }
    }

    public synchronized GovernanceSnapshot snapshot(String targetId) {
        GovernanceState state = byTarget.get(targetId);
        return state == null ? GovernanceSnapshot.empty(targetId) : state.snapshot();
    }

    /** Reads a target's full state (attempts, pull requests) under the lock. */
    public synchronized <R> R read(String targetId, Function<GovernanceState, R> reader) {
        return reader.apply(byTarget.computeIfAbsent(targetId, GovernanceState::new));
    }

    public synchronized long lastSeq() {
        return lastSeq;
    }

    private void route(StoredEvent event) {
        if (!TYPES.contains(event.eventType())) {
            return;
        }
        String target = event.targetId();
        if (target == null) {
            target = GovernanceState.text(event.payload().json(), "target_id");
        }
        if (target != null) {
            byTarget.computeIfAbsent(target, GovernanceState::new).apply(event);
        }
    }
}
