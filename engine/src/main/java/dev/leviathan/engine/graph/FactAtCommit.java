package dev.leviathan.engine.graph;

/**
 * A fact as it stood at a commit.
 *
 * @param node the fact's node (its properties are its latest state, which may be later)
 * @param recordedAt the bootstrapped commit whose bootstrap recorded this state
 * @param seq the event that holds the fact's state at the commit asked for
 */
public record FactAtCommit(NodeView node, String recordedAt, long seq) {
}
