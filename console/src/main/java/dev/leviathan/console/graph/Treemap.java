package dev.leviathan.console.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A squarified treemap (Bruls, Huizing, van Wijk) of files by directory, each file's area its size
 * in bytes. Plain Java: the controller lays it out in the background and the view draws cells.
 */
public final class Treemap {

    /** A file to place: its node id (for details), path, size and file type. */
    public record Item(String nodeId, String path, long size, String fileType) {
    }

    /**
     * A placed rectangle: a directory (with {@code fileType} null) or a file.
     *
     * @param depth 0 for the root's children
     */
    public record Cell(String nodeId, String path, String label, double x, double y, double w, double h, int depth,
            boolean directory, String fileType, long size) {
    }

    /** Header height reserved for a directory's name when its rectangle is big enough. */
    static final double HEADER = 16;
    static final double PAD = 2;

    private Treemap() {
    }

    private static final class Dir {
        final String path;
        final Map<String, Dir> dirs = new TreeMap<>();
        final List<Item> files = new ArrayList<>();
        long size;

        Dir(String path) {
            this.path = path;
        }
    }

    /** Lays out {@code items} in a {@code width × height} rectangle; directories come before their files. */
    public static List<Cell> layout(List<Item> items, double width, double height) {
        Dir root = new Dir("");
        for (Item item : items) {
            long size = Math.max(1, item.size());
            Dir dir = root;
            root.size += size;
            String[] parts = item.path().split("/");
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < parts.length - 1; i++) {
                path.append(i == 0 ? "" : "/").append(parts[i]);
                String key = parts[i];
                String at = path.toString();
                dir = dir.dirs.computeIfAbsent(key, k -> new Dir(at));
                dir.size += size;
            }
            dir.files.add(new Item(item.nodeId(), item.path(), size, item.fileType()));
        }
        List<Cell> out = new ArrayList<>();
        place(root, 0, 0, width, height, 0, out);
        return out;
    }

    private record Entry(Object what, long size) {
    }

    private static void place(Dir dir, double x, double y, double w, double h, int depth, List<Cell> out) {
        List<Entry> entries = new ArrayList<>();
        dir.dirs.values().forEach(d -> entries.add(new Entry(d, d.size)));
        dir.files.forEach(f -> entries.add(new Entry(f, f.size())));
        entries.sort(Comparator.comparingLong(Entry::size).reversed());
        if (entries.isEmpty() || w < 1 || h < 1) {
            return;
        }
        double[][] rects = squarify(entries.stream().mapToLong(Entry::size).toArray(), x, y, w, h);
        for (int k = 0; k < entries.size(); k++) {
            double[] r = rects[k];
            if (entries.get(k).what() instanceof Dir child) {
                String name = child.path.substring(child.path.lastIndexOf('/') + 1);
                out.add(new Cell(null, child.path, name + "/", r[0], r[1], r[2], r[3], depth, true, null, child.size));
                boolean header = r[3] > HEADER * 2.5 && r[2] > 40;
                double top = header ? HEADER : PAD;
                place(child, r[0] + PAD, r[1] + top, r[2] - 2 * PAD, r[3] - top - PAD, depth + 1, out);
            } else {
                Item file = (Item) entries.get(k).what();
                String name = file.path().substring(file.path().lastIndexOf('/') + 1);
                out.add(new Cell(file.nodeId(), file.path(), name, r[0], r[1], r[2], r[3], depth, false,
                        file.fileType(), file.size()));
            }
        }
    }

    /**
     * Rectangles for sizes sorted largest first, filling the given rectangle: rows are laid along
     * the shorter side and grown while that does not worsen their worst aspect ratio.
     */
    static double[][] squarify(long[] sizes, double x, double y, double w, double h) {
        double[][] out = new double[sizes.length][];
        double total = 0;
        for (long s : sizes) {
            total += s;
        }
        double scale = w * h / total;
        int start = 0;
        while (start < sizes.length) {
            double shortSide = Math.min(w, h);
            int end = start;
            double rowSum = 0;
            double worst = Double.MAX_VALUE;
            while (end < sizes.length) {
                double candidateSum = rowSum + sizes[end] * scale;
                double candidate = worstRatio(sizes, start, end, candidateSum, shortSide, scale);
                if (end > start && candidate > worst) {
                    break;
                }
                worst = candidate;
                rowSum = candidateSum;
                end++;
            }
            double thickness = rowSum / shortSide;
            double offset = 0;
            for (int k = start; k < end; k++) {
                double length = sizes[k] * scale / thickness;
                out[k] = w >= h ? new double[] {x, y + offset, thickness, length}
                        : new double[] {x + offset, y, length, thickness};
                offset += length;
            }
            if (w >= h) {
                x += thickness;
                w -= thickness;
            } else {
                y += thickness;
                h -= thickness;
            }
            start = end;
        }
        return out;
    }

    private static double worstRatio(long[] sizes, int start, int end, double sum, double side, double scale) {
        double max = sizes[start] * scale;
        double min = sizes[end] * scale;
        double s2 = sum * sum;
        double w2 = side * side;
        return Math.max(w2 * max / s2, s2 / (w2 * min));
    }
}
