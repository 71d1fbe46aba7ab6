package dev.leviathan.engine.aegis.scenario;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A node at tick 0. A {@code {count: N, name_prefix: p-}} group in the file becomes N of these, named
 * {@code p-0} … {@code p-(N-1)} (zero-based, like kubemark's and KWOK's generated nodes).
 *
 * @param zone the node's zone; {@code ""} when the file names none
 */
public record NodeSpec(String name, String zone, long cpuMillis, long memoryMib, SortedMap<String, String> labels,
        List<Taint> taints) {

    public NodeSpec {
        labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        taints = List.copyOf(taints);
    }
}
