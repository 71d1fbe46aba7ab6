package dev.leviathan.engine.bench;

import dev.leviathan.engine.aegis.sim.Futures;
import dev.leviathan.engine.aegis.sim.Simulation;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * {@code leviathanctl bench aegis}: the simulator's speed against issue 6's targets, each figure beside a
 * baseline run in the same process.
 *
 * <ul>
 *   <li>Ticks per second, single-threaded, at 100 nodes / 2,000 pods and 1,000 nodes / 20,000 pods.
 *       Baseline: one pass over arrays holding as many pods × fields as the simulator's, reading and
 *       writing each once: the least any tick that looks at every pod can cost.
 *   <li>{@code fork()} at 100 nodes: time and bytes allocated per fork (from the JVM's per-thread
 *       allocation counter). Baseline: {@code clone()} of one {@code long[]} of the same size.
 *   <li>40 futures × 60 ticks from one state, on one thread and on all cores; the combined trace hash
 *       must be equal.
 * </ul>
 */
public final class AegisBenchmark {

    public static final double SMALL_TARGET_TICKS_PER_SECOND = 10_000;
    public static final double LARGE_TARGET_TICKS_PER_SECOND = 1_000;
    public static final double FORK_TARGET_MICROS = 50;
    public static final double FORK_TARGET_BYTES = 1 << 20;
    public static final double FUTURES_TARGET_MILLIS = 300;
    static final int FUTURES = 40;
    static final int FUTURE_TICKS = 60;
    /** Fields per pod the simulator keeps, for the baseline pass. */
    static final int POD_FIELDS = 19;

    private final Consumer<String> progress;

    public AegisBenchmark(Consumer<String> progress) {
        this.progress = progress;
    }

    public record TickFigure(int nodes, int pods, double ticksPerSecond, double baselinePassesPerSecond, double target) {
        public double ratio() {
            return baselinePassesPerSecond / ticksPerSecond;
        }

        public boolean within() {
            return ticksPerSecond >= target;
        }
    }

    public record ForkFigure(double micros, double bytes, double baselineMicros) {
        public boolean within() {
            return micros <= FORK_TARGET_MICROS && bytes <= FORK_TARGET_BYTES;
        }
    }

    public record FuturesFigure(int threads, double oneThreadMillis, double allThreadsMillis, boolean sameAnswer) {
        public boolean within() {
            return oneThreadMillis <= FUTURES_TARGET_MILLIS && sameAnswer;
        }
    }

    public record Result(TickFigure small, TickFigure large, ForkFigure fork, FuturesFigure futures) {
        public boolean within() {
            return small.within() && large.within() && fork.within() && futures.within();
        }

        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            lines.add(tickLine(small));
            lines.add(tickLine(large));
            lines.add(String.format("fork at 100 nodes / 2,000 pods: %.1f µs, %.0f KiB allocated (targets %.0f µs, %.0f KiB);"
                    + " baseline clone of as many bytes %.1f µs → %.2f× baseline", fork.micros(), fork.bytes() / 1024,
                    FORK_TARGET_MICROS, FORK_TARGET_BYTES / 1024, fork.baselineMicros(), fork.micros() / fork.baselineMicros()));
            lines.add(String.format("%d futures × %d ticks: %.0f ms on one thread (target %.0f ms), %.0f ms on %d threads"
                    + " (%.2f× faster); same combined trace hash: %s", FUTURES, FUTURE_TICKS, futures.oneThreadMillis(),
                    FUTURES_TARGET_MILLIS, futures.allThreadsMillis(), futures.threads(),
                    futures.oneThreadMillis() / futures.allThreadsMillis(), futures.sameAnswer() ? "yes" : "NO"));
            lines.add(within() ? "all within target" : "NOT all within target");
            return lines;
        }

