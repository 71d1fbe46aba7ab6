package dev.leviathan.engine.target;

import java.util.Map;

/** A task's {@code status}. A task without one is {@link #PENDING}. */
public enum TaskStatus {
    PENDING, IN_PROGRESS, COMPLETED, BLOCKED, PR_OPENED, READY_TO_MERGE;

    static final Map<String, TaskStatus> BY_WORD = Words.of(values(), TaskStatus::word);

    /** As written in the backlog: {@code in_progress}, {@code pr_opened}, … */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
