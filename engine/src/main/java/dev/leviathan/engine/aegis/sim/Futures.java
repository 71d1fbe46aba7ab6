package dev.leviathan.engine.aegis.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Many possible futures of one state, side by side: each a fork with its own seed, optionally given a
 * plan, run for a number of ticks. Forks share nothing mutable, so they may run on any threads; the
 * results come back in the order the futures were asked for, so the answer is the same on one core or
 * many.
 */
public final class Futures {

    private Futures() {
    }

    /** The seed of future {@code index} of a state whose own seed is {@code seed}. */
    public static long seedOf(long seed, int index) {
        return Noise.mix(seed ^ Noise.mix(0x5EED_F00DL + index));
    }

    /**
     * Runs {@code count} futures of {@code from} for {@code ticks} ticks each; {@code prepare} may submit a
     * plan to each fork before it runs. The states at the end, in index order.
     */
    public static List<Simulation> run(Simulation from, int count, int ticks, Consumer<Simulation> prepare,
            Executor executor) {
        List<CompletableFuture<Simulation>> running = new ArrayList<>(count);
        long seed = from.view().tick() ^ from.traceHash();
        for (int i = 0; i < count; i++) {
            Simulation fork = from.fork(seedOf(seed, i));
            prepare.accept(fork);
            running.add(CompletableFuture.supplyAsync(() -> {
                for (int t = 0; t < ticks && !fork.finished(); t++) {
                    fork.step();
                }
                return fork;
            }, executor));
        }
        List<Simulation> ends = new ArrayList<>(count);
        for (CompletableFuture<Simulation> future : running) {
            ends.add(future.join());
        }
        return ends;
    }
}
