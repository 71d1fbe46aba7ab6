package dev.leviathan.engine.govern;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Instants (epoch milliseconds) kept sorted, each with a key (what it is: a pull request, an
 * attempt) and a group (whose it is: a task), for "how many since T" in O(log n). Events come
 * almost in time order, so an insert is an append; one out of order shifts the tail.
 *
 * <p>Copy on write: {@link #view()} hands out the arrays as they are and the next change copies
 * them first, so a view never changes and taking one costs nothing when nothing changed.
 */
final class TimeIndex {

    private long[] millis = new long[16];
    private String[] keys = new String[16];
    private String[] groups = new String[16];
    private int size;
    private boolean shared;

    void add(long at, String key, String group) {
        unshare(size + 1);
        int i = size;
        while (i > 0 && millis[i - 1] > at) {
            i--;
        }
        System.arraycopy(millis, i, millis, i + 1, size - i);
        System.arraycopy(keys, i, keys, i + 1, size - i);
        System.arraycopy(groups, i, groups, i + 1, size - i);
        millis[i] = at;
        keys[i] = key;
        groups[i] = group;
        size++;
    }

    /** Removes the entry of {@code key} stamped {@code at}, if there is one. */
    void remove(long at, String key) {
        int i = firstAtOrAfter(millis, size, at);
        for (; i < size && millis[i] == at; i++) {
            if (keys[i].equals(key)) {
                unshare(size);
                System.arraycopy(millis, i + 1, millis, i, size - i - 1);
                System.arraycopy(keys, i + 1, keys, i, size - i - 1);
                System.arraycopy(groups, i + 1, groups, i, size - i - 1);
                size--;
                keys[size] = null;
                groups[size] = null;
                return;
            }
        }
    }

    View view() {
        shared = true;
        return new View(millis, groups, size);
    }

    private void unshare(int needed) {
        if (shared || needed > millis.length) {
            int capacity = Math.max(needed, millis.length * (needed > millis.length ? 2 : 1));
            millis = Arrays.copyOf(millis, capacity);
            keys = Arrays.copyOf(keys, capacity);
            groups = Arrays.copyOf(groups, capacity);
            shared = false;
        }
    }

    private static int firstAtOrAfter(long[] millis, int size, long at) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (millis[mid] < at) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** An unchanging picture of the index. */
    static final class View {

        static final View EMPTY = new View(new long[0], new String[0], 0);

        private final long[] millis;
        private final String[] groups;
        private final int size;

        private View(long[] millis, String[] groups, int size) {
            this.millis = millis;
            this.groups = groups;
            this.size = size;
        }

        /** Entries stamped strictly after {@code after} (later stamps, even future ones, count). */
        int countAfter(long after) {
            return size - firstAtOrAfter(millis, size, saturatedNext(after));
        }

        /**
         * The stamp of the {@code n}th (from 0) entry stamped strictly after {@code after}, or
         * {@link Long#MIN_VALUE} if there are not that many.
         */
        long stampAfter(long after, int n) {
            int i = firstAtOrAfter(millis, size, saturatedNext(after)) + n;
            return n >= 0 && i < size ? millis[i] : Long.MIN_VALUE;
        }

        /** Distinct groups among the entries stamped strictly after {@code after}. */
        int distinctGroupsAfter(long after) {
            Set<String> seen = new HashSet<>();
            for (int i = firstAtOrAfter(millis, size, saturatedNext(after)); i < size; i++) {
                seen.add(groups[i]);
            }
            return seen.size();
        }

        /**
         * The stamp from which fewer than {@code limit} distinct groups remain after
         * {@code after}: the earliest stamp after which dropping it and everything before it
         * leaves {@code limit - 1} groups. {@link Long#MIN_VALUE} if there are fewer than
         * {@code limit} groups.
         */
        long groupWindowEdge(long after, int limit) {
            java.util.Map<String, Long> lastOf = new java.util.HashMap<>();
            for (int i = firstAtOrAfter(millis, size, saturatedNext(after)); i < size; i++) {
                lastOf.put(groups[i], millis[i]);
            }
            if (lastOf.size() < limit) {
                return Long.MIN_VALUE;
            }
            long[] lasts = lastOf.values().stream().mapToLong(Long::longValue).sorted().toArray();
            return lasts[lastOf.size() - limit];
        }

        private static long saturatedNext(long at) {
            return at == Long.MAX_VALUE ? at : at + 1;
        }
    }
}
