package dev.leviathan.engine.graph;

/** The kinds of edge the graph holds (DESIGN.md §Graph). */
public enum EdgeType {
    /** target or commit → a fact, task or commit it holds */
    CONTAINS,
    /** fact → the commit it was read at */
    AT,
    /** task → its approval */
    APPROVED_BY,
    /** task → an attempt at it */
    EXECUTED,
    /** attempt (or commit) → artifact or pull request it produced */
    PRODUCED,
    /** attempt → the Kubernetes Job it ran as */
    RAN_AS,
    /** task → a task it depends on */
    DEPENDS_ON
}
