package dev.leviathan.engine.graph;

import static dev.leviathan.engine.testkit.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.event.EventEnvelope;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.testkit.TestStores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jgrapht.Graph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphProjectionTest {

    private static final String SHA = "a".repeat(40);

    @TempDir
    Path dir;

    EventStore store;

    @BeforeEach
    void open() {
        store = TestStores.h2(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    static List<EventEnvelope> history() {
        List<EventEnvelope> events = new ArrayList<>();
        events.add(event("t1", "target.registered", "demo", "target_id", "demo", "repo", "/src/demo",
                "default_branch", "main"));
        events.add(event("b1", "bootstrap.started", "demo", "commit", SHA));
        events.add(event("f1", "file.discovered", "demo", "commit", SHA, "path", "src/app.py", "file_type", "python"));
        events.add(event("f2", "file.discovered", "demo", "commit", SHA, "path", "README.md", "file_type", "markdown"));
        events.add(event("d1", "doc.discovered", "demo", "commit", SHA, "path", "README.md", "title", "Demo"));
        events.add(event("w1", "workflow.discovered", "demo", "commit", SHA, "path", ".github/workflows/ci.yml",
                "name", "CI"));
        events.add(event("r1", "api.route.discovered", "demo", "commit", SHA, "method", "get", "path", "/items",
                "file", "src/app.py", "line", 12, "handler", "items"));
        events.add(event("b2", "bootstrap.completed", "demo", "commit", SHA));
        events.add(event("a1", "task.approved", "demo", "task_id", "add-faq", "content_hash", "c".repeat(64)));
        events.add(event("x1", "attempt.created", "demo", "attempt_id", "att-1", "task_id", "add-faq"));
        events.add(event("x2", "attempt.started", "demo", "attempt_id", "att-1", "task_id", "add-faq"));
        events.add(event("x3", "attempt.failed", "demo", "attempt_id", "att-1", "task_id", "add-faq",
                "reason", "scope violation: .github/workflows/ci.yml"));
        events.add(event("x4", "attempt.created", "demo", "attempt_id", "att-2", "task_id", "add-faq"));
        events.add(event("x5", "attempt.succeeded", "demo", "attempt_id", "att-2", "task_id", "add-faq"));
        events.add(event("p1", "pr.created", "demo", "attempt_id", "att-2", "pr_url", "file:///src/demo#pr-1"));
        events.add(event("s1", "schedule.decided", "demo", "chosen", "add-faq"));
        events.add(event("z1", "store.note", null, "text", "no target"));
        return events;
    }

    @Test
    void sameEventsGiveTheSameGraphWhetherRebuiltOrFollowedIncrementally() throws Exception {
        GraphService live = new GraphService(store);
        GraphProjection followed = live.projection();
        List<EventEnvelope> history = history();
        for (int i = 0; i < history.size(); i += 3) {
            store.append(history.subList(i, Math.min(history.size(), i + 3)));
        }
        awaitSeq(followed, history.size());

        GraphProjection rebuilt = GraphProjection.rebuild(store);

        assertThat(followed.fingerprint()).isEqualTo(rebuilt.fingerprint());
        assertThat(rebuilt.summary().eventsProjected()).isEqualTo(history.size());
        live.close();
    }

    @Test
    void applyingAnEventTwiceChangesNothing() {
        store.append(history());
        GraphProjection projection = GraphProjection.rebuild(store);
        String before = projection.fingerprint();

        List<StoredEvent> all = new ArrayList<>();
        store.scan(0, all::add);
        projection.apply(all);

        assertThat(projection.fingerprint()).isEqualTo(before);
    }

    @Test
    void summaryCountsNodesAndEdgesByTypeAndListsRecentEventsNewestFirst() {
        store.append(history());

        GraphSummary summary = GraphProjection.rebuild(store).summary();

        assertThat(summary.nodesByType()).containsEntry("Target", 1).containsEntry("Commit", 1)
                .containsEntry("File", 2).containsEntry("Doc", 1).containsEntry("Workflow", 1)
                .containsEntry("ApiRoute", 1).containsEntry("Task", 1).containsEntry("Approval", 1)
                .containsEntry("Attempt", 2).containsEntry("PullRequest", 1);
        assertThat(summary.edgesByType()).containsEntry("EXECUTED", 2).containsEntry("PRODUCED", 1)
                .containsEntry("APPROVED_BY", 1);
        assertThat(summary.recentEvents().getFirst().eventId()).isEqualTo("z1");
        assertThat(summary.eventsWithoutNode()).isEqualTo(1);
    }

    @Test
    void factsArePinnedToTheirCommit() {
        store.append(history());

        GraphProjection projection = GraphProjection.rebuild(store);

        assertThat(projection.edgesOf("file:demo:src/app.py")).extracting(GraphEdge::id).containsExactly(
                "commit:demo:" + SHA + ":CONTAINS:file:demo:src/app.py",
                "file:demo:src/app.py:AT:commit:demo:" + SHA);
        assertThat(projection.node("doc:demo:README.md").orElseThrow().label()).isEqualTo("Demo");
        assertThat(projection.search("items", Set.of(NodeType.API_ROUTE), 10)).extracting(NodeView::label)
                .containsExactly("GET /items");
    }

    @Test
    void aTargetsNodesAreFoundByTheirTargetNotByTheirName() {
        store.append(history());

        GraphProjection projection = GraphProjection.rebuild(store);

        // Attempt ids do not name their target: a text search for "demo" misses them.
        assertThat(projection.search("demo", Set.of(NodeType.ATTEMPT), 10)).isEmpty();
        assertThat(projection.nodesOfTarget("demo", Set.of(NodeType.ATTEMPT), 10)).hasSize(2)
                .allMatch(node -> node.targetId().equals("demo"));
        assertThat(projection.nodesOfTarget("demo", Set.of(), 100)).extracting(NodeView::type)
                .contains(NodeType.TARGET, NodeType.COMMIT, NodeType.FILE, NodeType.TASK, NodeType.PULL_REQUEST);
        assertThat(projection.nodesOfTarget("elsewhere", Set.of(), 100)).isEmpty();
    }

    @Test
    void attemptsCarryTheirStatusTaskAndFailureReason() {
        store.append(history());

        GraphProjection projection = GraphProjection.rebuild(store);

        assertThat(projection.attempts("demo", null, 10)).extracting(AttemptView::attemptId, AttemptView::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("att-2", "succeeded"),
                        org.assertj.core.groups.Tuple.tuple("att-1", "failed"));
        AttemptView failed = projection.recentFailures(5).getFirst();
        assertThat(failed.reason()).contains("scope violation");
        assertThat(failed.taskId()).isEqualTo("add-faq");
        assertThat(projection.attempt("att-1").orElseThrow().lastSeq()).isEqualTo(12);
    }

    @Test
    void eventKindsWithoutANodeOfTheirOwnAreRecordedOnTheirTarget() {
        store.append(history());

        NodeView target = GraphProjection.rebuild(store).node("target:demo").orElseThrow();

        assertThat(target.eventSeqs()).contains(1L, 16L);
        assertThat(target.property("repo")).isEqualTo("/src/demo");
    }

    @Test
    void neighbourhoodFollowsEdgesBothWaysUpToTheDepth() {
        store.append(history());
        GraphProjection projection = GraphProjection.rebuild(store);

        Neighbourhood one = projection.neighbourhood("attempt:att-2", 1, 100).orElseThrow();
        Neighbourhood two = projection.neighbourhood("attempt:att-2", 2, 100).orElseThrow();

        assertThat(one.nodes()).extracting(NodeView::id).containsExactlyInAnyOrder("attempt:att-2",
                "task:demo:add-faq", "pr:demo:url-" + one.nodes().stream().filter(n -> n.id().startsWith("pr:"))
                        .findFirst().orElseThrow().id().substring("pr:demo:url-".length()));
        assertThat(two.nodes()).extracting(NodeView::id).contains("attempt:att-1", "target:demo",
                "approval:demo:add-faq:" + "c".repeat(64));
    }

    @Test
    void subgraphHoldsTheGivenNodesAndOnlyTheEdgesAmongThem() {
        store.append(history());
        GraphProjection projection = GraphProjection.rebuild(store);

        Graph<String, GraphEdge> sub = projection.subgraph(
                List.of("task:demo:add-faq", "attempt:att-1", "attempt:att-2", "no-such-node"));

        assertThat(sub.vertexSet()).containsExactlyInAnyOrder("task:demo:add-faq", "attempt:att-1", "attempt:att-2");
        assertThat(sub.edgeSet()).extracting(GraphEdge::id).containsExactlyInAnyOrderElementsOf(
                projection.edgesOf("task:demo:add-faq").stream()
                        .filter(e -> e.to().startsWith("attempt:") || e.from().startsWith("attempt:"))
                        .map(GraphEdge::id).toList());
        assertThat(sub.edgeSet()).extracting(GraphEdge::type).containsOnly(EdgeType.EXECUTED);
        assertThat(sub.edgeSet()).hasSize(2);
    }

    @Test
    void projectsThePublicPythonLeviathansEventShapes() {
        store.append(List.of(
                event("py-1", "task.created", "radix", "task_id", "docs-faq", "dependencies", List.of("base")),
                event("py-2", "attempt.created", "radix", "attempt_id", "a-9", "task_id", "docs-faq"),
                event("py-3", "attempt.failed", "radix", "attempt_id", "a-9", "failure_type", "path_violation"),
                event("py-4", "pr.created", "radix", "attempt_id", "a-9", "pr_number", 7),
                event("py-5", "file.discovered", "radix", "file_path", "app/main.py", "sha256", "0".repeat(64)),
                event("py-6", "topo.subsystem.discovered", "radix", "name", "services/api")));

        GraphProjection projection = GraphProjection.rebuild(store);

        assertThat(projection.edgesOf("task:radix:docs-faq")).extracting(GraphEdge::id)
                .contains("task:radix:docs-faq:DEPENDS_ON:task:radix:base", "task:radix:docs-faq:EXECUTED:attempt:a-9");
        assertThat(projection.attempt("a-9").orElseThrow().reason()).isEqualTo("path_violation");
        assertThat(projection.node("pr:radix:7").orElseThrow().label()).isEqualTo("#7");
        assertThat(projection.node("file:radix:app/main.py")).isPresent();
        assertThat(projection.node("target:radix").orElseThrow().eventSeqs()).contains(6L);
    }

    private static void awaitSeq(GraphProjection projection, long seq) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (projection.lastSeq() < seq && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(projection.lastSeq()).isEqualTo(seq);
    }
}
