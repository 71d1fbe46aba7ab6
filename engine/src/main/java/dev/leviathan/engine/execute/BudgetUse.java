package dev.leviathan.engine.execute;

import java.time.Duration;

/** What an attempt spent: model calls and tokens (zero for executors without a model) and time. */
public record BudgetUse(int modelCalls, long promptTokens, long completionTokens, Duration elapsed) {

    public static BudgetUse timeOnly(Duration elapsed) {
        return new BudgetUse(0, 0, 0, elapsed);
    }

    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
