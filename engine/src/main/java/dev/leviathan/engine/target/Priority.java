package dev.leviathan.engine.target;

import java.util.Map;

/** A task's {@code priority}; the scheduler breaks ties by it, then by backlog order. */
public enum Priority {
    HIGH, MEDIUM, LOW;

    static final Map<String, Priority> BY_WORD = Words.of(values(), Priority::word);

    /** As written in the backlog. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
