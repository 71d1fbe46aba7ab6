package dev.leviathan.console.graph;

import dev.leviathan.engine.graph.NodeType;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.geometry.VPos;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.transform.Scale;

/**
 * Draws a {@link GraphScene} on a Canvas through a view transform (screen = world × scale +
 * translation) and handles pan, zoom and picking. Redraws only when something changed: an
 * {@link AnimationTimer} renders on the next pulse after {@link #invalidate()}.
 *
 * <p>Level of detail keeps a 20k-node graph smooth: only nodes in the viewport are visited (the
 * scene's spatial grid); when nodes are a few pixels wide or thousands are visible, nodes and
 * edges are plotted into one pixel buffer that is drawn as a single image, with no labels; closer
 * in, nodes are drawn as shapes batched by type colour, edges as one path, and labels once few
 * enough nodes are visible.
 */
public final class GraphCanvas extends Region {

    /**
     * Above {@link #VECTOR_BUDGET} nodes in view, or below this many pixels a node with more than
     * {@link #LABEL_BUDGET} in view, nodes are plotted as pixels.
     */
    static final double VECTOR_NODE_PIXELS = 8;
    static final int VECTOR_BUDGET = 1_000;
    static final int LABEL_BUDGET = 350;
    static final double MIN_SCALE = 0.002;
    static final double MAX_SCALE = 8;
    /** Dots per edge at most: in pixel mode (thousands of edges) and with shapes (few, read closely). */
    static final int LINE_SAMPLES = 256;
    static final int LINE_SAMPLES_CLOSE = 2_048;
    /** Largest side of the layer canvas, in pixels: a texture the software pipeline still takes. */
    static final double MAX_LAYER = 4096;

    /**
     * Edges (counted from the nodes around the view) up to which a layer of shapes is plotted on the
     * FX thread at once; beyond, it is plotted in the background like a pixel layer, because a few
     * thousand edges across a close view take tens of milliseconds.
     */
    static final int SYNC_EDGE_BUDGET = 1_500;

    private static final Font LABEL_FONT = Font.font(11);
    private static final double LABEL_HEIGHT = 13;

    private final AnimationTimer timer;
    private GraphScene scene = GraphScene.EMPTY;
    /** Measures labels; their widths are kept per node of the scene they were measured for. */
    private final Text labelMeasure = newLabelMeasure();
    private GraphScene labelWidthsScene;
    private double[] labelWidths = new double[0];
    private final Map<Character, Double> advances = new HashMap<>();
    private final Set<NodeType> hidden = EnumSet.noneOf(NodeType.class);
    private double scale = 1;
    private double tx;
    private double ty;
    private boolean dirty = true;
    private boolean fitPending;
    private int selected = -1;
    private int[] highlighted = new int[0];
    private int[] visibleStamp = new int[0];
    private int stamp;
    private int[] visible = new int[0];
    // A layer's buffer is 2× the viewport each way (up to 64 MiB); a new one per layer made panning
    // stall on the allocation. Three take turns: the one shown, the one shown before it (which the
    // render thread may still be reading during the next pulse), and a free one to plot into.
    private int[] shownPixels = new int[0];
    private int[] retiredPixels = new int[0];
    private int[] freePixels = new int[0];
    private final Canvas layer = new Canvas();
    /** Stretches the layer shown to the zoom asked for while the layer for that zoom is plotted. */
    private final Scale layerZoom = new Scale(1, 1, 0, 0);
    private final Canvas overlay = new Canvas();
    private double layerTx;
    private double layerTy;
    private double layerScale;
    private GraphScene layerScene;
    private Set<NodeType> layerHidden = EnumSet.noneOf(NodeType.class);
    private boolean layerDark;
    private String layerMode = "";
    private long cacheRenders;
    private long backgroundLayers;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragged;
    private Consumer<String> onPick = id -> { };
    private Consumer<String> onExpand = id -> { };
    private Runnable onViewChanged = () -> { };
    // Figures for the benchmark and the status line.
    private long frames;
    private long renderNanos;
    private long lastRenderNanos;
    private String lastMode = "";
    private int lastVisible;

