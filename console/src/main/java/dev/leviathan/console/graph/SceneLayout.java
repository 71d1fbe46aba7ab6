package dev.leviathan.console.graph;

import dev.leviathan.console.graph.GraphScene.SceneEdge;
import dev.leviathan.console.graph.GraphScene.SceneNode;
import dev.leviathan.engine.graph.EdgeType;
import dev.leviathan.engine.graph.NodeType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.jgrapht.Graph;
import org.jgrapht.alg.drawing.IndexedFRLayoutAlgorithm2D;
import org.jgrapht.alg.drawing.model.Box2D;
import org.jgrapht.alg.drawing.model.ListenableLayoutModel2D;
import org.jgrapht.alg.drawing.model.MapLayoutModel2D;
import org.jgrapht.alg.drawing.model.Point2D;
import org.jgrapht.graph.SimpleGraph;

/**
 * Positions for a scene's nodes: force-directed (Fruchterman–Reingold with Barnes–Hut repulsion:
 * JGraphT's up to {@link #JGRAPHT_LIMIT} nodes, {@link BarnesHutLayout} above) or
 * layered (left to right along the edges, so target → commit → file and task → attempt → pull
 * request read as chains). Plain Java, run on a background thread; deterministic for a given input.
 */
public final class SceneLayout {

    public enum Kind {
        FORCE("Force-directed"),
        LAYERED("Layered");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        @Override
        public String toString() {
            return title;
        }
    }

    /** World units between neighbouring nodes, about four node sizes. */
    static final double SPACING = 40;
    /** Up to this many nodes JGraphT lays out; above, {@link BarnesHutLayout} (see there why). */
    static final int JGRAPHT_LIMIT = 2_000;
    /** Between the columns of one wide layer: room for a path label at zoom 1. */
    static final double COLUMN_GAP = SPACING * 5;

    private SceneLayout() {
    }

    /**
     * @param progress called with 0..1 as the layout runs (from this thread)
     * @param cancelled polled while it runs; true stops it with {@link CancellationException}
     */
    public static GraphScene layout(List<SceneNode> nodes, List<SceneEdge> edges, Kind kind, DoubleConsumer progress,
            BooleanSupplier cancelled) {
        double[][] xy = switch (kind) {
            case FORCE -> force(nodes, edges, progress, cancelled);
            case LAYERED -> layered(nodes, edges);
        };
        progress.accept(1);
        return GraphScene.of(nodes, edges, xy[0], xy[1]);
    }

    static double[][] force(List<SceneNode> nodes, List<SceneEdge> edges, DoubleConsumer progress,
            BooleanSupplier cancelled) {
        int n = nodes.size();
        double[] x = new double[n];
        double[] y = new double[n];
        if (n <= 1) {
            return new double[][] {x, y};
        }
        Map<String, Integer> index = indexOf(nodes);
        // Small graphs get room for their labels; big ones are read zoomed out, by shape.
        double side = SPACING * Math.sqrt(n) * (n < 300 ? 3.2 : 1.6);
        if (n > JGRAPHT_LIMIT) {
            return barnesHut(edges, index, n, side, progress, cancelled);
        }
        try {
            return jgrapht(edges, index, n, side, progress, cancelled);
        } catch (IllegalArgumentException e) {
            // FRQuadTree.insert refuses a point pushed onto the edge of the area: lay out again here.
            return barnesHut(edges, index, n, side, progress, cancelled);
        }
    }

    private static double[][] barnesHut(List<SceneEdge> edges, Map<String, Integer> index, int n, double side,
            DoubleConsumer progress, BooleanSupplier cancelled) {
        int[] from = new int[edges.size()];
        int[] to = new int[edges.size()];
        int count = 0;
        for (SceneEdge edge : edges) {
            Integer a = index.get(edge.from());
            Integer b = index.get(edge.to());
            if (a != null && b != null && !a.equals(b)) {
                from[count] = a;
                to[count] = b;
                count++;
            }
        }
        return new BarnesHutLayout(n, Arrays.copyOf(from, count), Arrays.copyOf(to, count), side, 42)
                .run(n > 10_000 ? 60 : 100, progress, cancelled);
    }

