package dev.leviathan.console;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.Message;
import dev.leviathan.engine.event.EventQuery;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.target.RegisterTargetRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Targets screen's journeys: bootstrap with progress, a target's files and their problems, cancel. */
class ConsoleTargetsTest {

    @TempDir
    Path temp;

    private ConsoleDriver console;

    @BeforeEach
    void startConsole() throws Exception {
        console = ConsoleDriver.start(temp.resolve("home"));
    }

    @AfterEach
    void stopConsole() throws Exception {
        console.close();
    }

    @Test
    void bootstrapsARegisteredTargetWithProgressAndTheListShowsItsLastBootstrap() throws Exception {
        Path repo = TestRepositories.withBacklog(temp.resolve("payments-service"));
        console.robot.clickOn("#targets-repo").write(repo.toString());
        Button register = console.node("#targets-register");
        console.await("Register to be offered", () -> !register.isDisabled());
        console.robot.clickOn("#targets-register");
        console.await("the target in the list", () -> console.targetRows().size() == 1);

        // The only target is selected: its files are summarised beside the list.
        console.await("the policy read", () -> console.shown("#targets-file-policy-state"));
        assertThat(console.text("#targets-detail-title")).isEqualTo("payments-service");
        assertThat(console.text("#targets-file-policy-state")).isEqualTo("valid");
        assertThat(console.text("#targets-file-backlog-state")).isEqualTo("valid");
        assertThat(console.text("#targets-file-contract-state")).isEqualTo("absent");
        assertThat(labels("#targets-file-policy")).contains("docs: docs/**, .github/**", "5 tasks/day");
        assertThat(labels("#targets-file-backlog")).contains("4 (3 ready)");
        assertThat(cellText("payments-service")).isEqualTo("never");

        console.robot.clickOn("#targets-bootstrap");
        console.await("the bootstrap to finish", () -> console.shown("#targets-bootstrap-outcome")
                && !console.node("#targets-bootstrap").isDisabled());
        Message outcome = console.node("#targets-bootstrap-outcome");
        assertThat(console.onFx(outcome::getTitle)).isEqualTo("Bootstrap completed");
        assertThat(console.onFx(outcome::getDescription)).startsWith("payments-service at ").contains("3 files").contains("facts recorded (full)")
                .contains("bootstrap.completed");
        java.util.regex.Matcher made = java.util.regex.Pattern.compile("3 / 3 files read · (\\d+) facts made")
                .matcher(console.text("#targets-progress-text"));
        assertThat(made.matches()).as(console.text("#targets-progress-text")).isTrue();
        assertThat(console.onFx(outcome::getDescription)).contains(", " + made.group(1) + " facts recorded");
        ProgressBar bar = console.node("#targets-progress");
        assertThat(console.onFx(bar::getProgress)).isEqualTo(1.0);

        List<StoredEvent> completed = events("bootstrap.completed", "payments-service");
        assertThat(completed).hasSize(1);
        StoredEvent event = completed.getFirst();
        assertThat(event.envelope().actorId()).isEqualTo(System.getProperty("user.name"));
        String commit = event.payload().json().path("commit").asText();
        int facts = 0;
        for (var count : event.payload().json().path("emitted")) {
            facts += count.asInt();
        }
        int expectedFacts = facts;
        console.await("the last bootstrap in the list", () -> cellText("payments-service")
                .startsWith(commit.substring(0, 8) + " · "));
        assertThat(cellText("payments-service")).endsWith(" · 3 files · " + expectedFacts + " facts");
        assertThat(console.text("#targets-detail-last")).startsWith("Last bootstrap: " + commit.substring(0, 8) + " · ");
    }

