package dev.leviathan.engine.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.graph.FactAtCommit;
import dev.leviathan.engine.graph.GraphEdge;
import dev.leviathan.engine.graph.GraphProjection;
import dev.leviathan.engine.graph.GraphSummary;
import dev.leviathan.engine.graph.Neighbourhood;
import dev.leviathan.engine.graph.NodeType;
import dev.leviathan.engine.graph.NodeView;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "graph", description = "Query the knowledge graph projected from the events.",
        subcommands = {GraphCommand.Summary.class, GraphCommand.Neighbours.class, GraphCommand.Facts.class})
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
                    Set.of(), 3);
            return near.isEmpty() ? "" : "; similar: " + String.join(", ", near.stream().map(NodeView::id).toList());
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "facts",
            description = "The files, docs, workflows and API routes of a target at a bootstrapped commit.")
    static final class Facts extends LeafCommand {

        @Option(names = "--target", required = true, paramLabel = "TARGET")
        String target;

        @Option(names = "--commit", paramLabel = "SHA", description = "A bootstrapped commit (default: the latest).")
        String commit;

        @Option(names = "--type", paramLabel = "TYPE", split = ",",
                description = "Only these node types: File, Doc, Workflow, ApiRoute.")
        List<String> types = List.of();

        Facts(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            Set<NodeType> wanted = EnumSet.noneOf(
                    NodeType.class);
            for (String type : types) {
                try {
                    wanted.add(NodeType.ofLabel(type.strip()));
                } catch (IllegalArgumentException e) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
                }
            }
            GraphProjection graph = GraphProjection.rebuild(engine().store());
            List<FactAtCommit> facts;
            try {
                facts = graph.factsAt(target, commit, wanted);
            } catch (IllegalArgumentException e) {
                throw CliException.notFound(e.getMessage());
            }
            if (global.json) {
                ArrayNode array = Json.MAPPER.createArrayNode();
                for (var fact : facts) {
                    ObjectNode json = nodeJson(fact.node());
                    json.put("recorded_at", fact.recordedAt());
                    json.put("seq", fact.seq());
                    array.add(json);
                }
                out().json(array);
                return ExitCode.OK;
            }
            if (facts.isEmpty()) {
                out().line("no facts of those types at that commit");
                return ExitCode.OK;
            }
            Output.Table table = new Output.Table("TYPE", "FACT", "RECORDED AT", "SEQ");
            facts.forEach(f -> table.row(f.node().type().label(), f.node().label(), f.recordedAt().substring(0, 12),
                    f.seq()));
            table.print(out());
            return ExitCode.OK;
        }
    }
}
