package dev.leviathan.console.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leviathan.console.graph.GraphScene.SceneEdge;
import dev.leviathan.console.graph.GraphScene.SceneNode;
import dev.leviathan.engine.graph.EdgeType;
import dev.leviathan.engine.graph.NodeType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class SceneLayoutTest {

    private static final List<SceneNode> CHAIN = List.of(
            new SceneNode("target:t", NodeType.TARGET, "t"),
            new SceneNode("task:t:a", NodeType.TASK, "a"),
            new SceneNode("attempt:1", NodeType.ATTEMPT, "1"),
            new SceneNode("pr:t:7", NodeType.PULL_REQUEST, "#7"),
            new SceneNode("commit:t:c", NodeType.COMMIT, "c"),
            new SceneNode("file:t:x", NodeType.FILE, "x"));
    private static final List<SceneEdge> CHAIN_EDGES = List.of(
            new SceneEdge(EdgeType.CONTAINS, "target:t", "task:t:a"),
            new SceneEdge(EdgeType.EXECUTED, "task:t:a", "attempt:1"),
            new SceneEdge(EdgeType.PRODUCED, "attempt:1", "pr:t:7"),
            new SceneEdge(EdgeType.CONTAINS, "target:t", "commit:t:c"),
            new SceneEdge(EdgeType.CONTAINS, "commit:t:c", "file:t:x"),
            new SceneEdge(EdgeType.AT, "file:t:x", "commit:t:c"));

    @Test
    void layeredLayoutRunsAttemptToPullRequestChainsLeftToRight() {
        GraphScene scene = SceneLayout.layout(CHAIN, CHAIN_EDGES, SceneLayout.Kind.LAYERED, p -> { }, () -> false);
        double target = scene.x(scene.indexOf("target:t"));
        double task = scene.x(scene.indexOf("task:t:a"));
        double attempt = scene.x(scene.indexOf("attempt:1"));
        double pr = scene.x(scene.indexOf("pr:t:7"));
        assertThat(target).isLessThan(task);
        assertThat(task).isLessThan(attempt);
        assertThat(attempt).isLessThan(pr);
        // AT points back up the chain and does not pull the file left of its commit.
        assertThat(scene.x(scene.indexOf("file:t:x"))).isGreaterThan(scene.x(scene.indexOf("commit:t:c")));
    }

    @Test
    void forceLayoutSpreadsNodesAndReportsProgressToTheEnd() {
        List<Double> progress = new ArrayList<>();
        GraphScene scene = SceneLayout.layout(CHAIN, CHAIN_EDGES, SceneLayout.Kind.FORCE, progress::add, () -> false);
        assertThat(scene.nodeCount()).isEqualTo(6);
        assertThat(scene.edgeCount()).isEqualTo(6);
        for (int i = 0; i < scene.nodeCount(); i++) {
            for (int j = i + 1; j < scene.nodeCount(); j++) {
                assertThat(Math.hypot(scene.x(i) - scene.x(j), scene.y(i) - scene.y(j))).isGreaterThan(1);
            }
        }
        assertThat(progress).last().isEqualTo(1.0);
    }

    @Test
    void aCancelledForceLayoutStops() {
        List<SceneNode> nodes = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            nodes.add(new SceneNode("n" + i, NodeType.FILE, "n" + i));
        }
        assertThatThrownBy(() -> SceneLayout.layout(nodes, List.of(), SceneLayout.Kind.FORCE, p -> { }, () -> true))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void aCancelledBigLayoutStops() {
        GraphScene graph = GraphPanBenchmarkTest.synthetic();
        assertThatThrownBy(() -> SceneLayout.layout(graph.nodes(), graph.edges(), SceneLayout.Kind.FORCE, p -> { },
                () -> true)).isInstanceOf(CancellationException.class);
    }

    @Test
    void barnesHutPullsNeighboursTogetherAndPushesStrangersApart() {
        // Two cliques of 50 with no edge between them: each ends up tighter than the gap.
        int n = 100;
        List<int[]> pairs = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                if (a / 50 == b / 50) {
                    pairs.add(new int[] {a, b});
                }
            }
        }
        double[][] xy = new BarnesHutLayout(n, pairs.stream().mapToInt(p -> p[0]).toArray(),
                pairs.stream().mapToInt(p -> p[1]).toArray(), 400, 1).run(100, p -> { }, () -> false);
        double[] c0 = centre(xy, 0);
        double[] c1 = centre(xy, 50);
        double spread = 0;
        for (int i = 0; i < 50; i++) {
            spread = Math.max(spread, Math.hypot(xy[0][i] - c0[0], xy[1][i] - c0[1]));
        }
        assertThat(Math.hypot(c0[0] - c1[0], c0[1] - c1[1])).isGreaterThan(spread);
    }

    private static double[] centre(double[][] xy, int from) {
        double cx = 0;
        double cy = 0;
        for (int i = from; i < from + 50; i++) {
            cx += xy[0][i] / 50;
            cy += xy[1][i] / 50;
        }
        return new double[] {cx, cy};
    }

    @Test
    void expandingPlacesOnlyNewNeighboursAroundTheNodeAndKeepsTheRest() {
        GraphScene scene = SceneLayout.layout(CHAIN, CHAIN_EDGES, SceneLayout.Kind.LAYERED, p -> { }, () -> false);
        GraphScene expanded = SceneLayout.expand(scene, "attempt:1",
                List.of(new SceneNode("attempt:1", NodeType.ATTEMPT, "1"), new SceneNode("job:j", NodeType.JOB, "j")),
                List.of(new SceneEdge(EdgeType.RAN_AS, "attempt:1", "job:j"),
                        new SceneEdge(EdgeType.PRODUCED, "attempt:1", "pr:t:7")));
        assertThat(expanded.nodeCount()).isEqualTo(7);
        assertThat(expanded.edgeCount()).isEqualTo(7);
        int attempt = expanded.indexOf("attempt:1");
        assertThat(expanded.x(attempt)).isEqualTo(scene.x(scene.indexOf("attempt:1")));
        int job = expanded.indexOf("job:j");
        assertThat(Math.hypot(expanded.x(job) - expanded.x(attempt), expanded.y(job) - expanded.y(attempt)))
                .isLessThan(SceneLayout.SPACING * 3);
    }

    @Test
    void theSpatialGridFindsExactlyTheNodesOfARegion() {
        GraphScene scene = GraphPanBenchmarkTest.synthetic();
        double x0 = 1_000;
        double y0 = 1_500;
        double x1 = 1_800;
        double y1 = 2_100;
        List<Integer> found = new ArrayList<>();
        scene.forEachIn(x0, y0, x1, y1, i -> {
            if (scene.x(i) >= x0 && scene.x(i) <= x1 && scene.y(i) >= y0 && scene.y(i) <= y1) {
                found.add(i);
            }
        });
        long expected = 0;
        for (int i = 0; i < scene.nodeCount(); i++) {
            if (scene.x(i) >= x0 && scene.x(i) <= x1 && scene.y(i) >= y0 && scene.y(i) <= y1) {
                expected++;
            }
        }
        assertThat(found).hasSize((int) expected).doesNotHaveDuplicates();
        assertThat(expected).isPositive();
    }
}
