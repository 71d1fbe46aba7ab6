package dev.leviathan.engine.graph;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A node inside the projection. Properties sit in one flat array sorted by key, and event seqs in
 * a growable long array: a repository of 100k files is 100k of these, so they are kept small.
 * Only the projection touches them, under its write lock.
 */
final class NodeRecord {

    private static final String[] NO_PROPERTIES = new String[0];

    final String id;
    final NodeType type;
    final String targetId;
    String label;
    private String[] properties = NO_PROPERTIES;
    private long[] seqs = new long[2];
    private int seqCount;
    private GraphEdge[] edges = NO_EDGES;
    private int edgeCount;

    private static final GraphEdge[] NO_EDGES = new GraphEdge[0];
    private static final String[] NO_COMMITS = new String[0];

    // A fact's state per bootstrapped commit where it changed: the seq of the event that set it,
    // negated when the fact was removed at that commit. Commits between two entries inherit the
    // earlier one through the bootstrap lineage (GraphProjection.factsAt).
    private String[] presenceCommits = NO_COMMITS;
    private long[] presenceSeqs;

    /** Records the fact's state at {@code commit}: present (set by event {@code seq}) or removed. */
    void presence(String commit, long seq, boolean removed) {
        for (int i = 0; i < presenceCommits.length; i++) {
            if (presenceCommits[i].equals(commit)) {
                presenceSeqs[i] = removed ? -seq : seq;
                return;
            }
        }
        presenceCommits = Arrays.copyOf(presenceCommits, presenceCommits.length + 1);
        presenceSeqs = presenceSeqs == null ? new long[1] : Arrays.copyOf(presenceSeqs, presenceSeqs.length + 1);
        presenceCommits[presenceCommits.length - 1] = commit;
        presenceSeqs[presenceSeqs.length - 1] = removed ? -seq : seq;
    }

    /** The recorded states by commit (signed seqs), sorted by commit. */
    SortedMap<String, Long> presence() {
        SortedMap<String, Long> out = new TreeMap<>();
        for (int i = 0; i < presenceCommits.length; i++) {
            out.put(presenceCommits[i], presenceSeqs[i]);
        }
        return out;
    }

    boolean hasPresence() {
        return presenceCommits.length > 0;
    }

    /** The signed seq recorded at {@code commit}, or 0 when the fact did not change there. */
    long presenceAt(String commit) {
        for (int i = 0; i < presenceCommits.length; i++) {
            if (presenceCommits[i].equals(commit)) {
                return presenceSeqs[i];
            }
        }
        return 0;
    }

    /** Records an edge that touches this node (in or out); the projection keeps edges unique. */
    void addEdge(GraphEdge edge) {
        if (edgeCount == edges.length) {
            edges = Arrays.copyOf(edges, Math.max(2, edges.length * 2));
        }
        edges[edgeCount++] = edge;
    }

    List<GraphEdge> edges() {
        return Arrays.asList(edges).subList(0, edgeCount);
    }

    NodeRecord(String id, NodeType type, String targetId, String label) {
        this.id = id;
        this.type = type;
        this.targetId = targetId;
        this.label = label;
    }

    void put(String key, String value) {
        if (value == null) {
            return;
        }
        int index = find(key);
        if (index >= 0) {
            properties[index + 1] = value;
            return;
        }
        int insertAt = -(index + 1);
        String[] grown = new String[properties.length + 2];
        System.arraycopy(properties, 0, grown, 0, insertAt);
        grown[insertAt] = key;
        grown[insertAt + 1] = value;
        System.arraycopy(properties, insertAt, grown, insertAt + 2, properties.length - insertAt);
        properties = grown;
    }

    /** Puts sorted key/value pairs (a canonical payload's scalars) in one pass. */
    void putAll(String[] sortedPairs) {
        if (properties.length == 0) {
            properties = sortedPairs.clone();
            return;
        }
        String[] merged = new String[properties.length + sortedPairs.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < properties.length && j < sortedPairs.length) {
            int cmp = properties[i].compareTo(sortedPairs[j]);
            if (cmp < 0) {
                merged[k++] = properties[i++];
                merged[k++] = properties[i++];
            } else if (cmp > 0) {
                merged[k++] = sortedPairs[j++];
                merged[k++] = sortedPairs[j++];
            } else {
                merged[k++] = sortedPairs[j++];
                merged[k++] = sortedPairs[j++];
                i += 2;
            }
        }
        while (i < properties.length) {
            merged[k++] = properties[i++];
        }
        while (j < sortedPairs.length) {
            merged[k++] = sortedPairs[j++];
        }
        properties = k == merged.length ? merged : Arrays.copyOf(merged, k);
    }

    String get(String key) {
        int index = find(key);
        return index >= 0 ? properties[index + 1] : null;
    }

    /** Index of the key's slot, or {@code -(insertion slot) - 1}. */
    private int find(String key) {
        int low = 0;
        int high = properties.length / 2 - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int cmp = properties[mid * 2].compareTo(key);
            if (cmp < 0) {
                low = mid + 1;
            } else if (cmp > 0) {
                high = mid - 1;
            } else {
                return mid * 2;
            }
        }
        return -(low * 2) - 1;
    }

    void addSeq(long seq) {
        if (seqCount > 0 && seqs[seqCount - 1] == seq) {
            return;
        }
        if (seqCount == seqs.length) {
            seqs = Arrays.copyOf(seqs, seqs.length * 2);
        }
        seqs[seqCount++] = seq;
    }

    long firstSeq() {
        return seqCount == 0 ? 0 : seqs[0];
    }

    long lastSeq() {
        return seqCount == 0 ? 0 : seqs[seqCount - 1];
    }

    NodeView view() {
        Map<String, String> copy = new TreeMap<>();
        for (int i = 0; i < properties.length; i += 2) {
            copy.put(properties[i], properties[i + 1]);
        }
        Long[] boxed = new Long[seqCount];
        for (int i = 0; i < seqCount; i++) {
            boxed[i] = seqs[i];
        }
        return new NodeView(id, type, label, targetId, Collections.unmodifiableMap(copy), List.of(boxed));
    }
}
