package dev.leviathan.engine.aegis.scenario;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/** What a run must achieve; each is checked on every tick from {@code fromTick} to the end. */
public sealed interface Objective {

    /** The first tick the objective is checked on. */
    int fromTick();

    /** Ready pods / desired replicas of the workload (as declared at tick 0) stays at least {@code minReadyRatio}. */
    record Availability(String workload, double minReadyRatio, int fromTick) implements Objective {
    }

    /** The share of the workload's requests that fail stays at most {@code max}. */
    record ErrorRate(String workload, double max, int fromTick) implements Objective {
    }

    /** The workload's mean request latency stays at most {@code maxMs}. */
    record Latency(String workload, double maxMs, int fromTick) implements Objective {
    }

    /** At most {@code maxNodes} schedulable nodes at any tick, and at most {@code maxNodeMinutes} over the run. */
    record Cost(OptionalInt maxNodes, OptionalDouble maxNodeMinutes) implements Objective {
        @Override
        public int fromTick() {
            return 0;
        }
    }
}
