package dev.leviathan.console;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.ToggleSwitch;
import dev.leviathan.console.governor.LimitRow;
import dev.leviathan.console.governor.StreamRow;
import dev.leviathan.engine.event.EventType;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.target.RegisterTargetRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Governor screen on a real store: each operator action records the event leviathanctl records. */
class ConsoleGovernorTest {

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
    void withoutTargetsTheScreenSaysToRegisterOne() {
        console.shortcut(KeyCode.DIGIT6);

        assertThat(console.shown("#governor-empty")).isTrue();
        assertThat(console.shown("#governor-autonomy")).isFalse();
        Label title = console.node("#governor-empty #empty-state-title");
        assertThat(console.onFx(title::getText)).isEqualTo("No targets to govern");
    }

    @Test
    void operatorSwitchesAutonomyResetsTheBreakerAndStopsInAnEmergency() throws Exception {
        String target = "demo-service";
        register(target, TestRepositories.withOneCommit(temp.resolve("demo-service")));
        console.shortcut(KeyCode.DIGIT6);

        // No autonomy file: off, and the screen says why.
        console.await("the target's state", () -> console.shown("#governor-autonomy")
                && console.text("#governor-autonomy-state").equals("Off"));
        assertThat(console.text("#governor-autonomy-text")).contains("no autonomy file");
        assertThat(console.text("#governor-circuit-state")).isEqualTo("closed");
        assertThat(limits()).extracting(LimitRow::limit).contains("Running attempts", "Open pull requests (events)",
                "Consecutive failures");

        // On: recorded at once, as `leviathanctl autonomy enable` records it.
        console.robot.clickOn("#governor-autonomy");
        console.await("autonomy on", () -> console.text("#governor-autonomy-state").equals("On"));
        StoredEvent enabled = GovernanceHistory.latest(console.engine(), target, EventType.AUTONOMY_ENABLED.wire());
        assertThat(enabled.envelope().actorId()).isEqualTo(System.getProperty("user.name"));
        assertThat(enabled.payload().json().path("reason").asText()).isEqualTo("enabled by the operator");

        // Off: asks for a reason first.
        console.robot.clickOn("#governor-autonomy");
        console.await("the reason dialog", () -> console.robot.lookup("#governor-reason").tryQuery().isPresent());
        console.robot.clickOn("#governor-reason").write("release freeze");
        console.robot.clickOn("#governor-dialog-ok");
        console.await("autonomy off", () -> console.text("#governor-autonomy-state").equals("Off"));
        StoredEvent disabled = GovernanceHistory.latest(console.engine(), target, EventType.AUTONOMY_DISABLED.wire());
        assertThat(disabled.payload().json().path("reason").asText()).isEqualTo("release freeze");
        assertThat(disabled.payload().json().path("emergency").asBoolean()).isFalse();
        assertThat(console.text("#governor-autonomy-text")).contains("release freeze");

        // The breaker opens after three failed attempts, as the dispatcher records them.
        GovernanceHistory.failAndTrip(console.engine(), target, "add-faq", 3);
        console.await("the open breaker", () -> console.text("#governor-circuit-state").equals("OPEN"));
        assertThat(console.text("#governor-circuit-text")).contains("3 consecutive failed attempts")
                .contains("att-add-faq-3");
        console.await("the stream", () -> streamTypes().contains(EventType.CIRCUIT_OPENED.wire()));

        console.robot.clickOn("#governor-circuit-reset");
        console.await("the reset dialog", () -> console.robot.lookup("#governor-reason").tryQuery().isPresent());
        console.robot.clickOn("#governor-reason").write("runner fixed");
        console.robot.clickOn("#governor-dialog-ok");
        console.await("the closed breaker", () -> console.text("#governor-circuit-state").equals("closed"));
        StoredEvent reset = GovernanceHistory.latest(console.engine(), target, EventType.CIRCUIT_RESET.wire());
        assertThat(reset.payload().json().path("reason").asText()).isEqualTo("runner fixed");
        assertThat(console.text("#governor-circuit-text")).startsWith("Closed: 0 consecutive failed attempts");

        // Emergency stop: confirmed, with leviathanctl's default reason.
        console.robot.clickOn("#governor-emergency-stop");
        console.await("the stop dialog", () -> console.robot.lookup("#governor-reason").tryQuery().isPresent());
        console.robot.clickOn("#governor-dialog-ok");
        console.await("the stop recorded", () -> console.text("#governor-autonomy-text").contains("emergency stop"));
        StoredEvent stop = GovernanceHistory.latest(console.engine(), target, EventType.AUTONOMY_DISABLED.wire());
        assertThat(stop.seq()).isGreaterThan(disabled.seq());
        assertThat(stop.payload().json().path("emergency").asBoolean()).isTrue();
        assertThat(stop.payload().json().path("reason").asText()).isEqualTo("emergency stop");

        // The stream shows it all, newest first.
        console.await("the stop in the stream", () -> !streamRows().isEmpty()
                && streamRows().getFirst().summary().startsWith("EMERGENCY STOP"));
        assertThat(streamTypes()).containsSubsequence(EventType.AUTONOMY_DISABLED.wire(),
                EventType.CIRCUIT_RESET.wire(), EventType.CIRCUIT_OPENED.wire(), EventType.AUTONOMY_DISABLED.wire(),
                EventType.AUTONOMY_ENABLED.wire());
    }

