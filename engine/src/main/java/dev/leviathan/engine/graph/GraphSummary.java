package dev.leviathan.engine.graph;

import java.util.List;
import java.util.SortedMap;

/**
 * What the graph holds: nodes and edges by type, the newest events, and how far it has read.
 *
 * @param eventsWithoutNode events of kinds that name no node and no known target (kept in the
 *     store; counted here so nothing is silently dropped)
 */
public record GraphSummary(long lastSeq, long eventsProjected, long eventsWithoutNode,
        SortedMap<String, Integer> nodesByType, SortedMap<String, Integer> edgesByType,
        List<RecentEvent> recentEvents) {

    public int nodeCount() {
        return nodesByType.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int edgeCount() {
        return edgesByType.values().stream().mapToInt(Integer::intValue).sum();
    }
}
