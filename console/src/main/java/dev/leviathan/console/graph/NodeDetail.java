package dev.leviathan.console.graph;

import dev.leviathan.console.provenance.Provenance;
import dev.leviathan.engine.graph.NodeType;
import java.util.List;
import java.util.Map;

/**
 * A node as the details pane shows it: its properties, its edges and the events that made it.
 *
 * @param eventCount all events behind the node; {@code events} holds the newest of them
 */
public record NodeDetail(String id, NodeType type, String label, Map<String, String> properties,
        List<String> edges, int eventCount, List<Event> events, Provenance provenance) {

    /** One event behind the node. */
    public record Event(long seq, String type, String time, String actor) {
    }
}
