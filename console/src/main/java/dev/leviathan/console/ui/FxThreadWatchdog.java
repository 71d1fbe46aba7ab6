package dev.leviathan.console.ui;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Watches the JavaFX Application Thread for stretches spent in Leviathan's own code: a sampler looks at
 * the thread's stack every {@value #SAMPLE_MILLIS} ms, and while a {@code dev.leviathan} frame stays on
 * it the stretch grows by the thread's CPU time when it is running and by wall time when it waits
 * (a lock, a future, I/O), less any garbage-collection pause. A stretch longer than the bound is a
 * {@link Stall}: engine work, I/O or a heavy computation that belongs on a background executor.
 *
 * <p>Counting CPU rather than wall time while running keeps a busy machine (other threads holding both
 * cores) from being blamed on the console; JavaFX's own layout and CSS do not count, as no Leviathan
 * frame is on the stack, and neither do a cold start's one-off costs: the JVM loading a class for the
 * first time, and the application's {@code start} building the window before its first frame.
 */
public final class FxThreadWatchdog implements AutoCloseable {

    public static final long DEFAULT_BOUND_MILLIS = 50;
    static final long SAMPLE_MILLIS = 5;
    private static final String FX_THREAD = "JavaFX Application Thread";
    private static final String OUR_CODE = "dev.leviathan.";

    /** One stretch over the bound: how long it counted and where the thread was. */
    public record Stall(long millis, String where) {
        @Override
        public String toString() {
            return millis + " ms in " + where;
        }
    }

    /**
     * One pulse gap over the bound and what filled it: the FX thread's CPU time, the collector's pauses,
     * and where the sampler found the thread most often. A gap with little FX CPU and no GC is the
     * machine or the renderer, not the thread.
     */
    public record Gap(long millis, long fxCpuMillis, long gcMillis, String mostlyIn, boolean oneOff) {
        @Override
        public String toString() {
            return millis + " ms" + (oneOff ? " [one-off: a window built or a screen shown the first time]" : "")
                    + " (FX thread CPU " + fxCpuMillis + " ms, GC " + gcMillis + " ms; mostly " + mostlyIn + ")";
        }
    }

    private static final int WORST_GAPS_KEPT = 5;

    private final long boundNanos;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<Stall> stalls = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile boolean paused;
    private static volatile int oneOffDepth;
    private static volatile long lastOneOffEnded;
    private long longestStretchNanos;
    private Thread fx;
    private long lastPulse;
    private long longestPulseGap;
    private long pulses;
    private long gapsOverBound;
    private long oneOffGaps;
    private long rendererGaps;
    private long lastPulseCpu;
    private long lastPulseGc;
    private final SampleRing ring = new SampleRing(512);
    private final List<Gap> worstGaps = new ArrayList<>();

    private FxThreadWatchdog(long boundMillis) {
        this.boundNanos = boundMillis * 1_000_000;
        this.sampler = new Thread(this::sample, "fx-thread-watchdog");
        sampler.setDaemon(true);
    }

    /** Starts watching; the FX thread is found by name, so the toolkit may start later. */
    public static FxThreadWatchdog start(long boundMillis) {
        FxThreadWatchdog watchdog = new FxThreadWatchdog(boundMillis);
        watchdog.sampler.start();
        return watchdog;
    }

    /** The stalls since the last call, which clears them. */
    public synchronized List<Stall> drainStalls() {
        List<Stall> found = List.copyOf(stalls);
        stalls.clear();
        return found;
    }

    /**
     * Runs {@code work} unwatched: for what must hold the FX thread and is not the console's doing (a test
     * taking a snapshot of the scene). Nor is the pulse gap it makes counted: the next pulse starts the
     * clock again.
     */
    public <T> T unwatched(java.util.concurrent.Callable<T> work) throws Exception {
        paused = true;
        try {
            return work.call();
        } finally {
            synchronized (this) {
                lastPulse = 0;
            }
            paused = false;
        }
    }

    /**
     * Runs {@code work}, a one-off cost of the console's first moments (building the screens once the
     * engine opens, showing a screen for the first time), without counting it: it cannot move off the
     * FX thread, and it does not come back.
     */
    public static void oneOff(Runnable work) {
        oneOffDepth++;
        try {
            work.run();
        } finally {
            oneOffDepth--;
            lastOneOffEnded = System.nanoTime();
        }
    }

