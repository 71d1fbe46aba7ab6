package dev.leviathan.engine.aegis.run;

import dev.leviathan.engine.aegis.scenario.Objective;
import dev.leviathan.engine.aegis.scenario.Scenario;
import dev.leviathan.engine.aegis.sim.TickMetrics;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalInt;

/** Checks every objective on every tick, and keeps what MTTR needs: the ticks on which all of them held. */
final class ObjectiveTracker {

    private final List<Objective> objectives;
    private final int[] violated;
    private final int[] firstViolation;
    private final BitSet allHeld = new BitSet();
    private int lastTick = -1;
    private double nodeMinutes;

    ObjectiveTracker(Scenario scenario) {
        objectives = scenario.objectives();
        violated = new int[objectives.size()];
        firstViolation = new int[objectives.size()];
        java.util.Arrays.fill(firstViolation, -1);
    }

    void record(TickMetrics metrics) {
        int tick = metrics.tick();
        boolean all = true;
        for (int i = 0; i < objectives.size(); i++) {
            Objective objective = objectives.get(i);
            boolean holds = holds(objective, metrics);
            all &= holds;
            if (!holds && tick >= objective.fromTick()) {
                violated[i]++;
                if (firstViolation[i] < 0) {
                    firstViolation[i] = tick;
                }
            }
        }
        if (all) {
            allHeld.set(tick);
        }
        lastTick = tick;
        nodeMinutes = metrics.nodeMinutes();
    }

    static boolean holds(Objective objective, TickMetrics m) {
        return switch (objective) {
            case Objective.Availability a -> m.workload(a.workload()).availability() >= a.minReadyRatio() - 1e-9;
            case Objective.ErrorRate e -> m.workload(e.workload()).errorRate() <= e.max() + 1e-9;
            case Objective.Latency l -> m.workload(l.workload()).latencyMs() <= l.maxMs() + 1e-9;
            case Objective.Cost c -> c.maxNodes().isEmpty() || m.nodes() <= c.maxNodes().getAsInt();
        };
    }

    List<ObjectiveOutcome> outcomes() {
        List<ObjectiveOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < objectives.size(); i++) {
            Objective objective = objectives.get(i);
            int count = violated[i];
            OptionalInt first = firstViolation[i] < 0 ? OptionalInt.empty() : OptionalInt.of(firstViolation[i]);
            if (objective instanceof Objective.Cost cost && cost.maxNodeMinutes().isPresent()
                    && nodeMinutes > cost.maxNodeMinutes().getAsDouble()) {
                count++;
                first = first.isPresent() ? first : OptionalInt.of(lastTick);
            }
            outcomes.add(new ObjectiveOutcome(objective, count == 0, count, first));
        }
        return outcomes;
    }

    /** Ticks from {@code onset} until all objectives held on every remaining tick; empty if they never did. */
    OptionalInt mttr(int onset) {
        int lastBroken = -1;
        for (int t = onset; t <= lastTick; t++) {
            if (!allHeld.get(t)) {
                lastBroken = t;
            }
        }
        if (lastBroken < 0) {
            return OptionalInt.of(0);
        }
        if (lastBroken == lastTick) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(lastBroken + 1 - onset);
    }
}