    GraphCanvas() {
        getStyleClass().add("graph-canvas");
        setId("graph-canvas");
        layer.setMouseTransparent(true);
        layer.getTransforms().add(layerZoom);
        overlay.setMouseTransparent(true);
        getChildren().addAll(layer, overlay);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setFocusTraversable(true);
        setMinSize(0, 0);
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (dirty) {
                    dirty = false;
                    render();
                }
            }
        };
        backgroundProperty().addListener((o, was, now) -> invalidate());
        setOnMousePressed(e -> {
            requestFocus();
            pressX = lastX = e.getX();
            pressY = lastY = e.getY();
            dragged = false;
        });
        setOnMouseDragged(e -> {
            if (Math.abs(e.getX() - pressX) + Math.abs(e.getY() - pressY) > 3) {
                dragged = true;
            }
            panBy(e.getX() - lastX, e.getY() - lastY);
            lastX = e.getX();
            lastY = e.getY();
        });
        setOnMouseClicked(e -> {
            if (dragged || e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            int hit = pick(e.getX(), e.getY());
            if (e.getClickCount() >= 2) {
                if (hit >= 0) {
                    onExpand.accept(scene.id(hit));
                }
            } else {
                onPick.accept(hit >= 0 ? scene.id(hit) : null);
            }
        });
        setOnScroll(e -> {
            if (e.getDeltaY() != 0) {
                zoomAt(e.getX(), e.getY(), Math.pow(1.0015, e.getDeltaY()));
            }
        });
        setOnKeyPressed(e -> {
            KeyCode code = e.getCode();
            switch (code) {
                case LEFT -> panBy(60, 0);
                case RIGHT -> panBy(-60, 0);
                case UP -> panBy(0, 60);
                case DOWN -> panBy(0, -60);
                case PLUS, EQUALS, ADD -> zoomAt(getWidth() / 2, getHeight() / 2, 1.25);
                case MINUS, SUBTRACT -> zoomAt(getWidth() / 2, getHeight() / 2, 0.8);
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    public void start() {
        invalidate();
        timer.start();
    }

    void stop() {
        timer.stop();
    }

    void onPick(Consumer<String> handler) {
        onPick = handler;
    }

    void onExpand(Consumer<String> handler) {
        onExpand = handler;
    }

    void onViewChanged(Runnable handler) {
        onViewChanged = handler;
    }

    public GraphScene scene() {
        return scene;
    }

    /** Shows a new scene; keeps the view unless {@code fit}. */
    public void setScene(GraphScene newScene, boolean fit) {
        scene = newScene;
        visibleStamp = new int[newScene.nodeCount()];
        visible = new int[newScene.nodeCount()];
        stamp = 0;
        selected = -1;
        highlighted = new int[0];
        if (fit) {
            fit();
        }
        invalidate();
    }

    void setHidden(Set<NodeType> types) {
        hidden.clear();
        hidden.addAll(types);
        invalidate();
    }

    void select(String id) {
        selected = id == null ? -1 : scene.indexOf(id);
        invalidate();
    }

    void highlight(java.util.List<String> ids) {
        highlighted = ids.stream().mapToInt(scene::indexOf).filter(i -> i >= 0).toArray();
        invalidate();
    }

    void invalidate() {
        dirty = true;
    }

    public void panBy(double dx, double dy) {
        tx += dx;
        ty += dy;
        invalidate();
        onViewChanged.run();
    }

    public void zoomAt(double sx, double sy, double factor) {
        double next = Math.clamp(scale * factor, MIN_SCALE, MAX_SCALE);
        double applied = next / scale;
        tx = sx - (sx - tx) * applied;
        ty = sy - (sy - ty) * applied;
        scale = next;
        invalidate();
        onViewChanged.run();
    }

    /** Zooms and pans so every shown node fits in the view. */
    public void fit() {
        if (getWidth() < 1 || getHeight() < 1) {
            fitPending = true;
            return;
        }
        fitPending = false;
        double w = Math.max(1, getWidth());
        double h = Math.max(1, getHeight());
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (int i = 0; i < scene.nodeCount(); i++) {
            if (hidden.contains(scene.types[i])) {
                continue;
            }
            x0 = Math.min(x0, scene.x[i]);
            y0 = Math.min(y0, scene.y[i]);
            x1 = Math.max(x1, scene.x[i]);
            y1 = Math.max(y1, scene.y[i]);
        }
        if (x0 > x1) {
            scale = 1;
            tx = w / 2;
            ty = h / 2;
        } else {
            double margin = 40;
            double bw = Math.max(x1 - x0, GraphScene.NODE_SIZE * 8);
            double bh = Math.max(y1 - y0, GraphScene.NODE_SIZE * 8);
            scale = Math.clamp(Math.min((w - 2 * margin) / bw, (h - 2 * margin) / bh), MIN_SCALE, 2.5);
            tx = w / 2 - (x0 + x1) / 2 * scale;
            ty = h / 2 - (y0 + y1) / 2 * scale;
        }
        invalidate();
        onViewChanged.run();
    }

    /** Centres the view on a node, zoomed in far enough to read its label. */
    void centreOn(String id) {
        int i = scene.indexOf(id);
        if (i < 0) {
            return;
        }
        scale = Math.max(scale, 1.4);
        tx = getWidth() / 2 - scene.x[i] * scale;
        ty = getHeight() / 2 - scene.y[i] * scale;
        invalidate();
        onViewChanged.run();
    }

    public double scale() {
        return scale;
    }

    /** The screen position of a node, for tests that click it. */
    public javafx.geometry.Point2D screenOf(String id) {
        int i = scene.indexOf(id);
        return i < 0 ? null : new javafx.geometry.Point2D(scene.x[i] * scale + tx, scene.y[i] * scale + ty);
    }

    public long frames() {
        return frames;
    }

    public long renderNanos() {
        return renderNanos;
    }

    /** FX-thread time of the newest frame. */
    public long lastRenderNanos() {
        return lastRenderNanos;
    }

    /** How often the layer was drawn again (every other frame only moved it). */
    public long cacheRenders() {
        return cacheRenders;
    }

    /** Layers plotted on the background thread (the others were plotted on the FX thread). */
    long backgroundLayers() {
        return backgroundLayers;
    }

    public String lastMode() {
        return lastMode;
    }

    public int lastVisible() {
        return lastVisible;
    }

    /** How many nodes of a type were drawn in the last frame; for tests of the type filter. */
    public int drawnOfType(NodeType type) {
        int count = 0;
        for (int k = 0; k < lastVisible; k++) {
            if (scene.types[visible[k]] == type) {
                count++;
            }
        }
        return count;
    }

    /** The nearest shown node within a few pixels of a screen point, or -1. */
    int pick(double sx, double sy) {
        double wx = (sx - tx) / scale;
        double wy = (sy - ty) / scale;
        double reach = Math.max(GraphScene.NODE_SIZE, 6 / scale);
        int[] best = {-1};
        double[] bestDistance = {reach * reach};
        scene.forEachIn(wx - reach, wy - reach, wx + reach, wy + reach, i -> {
            if (hidden.contains(scene.types[i])) {
                return;
            }
            double dx = scene.x[i] - wx;
            double dy = scene.y[i] - wy;
            double d = dx * dx + dy * dy;
            if (d <= bestDistance[0]) {
                bestDistance[0] = d;
                best[0] = i;
            }
        });
        return best[0];
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        layer.relocate(0, 0);
        overlay.relocate(0, 0);
        if (overlay.getWidth() != w || overlay.getHeight() != h) {
            overlay.setWidth(w);
            overlay.setHeight(h);
            invalidate();
        }
        if (fitPending && w >= 1 && h >= 1) {
            fit();
        }
    }

    // ------------------------------------------------------------------ drawing

    /**
     * One frame. The graph is drawn on a layer canvas twice the viewport's size, around the view;
     * panning only moves the layer, and the layer is drawn again when the view leaves it or the
     * zoom, scene, filter, theme or level of detail changes. Marks go on a viewport-sized overlay.
     */
    private void render() {
        long started = System.nanoTime();
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (w < 1 || h < 1) {
            return;
        }
        int count = collectVisible(w, h);
        lastVisible = count;
        boolean dark = isDark();
        // Few nodes in view are always shapes with labels, however far out: that is a small graph.
        boolean pixelMode = count > VECTOR_BUDGET
                || (scale * GraphScene.NODE_SIZE < VECTOR_NODE_PIXELS && count > LABEL_BUDGET);
        boolean labels = !pixelMode && count <= LABEL_BUDGET;
        lastMode = pixelMode ? "pixels" : labels ? "shapes+labels" : "shapes";
        int cw = (int) Math.min(w * 2, Math.max(w, MAX_LAYER));
        int ch = (int) Math.min(h * 2, Math.max(h, MAX_LAYER));
        double mx = (cw - w) / 2;
        double my = (ch - h) / 2;
        double ox = tx - layerTx;
        double oy = ty - layerTy;
        boolean valid = layer.getWidth() == cw && layer.getHeight() == ch && layerScale == scale
                && layerScene == scene && layerHidden.equals(hidden) && layerDark == dark
                && layerMode.equals(lastMode) && ox <= 0 && oy <= 0 && ox + cw >= w && oy + ch >= h;
        if (!valid && rasterInFlight) {
            // A layer is being plotted: keep the one shown until it arrives.
            valid = true;
        }
        if (!valid) {
            double originX = tx + mx;
            double originY = ty + my;
            int around = collect(-mx, -my, w + mx, h + my);
            // Edges are always plotted as pixels: the software pipeline takes over a second to
            // stroke a thousand long antialiased lines, and edges are context, not the subject.
            PixelRaster raster = new PixelRaster(scene, Arrays.copyOf(visible, around), visibleStamp.clone(), stamp,
                    EnumSet.copyOf(hidden.isEmpty() ? EnumSet.noneOf(NodeType.class) : hidden), scale, originX, originY,
                    cw, ch, dark, pixelMode, pixelMode ? LINE_SAMPLES : LINE_SAMPLES_CLOSE);
            if (pixelMode || edgesAround(around) > SYNC_EDGE_BUDGET) {
                // Thousands of nodes or edges: plotted on a background thread while the layer in
                // place stays shown, so a redraw never holds the FX thread.
                submit(raster, labels);
            } else {
                int[] plotted = buffer(cw * ch);
                raster.plot(plotted);
                adopt(raster, plotted, labels);
            }
            collectVisible(w, h);
        }
        double stretch = layerScale > 0 ? scale / layerScale : 1;
        layerZoom.setX(stretch);
        layerZoom.setY(stretch);
        layer.setTranslateX(tx - stretch * layerTx);
        layer.setTranslateY(ty - stretch * layerTy);
        GraphicsContext gc = overlay.getGraphicsContext2D();
        gc.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        renderMarks(gc, dark);
        frames++;
        lastRenderNanos = System.nanoTime() - started;
        renderNanos += lastRenderNanos;
    }

    private static final java.util.concurrent.ExecutorService RASTERS = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "graph-raster");
                t.setDaemon(true);
                return t;
            });

    private boolean rasterInFlight;

    private void submit(PixelRaster raster, boolean labels) {
        rasterInFlight = true;
        backgroundLayers++;
        int[] plotted = buffer(raster.width() * raster.height());
        RASTERS.execute(() -> {
            raster.plot(plotted);
            javafx.application.Platform.runLater(() -> {
                rasterInFlight = false;
                // A raster for another scale, scene, filter or theme than the one now wanted is dropped.
                if (raster.scene() == scene && raster.scale() == scale && raster.hidden().equals(hidden)
                        && raster.dark() == isDark()) {
                    adopt(raster, plotted, labels);
                }
                invalidate();
            });
        });
    }

    /** How many edges the raster of these nodes around the view plots at most. */
    private int edgesAround(int count) {
        int edges = 0;
        for (int k = 0; k < count; k++) {
            int i = visible[k];
            edges += scene.adjStart[i + 1] - scene.adjStart[i];
        }
        return edges;
    }

    /** A buffer of {@code length} pixels to plot a layer into (its old content is cleared by the plot). */
    private int[] buffer(int length) {
        int[] buffer = freePixels.length == length ? freePixels : new int[length];
        freePixels = new int[0];
        return buffer;
    }

    /**
     * Makes plotted pixels the layer: its size, its origin, what it was drawn for, and the image;
     * then, unless the nodes are pixels too, the nodes as shapes over it.
     */
    private void adopt(PixelRaster raster, int[] plotted, boolean labels) {
        layer.setWidth(raster.width());
        layer.setHeight(raster.height());
        layerTx = raster.originX();
        layerTy = raster.originY();
        layerScale = raster.scale();
        layerScene = raster.scene();
        layerHidden = EnumSet.noneOf(NodeType.class);
        layerHidden.addAll(raster.hidden());
        layerDark = raster.dark();
        layerMode = raster.nodes() ? "pixels" : lastMode;
        freePixels = retiredPixels;
        retiredPixels = shownPixels;
        shownPixels = plotted;
        PixelBuffer<IntBuffer> pixelBuffer = new PixelBuffer<>(raster.width(), raster.height(), IntBuffer.wrap(plotted),
                PixelFormat.getIntArgbPreInstance());
        GraphicsContext lg = layer.getGraphicsContext2D();
        lg.clearRect(0, 0, raster.width(), raster.height());
        lg.drawImage(new WritableImage(pixelBuffer), 0, 0);
        if (!raster.nodes()) {
            renderShapes(lg, raster.originX(), raster.originY(), raster.visible(), labels, raster.dark());
        }
        cacheRenders++;
    }

    /** Marks the shown nodes inside the viewport (plus a node's margin) and returns how many. */
    private int collectVisible(double w, double h) {
        return collect(0, 0, w, h);
    }

    /** Marks the shown nodes inside a screen rectangle (plus a node's margin) and returns how many. */
    private int collect(double sx0, double sy0, double sx1, double sy1) {
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(visibleStamp, 0);
            stamp = 1;
        }
        double margin = GraphScene.NODE_SIZE;
        double wx0 = (sx0 - tx) / scale - margin;
        double wy0 = (sy0 - ty) / scale - margin;
        double wx1 = (sx1 - tx) / scale + margin;
        double wy1 = (sy1 - ty) / scale + margin;
        int[] count = {0};
        int current = stamp;
        scene.forEachIn(wx0, wy0, wx1, wy1, i -> {
            double x = scene.x[i];
            double y = scene.y[i];
            if (x >= wx0 && x <= wx1 && y >= wy0 && y <= wy1 && !hidden.contains(scene.types[i])) {
                visibleStamp[i] = current;
                visible[count[0]++] = i;
            }
        });
        return count[0];
    }

    private boolean shown(int i) {
        return visibleStamp[i] == stamp;
    }

    private boolean drawable(int i) {
        return !hidden.contains(scene.types[i]);
    }

    /** Liang–Barsky: the part of a segment inside [0, maxX] × [0, maxY], or null. */
    static double[] clip(double x0, double y0, double x1, double y1, double maxX, double maxY) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double t0 = 0;
        double t1 = 1;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x0, maxX - x0, y0, maxY - y0};
        for (int k = 0; k < 4; k++) {
            if (p[k] == 0) {
                if (q[k] < 0) {
                    return null;
                }
                continue;
            }
            double t = q[k] / p[k];
            if (p[k] < 0) {
                t0 = Math.max(t0, t);
            } else {
                t1 = Math.min(t1, t);
            }
            if (t0 > t1) {
                return null;
            }
        }
        return new double[] {x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy};
    }

    /**
     * Nodes as shapes batched by type colour, and labels; the edges are already plotted. Each label
     * has the background, mostly opaque, behind it, so it stays readable where it crosses edges;
     * nodes are drawn over the backings and the text over everything, so no node disappears under a
     * label. (A halo stroked round the glyphs instead cost the software pipeline 97 ms for a view of
     * labels; a rectangle costs nothing.)
     */
    private void renderShapes(GraphicsContext gc, double tx, double ty, int[] nodes, boolean labels, boolean dark) {
        int count = nodes.length;
        double scale = layerScale;
        double size = Math.max(4, GraphScene.NODE_SIZE * scale);
        Labels placed = labels ? placeLabels(tx, ty, nodes, size) : null;
        if (placed != null) {
            Color backing = backgroundColour(dark);
            gc.setFill(Color.color(backing.getRed(), backing.getGreen(), backing.getBlue(), 0.8));
            for (int k = 0; k < count; k++) {
                if (placed.shown()[k]) {
                    gc.fillRect(placed.left()[k] - 1, placed.top()[k] + 1, placed.width()[k] + 2, LABEL_HEIGHT - 2);
                }
            }
        }
        // Nodes batched by type: one fill colour per batch.
        int[] byType = new int[count];
        int[] starts = new int[NodeType.values().length + 1];
        for (int k = 0; k < count; k++) {
            starts[scene.types[nodes[k]].ordinal() + 1]++;
        }
        for (int t = 0; t < NodeType.values().length; t++) {
            starts[t + 1] += starts[t];
        }
        int[] cursor = Arrays.copyOf(starts, NodeType.values().length);
        for (int k = 0; k < count; k++) {
            int i = nodes[k];
            byType[cursor[scene.types[i].ordinal()]++] = i;
        }
        for (NodeType type : NodeType.values()) {
            int from = starts[type.ordinal()];
            int to = starts[type.ordinal() + 1];
            if (from == to) {
                continue;
            }
            gc.setFill(NodePalette.colour(type));
            boolean square = type == NodeType.FILE || type == NodeType.DOC || type == NodeType.WORKFLOW
                    || type == NodeType.API_ROUTE || type == NodeType.ARTIFACT;
            double s = type == NodeType.TARGET || type == NodeType.COMMIT ? size * 1.6 : size;
            for (int k = from; k < to; k++) {
                int i = byType[k];
                double px = scene.x[i] * scale + tx - s / 2;
                double py = scene.y[i] * scale + ty - s / 2;
                if (square) {
                    gc.fillRect(px, py, s, s);
                } else {
                    gc.fillOval(px, py, s, s);
                }
            }
        }
        if (placed != null) {
            gc.setFill(dark ? Color.rgb(220, 225, 232) : Color.rgb(36, 41, 47));
            gc.setFont(LABEL_FONT);
            gc.setTextBaseline(VPos.CENTER);
            for (int k = 0; k < count; k++) {
                if (placed.shown()[k]) {
                    gc.fillText(placed.text()[k], placed.left()[k], placed.top()[k] + LABEL_HEIGHT / 2);
                }
            }
        }
    }

    /** Where each node's label goes, and which are drawn: see {@link LabelPlacement}. */
    private record Labels(String[] text, double[] left, double[] top, double[] width, boolean[] shown) {
    }

    private Labels placeLabels(double tx, double ty, int[] nodes, double size) {
        int count = nodes.length;
        double scale = layerScale;
        // Targets and commits first: where labels would cover each other, theirs are kept.
        int[] order = new int[count];
        int placed = 0;
        for (int rank = 0; rank <= 2; rank++) {
            for (int k = 0; k < count; k++) {
                if (labelRank(scene.types[nodes[k]]) == rank) {
                    order[placed++] = k;
                }
            }
        }
        double[] left = new double[count];
        double[] top = new double[count];
        double[] width = new double[count];
        String[] text = new String[count];
        for (int k = 0; k < count; k++) {
            int i = nodes[k];
            text[k] = labelOf(i);
            left[k] = scene.x[i] * scale + tx + size;
            top[k] = scene.y[i] * scale + ty - LABEL_HEIGHT / 2;
            width[k] = labelWidth(i, text[k]);
        }
        return new Labels(text, left, top, width, LabelPlacement.uncrowded(left, top, width, LABEL_HEIGHT, order));
    }

    private String labelOf(int node) {
        String label = scene.labels[node] == null ? scene.ids[node] : scene.labels[node];
        return label.length() > 32 ? "…" + label.substring(label.length() - 31) : label;
    }

    /**
     * The width a label takes, kept per scene and node: the sum of its characters' advances, each
     * character measured once (a {@code Text} layout per label cost 64 ms on the FX thread for the
     * first 350 labels; deciding overlaps needs no kerning).
     */
    private double labelWidth(int node, String label) {
        if (labelWidthsScene != scene) {
            labelWidthsScene = scene;
            labelWidths = new double[scene.ids.length];
        }
        if (labelWidths[node] == 0) {
            double width = 0;
            for (int i = 0; i < label.length(); i++) {
                width += advance(label.charAt(i));
            }
            labelWidths[node] = width;
        }
        return labelWidths[node];
    }

    private double advance(char c) {
        Double known = advances.get(c);
        if (known != null) {
            return known;
        }
        labelMeasure.setText(String.valueOf(c));
        double width = labelMeasure.getLayoutBounds().getWidth();
        advances.put(c, width);
        return width;
    }

    private static Text newLabelMeasure() {
        Text measure = new Text();
        measure.setFont(LABEL_FONT);
        return measure;
    }

    private static int labelRank(NodeType type) {
        return type == NodeType.TARGET ? 0 : type == NodeType.COMMIT ? 1 : 2;
    }

    /** Search matches and the selected node: rings, drawn whatever the level of detail. */
    private void renderMarks(GraphicsContext gc, boolean dark) {
        if (highlighted.length == 0 && selected < 0) {
            return;
        }
        double r = Math.max(7, GraphScene.NODE_SIZE * scale);
        gc.setLineWidth(2);
        gc.setStroke(Color.web("#f2b01e"));
        for (int i : highlighted) {
            if (drawable(i)) {
                gc.strokeOval(scene.x[i] * scale + tx - r, scene.y[i] * scale + ty - r, 2 * r, 2 * r);
            }
        }
        if (selected >= 0 && drawable(selected)) {
            gc.setStroke(dark ? Color.WHITE : Color.rgb(20, 20, 20));
            gc.setLineWidth(2.5);
            double s = r * 1.3;
            gc.strokeOval(scene.x[selected] * scale + tx - s, scene.y[selected] * scale + ty - s, 2 * s, 2 * s);
        }
    }

    static int premultiplied(int r, int g, int b, int alpha) {
        return alpha << 24 | (r * alpha / 255) << 16 | (g * alpha / 255) << 8 | (b * alpha / 255);
    }

    private Color backgroundColour(boolean dark) {
        Color fill = backgroundFill();
        return fill != null ? fill : dark ? Color.BLACK : Color.WHITE;
    }

    private boolean isDark() {
        Color fill = backgroundFill();
        return fill != null && fill.getBrightness() < 0.5;
    }

    /** The colour the theme gives the view's background, or null before its CSS is applied. */
    private Color backgroundFill() {
        if (getBackground() != null && !getBackground().getFills().isEmpty()
                && getBackground().getFills().getFirst().getFill() instanceof Color c) {
            return c;
        }
        return null;
    }
}
