package dev.leviathan.engine.target;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * A task's optional {@code budget}: {@code max_tokens}, {@code max_seconds}, {@code max_cost_usd},
 * each optional. A budget with no limit is read as no budget at all.
 */
public record Budget(Optional<Long> maxTokens, Optional<Duration> maxDuration, Optional<BigDecimal> maxCostUsd) {

    public boolean isEmpty() {
        return maxTokens.isEmpty() && maxDuration.isEmpty() && maxCostUsd.isEmpty();
    }
}
