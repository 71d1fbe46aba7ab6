package dev.leviathan.engine.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.graph.GraphEdge;
import dev.leviathan.engine.graph.GraphProjection;
import dev.leviathan.engine.graph.GraphSummary;
import dev.leviathan.engine.graph.Neighbourhood;
import dev.leviathan.engine.graph.NodeView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "graph", description = "Query the knowledge graph projected from the events.",
        subcommands = {GraphCommand.Summary.class, GraphCommand.Neighbours.class})
final class GraphCommand extends GroupCommand {

    static ObjectNode nodeJson(NodeView node) {
        ObjectNode json = Json.object();
        json.put("id", node.id());
        json.put("type", node.type().label());
        json.put("label", node.label());
        json.put("target", node.targetId());
        ObjectNode properties = json.putObject("properties");
        node.properties().forEach(properties::put);
        ArrayNode seqs = json.putArray("event_seqs");
        node.eventSeqs().forEach(seqs::add);
        return json;
    }

    @Command(mixinStandardHelpOptions = true, name = "summary", description = "Nodes and edges by type, and the latest events.")
    static final class Summary extends LeafCommand {

        Summary(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            GraphSummary summary = GraphProjection.rebuild(engine().store()).summary();
            if (global.json) {
                ObjectNode json = Json.object();
                json.put("last_seq", summary.lastSeq());
                json.put("events_projected", summary.eventsProjected());
                json.put("events_without_node", summary.eventsWithoutNode());
                ObjectNode nodes = json.putObject("nodes_by_type");
                summary.nodesByType().forEach(nodes::put);
                ObjectNode edges = json.putObject("edges_by_type");
                summary.edgesByType().forEach(edges::put);
                ArrayNode recent = json.putArray("recent_events");
                summary.recentEvents().forEach(e -> recent.addObject().put("seq", e.seq()).put("event_type",
                        e.eventType()).put("target_id", e.targetId()).put("timestamp", e.timestamp())
                        .put("event_id", e.eventId()));
                out().json(json);
                return ExitCode.OK;
            }
            out().line("graph at seq " + summary.lastSeq() + ": " + summary.nodeCount() + " node(s), "
                    + summary.edgeCount() + " edge(s)");
            if (summary.nodeCount() == 0) {
                out().line("empty: register a target (leviathanctl targets add PATH) and bootstrap it");
                return ExitCode.OK;
            }
            Output.Table nodes = new Output.Table("NODE TYPE", "COUNT");
            summary.nodesByType().forEach(nodes::row);
            nodes.print(out());
            if (!summary.edgesByType().isEmpty()) {
                out().line("");
                Output.Table edges = new Output.Table("EDGE TYPE", "COUNT");
                summary.edgesByType().forEach(edges::row);
                edges.print(out());
            }
            out().line("");
            Output.Table recent = new Output.Table("SEQ", "TYPE", "TARGET", "TIME");
            summary.recentEvents().forEach(e -> recent.row(e.seq(), e.eventType(), e.targetId(), e.timestamp()));
            recent.print(out());
            return ExitCode.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "neighbours", aliases = "neighbors",
            description = "A node and the nodes within --depth edges of it (node ids as in graph summary).")
    static final class Neighbours extends LeafCommand {

        @Parameters(paramLabel = "NODE_ID", description = "e.g. target:demo, file:demo:src/app.py, attempt:ID")
        String nodeId;

        @Option(names = "--depth", defaultValue = "1")
        int depth;

        @Option(names = "--max", defaultValue = "500", description = "At most this many nodes.")
        int max;

        Neighbours(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            GraphProjection graph = GraphProjection.rebuild(engine().store());
            Neighbourhood neighbourhood = graph.neighbourhood(nodeId, Math.max(0, depth), Math.max(1, max))
                    .orElseThrow(() -> CliException.notFound("no node '" + nodeId + "' in the graph"
                            + suggestion(graph)));
            if (global.json) {
                ObjectNode json = Json.object();
                json.set("center", nodeJson(neighbourhood.center()));
                json.put("depth", neighbourhood.depth());
                ArrayNode nodes = json.putArray("nodes");
                neighbourhood.nodes().forEach(n -> nodes.add(nodeJson(n)));
                ArrayNode edges = json.putArray("edges");
                neighbourhood.edges().forEach(e -> edges.addObject().put("type", e.type().name())
                        .put("from", e.from()).put("to", e.to()));
                out().json(json);
                return ExitCode.OK;
            }
            NodeView center = neighbourhood.center();
            out().line(center.type().label() + " " + center.id() + " (" + center.label() + ")");
            center.properties().forEach((k, v) -> out().line("  " + k + " = " + v));
            out().line("");
            Output.Table edges = new Output.Table("FROM", "EDGE", "TO");
            for (GraphEdge edge : neighbourhood.edges()) {
                edges.row(edge.from(), edge.type(), edge.to());
            }
            edges.print(out());
            return ExitCode.OK;
        }

        private String suggestion(GraphProjection graph) {
            var near = graph.search(nodeId.contains(":") ? nodeId.substring(nodeId.lastIndexOf(':') + 1) : nodeId,
                    java.util.Set.of(), 3);
            return near.isEmpty() ? "" : "; similar: " + String.join(", ", near.stream().map(NodeView::id).toList());
        }
    }
}
