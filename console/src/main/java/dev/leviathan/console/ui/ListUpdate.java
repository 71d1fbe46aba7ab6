package dev.leviathan.console.ui;

import java.util.List;
import java.util.Objects;
import javafx.collections.ObservableList;

/**
 * Brings a table's or list's items to a new content with the smallest edits. {@code setAll} is one
 * "replaced" change, and on a replaced change JavaFX's table and list skins throw every row away and
 * make new ones on the next layout (new cells, new skins, the whole stylesheet matched again: tens of
 * milliseconds for a screenful), even when only one row differs or none does. A live screen that
 * reloads its rows on every event would pay that each time; removals and insertions instead let the
 * skin keep its cells and only update the rows that moved or changed.
 */
public final class ListUpdate {

    /** Up to this many changed rows are edited one by one. */
    static final int ROW_BY_ROW = 16;

    private ListUpdate() {
    }

    /** Makes {@code items} equal to {@code next}; nothing happens when they already are. */
    public static <T> void to(ObservableList<T> items, List<? extends T> next) {
        int prefix = 0;
        int common = Math.min(items.size(), next.size());
        while (prefix < common && Objects.equals(items.get(prefix), next.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < common - prefix
                && Objects.equals(items.get(items.size() - 1 - suffix), next.get(next.size() - 1 - suffix))) {
            suffix++;
        }
        int oldEnd = items.size() - suffix;
        int newEnd = next.size() - suffix;
        if (oldEnd - prefix == newEnd - prefix && differing(items, next, prefix, oldEnd) <= ROW_BY_ROW) {
            // As many rows as before between the common ends and few of them changed: each one that
            // differs is taken out and put back, never set (a set is a replaced change). Row by row
            // costs a change event each, so a list that changed throughout is replaced in one go.
            for (int i = prefix; i < oldEnd; i++) {
                T now = next.get(i);
                if (!Objects.equals(items.get(i), now)) {
                    items.remove(i);
                    items.add(i, now);
                }
            }
            return;
        }
        if (oldEnd > prefix) {
            items.remove(prefix, oldEnd);
        }
        if (newEnd > prefix) {
            items.addAll(prefix, next.subList(prefix, newEnd));
        }
    }

    private static <T> int differing(List<T> items, List<? extends T> next, int from, int to) {
        int count = 0;
        for (int i = from; i < to && count <= ROW_BY_ROW; i++) {
            if (!Objects.equals(items.get(i), next.get(i))) {
                count++;
            }
        }
        return count;
    }
}
