package dev.leviathan.engine.aegis.run;

import dev.leviathan.engine.aegis.sim.ClusterView;
import dev.leviathan.engine.aegis.sim.Simulation;
import dev.leviathan.engine.aegis.sim.TickMetrics;

/**
 * What a policy gets after each tick: the cluster as an operator sees it, the tick's numbers, and a way
 * to try things out on a copy of the world without touching it.
 */
public final class Observation {

    private final Simulation simulation;
    private final TickMetrics metrics;

    Observation(Simulation simulation, TickMetrics metrics) {
        this.simulation = simulation;
        this.metrics = metrics;
    }

    public int tick() {
        return metrics.tick();
    }

    public ClusterView view() {
        return simulation.view();
    }

    public TickMetrics metrics() {
        return metrics;
    }

    /** An independent copy of the cluster for what-if simulation, drawing its randomness from {@code seed}. */
    public Simulation fork(long seed) {
        return simulation.fork(seed);
    }
}
