package dev.leviathan.engine.graph;

import org.jgrapht.graph.AbstractBaseGraph;
import org.jgrapht.graph.DefaultGraphSpecificsStrategy;
import org.jgrapht.graph.DefaultGraphType;

/**
 * The JGraphT graph behind the projection: directed, several edges between two nodes allowed
 * (of different types), no self-loops. It skips JGraphT's default (source, target) → edges index,
 * which the projection never asks for and which costs a map entry per edge on a graph of a
 * hundred thousand files.
 */
final class ProjectedGraph extends AbstractBaseGraph<String, GraphEdge> {

    private static final long serialVersionUID = 1L;

    ProjectedGraph() {
        super(null, null, new DefaultGraphType.Builder().directed().allowMultipleEdges(true).allowSelfLoops(false)
                .weighted(false).modifiable(true).build(), new DefaultGraphSpecificsStrategy<>());
    }
}