    @Test
    void aTargetWithAnInvalidPolicyShowsEachProblemWithItsPlaceAndHint() throws Exception {
        Path repo = TestRepositories.withInvalidPolicy(temp.resolve("billing"));
        console.engine().targets().register(new RegisterTargetRequest("billing", repo.toString(), "", "grace"));
        console.await("the target in the list", () -> console.targetRows().size() == 1);
        console.await("the policy read", () -> console.shown("#targets-file-policy-state"));

        assertThat(console.text("#targets-file-policy-state")).isEqualTo("2 error(s)");
        assertThat(console.text("#targets-file-contract-state")).isEqualTo("valid");
        assertThat(labels("#targets-file-contract")).contains("Bill customers monthly",
                "pr_only, human approval required", "docs, tests", "payments");
        List<String> policy = labels("#targets-file-policy");
        String at = console.text("#targets-files-heading").substring("Files at ".length());
        assertThat(policy).contains(".leviathan/policy.yaml at " + at + ":3:7",
                ".leviathan/policy.yaml at " + at + ":4:19");
        assertThat(policy).anyMatch(text -> text.startsWith("error: allowed_paths.docs[0]: pattern 'docs/{a,b}.md'"));
        assertThat(policy).anyMatch(text -> text.startsWith("hint: only *, ** and ? are special"));
        assertThat(policy).anyMatch(text -> text.startsWith("error: forbidden_paths[0]: "));
    }

    @Test
    void cancellingABootstrapOfABigRepositoryRecordsItsFailureAndNoFacts() throws Exception {
        Path repo = TestRepositories.generated(temp.resolve("monolith"), 8_000);
        console.engine().targets().register(new RegisterTargetRequest("monolith", repo.toString(), "", "grace"));
        console.await("the target in the list", () -> console.targetRows().size() == 1);
        console.await("the detail", () -> console.shown("#targets-files-heading"));

        console.robot.clickOn("#targets-bootstrap");
        ProgressBar bar = console.node("#targets-progress");
        console.await("files being read", () -> bar.getProgress() > 0);
        assertThat(console.text("#targets-progress-text")).matches("reading 8000 files · [0-9,]+ / 8,000 files read");
        console.robot.clickOn("#targets-bootstrap-cancel");

        console.await("the bootstrap to stop", () -> console.shown("#targets-bootstrap-outcome")
                && !console.node("#targets-bootstrap").isDisabled());
        Message outcome = console.node("#targets-bootstrap-outcome");
        assertThat(console.onFx(outcome::getTitle)).isEqualTo("Bootstrap of monolith cancelled");
        assertThat(console.onFx(outcome::getDescription))
                .isEqualTo("cancelled by the operator; nothing of this run was recorded. Recorded as bootstrap.failed.");
        console.await("the failure in the list", () -> cellText("monolith")
                .startsWith("failed: cancelled by the operator"));

        assertThat(events("bootstrap.failed", "monolith")).hasSize(1);
        assertThat(events("bootstrap.completed", "monolith")).isEmpty();
        assertThat(events("file.discovered", "monolith")).isEmpty();
        assertThat(events("repo.indexed", "monolith")).isEmpty();
    }

    private List<StoredEvent> events(String type, String target) {
        return console.engine().store().read(EventQuery.latest(1000).withTypes(Set.of(type)).withTarget(target));
    }

    /** The text of the Last bootstrap cell in the row of {@code target}. */
    private String cellText(String target) {
        return console.onFx(() -> console.robot.lookup("#targets-table .table-row-cell").queryAll().stream()
                .filter(row -> row.lookupAll(".table-cell").stream()
                        .anyMatch(cell -> cell instanceof TableCell<?, ?> c && target.equals(c.getText())))
                .flatMap(row -> row.lookupAll(".table-cell").stream())
                .filter(cell -> cell instanceof TableCell<?, ?> c && c.getTableColumn() != null
                        && "targets-last-column".equals(c.getTableColumn().getId()))
                .map(cell -> ((TableCell<?, ?>) cell).getText()).findFirst().orElse(""));
    }

    /** Every label's text under {@code selector}, in scene order. */
    private List<String> labels(String selector) {
        Node root = console.node(selector);
        return console.onFx(() -> root.lookupAll(".label").stream().filter(n -> n instanceof Label)
                .map(n -> ((Label) n).getText()).toList());
    }
}
