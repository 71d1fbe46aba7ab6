package dev.leviathan.engine.execute;

/**
 * The attempt's log, for the person reviewing it. Implementations redact known secrets from
 * every line before keeping it, so an executor may pass tool output through unfiltered.
 */
public interface ExecutionLog {

    void line(String text);
}
