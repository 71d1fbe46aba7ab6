package dev.leviathan.console.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.console.graph.GraphScene.SceneEdge;
import dev.leviathan.console.graph.GraphScene.SceneNode;
import dev.leviathan.engine.graph.EdgeType;
import dev.leviathan.engine.graph.NodeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Where the canvas plots a layer of shapes: on the FX thread when its edges are few, in the
 * background when they are many (a close view of a dense graph took 50–70 ms on the FX thread),
 * and in both cases the nodes end up drawn as shapes over their edges.
 */
class GraphCanvasLayerTest {

    private Stage stage;
    private GraphCanvas canvas;

    @BeforeEach
    void stage() throws Exception {
        FxToolkit.registerPrimaryStage();
        canvas = FxToolkit.setupFixture(GraphCanvas::new);
        stage = FxToolkit.setupFixture(() -> {
            Stage own = new Stage();
            own.setScene(new Scene(canvas, 800, 600));
            own.show();
            return own;
        });
    }

    @AfterEach
    void hide() throws Exception {
        FxToolkit.setupFixture(() -> {
            canvas.stop();
            stage.hide();
        });
    }

    @Test
    void aLayerWithFewEdgesIsPlottedOnTheFxThread() throws Exception {
        show(graph(40, 60));
        assertThat(canvas.backgroundLayers()).isZero();
        assertThat(canvas.lastMode()).isEqualTo("shapes+labels");
        assertNodeDrawn("n0");
    }

    @Test
    void aLayerWithManyEdgesIsPlottedInTheBackgroundAndItsNodesDrawnWhenItArrives() throws Exception {
        GraphScene dense = graph(300, 6_000);
        show(dense);
        assertThat(canvas.backgroundLayers()).isPositive();
        assertThat(canvas.lastMode()).isEqualTo("shapes+labels");
        assertNodeDrawn("n0");
    }

    private void show(GraphScene graph) throws Exception {
        FxToolkit.setupFixture(() -> {
            canvas.setScene(graph, true);
            canvas.start();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> canvas.cacheRenders() > 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The pixel at a node's centre has its type's colour: the node was drawn over the edges. */
    private void assertNodeDrawn(String id) throws Exception {
        Color expected = NodePalette.colour(NodeType.FILE);
        Color at = FxToolkit.setupFixture(() -> {
            Point2D p = canvas.screenOf(id);
            // Only the pixel wanted: a whole-canvas snapshot holds the FX thread for tens of ms.
            SnapshotParameters one = new SnapshotParameters();
            one.setViewport(new Rectangle2D(Math.round(p.getX()), Math.round(p.getY()), 1, 1));
            WritableImage image = canvas.snapshot(one, null);
            return image.getPixelReader().getColor(0, 0);
        });
        assertThat(at.getRed()).isCloseTo(expected.getRed(), Offset.offset(0.02));
        assertThat(at.getGreen()).isCloseTo(expected.getGreen(), Offset.offset(0.02));
        assertThat(at.getBlue()).isCloseTo(expected.getBlue(), Offset.offset(0.02));
    }

    /** {@code nodes} file nodes on a grid, {@code edges} random edges between them. */
    private static GraphScene graph(int nodes, int edges) {
        Random random = new Random(11);
        List<SceneNode> list = new ArrayList<>();
        int side = (int) Math.ceil(Math.sqrt(nodes));
        double[] x = new double[nodes];
        double[] y = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            list.add(new SceneNode("n" + i, NodeType.FILE, "f" + i));
            x[i] = (i % side) * SceneLayout.SPACING;
            y[i] = (i / side) * SceneLayout.SPACING;
        }
        List<SceneEdge> links = new ArrayList<>();
        for (int e = 0; e < edges; e++) {
            int from = random.nextInt(nodes);
            int to = (from + 1 + random.nextInt(nodes - 1)) % nodes;
            links.add(new SceneEdge(EdgeType.CONTAINS, "n" + from, "n" + to));
        }
        return GraphScene.of(list, links, x, y);
    }
}
