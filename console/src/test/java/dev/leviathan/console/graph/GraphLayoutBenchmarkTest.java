package dev.leviathan.console.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Lays out the pan benchmark's 20,000-node, 40,000-edge graph with both layouts and prints how
 * long each took. A benchmark, not a gate: it asserts only that every node got a position.
 */
class GraphLayoutBenchmarkTest {

    @Test
    void laysOutTwentyThousandNodesAndPrintsTheTime() {
        GraphScene graph = GraphPanBenchmarkTest.synthetic();
        for (SceneLayout.Kind kind : SceneLayout.Kind.values()) {
            long started = System.nanoTime();
            GraphScene laid = SceneLayout.layout(graph.nodes(), graph.edges(), kind, p -> { }, () -> false);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.println(String.format(Locale.ROOT, "GraphLayoutBenchmark: %s, %,d nodes, %,d edges: %.1f s",
                    kind, laid.nodeCount(), laid.edgeCount(), seconds));
            assertThat(laid.nodeCount()).isEqualTo(graph.nodeCount());
            for (int i = 0; i < laid.nodeCount(); i++) {
                assertThat(Double.isFinite(laid.x(i)) && Double.isFinite(laid.y(i))).isTrue();
            }
        }
    }
}
