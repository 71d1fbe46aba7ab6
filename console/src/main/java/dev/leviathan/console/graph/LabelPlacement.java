package dev.leviathan.console.graph;

/** Where a graph's labels may go without covering each other. */
final class LabelPlacement {

    private LabelPlacement() {
    }

    /**
     * Which labels to draw: each one, in {@code order}, unless it overlaps one already kept. A
     * crowded view then shows some labels whole instead of all of them on top of each other;
     * zooming in spreads the nodes and brings the others back.
     */
    static boolean[] uncrowded(double[] left, double[] top, double[] width, double height, int[] order) {
        boolean[] shown = new boolean[left.length];
        int[] kept = new int[left.length];
        int keptCount = 0;
        for (int k : order) {
            boolean free = true;
            for (int j = 0; j < keptCount && free; j++) {
                int o = kept[j];
                free = left[k] >= left[o] + width[o] || left[o] >= left[k] + width[k]
                        || top[k] >= top[o] + height || top[o] >= top[k] + height;
            }
            if (free) {
                shown[k] = true;
                kept[keptCount++] = k;
            }
        }
        return shown;
    }
}
