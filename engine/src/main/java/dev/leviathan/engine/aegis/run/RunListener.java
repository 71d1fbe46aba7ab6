package dev.leviathan.engine.aegis.run;

import dev.leviathan.engine.aegis.sim.Simulation;
import dev.leviathan.engine.aegis.sim.TickMetrics;

/** Follows a run as it happens: the simulator UI draws from it, the recorder writes events from it. */
public interface RunListener {

    RunListener NONE = new RunListener() {
    };

    default void started(RunSetup setup, Simulation simulation) {
    }

    default void ticked(TickMetrics metrics, Simulation simulation) {
    }

    default void decided(DecisionRecord decision) {
    }

    default void finished(RunResult result) {
    }
}
