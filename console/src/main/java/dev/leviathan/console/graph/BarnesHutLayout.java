package dev.leviathan.console.graph;

import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Fruchterman–Reingold with Barnes–Hut repulsion over plain arrays, for graphs too big for
 * JGraphT's {@code IndexedFRLayoutAlgorithm2D}: its quadtree refuses points that the layout has
 * pushed onto the edge of the drawing area (IllegalArgumentException from {@code FRQuadTree.insert}
 * on the 20k-node benchmark graph). Nodes here are not confined to a box, coincident nodes are
 * nudged apart, and the tree stops splitting at a fixed depth.
 */
final class BarnesHutLayout {

    private static final double THETA = 0.9;
    private static final int MAX_DEPTH = 24;

    private final int n;
    private final int[] from;
    private final int[] to;
    private final double[] x;
    private final double[] y;
    private final double k;
    // Quadtree in arrays: per tree node, its square, mass, centre of mass, first child (4 in a row) and one point.
    private double[] boxX = new double[1024];
    private double[] boxY = new double[1024];
    private double[] boxSize = new double[1024];
    private double[] mass = new double[1024];
    private double[] massX = new double[1024];
    private double[] massY = new double[1024];
    private int[] child = new int[1024];
    private int[] point = new int[1024];
    private int nodes;
    private int[] stack = new int[256];

    BarnesHutLayout(int n, int[] from, int[] to, double side, long seed) {
        this.n = n;
        this.from = from;
        this.to = to;
        this.x = new double[n];
        this.y = new double[n];
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble() * side;
            y[i] = random.nextDouble() * side;
        }
        this.k = side / Math.sqrt(Math.max(1, n));
    }

    double[][] run(int iterations, DoubleConsumer progress, BooleanSupplier cancelled) {
        double[] dx = new double[n];
        double[] dy = new double[n];
        double start = k * Math.sqrt(n) / 10;
        for (int iteration = 0; iteration < iterations; iteration++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("layout cancelled");
            }
            double temperature = start * (1 - iteration / (double) iterations) + k * 0.01;
            buildTree();
            for (int i = 0; i < n; i++) {
                repulse(i, dx, dy);
            }
            for (int e = 0; e < from.length; e++) {
                int a = from[e];
                int b = to[e];
                double ex = x[a] - x[b];
                double ey = y[a] - y[b];
                double d = Math.sqrt(ex * ex + ey * ey);
                if (d < 1e-9) {
                    continue;
                }
                double force = d / k; // (d² / k) / d
                dx[a] -= ex * force;
                dy[a] -= ey * force;
                dx[b] += ex * force;
                dy[b] += ey * force;
            }
            for (int i = 0; i < n; i++) {
                double length = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
                if (length > 1e-9) {
                    double step = Math.min(length, temperature) / length;
                    x[i] += dx[i] * step;
                    y[i] += dy[i] * step;
                }
                dx[i] = 0;
                dy[i] = 0;
            }
            progress.accept((iteration + 1) / (double) iterations);
        }
        return new double[][] {x, y};
    }

    private void repulse(int i, double[] dx, double[] dy) {
        int top = 0;
        stack[top++] = 0;
        double px = x[i];
        double py = y[i];
        double k2 = k * k;
        while (top > 0) {
            int node = stack[--top];
            if (mass[node] == 0 || point[node] == i && child[node] < 0) {
                continue;
            }
            double ex = px - massX[node];
            double ey = py - massY[node];
            double d2 = ex * ex + ey * ey;
            boolean leaf = child[node] < 0;
            if (leaf || boxSize[node] * boxSize[node] < THETA * THETA * d2) {
                if (d2 < 1e-12) {
                    // Coincident: push apart in a direction fixed by the index, so runs repeat.
                    ex = ((i * 7919) % 13 - 6) * 1e-3 * k;
                    ey = ((i * 104729) % 11 - 5) * 1e-3 * k;
                    d2 = ex * ex + ey * ey + 1e-12;
                }
                double m = leaf && point[node] == i ? mass[node] - 1 : mass[node];
                double force = m * k2 / d2; // (k² / d) / d, times the mass
                dx[i] += ex * force;
                dy[i] += ey * force;
            } else {
                if (top + 4 > stack.length) {
                    stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                }
                int c = child[node];
                stack[top++] = c;
                stack[top++] = c + 1;
                stack[top++] = c + 2;
                stack[top++] = c + 3;
            }
        }
    }

    private void buildTree() {
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
        nodes = 0;
        int root = newNode(x0, y0, Math.max(x1 - x0, y1 - y0) + 1e-6);
        for (int i = 0; i < n; i++) {
            insert(root, i);
        }
    }

    private int newNode(double bx, double by, double size) {
        if (nodes + 4 >= boxX.length) {
            int grown = boxX.length * 2;
            boxX = java.util.Arrays.copyOf(boxX, grown);
            boxY = java.util.Arrays.copyOf(boxY, grown);
            boxSize = java.util.Arrays.copyOf(boxSize, grown);
            mass = java.util.Arrays.copyOf(mass, grown);
            massX = java.util.Arrays.copyOf(massX, grown);
            massY = java.util.Arrays.copyOf(massY, grown);
            child = java.util.Arrays.copyOf(child, grown);
            point = java.util.Arrays.copyOf(point, grown);
        }
        int node = nodes++;
        boxX[node] = bx;
        boxY[node] = by;
        boxSize[node] = size;
        mass[node] = 0;
        massX[node] = 0;
        massY[node] = 0;
        child[node] = -1;
        point[node] = -1;
        return node;
    }

    private void insert(int root, int i) {
        int node = root;
        for (int depth = 0; ; depth++) {
            // Running centre of mass on the way down.
            double m = mass[node] + 1;
            massX[node] += (x[i] - massX[node]) / m;
            massY[node] += (y[i] - massY[node]) / m;
            mass[node] = m;
            if (child[node] < 0) {
                if (m == 1) {
                    point[node] = i;
                    return;
                }
                if (depth >= MAX_DEPTH || point[node] < 0) {
                    // Too deep to split (points on top of each other): the leaf keeps a mass.
                    point[node] = -1;
                    return;
                }
                int resident = point[node];
                point[node] = -1;
                split(node);
                int target = quadrant(node, resident);
                double tm = mass[target] + 1;
                massX[target] += (x[resident] - massX[target]) / tm;
                massY[target] += (y[resident] - massY[target]) / tm;
                mass[target] = tm;
                point[target] = resident;
            }
            node = quadrant(node, i);
        }
    }

    private void split(int node) {
        double half = boxSize[node] / 2;
        int first = newNode(boxX[node], boxY[node], half);
        newNode(boxX[node] + half, boxY[node], half);
        newNode(boxX[node], boxY[node] + half, half);
        newNode(boxX[node] + half, boxY[node] + half, half);
        child[node] = first;
    }

    private int quadrant(int node, int i) {
        double half = boxSize[node] / 2;
        int q = (x[i] >= boxX[node] + half ? 1 : 0) + (y[i] >= boxY[node] + half ? 2 : 0);
        return child[node] + q;
    }
}