    @Test
    void cancellingTheReasonDialogKeepsAutonomyOnAndRecordsNothing() throws Exception {
        String target = "demo-service";
        register(target, TestRepositories.withOneCommit(temp.resolve("demo-service")));
        console.shortcut(KeyCode.DIGIT6);
        console.await("the target's state", () -> console.text("#governor-autonomy-state").equals("Off"));
        console.robot.clickOn("#governor-autonomy");
        console.await("autonomy on", () -> console.text("#governor-autonomy-state").equals("On"));
        long head = console.engine().store().head().seq();

        console.robot.clickOn("#governor-autonomy");
        console.await("the reason dialog", () -> console.robot.lookup("#governor-reason").tryQuery().isPresent());
        console.robot.clickOn("#governor-dialog-cancel");

        ToggleSwitch toggle = console.node("#governor-autonomy");
        assertThat(console.onFx(toggle::isSelected)).isTrue();
        assertThat(console.engine().store().head().seq()).isEqualTo(head);
    }

    @Test
    void dryRunShowsTheDecisionWithAReasonForEveryTaskAndRecordsNothing() throws Exception {
        String target = "docs-site";
        register(target, TestRepositories.withBacklog(temp.resolve("docs-site")));
        console.shortcut(KeyCode.DIGIT6);
        console.await("the target's state", () -> console.text("#governor-autonomy-state").equals("Off"));
        long head = console.engine().store().head().seq();

        console.robot.clickOn("#governor-dry-run");

        console.await("the decision", () -> console.text("#governor-detail-title").startsWith("Dry run"));
        TextArea detail = console.node("#governor-detail");
        String text = console.onFx(detail::getText);
        assertThat(text).contains("nothing to dispatch").contains("blocked: autonomy_disabled")
                .contains("add-faq").contains("write-guide").contains("fix-ci").contains("tidy-readme");
        assertThat(console.engine().store().head().seq()).isEqualTo(head);
    }

    @Test
    void aTargetWhoseRepositoryIsGoneShowsWhyAndADryRunFailsWithTheEnginesMessage() throws Exception {
        Path repo = TestRepositories.withOneCommit(temp.resolve("vanishing"));
        register("vanishing", repo);
        deleteTree(repo);
        console.shortcut(KeyCode.DIGIT6);

        console.await("the problem note", () -> console.shown("#governor-inputs-problem"));
        assertThat(console.text("#governor-inputs-problem")).startsWith("policy.yaml of vanishing could not be read: ");
        assertThat(console.text("#governor-autonomy-state")).isEqualTo("Off");

        console.robot.clickOn("#governor-dry-run");

        console.await("the error dialog", () -> console.robot.lookup("#governor-error").tryQuery().isPresent());
        Label error = console.robot.lookup("#governor-error").query();
        String message = console.onFx(error::getText);
        assertThat(message).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        console.robot.clickOn("#governor-error-ok");
        console.await("the dialog closed", () -> console.robot.lookup("#governor-error").tryQuery().isEmpty());
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private void register(String id, Path repo) {
        console.engine().targets().register(new RegisterTargetRequest(id, repo.toString(), "", "grace"));
    }

    private List<LimitRow> limits() {
        TableView<LimitRow> table = console.node("#governor-limits");
        return console.onFx(() -> List.copyOf(table.getItems()));
    }

    private List<StreamRow> streamRows() {
        TableView<StreamRow> table = console.node("#governor-stream");
        return console.onFx(() -> List.copyOf(table.getItems()));
    }

    private List<String> streamTypes() {
        return streamRows().stream().map(StreamRow::type).toList();
    }
}
