package dev.leviathan.engine.aegis.scenario;

/** How a workload's incoming requests per second change over the run. */
public sealed interface TrafficPattern {

    /** Requests per second at {@code tick}, given the spec's base {@code rps}. */
    double rpsAt(double rps, int tick);

    /** The same rate all run long. */
    record Constant() implements TrafficPattern {
        @Override
        public double rpsAt(double rps, int tick) {
            return rps;
        }
    }

    /** From {@code rps} at {@code startTick} linearly to {@code toRps} over {@code overTicks}, then flat. */
    record Ramp(double toRps, int overTicks, int startTick) implements TrafficPattern {
        @Override
        public double rpsAt(double rps, int tick) {
            if (tick <= startTick) {
                return rps;
            }
            if (overTicks <= 0 || tick >= startTick + overTicks) {
                return toRps;
            }
            return rps + (toRps - rps) * (tick - startTick) / overTicks;
        }
    }

    /**
     * A day-shaped sine around {@code rps}: {@code rps × (1 + amplitude × sin(2π (tick − peakTick) / period + π/2))},
     * so the peak is at {@code peakTick} and the trough half a period later.
     */
    record Diurnal(double amplitude, int periodTicks, int peakTick) implements TrafficPattern {

        /** One simulated day. */
        public static final int DAY_TICKS = 24 * 3600 / Scenario.SECONDS_PER_TICK;

        @Override
        public double rpsAt(double rps, int tick) {
            double phase = 2 * Math.PI * (tick - peakTick) / periodTicks;
            return Math.max(0, rps * (1 + amplitude * StrictMath.cos(phase)));
        }
    }
}
