package dev.leviathan.engine.execute.llm;

/**
 * The llm executor's settings are set but unusable: a variable missing, a URL malformed, a key
 * file unreadable. The message names what to fix and never contains the key.
 */
public final class LlmSettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LlmSettingsException(String message) {
        super(message);
    }
}