    /** When the last {@link #oneOff} ended ({@link System#nanoTime}), so diagnostics can set its pulse apart. */
    public static long lastOneOffEnded() {
        return lastOneOffEnded;
    }

    public synchronized long longestStretchMillis() {
        return longestStretchNanos / 1_000_000;
    }

    private void sample() {
        long stretch = 0;
        long lastWall = 0;
        long lastCpu = 0;
        long lastGc = 0;
        StackTraceElement[] culprit = null;
        boolean reported = false;
        while (running) {
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            if (fx == null || !fx.isAlive()) {
                fx = fxThread();
                if (fx == null) {
                    continue;
                }
                startPulseClock();
            }
            ThreadInfo info = threads.getThreadInfo(fx.threadId(), 256);
            StackTraceElement[] stack = info == null ? new StackTraceElement[0] : aboveNestedEventLoop(info.getStackTrace());
            long wall = System.nanoTime();
            long cpu = threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(fx.threadId()) : -1;
            long gc = gcNanos();
            ring.add(wall, info == null ? new StackTraceElement[0] : stack);
            boolean inOurCode = Arrays.stream(stack)
                    .anyMatch(f -> f.getClassName().startsWith(OUR_CODE) && !f.getClassName().startsWith(getClass().getName()));
            if (paused || oneOffDepth > 0) {
                stretch = 0;
                lastWall = 0;
                continue;
            }
            if (inOurCode && (loadingClasses(stack) || buildingTheWindow(stack))) {
                // The JVM loading and initialising a class for the first time, or the application
                // building its window before the first frame: one-off costs of a cold start (measured
                // as time to first frame instead), not work to move elsewhere. Neither counted nor an
                // end of the stretch.
                lastWall = wall;
                lastCpu = cpu;
                lastGc = gc;
                continue;
            }
            if (inOurCode && lastWall != 0) {
                long counted = info.getThreadState() == Thread.State.RUNNABLE && cpu >= 0 && lastCpu >= 0
                        ? cpu - lastCpu : wall - lastWall;
                stretch += Math.max(0, counted - (gc - lastGc));
                culprit = stack;
                synchronized (this) {
                    longestStretchNanos = Math.max(longestStretchNanos, stretch);
                    if (stretch > boundNanos && !reported) {
                        reported = true;
                        stalls.add(new Stall(stretch / 1_000_000, describe(culprit)));
                    } else if (reported && !stalls.isEmpty()) {
                        Stall last = stalls.getLast();
                        stalls.set(stalls.size() - 1, new Stall(stretch / 1_000_000, last.where()));
                    }
                }
            } else if (!inOurCode) {
                stretch = 0;
                reported = false;
            }
            lastWall = wall;
            lastCpu = cpu;
            lastGc = gc;
        }
    }

    /**
     * The frames run by the innermost event loop: a dialog's {@code showAndWait} enters a nested loop
     * that keeps pulsing, so what called it is waiting for the operator, not blocking the thread.
     */
    private static StackTraceElement[] aboveNestedEventLoop(StackTraceElement[] stack) {
        for (int i = 0; i < stack.length; i++) {
            if (stack[i].getMethodName().equals("enterNestedEventLoop")) {
                return Arrays.copyOf(stack, i);
            }
        }
        return stack;
    }

