package dev.leviathan.engine.graph;

import java.util.List;
import java.util.Map;

/**
 * An immutable copy of a node: its scalar properties (from the events that made it, latest
 * wins) and the seqs of those events, oldest first.
 */
public record NodeView(String id, NodeType type, String label, String targetId, Map<String, String> properties,
        List<Long> eventSeqs) {

    public String property(String name) {
        return properties.get(name);
    }
}
