package dev.leviathan.console.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.graph.EdgeType;
import dev.leviathan.engine.graph.GraphEdge;
import dev.leviathan.engine.graph.GraphProjection;
import dev.leviathan.engine.graph.NodeType;
import dev.leviathan.engine.graph.NodeView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Where a piece of governed work came from and went: task → approval → attempt → job → diff → pull
 * request → merge, read from the graph. Any node of the chain leads to the whole of it, so the
 * operator can start from an attempt's event as well as from the task's.
 */
public record Provenance(List<Step> steps) {

    /** One link of the chain: what it is, which one, and its state ("approved", "merged"…). */
    public record Step(Kind kind, String id, String state, String detail) {
    }

    public enum Kind { TASK, APPROVAL, ATTEMPT, JOB, DIFF, PULL_REQUEST, MERGE }

    /** The graph node an event is about, most specific first: attempt, pull request, task. */
    public static Optional<String> nodeOf(StoredEvent event) {
        JsonNode payload = event.envelope().payload().json();
        String target = event.envelope().targetId() != null ? event.envelope().targetId()
                : text(payload, "target_id");
        String attempt = text(payload, "attempt_id");
        if (attempt != null) {
            return Optional.of("attempt:" + attempt);
        }
        String pr = text(payload, "pr_id");
        if (pr != null && target != null) {
            return Optional.of("pr:" + target + ":" + pr);
        }
        String task = text(payload, "task_id");
        if (task != null && target != null) {
            return Optional.of("task:" + target + ":" + task);
        }
        return Optional.empty();
    }

    /**
     * The chain through {@code nodeId}, or empty when the node is not part of governed work.
     *
     * @param actorOf who recorded the event of a seq (the merge's operator is the pr.merged event's actor)
     */
    public static Optional<Provenance> of(GraphProjection graph, String nodeId, LongFunction<String> actorOf) {
        Optional<NodeView> task = graph.node(nodeId).flatMap(node -> taskOf(graph, node));
        if (task.isEmpty()) {
            return Optional.empty();
        }
        List<Step> steps = new ArrayList<>();
        NodeView t = task.get();
        steps.add(new Step(Kind.TASK, t.label(), orEmpty(t.property("status")), orEmpty(t.property("title"))));
        outgoing(graph, t.id(), EdgeType.APPROVED_BY).stream()
                .max(Comparator.comparing(n -> n.eventSeqs().getLast()))
                .ifPresent(approval -> steps.add(new Step(Kind.APPROVAL, shortHash(approval.property("content_hash")),
                        orEmpty(approval.property("state")), approvedBy(approval))));
        List<NodeView> attempts = outgoing(graph, t.id(), EdgeType.EXECUTED);
        attempts.sort(Comparator.comparing(n -> n.eventSeqs().getFirst()));
        for (NodeView attempt : attempts) {
            steps.add(new Step(Kind.ATTEMPT, attempt.label(), orEmpty(attempt.property("status")),
                    orEmpty(attempt.property("reason"))));
            for (NodeView job : outgoing(graph, attempt.id(), EdgeType.RAN_AS)) {
                steps.add(new Step(Kind.JOB, job.label(), orEmpty(job.property("status")), ""));
            }
            String diff = attempt.property("diff_sha256");
            if (diff != null) {
                steps.add(new Step(Kind.DIFF, shortHash(diff), "", "sha256 " + diff + ", "
                        + orEmpty(attempt.property("files_changed")) + " files changed"));
            }
            for (NodeView pr : outgoing(graph, attempt.id(), EdgeType.PRODUCED)) {
                if (pr.type() != NodeType.PULL_REQUEST) {
                    continue;
                }
                String state = orEmpty(pr.property("state"));
                steps.add(new Step(Kind.PULL_REQUEST, pr.label(), state, orEmpty(pr.property("branch"))));
                if (state.equals("merged")) {
                    String by = actorOf.apply(pr.eventSeqs().getLast());
                    steps.add(new Step(Kind.MERGE, shortHash(pr.property("merge_commit")), "merged",
                            by == null ? "" : "by " + by));
                }
            }
        }
        return Optional.of(new Provenance(List.copyOf(steps)));
    }

    private static Optional<NodeView> taskOf(GraphProjection graph, NodeView node) {
        return switch (node.type()) {
            case TASK -> Optional.of(node);
            case APPROVAL -> incoming(graph, node.id(), EdgeType.APPROVED_BY);
            case ATTEMPT -> incoming(graph, node.id(), EdgeType.EXECUTED);
            case JOB -> incoming(graph, node.id(), EdgeType.RAN_AS).flatMap(a -> taskOf(graph, a));
            case PULL_REQUEST, ARTIFACT -> incoming(graph, node.id(), EdgeType.PRODUCED)
                    .filter(a -> a.type() == NodeType.ATTEMPT).flatMap(a -> taskOf(graph, a));
            default -> Optional.empty();
        };
    }

    private static Optional<NodeView> incoming(GraphProjection graph, String id, EdgeType type) {
        return graph.edgesOf(id).stream().filter(e -> e.type() == type && e.to().equals(id)).map(GraphEdge::from)
                .findFirst().flatMap(graph::node);
    }

    private static List<NodeView> outgoing(GraphProjection graph, String id, EdgeType type) {
        List<NodeView> out = new ArrayList<>();
        for (GraphEdge edge : graph.edgesOf(id)) {
            if (edge.type() == type && edge.from().equals(id)) {
                graph.node(edge.to()).ifPresent(out::add);
            }
        }
        return out;
    }

    private static String approvedBy(NodeView approval) {
        String by = approval.property("approved_by");
        return by == null ? "" : "by " + by;
    }

    private static String shortHash(String hash) {
        return hash == null ? "" : hash.substring(0, Math.min(12, hash.length()));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
