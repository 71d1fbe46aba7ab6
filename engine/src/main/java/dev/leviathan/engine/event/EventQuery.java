package dev.leviathan.engine.event;

import java.util.Set;

/**
 * A page of events: those with seq in (afterSeq, beforeSeq), optionally of some types and one
 * target, at most {@code limit}, oldest first (or newest first with {@code newestFirst}).
 */
public record EventQuery(long afterSeq, long beforeSeq, Set<String> types, String targetId, int limit,
        boolean newestFirst) {

    public EventQuery {
        types = types == null ? Set.of() : Set.copyOf(types);
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    public static EventQuery after(long seq, int limit) {
        return new EventQuery(seq, Long.MAX_VALUE, Set.of(), null, limit, false);
    }

    public static EventQuery latest(int limit) {
        return new EventQuery(0, Long.MAX_VALUE, Set.of(), null, limit, true);
    }

    public EventQuery withTypes(Set<String> newTypes) {
        return new EventQuery(afterSeq, beforeSeq, newTypes, targetId, limit, newestFirst);
    }

    public EventQuery withTarget(String newTarget) {
        return new EventQuery(afterSeq, beforeSeq, types, newTarget, limit, newestFirst);
    }

    public EventQuery before(long seq) {
        return new EventQuery(afterSeq, seq, types, targetId, limit, newestFirst);
    }
}
