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

    /** Both listeners, {@code first} told first. */
    static RunListener both(RunListener first, RunListener second) {
        return new RunListener() {
            @Override
            public void started(RunSetup setup, Simulation simulation) {
                first.started(setup, simulation);
                second.started(setup, simulation);
            }

            @Override
            public void ticked(TickMetrics metrics, Simulation simulation) {
                first.ticked(metrics, simulation);
                second.ticked(metrics, simulation);
            }

            @Override
            public void decided(DecisionRecord decision) {
                first.decided(decision);
                second.decided(decision);
            }

            @Override
            public void finished(RunResult result) {
                first.finished(result);
                second.finished(result);
            }
        };
    }
}