    /**
     * Keeps pulses coming and times the gaps between them, for the report: a gap says the FX thread or
     * the renderer was busy, whoever's work it was, or that the machine was.
     */
    private void startPulseClock() {
        javafx.application.Platform.runLater(() -> new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                if (!running) {
                    stop();
                    return;
                }
                long cpu = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
                long gc = gcNanos();
                synchronized (FxThreadWatchdog.this) {
                    if (lastPulse != 0 && !paused && oneOffDepth == 0) {
                        long gap = now - lastPulse;
                        longestPulseGap = Math.max(longestPulseGap, gap);
                        if (gap > boundNanos) {
                            gapsOverBound++;
                            boolean oneOff = lastOneOffEnded > lastPulse || ring.anyBetween(lastPulse, now,
                                    FxThreadWatchdog::buildingTheWindow);
                            oneOffGaps += oneOff ? 1 : 0;
                            rendererGaps += !oneOff && ring.halfOrMoreBetween(lastPulse, now,
                                    FxThreadWatchdog::waitingForTheRenderer) ? 1 : 0;
                            keepIfWorst(new Gap(gap / 1_000_000, (cpu - lastPulseCpu) / 1_000_000,
                                    (gc - lastPulseGc) / 1_000_000, ring.mostlyBetween(lastPulse, now), oneOff));
                        }
                    }
                    lastPulse = now;
                    lastPulseCpu = cpu;
                    lastPulseGc = gc;
                    pulses++;
                }
            }
        }.start());
    }

    private void keepIfWorst(Gap gap) {
        worstGaps.add(gap);
        // The longest of each kind, steady ones first: they are the ones that are not a cold start.
        worstGaps.sort(java.util.Comparator.comparing(Gap::oneOff).thenComparing(Gap::millis,
                java.util.Comparator.reverseOrder()));
        long oneOffs = worstGaps.stream().filter(Gap::oneOff).count();
        if (oneOffs > 2) {
            worstGaps.remove(worstGaps.size() - 1);
        } else if (worstGaps.size() > WORST_GAPS_KEPT) {
            worstGaps.remove(worstGaps.size() - 1 - (int) oneOffs);
        }
    }

    /** The longest pulse gaps over the bound since the last call (at most five), longest first. */
    public synchronized List<Gap> drainWorstGaps() {
        List<Gap> found = List.copyOf(worstGaps);
        worstGaps.clear();
        return found;
    }

    /**
     * Since the last call: pulses seen, the longest gap between two (ms), how many gaps exceeded the
     * bound, the longest stretch in Leviathan code (ms), how many of those gaps were one-offs, and how
     * many of the others were spent mostly waiting for the render thread.
     */
    public synchronized long[] drainPulseFigures() {
        long[] figures = {pulses, longestPulseGap / 1_000_000, gapsOverBound, longestStretchNanos / 1_000_000,
                oneOffGaps, rendererGaps};
        longestStretchNanos = 0;
        oneOffGaps = 0;
        rendererGaps = 0;
        pulses = 0;
        longestPulseGap = 0;
        gapsOverBound = 0;
        return figures;
    }

    /**
     * The pulse waits until the render thread has painted the previous frame: with the software
     * pipeline of headless tests, a whole window repainted takes 50–170 ms of the renderer's time.
     */
    public static boolean waitingForTheRenderer(StackTraceElement[] stack) {
        return Arrays.stream(stack).anyMatch(f -> f.getMethodName().equals("waitForRenderingToComplete"));
    }

    private static boolean waiting(StackTraceElement f) {
        String type = f.getClassName();
        return type.equals("jdk.internal.misc.Unsafe") || type.startsWith("java.util.concurrent.locks.")
                || type.equals("java.util.concurrent.CountDownLatch")
                || type.equals("java.lang.Object") && f.getMethodName().startsWith("wait");
    }

    private static String frame(StackTraceElement f) {
        return f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName();
    }

    /** The last stacks of the FX thread, each with when it was taken, for explaining a gap after it. */
    private static final class SampleRing {
        private final long[] times;
        private final StackTraceElement[][] stacks;
        private int next;
        private int size;

        SampleRing(int capacity) {
            times = new long[capacity];
            stacks = new StackTraceElement[capacity][];
        }

        synchronized void add(long time, StackTraceElement[] stack) {
            times[next] = time;
            stacks[next] = stack;
            next = (next + 1) % times.length;
            size = Math.min(size + 1, times.length);
        }

        /**
         * What the thread was doing for most of a gap: the innermost call on the stack in at least half
         * of the samples taken in it, and the innermost Leviathan call on it in at least a third, if any.
         */
        synchronized boolean anyBetween(long from, long to, java.util.function.Predicate<StackTraceElement[]> test) {
            for (int i = 0; i < size; i++) {
                if (times[i] > from && times[i] <= to && test.test(stacks[i])) {
                    return true;
                }
            }
            return false;
        }

        /** Whether at least half the samples between the two times pass {@code test}. */
        synchronized boolean halfOrMoreBetween(long from, long to,
                java.util.function.Predicate<StackTraceElement[]> test) {
            int total = 0;
            int passed = 0;
            for (int i = 0; i < size; i++) {
                if (times[i] > from && times[i] <= to) {
                    total++;
                    passed += test.test(stacks[i]) ? 1 : 0;
                }
            }
            return total > 0 && passed * 2 >= total;
        }

        synchronized String mostlyBetween(long from, long to) {
            java.util.Map<String, int[]> seen = new java.util.HashMap<>();
            int total = 0;
            for (int i = 0; i < size; i++) {
                if (times[i] <= from || times[i] > to) {
                    continue;
                }
                total++;
                java.util.Set<String> once = new java.util.HashSet<>();
                StackTraceElement[] stack = stacks[i];
                for (int depth = 0; depth < stack.length; depth++) {
                    if (waiting(stack[depth])) {
                        // Parked in a lock or a latch: what counts is who waits, further up.
                        continue;
                    }
                    String key = frame(stack[depth]);
                    if (once.add(key)) {
                        // count, sum of depths, and whether it is ours
                        int[] c = seen.computeIfAbsent(key, k -> new int[3]);
                        c[0]++;
                        c[1] += depth;
                        c[2] = stack[depth].getClassName().startsWith(OUR_CODE) ? 1 : 0;
                    }
                }
            }
            if (total == 0) {
                return "no sample: the sampler did not run either, the machine was busy";
            }
            String dominant = innermost(seen, total / 2.0, false);
            String ours = innermost(seen, total / 3.0, true);
            int share = dominant == null ? 0 : seen.get(dominant)[0];
            return (dominant == null ? "no call common to half the samples" : "in " + dominant + " (" + share + " of "
                    + total + " samples)") + (ours == null ? "" : ", under " + ours);
        }

        private static String innermost(java.util.Map<String, int[]> seen, double atLeast, boolean oursOnly) {
            String best = null;
            double bestDepth = Double.MAX_VALUE;
            for (var entry : seen.entrySet()) {
                int[] c = entry.getValue();
                if (c[0] >= atLeast && (!oursOnly || c[2] == 1) && !entry.getKey().startsWith("FxThreadWatchdog")) {
                    double depth = (double) c[1] / c[0];
                    if (depth < bestDepth) {
                        bestDepth = depth;
                        best = entry.getKey();
                    }
                }
            }
            return best;
        }
    }

    private static boolean loadingClasses(StackTraceElement[] stack) {
        return Arrays.stream(stack).anyMatch(f -> f.getMethodName().equals("<clinit>")
                || f.getClassName().equals("java.lang.ClassLoader") && f.getMethodName().startsWith("loadClass")
                || f.getClassName().startsWith("jdk.internal.loader."));
    }

    /** A Leviathan {@code …App.start} is on the stack: a window is being built, not yet shown. */
    private static boolean buildingTheWindow(StackTraceElement[] stack) {
        return Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith(OUR_CODE)
                && f.getClassName().endsWith("App") && f.getMethodName().equals("start"));
    }

    private static Thread fxThread() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(FX_THREAD)).findFirst()
                .orElse(null);
    }

    /**
     * Time the collectors stopped the application: G1's "Concurrent GC", ZGC's and Shenandoah's "Cycles"
     * beans count work done beside it, which stops no thread, so they are left out.
     */
    private static long gcNanos() {
        long millis = 0;
        for (GarbageCollectorMXBean gc : PAUSING_COLLECTORS) {
            millis += Math.max(0, gc.getCollectionTime());
        }
        return millis * 1_000_000;
    }

    private static final List<GarbageCollectorMXBean> PAUSING_COLLECTORS = ManagementFactory
            .getGarbageCollectorMXBeans().stream()
            .filter(gc -> !gc.getName().contains("Concurrent") && !gc.getName().contains("Cycles")).toList();

    /** The Leviathan frames of the stack, innermost first, so the report names the code to move. */
    private static String describe(StackTraceElement[] stack) {
        return Arrays.stream(stack).filter(f -> f.getClassName().startsWith(OUR_CODE)).limit(6)
                .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName()
                        + ":" + f.getLineNumber())
                .collect(Collectors.joining(" ← "));
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
