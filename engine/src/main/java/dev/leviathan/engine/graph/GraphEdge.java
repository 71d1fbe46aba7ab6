package dev.leviathan.engine.graph;

/** A typed, directed edge; equal edges are one edge, so re-projecting an event adds nothing. */
public record GraphEdge(EdgeType type, String from, String to) {

    public String id() {
        return from + ":" + type + ":" + to;
    }
}
