package dev.leviathan.engine.execute.llm;

import dev.leviathan.engine.execute.BudgetUse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one attempt may still spend and has spent: tokens across all rounds (prompt and
 * completion, as the endpoint reports them) and wall time from the attempt's start. Both limits
 * are optional; time is read from the attempt's clock.
 */
final class AttemptBudget {

    private final Clock clock;
    private final Instant started;
    private final Optional<Duration> maxDuration;
    private final OptionalLong maxTokens;
    private int modelCalls;
    private long promptTokens;
    private long completionTokens;

    AttemptBudget(Clock clock, Optional<Duration> maxDuration, OptionalLong maxTokens) {
        this.clock = clock;
        this.started = clock.instant();
        this.maxDuration = maxDuration;
        this.maxTokens = maxTokens;
    }

    Optional<Duration> maxDuration() {
        return maxDuration;
    }

    OptionalLong maxTokens() {
        return maxTokens;
    }

    /** Time left before the attempt's limit, or empty if it has none; never negative. */
    Optional<Duration> timeLeft() {
        return maxDuration.map(max -> {
            Duration left = max.minus(elapsed());
            return left.isNegative() ? Duration.ZERO : left;
        });
    }

    boolean timeUp() {
        return timeLeft().map(Duration::isZero).orElse(false);
    }

    /** Tokens left, or empty if the attempt has no token limit; never negative. */
    OptionalLong tokensLeft() {
        return maxTokens.isPresent()
                ? OptionalLong.of(Math.max(0, maxTokens.getAsLong() - promptTokens - completionTokens))
                : OptionalLong.empty();
    }

    /** One request sent to the endpoint, answered or not. */
    void requestSent() {
        modelCalls++;
    }

    void spent(long prompt, long completion) {
        promptTokens += Math.max(0, prompt);
        completionTokens += Math.max(0, completion);
    }

    long tokensSpent() {
        return promptTokens + completionTokens;
    }

    Duration elapsed() {
        Duration elapsed = Duration.between(started, clock.instant());
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }

    BudgetUse use() {
        return new BudgetUse(modelCalls, promptTokens, completionTokens, elapsed());
    }
}
