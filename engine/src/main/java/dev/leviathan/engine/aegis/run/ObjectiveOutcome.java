package dev.leviathan.engine.aegis.run;

import dev.leviathan.engine.aegis.scenario.Objective;
import java.util.OptionalInt;

/**
 * How one objective fared over a run.
 *
 * @param violatedTicks ticks at or after the objective's {@code from} on which it did not hold
 * @param firstViolation the first such tick
 */
public record ObjectiveOutcome(Objective objective, boolean met, int violatedTicks, OptionalInt firstViolation) {
}
