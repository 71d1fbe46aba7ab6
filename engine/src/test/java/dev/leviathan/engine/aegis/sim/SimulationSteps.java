package dev.leviathan.engine.aegis.sim;

/** Stepping a simulation to a tick and reading one workload or node back, as the sim tests do. */
final class SimulationSteps {

    private SimulationSteps() {
    }

    /** Runs until {@code tick} ticks have run, so the view shows the state after tick {@code tick - 1}. */
    static Simulation runTo(Simulation sim, int tick) {
        while (sim.tick() < tick) {
            sim.step();
        }
        return sim;
    }

    static ClusterView.WorkloadStatus workload(Simulation sim, String name) {
        return sim.view().workload(name).orElseThrow();
    }

    static ClusterView.NodeStatus node(Simulation sim, String name) {
        return sim.view().nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }
}
