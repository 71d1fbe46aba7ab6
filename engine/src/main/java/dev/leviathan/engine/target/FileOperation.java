package dev.leviathan.engine.target;

import java.util.Map;

/** What a task in a scope may do to a file ({@code scope_constraints.<scope>.allowed_operations}). */
public enum FileOperation {
    CREATE, UPDATE, DELETE;

    static final Map<String, FileOperation> BY_WORD = Words.of(values(), FileOperation::word);

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
