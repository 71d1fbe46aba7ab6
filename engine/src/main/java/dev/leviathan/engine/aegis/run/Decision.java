package dev.leviathan.engine.aegis.run;

import dev.leviathan.engine.aegis.sim.Action;
import java.util.List;
import java.util.Optional;

/**
 * A policy's answer at one tick: its diagnosis, how many plans it weighed, the plan it chose and, when
 * it scored plans, the chosen plan's Pareto score.
 */
public record Decision(Diagnosis diagnosis, int plansConsidered, List<Action> actions, Optional<ParetoScore> pareto,
        String rationale) {

    public Decision {
        actions = List.copyOf(actions);
    }

    public static Decision of(Diagnosis diagnosis, List<Action> actions, String rationale) {
        return new Decision(diagnosis, 1, actions, Optional.empty(), rationale);
    }
}
