package dev.leviathan.engine.aegis.run;

import dev.leviathan.engine.aegis.scenario.Expected;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The outcome of one run.
 *
 * @param onsetTick the first chaos event's tick; empty when the scenario has none
 * @param mttrTicks ticks from onset until every objective held again for the rest of the run; 0 when they
 *     never stopped holding; empty when they never held again
 */
public record RunResult(String runId, String scenarioId, String policy, long seed, int ticks, boolean objectivesMet,
        List<ObjectiveOutcome> objectives, OptionalInt onsetTick, OptionalInt mttrTicks, double nodeMinutes,
        double replicaMinutes, int disruptions, List<DecisionRecord> decisions, String traceHash,
        Optional<Expected> expected) {

    public RunResult {
        objectives = List.copyOf(objectives);
        decisions = List.copyOf(decisions);
    }

    /** True when some decision made an accepted action other than {@code noop}. */
    public boolean acted() {
        return decisions.stream().anyMatch(DecisionRecord::acted);
    }
}
