package dev.leviathan.console;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * A diagnostic for pulse gaps, on only with {@code -Dleviathan.cssCensus=true}: before each pulse's CSS
 * pass it finds the subtrees JavaFX will restyle (a node whose CSS flag asks for an update or a
 * reapply is processed with all its descendants) and times the CSS and layout passes, so the pulses
 * that cost most can be traced to the nodes that made them dirty. Counting nodes is independent of how
 * busy the machine is, which wall-clock gaps are not.
 */
final class CssCensus {

    static final boolean ENABLED = Boolean.getBoolean("leviathan.cssCensus");
    private static final Field CSS_FLAG = ENABLED ? cssFlagField() : null;
    private static final int KEPT = 12;

    /** {@code cpuNanos}: the FX thread's CPU time in the pulse's CSS and layout, which load does not inflate. */
    record Pulse(long nanos, long cpuNanos, long startedAtMillis, int restyled, String culprits) {
        @Override
        public String toString() {
            return String.format("%d ms css+layout (%d ms CPU, at %s), %d nodes restyled: %s", nanos / 1_000_000,
                    cpuNanos / 1_000_000, java.time.Instant.ofEpochMilli(startedAtMillis), restyled, culprits);
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private static final List<Pulse> worst = new ArrayList<>();
    private static final Set<Scene> watched = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
    private static long totalRestyled;
    private static long started;
    private static long startedCpu;
    private static long startedAt;
    private static int lastCount;
    private static String lastCulprits = "";
    private static long lastPulseEnded;
    private static final Map<Scene, Integer> pulsesSeen = new java.util.WeakHashMap<>();
    private static boolean oneOff;

    private CssCensus() {
    }

    static void start() {
        if (!ENABLED) {
            return;
        }
        Thread waiter = new Thread(() -> {
            // The toolkit starts with the first test's window; until then runLater refuses.
            while (true) {
                try {
                    Platform.runLater(CssCensus::watchScenes);
                    return;
                } catch (IllegalStateException notYet) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "css-census-start");
        waiter.setDaemon(true);
        waiter.start();
    }

    private static void watchScenes() {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                for (Window window : Window.getWindows()) {
                    Scene scene = window.getScene();
                    if (scene != null && watched.add(scene)) {
                        scene.addPreLayoutPulseListener(() -> before(scene));
                        scene.addPostLayoutPulseListener(CssCensus::after);
                    }
                }
            }
        }.start();
    }

    static synchronized List<String> drain() {
        List<String> lines = new ArrayList<>();
        lines.add("css census: " + totalRestyled + " nodes restyled in all");
        worst.stream().sorted(Comparator.comparingLong(Pulse::cpuNanos).reversed()).forEach(p -> lines.add("  " + p));
        worst.clear();
        totalRestyled = 0;
        return lines;
    }

    private static void before(Scene scene) {
        // A window's first pulses and a screen's first showing are one-offs (the watchdog sets them
        // apart too): the census is after the costs that come back.
        int seen = pulsesSeen.merge(scene, 1, Integer::sum);
        oneOff = seen <= 3 || dev.leviathan.console.ui.FxThreadWatchdog.lastOneOffEnded() > lastPulseEnded;
        Map<String, Integer> culprits = new HashMap<>();
        int[] count = {0};
        if (scene.getRoot() != null) {
            visit(scene.getRoot(), culprits, count);
        }
        List<String> origins = new ArrayList<>();
        if (scene.getRoot() != null) {
            layoutOrigins(scene.getRoot(), origins);
        }
        lastCount = count[0];
        lastCulprits = culprits.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(6).map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining("; "))
                + " | layout from: " + origins.stream().distinct().limit(6).collect(Collectors.joining("; "));
        startedAt = System.currentTimeMillis();
        startedCpu = THREADS.getCurrentThreadCpuTime();
        started = System.nanoTime();
    }

    private static synchronized void after() {
        long nanos = System.nanoTime() - started;
        long cpu = THREADS.getCurrentThreadCpuTime() - startedCpu;
        lastPulseEnded = System.nanoTime();
        totalRestyled += lastCount;
        if (oneOff) {
            return;
        }
        worst.add(new Pulse(nanos, cpu, startedAt, lastCount, lastCulprits));
        worst.sort(Comparator.comparingLong(Pulse::cpuNanos).reversed());
        if (worst.size() > KEPT) {
            worst.removeLast();
        }
    }

    private static void visit(Node node, Map<String, Integer> culprits, int[] count) {
        String flag = flag(node);
        if (flag.equals("UPDATE") || flag.equals("REAPPLY")) {
            int size = size(node);
            count[0] += size;
            culprits.merge(flag + " " + describe(node) + changedStates(node), size, Integer::sum);
            return;
        }
        if (flag.equals("CLEAN")) {
            return;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child, culprits, count);
            }
        }
    }

    /** The deepest parents asking for layout: where a pulse's layout work starts. */
    private static boolean layoutOrigins(Node node, List<String> origins) {
        if (!(node instanceof Parent parent) || !parent.isNeedsLayout() || !node.isVisible()) {
            return false;
        }
        boolean deeper = false;
        for (Node child : parent.getChildrenUnmodifiable()) {
            deeper |= layoutOrigins(child, origins);
        }
        if (!deeper) {
            origins.add(describe(node));
        }
        return true;
    }

    private static int size(Node node) {
        int size = 1;
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                size += size(child);
            }
        }
        return size;
    }

    private static final Map<Node, Set<javafx.css.PseudoClass>> statesSeen = new java.util.WeakHashMap<>();

    /** The pseudo-classes that changed since the node was last restyled: what made an update. */
    private static String changedStates(Node node) {
        Set<javafx.css.PseudoClass> now = Set.copyOf(node.getPseudoClassStates());
        Set<javafx.css.PseudoClass> before = statesSeen.put(node, now);
        if (before == null || before.equals(now)) {
            return "";
        }
        List<String> changes = new ArrayList<>();
        now.stream().filter(c -> !before.contains(c)).forEach(c -> changes.add("+" + c.getPseudoClassName()));
        before.stream().filter(c -> !now.contains(c)).forEach(c -> changes.add("-" + c.getPseudoClassName()));
        return " " + changes;
    }

    private static String describe(Node node) {
        StringBuilder where = new StringBuilder(node.getClass().getSimpleName());
        if (node.getId() != null) {
            where.append('#').append(node.getId());
        }
        node.getStyleClass().stream().limit(2).forEach(c -> where.append('.').append(c));
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up.getId() != null) {
                where.append(" in #").append(up.getId());
                break;
            }
        }
        return where.toString();
    }

    private static String flag(Node node) {
        try {
            return String.valueOf(CSS_FLAG.get(node));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field cssFlagField() {
        try {
            Field field = Node.class.getDeclaredField("cssFlag");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("JavaFX's Node has no cssFlag field: the census needs updating", e);
        }
    }
}
