package dev.leviathan.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.console.backlog.TaskRow;
import dev.leviathan.console.graph.GraphCanvas;
import dev.leviathan.engine.event.EventQuery;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.govern.GovernanceStates;
import dev.leviathan.engine.testkit.TestRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole way through the window, as an operator goes: register a local repository, bootstrap it,
 * see its graph, approve a task, dispatch it, review the pull request's diff, merge it, and see the
 * task completed — every step through the screens, every step checked in the store.
 */
class ConsoleEndToEndJourneyTest {

    private static final String BACKLOG = "tasks:\n" + BacklogFixture.task("add-faq", "Add a FAQ page", "high", true,
            "docs/FAQ.md", "mkdir -p docs && echo '# FAQ' > docs/FAQ.md", "");

    @TempDir
    Path temp;

    @Test
    void registerBootstrapGraphApproveDispatchReviewMergeCompleted() throws Exception {
        Path home = temp.resolve("home");
        BacklogFixture.autonomy(new dev.leviathan.engine.config.LeviathanHome(home), "shop");
        try (TestRepo repo = BacklogFixture.repository(temp.resolve("shop"), BACKLOG);
                ConsoleDriver console = ConsoleDriver.start(home)) {
            // Targets: register through the form, then bootstrap.
            console.robot.clickOn("#targets-name").write("shop");
            console.robot.clickOn("#targets-repo").write(repo.dir().toString());
            Button register = console.node("#targets-register");
            console.await("Register to be offered", () -> !register.isDisabled());
            console.robot.clickOn("#targets-register");
            console.await("the target in the list", () -> console.targetRows().size() == 1);
            console.await("the target's files read", () -> console.shown("#targets-file-policy-state"));
            console.await("Bootstrap to be offered", () -> console.shown("#targets-bootstrap")
                    && !console.node("#targets-bootstrap").isDisabled());
            console.robot.clickOn("#targets-bootstrap");
            console.await("the bootstrap to finish", () -> !events(console, "bootstrap.completed").isEmpty()
                    && console.shown("#targets-bootstrap-outcome"));

            // Graph: the bootstrapped files are drawn.
            console.shortcut(KeyCode.DIGIT2);
            assertThat(console.<GraphCanvas>node("#graph-canvas")).isNotNull();
            console.await("the graph laid out", () -> console.text("#graph-status").contains("layout in"));
            // The target, its commit and the repository's three files at least.
            assertThat(Integer.parseInt(console.text("#graph-status").split(" ")[0])).isGreaterThanOrEqualTo(5);

            // Backlog: approve the task through its dialog, then dispatch it now.
            console.shortcut(KeyCode.DIGIT3);
            console.await("the task", () -> tasks(console).stream().anyMatch(t -> t.id().equals("add-faq")));
            BacklogFixture.selectTask(console, "add-faq");
            console.robot.clickOn("#backlog-approve");
            console.robot.clickOn(console.anywhere("#backlog-approve-confirm"));
            console.await("the approval", () -> !events(console, "task.approved").isEmpty());
            BacklogFixture.selectTask(console, "add-faq");
            console.robot.clickOn("#backlog-dispatch");
            console.await("the attempt to succeed", () -> !events(console, "attempt.succeeded").isEmpty());
            String attempt = events(console, "attempt.succeeded").getFirst().payload().json().path("attempt_id").asText();

            // Attempts: the pull request's diff, then merge.
            console.shortcut(KeyCode.DIGIT4);
            console.await("the attempt in the list", () -> console.robot.lookup("#attempts-table .table-cell")
                    .match((javafx.scene.control.TableCell<?, ?> c) -> attempt.equals(c.getText())).tryQuery().isPresent());
            AttemptsFixture.clickAttempt(console, attempt);
            console.await("the detail", () -> console.shown("#attempts-detail-title"));
            console.robot.clickOn("#attempts-tab-pr .tab-label");
            console.await("the diff", () -> console.onFx(() -> ((javafx.scene.control.ListView<?>)
                    console.node("#attempts-diff")).getItems().size() > 3));
            console.robot.clickOn("#attempts-merge");
            console.await("the confirmation", () -> console.robot.lookup("#attempts-dialog-ok").tryQuery().isPresent());
            console.robot.clickOn("#attempts-dialog-ok");
            console.await("the merge", () -> !events(console, "pr.merged").isEmpty());

            // The task is completed, in the engine's governance state and on the Backlog screen.
            assertThat(new GovernanceStates(console.engine().store()).catchUp("shop").task("add-faq").completedByMerge())
                    .isTrue();
            console.shortcut(KeyCode.DIGIT3);
            console.await("the task shown completed", () -> tasks(console).stream()
                    .anyMatch(t -> t.id().equals("add-faq") && t.status().equals("completed (merged)")));
            assertThat(events(console, "pr.merged").getFirst().envelope().actorId()).isEqualTo(System.getProperty("user.name"));
        }
    }

    private static List<StoredEvent> events(ConsoleDriver console, String type) {
        return console.engine().store().read(EventQuery.after(0, 10_000).withTypes(Set.of(type)));
    }

    @SuppressWarnings("unchecked")
    private static List<TaskRow> tasks(ConsoleDriver console) {
        TableView<TaskRow> table = console.node("#backlog-table");
        return console.onFx(() -> List.copyOf(table.getItems() == null ? List.of() : table.getItems()));
    }
}