        private static String tickLine(TickFigure t) {
            return String.format("%,d nodes / %,d pods: %,.0f ticks/s single-threaded (target %,.0f): %s;"
                    + " baseline pass over every pod %,.0f/s → a tick costs %.1f× that pass", t.nodes(), t.pods(),
                    t.ticksPerSecond(), t.target(), t.within() ? "within" : "NOT within", t.baselinePassesPerSecond(), t.ratio());
        }
    }

    public Result run(int rounds) {
        TickFigure small = ticks(100, 2_000, 20_000 * rounds, SMALL_TARGET_TICKS_PER_SECOND);
        TickFigure large = ticks(1_000, 20_000, 2_000 * rounds, LARGE_TARGET_TICKS_PER_SECOND);
        ForkFigure fork = fork(2_000 * rounds);
        FuturesFigure futures = futures(Math.max(3, rounds * 3));
        return new Result(small, large, fork, futures);
    }

    private TickFigure ticks(int nodes, int pods, int ticks, double target) {
        progress.accept(String.format("ticking %,d nodes / %,d pods for %,d ticks", nodes, pods, ticks));
        Simulation sim = Simulation.start(SyntheticCluster.of(nodes, pods, Integer.MAX_VALUE));
        for (int i = 0; i < ticks / 4; i++) {
            sim.step();
        }
        double[] pass = baselineArrays(pods);
        for (int i = 0; i < ticks / 4; i++) {
            baselinePass(pass, pods);
        }
        long start = System.nanoTime();
        for (int i = 0; i < ticks; i++) {
            sim.step();
        }
        double tickSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        double sink = 0;
        for (int i = 0; i < ticks; i++) {
            sink += baselinePass(pass, pods);
        }
        double baselineSeconds = (System.nanoTime() - start) / 1e9;
        if (sink == 42.4242) {
            progress.accept("");
        }
        return new TickFigure(nodes, pods, ticks / tickSeconds, ticks / baselineSeconds, target);
    }

    private static double[] baselineArrays(int pods) {
        double[] values = new double[pods * POD_FIELDS];
        Arrays.setAll(values, i -> i % 7);
        return values;
    }

    /** Reads and rewrites every field of every pod once. */
    private static double baselinePass(double[] values, int pods) {
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i] * 1.0000001 + 1;
            values[i] = v - 1;
            sum += v;
        }
        return sum;
    }

    private ForkFigure fork(int forks) {
        progress.accept(String.format("forking a 100-node / 2,000-pod state %,d times", forks));
        Simulation sim = Simulation.start(SyntheticCluster.of(100, 2_000, Integer.MAX_VALUE));
        for (int i = 0; i < 200; i++) {
            sim.step();
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        Simulation keep = null;
        for (int i = 0; i < forks; i++) {
            keep = sim.fork();
        }
        long bytesBefore = threads.getThreadAllocatedBytes(id);
        long start = System.nanoTime();
        for (int i = 0; i < forks; i++) {
            keep = sim.fork();
        }
        double micros = (System.nanoTime() - start) / 1e3 / forks;
        double bytes = (double) (threads.getThreadAllocatedBytes(id) - bytesBefore) / forks;
        long[] same = new long[(int) (bytes / 8)];
        long[] copy = null;
        for (int i = 0; i < forks; i++) {
            copy = same.clone();
        }
        start = System.nanoTime();
        for (int i = 0; i < forks; i++) {
            copy = same.clone();
        }
        double baseline = (System.nanoTime() - start) / 1e3 / forks;
        if (keep.tick() < 0 || copy.length < 0) {
            progress.accept("");
        }
        return new ForkFigure(micros, bytes, baseline);
    }

    private FuturesFigure futures(int rounds) {
        int cores = Math.max(2, Runtime.getRuntime().availableProcessors());
        progress.accept(String.format("%d futures × %d ticks from one 100-node state, on 1 and %d threads, %d rounds",
                FUTURES, FUTURE_TICKS, cores, rounds));
        Simulation sim = Simulation.start(SyntheticCluster.of(100, 2_000, Integer.MAX_VALUE));
        for (int i = 0; i < 100; i++) {
            sim.step();
        }
        ExecutorService one = Executors.newSingleThreadExecutor();
        ExecutorService all = Executors.newFixedThreadPool(cores);
        try {
            long oneHash = 0;
            long allHash = 0;
            double oneBest = Double.MAX_VALUE;
            double allBest = Double.MAX_VALUE;
            for (int r = 0; r < rounds + 2; r++) {
                long start = System.nanoTime();
                oneHash = combined(Futures.run(sim, FUTURES, FUTURE_TICKS, f -> { }, one));
                double oneMillis = (System.nanoTime() - start) / 1e6;
                start = System.nanoTime();
                allHash = combined(Futures.run(sim, FUTURES, FUTURE_TICKS, f -> { }, all));
                double allMillis = (System.nanoTime() - start) / 1e6;
                if (r >= 2) {
                    oneBest = Math.min(oneBest, oneMillis);
                    allBest = Math.min(allBest, allMillis);
                }
            }
            return new FuturesFigure(cores, oneBest, allBest, oneHash == allHash);
        } finally {
            one.shutdownNow();
            all.shutdownNow();
        }
    }

    private static long combined(List<Simulation> ends) {
        long hash = 17;
        for (Simulation end : ends) {
            hash = hash * 31 + end.traceHash();
        }
        return hash;
    }
}
