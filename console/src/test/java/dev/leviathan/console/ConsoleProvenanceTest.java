package dev.leviathan.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.event.EventEnvelope;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.Payload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Selecting any event of a piece of governed work shows its chain from task to merge. */
class ConsoleProvenanceTest {

    @TempDir
    Path temp;

    @Test
    void selectingTheMergeShowsTheChainFromTaskToMerge() throws Exception {
        try (ConsoleDriver console = ConsoleDriver.start(temp.resolve("home"))) {
            List<EventEnvelope> history = new ArrayList<>();
            var now = console.engine().clock().instant();
            history.add(event("task.approved:t1", "task.approved", "alice", now, "task_id", "add-faq",
                    "content_hash", "3fa1c0ffee99aa11bb22cc33dd44ee55ff667788"));
            history.add(event("attempt.created:a1", "attempt.created", "leviathan", now, "task_id", "add-faq",
                    "attempt_id", "att-add-faq-1"));
            history.add(event("attempt.succeeded:a1", "attempt.succeeded", "leviathan-worker", now, "task_id", "add-faq",
                    "attempt_id", "att-add-faq-1", "diff_sha256", "9c2e41d0" + "ab".repeat(28), "files_changed", 2,
                    "pr_id", "pr-1"));
            history.add(event("pr.created:pr-1", "pr.created", "leviathan-worker", now, "task_id", "add-faq",
                    "attempt_id", "att-add-faq-1", "pr_id", "pr-1", "branch", "leviathan/add-faq/att-add-faq-1"));
            history.add(event("pr.merged:pr-1", "pr.merged", "bob", now, "task_id", "add-faq", "attempt_id",
                    "att-add-faq-1", "pr_id", "pr-1", "merge_commit", "5e1f0c9a77b3d2e1f0c9a77b"));
            console.engine().store().append(history);

            console.shortcut(KeyCode.DIGIT5);
            console.await("the merge event", () -> console.eventRows().stream().anyMatch(r -> r.type().equals("pr.merged")));
            console.clickCell("pr.merged");
            VBox provenance = console.node("#events-provenance");
            console.await("the provenance chain", () -> provenance.getChildren().size() == 7);

            List<String> lines = console.onFx(() -> provenance.getChildren().stream().skip(1)
                    .map(line -> String.join(" ", ((HBox) line).getChildren().stream()
                            .filter(javafx.scene.Node::isVisible)
                            .map(n -> ((Label) n).getText()).filter(t -> !t.isEmpty()).toList())).toList());
            assertThat(lines).containsExactly(
                    "task add-faq",
                    "→ approval 3fa1c0ffee99 approved by alice",
                    "→ attempt att-add-faq-1 succeeded",
                    "→ diff 9c2e41d0abab sha256 9c2e41d0" + "ab".repeat(28) + ", 2 files changed",
                    "→ pull request pr-1 merged leviathan/add-faq/att-add-faq-1",
                    "→ merge 5e1f0c9a77b3 merged by bob");
            console.screenshot("events-provenance");
        }
    }

    @Test
    void anAttemptNodeOfTheGraphShowsItsChainToo() throws Exception {
        try (ConsoleDriver console = ConsoleDriver.start(temp.resolve("home"))) {
            AttemptsFixture fixture = AttemptsFixture.create(console.engine(), temp.resolve("shop"));
            try {
                fixture.approve("add-faq");
                var attempt = fixture.dispatch("add-faq");
                console.engine().forge().merge(attempt.prId(), "bob");

                console.shortcut(KeyCode.DIGIT2);
                console.await("the graph laid out", () -> console.text("#graph-status").contains("layout in"));
                console.robot.clickOn("#graph-search").write(attempt.attemptId()).type(KeyCode.ENTER);
                console.await("the attempt's detail", () -> console.shown("#graph-detail-provenance"));

                VBox chain = console.node("#graph-detail-provenance");
                // Each link on a line, its detail wrapped on the next (the pane is narrow).
                List<String> lines = console.onFx(() -> chain.getChildren().stream()
                        .map(line -> line instanceof HBox box ? String.join(" ", box.getChildren().stream()
                                .filter(javafx.scene.Node::isVisible)
                                .map(n -> ((Label) n).getText()).filter(t -> !t.isEmpty()).toList())
                                : "  " + ((Label) line).getText()).toList());
                assertThat(lines.stream().filter(l -> !l.startsWith("  "))).hasSize(6);
                assertThat(lines.getFirst()).startsWith("task add-faq");
                assertThat(lines).contains("→ attempt " + attempt.attemptId() + " succeeded",
                        "→ pull request " + attempt.prId() + " merged", "  by bob")
                        .anyMatch(l -> l.startsWith("→ merge "));
                console.screenshot("graph-provenance");
            } finally {
                fixture.repo.close();
            }
        }
    }

    private static EventEnvelope event(String id, String type, String actor, java.time.Instant at, Object... fields) {
        ObjectNode payload = Json.object();
        payload.put("target_id", "payments-service");
        for (int i = 0; i < fields.length; i += 2) {
            payload.set((String) fields[i], Json.MAPPER.valueToTree(fields[i + 1]));
        }
        return EventEnvelope.of(id, type, at, actor, "payments-service", Payload.of(payload));
    }
}
