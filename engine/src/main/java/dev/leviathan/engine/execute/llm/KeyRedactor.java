package dev.leviathan.engine.execute.llm;

import dev.leviathan.engine.config.Secret;

/**
 * Removes the endpoint's key from text before it leaves the executor (log lines, reasons,
 * summaries). The key never goes into text on purpose; this is for text that comes back from the
 * endpoint, which may echo what it was sent.
 */
final class KeyRedactor {

    /** Shorter values are too likely to occur in ordinary text to be searched for. */
    static final int MIN_KEY_LENGTH = 8;
    static final String MARK = "[redacted]";

    private final String key;

    KeyRedactor(Secret secret) {
        String value = secret.reveal();
        this.key = value.length() >= MIN_KEY_LENGTH ? value : null;
    }

    String redact(String text) {
        return key == null || text == null || !text.contains(key) ? text : text.replace(key, MARK);
    }

    /** True if {@code text} holds the key (only keys long enough to search for are found). */
    boolean foundIn(String text) {
        return key != null && text != null && text.contains(key);
    }
}
