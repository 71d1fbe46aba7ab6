package dev.leviathan.console.provenance;

import static dev.leviathan.engine.testkit.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.event.EventEnvelope;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.graph.GraphProjection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

    private final List<StoredEvent> events = new ArrayList<>();

    private StoredEvent add(EventEnvelope envelope) {
        StoredEvent stored = new StoredEvent(events.size() + 1, envelope, "0".repeat(64), "%064d".formatted(events.size() + 1));
        events.add(stored);
        return stored;
    }

    private GraphProjection history() {
        add(event("task.approved:1", "task.approved", "shop", "task_id", "add-faq", "content_hash", "3fa1c0ffee99aa11bb"));
        add(event("attempt.created:a1", "attempt.created", "shop", "task_id", "add-faq", "attempt_id", "a1"));
        add(event("attempt.failed:a1", "attempt.failed", "shop", "task_id", "add-faq", "attempt_id", "a1",
                "reason", "tests failed"));
        add(event("attempt.created:a2", "attempt.created", "shop", "task_id", "add-faq", "attempt_id", "a2"));
        add(event("job.submitted:j2", "job.submitted", "shop", "attempt_id", "a2", "job_name", "leviathan-a2"));
        add(event("attempt.succeeded:a2", "attempt.succeeded", "shop", "task_id", "add-faq", "attempt_id", "a2",
                "diff_sha256", "d1ff".repeat(16), "files_changed", 2, "pr_id", "pr-7"));
        add(event("pr.created:pr-7", "pr.created", "shop", "task_id", "add-faq", "attempt_id", "a2", "pr_id", "pr-7",
                "branch", "leviathan/add-faq/a2"));
        add(event("pr.merged:pr-7", "pr.merged", "shop", "task_id", "add-faq", "attempt_id", "a2", "pr_id", "pr-7",
                "merge_commit", "beefcafe1234567890"));
        GraphProjection graph = new GraphProjection();
        graph.apply(events);
        return graph;
    }

    @Test
    void anyLinkLeadsToTheWholeChainFromTaskToMerge() {
        GraphProjection graph = history();
        for (StoredEvent event : events) {
            String node = Provenance.nodeOf(event).orElseThrow();
            Provenance chain = Provenance.of(graph, node, seq -> "alice").orElseThrow();

            assertThat(chain.steps()).extracting(Provenance.Step::kind).as(event.eventId()).containsExactly(
                    Provenance.Kind.TASK, Provenance.Kind.APPROVAL, Provenance.Kind.ATTEMPT, Provenance.Kind.ATTEMPT,
                    Provenance.Kind.JOB, Provenance.Kind.DIFF, Provenance.Kind.PULL_REQUEST, Provenance.Kind.MERGE);
        }
    }

    @Test
    void eachLinkSaysWhichOneAndHowItStands() {
        Provenance chain = Provenance.of(history(), "attempt:a2", seq -> seq == 8 ? "bob" : "?").orElseThrow();

        assertThat(chain.steps()).containsExactly(
                new Provenance.Step(Provenance.Kind.TASK, "add-faq", "", ""),
                new Provenance.Step(Provenance.Kind.APPROVAL, "3fa1c0ffee99", "approved", "by tester"),
                new Provenance.Step(Provenance.Kind.ATTEMPT, "a1", "failed", "tests failed"),
                new Provenance.Step(Provenance.Kind.ATTEMPT, "a2", "succeeded", ""),
                new Provenance.Step(Provenance.Kind.JOB, "leviathan-a2", "submitted", ""),
                new Provenance.Step(Provenance.Kind.DIFF, "d1ffd1ffd1ff", "", "sha256 " + "d1ff".repeat(16) + ", 2 files changed"),
                new Provenance.Step(Provenance.Kind.PULL_REQUEST, "pr-7", "merged", "leviathan/add-faq/a2"),
                new Provenance.Step(Provenance.Kind.MERGE, "beefcafe1234", "merged", "by bob"));
    }

    @Test
    void eventsOutsideGovernedWorkHaveNoChain() {
        StoredEvent registered = add(event("target.registered:shop", "target.registered", "shop", "repo", "/r"));
        GraphProjection graph = new GraphProjection();
        graph.apply(events);

        assertThat(Provenance.nodeOf(registered)).isEmpty();
        assertThat(Provenance.of(graph, "target:shop", seq -> null)).isEmpty();
        assertThat(Provenance.of(graph, "attempt:missing", seq -> null)).isEmpty();
    }
}
