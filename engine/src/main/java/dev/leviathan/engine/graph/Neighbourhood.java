package dev.leviathan.engine.graph;

import java.util.List;

/** A node and everything within {@code depth} edges of it, in either direction. */
public record Neighbourhood(NodeView center, int depth, List<NodeView> nodes, List<GraphEdge> edges) {
}
