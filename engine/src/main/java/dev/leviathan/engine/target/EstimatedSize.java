package dev.leviathan.engine.target;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task's {@code estimated_size}. The short and long spellings are the same size: {@code s} and
 * {@code small}, {@code m} and {@code medium}, {@code l} and {@code large}.
 */
public enum EstimatedSize {
    XS("xs"), SMALL("small", "s"), MEDIUM("medium", "m"), LARGE("large", "l"), XL("xl");

    static final Map<String, EstimatedSize> BY_WORD = byWord();

    private final String word;
    private final String[] aliases;

    EstimatedSize(String word, String... aliases) {
        this.word = word;
        this.aliases = aliases;
    }

    /** The canonical spelling, used in the task's content hash. */
    public String word() {
        return word;
    }

    private static Map<String, EstimatedSize> byWord() {
        Map<String, EstimatedSize> out = new LinkedHashMap<>();
        for (EstimatedSize size : values()) {
            for (String alias : size.aliases) {
                out.put(alias, size);
            }
            out.put(size.word, size);
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
