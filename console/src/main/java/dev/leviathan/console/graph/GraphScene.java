package dev.leviathan.console.graph;

import dev.leviathan.engine.graph.EdgeType;
import dev.leviathan.engine.graph.NodeType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the canvas draws: nodes by index with their laid-out positions, edges as index pairs, an
 * adjacency index and a spatial grid. Built off the FX thread and never changed afterwards, so the
 * renderer can read it without locks; an expansion makes a new scene.
 */
public final class GraphScene {

    /** Side of a node in world units at zoom 1. */
    static final double NODE_SIZE = 10;
    /** World units per grid cell; a few nodes' spacing, so a viewport query touches few cells. */
    private static final double CELL = 80;

    public static final GraphScene EMPTY = new GraphScene(new String[0], new String[0], new NodeType[0],
            new double[0], new double[0], new int[0], new int[0], new EdgeType[0]);

    final String[] ids;
    final String[] labels;
    final NodeType[] types;
    final double[] x;
    final double[] y;
    final int[] edgeFrom;
    final int[] edgeTo;
    final EdgeType[] edgeTypes;
    /** Edges touching node i are adjacency[adjStart[i] .. adjStart[i+1]). */
    final int[] adjStart;
    final int[] adjacency;
    final double minX;
    final double minY;
    final double maxX;
    final double maxY;
    // Spatial grid in CSR form: nodes of cell c are cellItems[cellStart[c] .. cellStart[c+1]).
    final int columns;
    final int rows;
    final int[] cellStart;
    final int[] cellItems;
    private final Map<String, Integer> index;

    GraphScene(String[] ids, String[] labels, NodeType[] types, double[] x, double[] y, int[] edgeFrom,
            int[] edgeTo, EdgeType[] edgeTypes) {
        this.ids = ids;
        this.labels = labels;
        this.types = types;
        this.x = x;
        this.y = y;
        this.edgeFrom = edgeFrom;
        this.edgeTo = edgeTo;
        this.edgeTypes = edgeTypes;
        int n = ids.length;
        index = new HashMap<>(Math.max(16, n * 2));
        for (int i = 0; i < n; i++) {
            index.put(ids[i], i);
        }
        adjStart = new int[n + 1];
        for (int e = 0; e < edgeFrom.length; e++) {
            adjStart[edgeFrom[e] + 1]++;
            adjStart[edgeTo[e] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            adjStart[i + 1] += adjStart[i];
        }
        adjacency = new int[edgeFrom.length * 2];
        int[] fill = Arrays.copyOf(adjStart, n);
        for (int e = 0; e < edgeFrom.length; e++) {
            adjacency[fill[edgeFrom[e]]++] = e;
            adjacency[fill[edgeTo[e]]++] = e;
        }
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            x0 = Math.min(x0, x[i]);
            y0 = Math.min(y0, y[i]);
            x1 = Math.max(x1, x[i]);
            y1 = Math.max(y1, y[i]);
        }
        if (n == 0) {
            x0 = y0 = 0;
            x1 = y1 = 1;
        }
        minX = x0;
        minY = y0;
        maxX = x1;
        maxY = y1;
        columns = Math.max(1, (int) Math.ceil((maxX - minX) / CELL) + 1);
        rows = Math.max(1, (int) Math.ceil((maxY - minY) / CELL) + 1);
        cellStart = new int[columns * rows + 1];
        int[] cellOf = new int[n];
        for (int i = 0; i < n; i++) {
            cellOf[i] = cell(column(x[i]), row(y[i]));
            cellStart[cellOf[i] + 1]++;
        }
        for (int c = 0; c < columns * rows; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        cellItems = new int[n];
        int[] cursor = Arrays.copyOf(cellStart, columns * rows);
        for (int i = 0; i < n; i++) {
            cellItems[cursor[cellOf[i]]++] = i;
        }
    }

    /** A scene of nodes and edges whose positions are already known. */
    public static GraphScene of(List<SceneNode> nodes, List<SceneEdge> edges, double[] x, double[] y) {
        int n = nodes.size();
        String[] ids = new String[n];
        String[] labels = new String[n];
        NodeType[] types = new NodeType[n];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            SceneNode node = nodes.get(i);
            ids[i] = node.id();
            labels[i] = node.label();
            types[i] = node.type();
            index.put(node.id(), i);
        }
        int[] from = new int[edges.size()];
        int[] to = new int[edges.size()];
        EdgeType[] edgeTypes = new EdgeType[edges.size()];
        int count = 0;
        for (SceneEdge edge : edges) {
            Integer a = index.get(edge.from());
            Integer b = index.get(edge.to());
            if (a != null && b != null && !a.equals(b)) {
                from[count] = a;
                to[count] = b;
                edgeTypes[count] = edge.type();
                count++;
            }
        }
        return new GraphScene(ids, labels, types, x, y, Arrays.copyOf(from, count), Arrays.copyOf(to, count),
                Arrays.copyOf(edgeTypes, count));
    }

    /** A node as the scene needs it. */
    public record SceneNode(String id, NodeType type, String label) {
    }

    /** An edge by node ids. */
    public record SceneEdge(EdgeType type, String from, String to) {
    }

    public int nodeCount() {
        return ids.length;
    }

    public int edgeCount() {
        return edgeFrom.length;
    }

    public int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    public String id(int i) {
        return ids[i];
    }

    public String label(int i) {
        return labels[i];
    }

    public NodeType type(int i) {
        return types[i];
    }

    public double x(int i) {
        return x[i];
    }

    public double y(int i) {
        return y[i];
    }

    int column(double wx) {
        return Math.clamp((long) Math.floor((wx - minX) / CELL), 0, columns - 1);
    }

    int row(double wy) {
        return Math.clamp((long) Math.floor((wy - minY) / CELL), 0, rows - 1);
    }

    int cell(int column, int row) {
        return row * columns + column;
    }

    /** Calls {@code visitor} with every node in the world rectangle, give or take one grid cell. */
    void forEachIn(double wx0, double wy0, double wx1, double wy1, java.util.function.IntConsumer visitor) {
        if (ids.length == 0 || wx1 < minX - CELL || wy1 < minY - CELL || wx0 > maxX + CELL || wy0 > maxY + CELL) {
            return;
        }
        int c0 = column(wx0);
        int c1 = column(wx1);
        int r0 = row(wy0);
        int r1 = row(wy1);
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int cell = cell(c, r);
                for (int k = cellStart[cell]; k < cellStart[cell + 1]; k++) {
                    visitor.accept(cellItems[k]);
                }
            }
        }
    }

    /** Nodes of the scene, in index order. */
    List<SceneNode> nodes() {
        SceneNode[] out = new SceneNode[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = new SceneNode(ids[i], types[i], labels[i]);
        }
        return List.of(out);
    }

    List<SceneEdge> edges() {
        SceneEdge[] out = new SceneEdge[edgeFrom.length];
        for (int e = 0; e < edgeFrom.length; e++) {
            out[e] = new SceneEdge(edgeTypes[e], ids[edgeFrom[e]], ids[edgeTo[e]]);
        }
        return List.of(out);
    }
}