    private static double[][] jgrapht(List<SceneEdge> edges, Map<String, Integer> index, int n, double side,
            DoubleConsumer progress, BooleanSupplier cancelled) {
        double[] x = new double[n];
        double[] y = new double[n];
        // Integer vertices keep JGraphT's maps small; parallel edges and loops do not move nodes.
        Graph<Integer, Integer> graph = new SimpleGraph<>(null, null, false);
        for (int i = 0; i < n; i++) {
            graph.addVertex(i);
        }
        int edgeId = 0;
        for (SceneEdge edge : edges) {
            Integer a = index.get(edge.from());
            Integer b = index.get(edge.to());
            if (a != null && b != null && !a.equals(b) && !graph.containsEdge(a, b)) {
                graph.addEdge(a, b, edgeId++);
            }
        }
        int iterations = 120;
        long totalPuts = (long) iterations * n;
        long[] puts = {0};
        ListenableLayoutModel2D<Integer> model = new ListenableLayoutModel2D<>(
                new MapLayoutModel2D<>(Box2D.of(0, 0, side, side)));
        model.addListener((v, p) -> {
            if ((++puts[0] & 1023) == 0) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("layout cancelled");
                }
                progress.accept(Math.min(0.99, puts[0] / (double) totalPuts));
            }
        });
        IndexedFRLayoutAlgorithm2D<Integer, Integer> algorithm = new IndexedFRLayoutAlgorithm2D<>(iterations,
                IndexedFRLayoutAlgorithm2D.DEFAULT_THETA_FACTOR, 1.0, new Random(42));
        algorithm.layout(graph, model);
        for (int i = 0; i < n; i++) {
            Point2D p = model.get(i);
            x[i] = p.getX();
            y[i] = p.getY();
        }
        return new double[][] {x, y};
    }

    /**
     * Layers by breadth-first depth from the nodes nothing points to, following every edge but
     * AT (fact → commit points back up the chain), then each layer ordered by its parents' mean
     * position so chains run straight.
     */
    static double[][] layered(List<SceneNode> nodes, List<SceneEdge> edges) {
        int n = nodes.size();
        Map<String, Integer> index = indexOf(nodes);
        List<List<Integer>> children = new ArrayList<>(n);
        List<List<Integer>> parents = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            children.add(new ArrayList<>());
            parents.add(new ArrayList<>());
        }
        int[] inDegree = new int[n];
        for (SceneEdge edge : edges) {
            Integer a = index.get(edge.from());
            Integer b = index.get(edge.to());
            if (a == null || b == null || a.equals(b) || edge.type() == EdgeType.AT) {
                continue;
            }
            children.get(a).add(b);
            parents.get(b).add(a);
            inDegree[b]++;
        }
        int[] layer = new int[n];
        Arrays.fill(layer, -1);
        Deque<Integer> queue = new ArrayDeque<>();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // Roots first: targets, then anything nothing points to; a cycle's entry is its first node.
        Arrays.sort(order, Comparator.comparing((Integer i) -> nodes.get(i).type() != NodeType.TARGET)
                .thenComparing(i -> inDegree[i] != 0).thenComparing(i -> nodes.get(i).id()));
        for (Integer start : order) {
            if (layer[start] >= 0) {
                continue;
            }
            layer[start] = 0;
            queue.add(start);
            while (!queue.isEmpty()) {
                int current = queue.removeFirst();
                for (int child : children.get(current)) {
                    if (layer[child] < 0) {
                        layer[child] = layer[current] + 1;
                        queue.addLast(child);
                    }
                }
            }
        }
        int depth = Arrays.stream(layer).max().orElse(0) + 1;
        List<List<Integer>> layers = new ArrayList<>();
        for (int d = 0; d < depth; d++) {
            layers.add(new ArrayList<>());
        }
        for (Integer i : order) {
            layers.get(layer[i]).add(i);
        }
        double[] x = new double[n];
        double[] y = new double[n];
        double[] rank = new double[n];
        int widest = layers.stream().mapToInt(List::size).max().orElse(1);
        for (int d = 0; d < depth; d++) {
            List<Integer> members = layers.get(d);
            if (d > 0) {
                for (int i : members) {
                    rank[i] = parents.get(i).stream().filter(p -> layer[p] < layer[i]).mapToDouble(p -> rank[p])
                            .average().orElse(Double.MAX_VALUE);
                }
                members.sort(Comparator.comparingDouble((Integer i) -> rank[i])
                        .thenComparing(i -> nodes.get(i).type()).thenComparing(i -> nodes.get(i).id()));
            }
            // A wide layer becomes several columns, so 10k files do not make a line 400k units tall.
            int perColumn = Math.max(30, (int) Math.ceil(Math.sqrt(widest) * 4));
            double columnX = d * SPACING * 6;
            for (int k = 0; k < members.size(); k++) {
                int i = members.get(k);
                int column = k / perColumn;
                int inColumn = k % perColumn;
                int inThisColumn = Math.min(perColumn, members.size() - column * perColumn);
                x[i] = columnX + column * COLUMN_GAP;
                y[i] = (inColumn - inThisColumn / 2.0) * SPACING;
                rank[i] = k;
            }
        }
        // Later layers start right of the extra columns of earlier ones.
        double shift = 0;
        for (int d = 0; d < depth; d++) {
            List<Integer> members = layers.get(d);
            int perColumn = Math.max(30, (int) Math.ceil(Math.sqrt(widest) * 4));
            int columnsHere = Math.max(1, (members.size() + perColumn - 1) / perColumn);
            for (int i : members) {
                x[i] += shift;
            }
            shift += (columnsHere - 1) * COLUMN_GAP;
        }
        return new double[][] {x, y};
    }

    /** Positions for nodes added around {@code center}: a ring, outside what is near it. */
    static GraphScene expand(GraphScene scene, String center, List<SceneNode> added, List<SceneEdge> edges) {
        List<SceneNode> nodes = new ArrayList<>(scene.nodes());
        int n0 = nodes.size();
        List<SceneNode> fresh = added.stream().filter(a -> scene.indexOf(a.id()) < 0).distinct().toList();
        nodes.addAll(fresh);
        double[] x = Arrays.copyOf(scene.x, nodes.size());
        double[] y = Arrays.copyOf(scene.y, nodes.size());
        int c = scene.indexOf(center);
        double cx = c >= 0 ? scene.x[c] : 0;
        double cy = c >= 0 ? scene.y[c] : 0;
        double radius = SPACING * Math.max(1.5, Math.sqrt(fresh.size()) * 0.8);
        for (int k = 0; k < fresh.size(); k++) {
            double angle = 2 * Math.PI * k / Math.max(1, fresh.size());
            x[n0 + k] = cx + radius * Math.cos(angle);
            y[n0 + k] = cy + radius * Math.sin(angle);
        }
        List<SceneEdge> allEdges = new ArrayList<>(scene.edges());
        java.util.Set<SceneEdge> seen = new java.util.HashSet<>(allEdges);
        for (SceneEdge edge : edges) {
            if (seen.add(edge)) {
                allEdges.add(edge);
            }
        }
        return GraphScene.of(nodes, allEdges, x, y);
    }

    private static Map<String, Integer> indexOf(List<SceneNode> nodes) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i).id(), i);
        }
        return index;
    }
}
