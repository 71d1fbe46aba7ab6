package dev.leviathan.console.graph;

import dev.leviathan.engine.graph.NodeType;
import java.util.Arrays;
import java.util.Set;

/**
 * One layer's pixels: edges as faint dots and, in pixel mode, nodes as squares of their type's
 * colour. Everything it reads is its own copy or the scene's (which a layout replaces rather than
 * changes), so it can run on a background thread while the FX thread goes on.
 *
 * @param visible      the nodes around the view, {@code visibleStamp[i] == stamp} for each of them
 * @param originX      where world (0, 0) × scale lands in the buffer
 */
record PixelRaster(GraphScene scene, int[] visible, int[] visibleStamp, int stamp, Set<NodeType> hidden, double scale,
        double originX, double originY, int width, int height, boolean dark, boolean nodes, int samples) {

    void plot(int[] pixels) {
        Arrays.fill(pixels, 0);
        plotEdges(pixels, width, height, visible.length, dark, samples);
        if (nodes) {
            plotNodes(pixels, width, height, visible.length);
        }
    }

    private boolean shown(int i) {
        return visibleStamp[i] == stamp;
    }

    private boolean drawable(int i) {
        return !hidden.contains(scene.types[i]);
    }

    /** Plots edges, each once from a visible end; the buffer's origin is (originX, originY) in world × scale. */
    private void plotEdges(int[] pixels, int w, int h, int count, boolean dark, int samples) {
        // Faint, and each edge once, from a visible end.
        int edgeColour = dark ? GraphCanvas.premultiplied(170, 180, 195, 0x58) : GraphCanvas.premultiplied(60, 70, 85, 0x48);
        int[] adjacency = scene.adjacency;
        for (int k = 0; k < count; k++) {
            int i = visible[k];
            for (int a = scene.adjStart[i]; a < scene.adjStart[i + 1]; a++) {
                int e = adjacency[a];
                int other = scene.edgeFrom[e] == i ? scene.edgeTo[e] : scene.edgeFrom[e];
                if (!drawable(other) || (shown(other) && other < i)) {
                    continue;
                }
                line(pixels, w, h, scene.x[i] * scale + originX, scene.y[i] * scale + originY,
                        scene.x[other] * scale + originX, scene.y[other] * scale + originY, edgeColour, samples);
            }
        }
    }

    /** Nodes as squares of their type's colour, over the edges. */
    private void plotNodes(int[] pixels, int w, int h, int count) {
        int size = (int) Math.clamp(Math.round(scale * GraphScene.NODE_SIZE), 2, 8);
        int half = size / 2;
        for (int k = 0; k < count; k++) {
            int i = visible[k];
            int colour = NodePalette.argb(scene.types[i]);
            int px = (int) (scene.x[i] * scale + originX) - half;
            int py = (int) (scene.y[i] * scale + originY) - half;
            int x0 = Math.max(0, px);
            int y0 = Math.max(0, py);
            int x1 = Math.min(w, px + size);
            int y1 = Math.min(h, py + size);
            for (int yy = y0; yy < y1; yy++) {
                int row = yy * w;
                for (int xx = x0; xx < x1; xx++) {
                    pixels[row + xx] = colour;
                }
            }
        }
    }

    /** A one-pixel line into the buffer, clipped to it; a pixel already set keeps its colour. */
    private static void line(int[] pixels, int w, int h, double ax, double ay, double bx, double by, int colour, int samples) {
        double[] c = GraphCanvas.clip(ax, ay, bx, by, w - 1, h - 1);
        if (c == null) {
            return;
        }
        // Fixed-point DDA on the clipped segment: every step lands inside the buffer.
        int x0 = (int) c[0];
        int y0 = (int) c[1];
        int dx = (int) c[2] - x0;
        int dy = (int) c[3] - y0;
        int length = Math.max(Math.abs(dx), Math.abs(dy));
        if (length == 0) {
            return;
        }
        // A long edge is plotted as at most `samples` dots: it still says where it goes, and 40k
        // edges across the view then cost a bounded number of writes.
        int steps = Math.min(length, samples);
        long fx = ((long) x0 << 16) + (1 << 15);
        long fy = ((long) y0 << 16) + (1 << 15);
        long sx = ((long) dx << 16) / steps;
        long sy = ((long) dy << 16) / steps;
        for (int s = 0; s <= steps; s++, fx += sx, fy += sy) {
            int at = (int) (fy >> 16) * w + (int) (fx >> 16);
            if (pixels[at] == 0) {
                pixels[at] = colour;
            }
        }
    }

}
