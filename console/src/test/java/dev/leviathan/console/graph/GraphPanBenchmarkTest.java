package dev.leviathan.console.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.console.graph.GraphScene.SceneEdge;
import dev.leviathan.console.graph.GraphScene.SceneNode;
import dev.leviathan.engine.graph.EdgeType;
import dev.leviathan.engine.graph.NodeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Pans a synthetic 20,000-node, 40,000-edge graph on the real canvas, one step per pulse, and
 * prints frames per second and render time per frame. A benchmark, not a gate: it asserts only
 * that frames were drawn (STYLE.md: tests never assert on time).
 */
class GraphPanBenchmarkTest {

    static final int NODES = 20_000;
    static final int EDGES = 40_000;
    static final int FRAMES = 240;

    private static Stage stage;

    @BeforeAll
    static void stage() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void hide() throws Exception {
        FxToolkit.setupFixture(() -> stage.hide());
    }

    /** Clusters of nodes, as a repository's directories are, with edges mostly inside a cluster. */
    static GraphScene synthetic() {
        Random random = new Random(7);
        List<SceneNode> nodes = new ArrayList<>(NODES);
        double[] x = new double[NODES];
        double[] y = new double[NODES];
        NodeType[] types = NodeType.values();
        int clusters = 200;
        double side = SceneLayout.SPACING * Math.sqrt(NODES) * 1.6;
        double[][] centres = new double[clusters][];
        for (int c = 0; c < clusters; c++) {
            centres[c] = new double[] {random.nextDouble() * side, random.nextDouble() * side};
        }
        for (int i = 0; i < NODES; i++) {
            double[] centre = centres[i % clusters];
            x[i] = centre[0] + random.nextGaussian() * SceneLayout.SPACING * 3;
            y[i] = centre[1] + random.nextGaussian() * SceneLayout.SPACING * 3;
            NodeType type = i % 5 == 0 ? types[random.nextInt(types.length)] : NodeType.FILE;
            nodes.add(new SceneNode("n" + i, type, "src/module" + (i % clusters) + "/file" + i + ".py"));
        }
        List<SceneEdge> edges = new ArrayList<>(EDGES);
        for (int e = 0; e < EDGES; e++) {
            int from = random.nextInt(NODES);
            int step = random.nextInt(8) - 4;
            int to = random.nextInt(10) == 0 ? random.nextInt(NODES)
                    : Math.floorMod(from + clusters * (step >= 0 ? step + 1 : step), NODES);
            if (to == from) {
                to = (from + 1) % NODES;
            }
            edges.add(new SceneEdge(EdgeType.CONTAINS, "n" + from, "n" + to));
        }
        return GraphScene.of(nodes, edges, x, y);
    }

    record Figure(String what, int frames, double fps, double medianMs, double worstMs, double renderMs, double maxMs,
            String mode, int visible, long rerenders) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-30s %4d frames %5.1f fps, frame interval median %5.1f ms, worst"
                    + " %6.1f ms; FX-thread render %5.2f ms/frame, slowest %6.1f ms; mode %-13s %,6d nodes in view;"
                    + " layer drawn %d times", what, frames, fps, medianMs, worstMs, renderMs, maxMs, mode, visible,
                    rerenders);
        }
    }

    @Test
    void pansATwentyThousandNodeGraphAndPrintsFramesPerSecond() throws Exception {
        GraphScene graph = synthetic();
        assertThat(graph.nodeCount()).isEqualTo(NODES);
        assertThat(graph.edgeCount()).isEqualTo(EDGES);
        GraphCanvas canvas = new GraphCanvas();
        FxToolkit.setupStage(s -> {
            s.setScene(new Scene(canvas, 1280, 800));
            s.show();
        });
        FxToolkit.setupFixture(() -> {
            canvas.setScene(graph, true);
            canvas.start();
        });
        WaitForAsyncUtils.waitForFxEvents();

        List<Figure> figures = new ArrayList<>();
        figures.add(pan(canvas, "whole graph (fit)", () -> { }));
        figures.add(pan(canvas, "zoomed x4", () -> canvas.zoomAt(640, 400, 4)));
        figures.add(pan(canvas, "zoomed to 0.6", () -> canvas.zoomAt(640, 400, 0.6 / canvas.scale())));
        figures.add(pan(canvas, "zoomed to 1.0", () -> canvas.zoomAt(640, 400, 1.0 / canvas.scale())));
        figures.add(pan(canvas, "zoomed to 1.5", () -> canvas.zoomAt(640, 400,
                1.5 / canvas.scale())));
        System.out.println("GraphPanBenchmark: " + NODES + " nodes, " + EDGES + " edges, 1280x800 canvas, "
                + Runtime.getRuntime().availableProcessors() + " cores, load average "
                + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() + ", "
                + System.getProperty("prism.order", "default") + " pipeline, JavaFX "
                + System.getProperty("javafx.runtime.version"));
        figures.forEach(f -> System.out.println("GraphPanBenchmark: " + f));
        FxToolkit.setupFixture(canvas::stop);
        assertThat(figures).allSatisfy(f -> assertThat(f.frames()).isGreaterThan(0));
    }

    /** Pans by a few pixels on every pulse for {@link #FRAMES} pulses; fps is frames drawn over wall time. */
    private static Figure pan(GraphCanvas canvas, String what, Runnable setup) throws Exception {
        FxToolkit.setupFixture(() -> {
            canvas.fit();
            setup.run();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(100);
        CompletableFuture<Figure> done = new CompletableFuture<>();
        FxToolkit.setupFixture(() -> new AnimationTimer() {
            int pulses;
            long startNanos;
            long startFrames;
            long startRender;
            long startCache;
            long maxNanos;
            long previous;
            final long[] intervals = new long[FRAMES];

            @Override
            public void handle(long now) {
                if (pulses == 0) {
                    startNanos = System.nanoTime();
                    startFrames = canvas.frames();
                    startRender = canvas.renderNanos();
                    startCache = canvas.cacheRenders();
                }
                if (pulses > 0) {
                    maxNanos = Math.max(maxNanos, canvas.lastRenderNanos());
                    intervals[pulses - 1] = System.nanoTime() - previous;
                }
                previous = System.nanoTime();
                if (pulses++ == FRAMES) {
                    stop();
                    long frames = canvas.frames() - startFrames;
                    double seconds = (System.nanoTime() - startNanos) / 1e9;
                    long[] sorted = intervals.clone();
                    java.util.Arrays.sort(sorted);
                    done.complete(new Figure(what, (int) frames, frames / seconds, sorted[FRAMES / 2] / 1e6,
                            sorted[FRAMES - 1] / 1e6,
                            (canvas.renderNanos() - startRender) / 1e6 / Math.max(1, frames), maxNanos / 1e6,
                            canvas.lastMode(),
                            canvas.lastVisible(), canvas.cacheRenders() - startCache));
                    return;
                }
                // 6 px a frame, turning every 120 frames: the view leaves its layer on the way out and back.
                int sign = (pulses / 120) % 2 == 0 ? -1 : 1;
                canvas.panBy(6 * sign, 3 * sign);
            }
        }.start());
        return done.get(120, TimeUnit.SECONDS);
    }
}
