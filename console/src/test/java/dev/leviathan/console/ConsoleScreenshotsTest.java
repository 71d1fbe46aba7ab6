package dev.leviathan.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.console.shell.ScreenId;
import dev.leviathan.engine.target.RegisterTargetRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes one screenshot per screen to {@code leviathan.screenshots.dir} (docs/images/), at the
 * console's default window size, for docs/console.md and for a person to look at.
 */
class ConsoleScreenshotsTest {

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
    void writesAScreenshotOfEveryScreen() throws Exception {
        console.await("the start-up verification", () -> console.text("#status-chain").startsWith("chain intact"));
        assertPng(console.screenshot("first-start"));

        // Targets: one target registered through the form.
        Path repo = TestRepositories.withOneCommit(temp.resolve("repos/payments-service"));
        console.robot.clickOn("#targets-repo").write(repo.toString());
        Button register = console.node("#targets-register");
        console.await("Register to be offered", () -> !register.isDisabled());
        console.robot.clickOn("#targets-register");
        console.await("the target in the list", () -> console.targetRows().size() == 1);
        assertPng(console.screenshot("targets"));

        // Events: more registrations, as another operator or leviathanctl would make them.
        var registry = console.engine().targets();
        registry.register(new RegisterTargetRequest("inventory-api",
                TestRepositories.withOneCommit(temp.resolve("repos/inventory-api")).toString(), "", "grace"));
        registry.register(new RegisterTargetRequest("", "https://github.com/acme/web-frontend.git", "main",
                "grace"));
        console.shortcut(KeyCode.DIGIT5);
        console.await("three events", () -> console.eventRows().size() == 3);
        console.robot.clickOn("#events-verify");
        console.await("the chain verified", () -> console.text("#status-chain").equals("chain intact (3 events)"));
        console.clickCell("inventory-api");
        console.await("the detail", () -> console.shown("#events-detail-title"));
        assertPng(console.screenshot("events"));

        console.robot.clickOn("#status-theme");
        console.await("the dark theme", () -> Application.getUserAgentStylesheet().contains("primer-dark"));
        assertPng(console.screenshot("events-dark"));
        console.robot.clickOn("#status-theme");
        console.await("the light theme", () -> Application.getUserAgentStylesheet().contains("primer-light"));

        for (ScreenId screen : new ScreenId[] {ScreenId.GRAPH, ScreenId.BACKLOG,
                ScreenId.GOVERNOR, ScreenId.CLUSTER, ScreenId.AEGIS}) {
            console.robot.clickOn("#nav-" + screen.key());
            console.await(screen.title(), () -> console.shown("#" + screen.key() + "-screen"));
            assertPng(console.screenshot(screen.key()));
        }
    }

    @Test
    void writesTheAttemptsScreenWithASelectedAttemptAndItsDiff() throws Exception {
        AttemptsFixture fixture = AttemptsFixture.create(console.engine(), temp.resolve("repos/shop"));
        try {
            fixture.approve("broken-build");
            fixture.approve("add-faq");
            fixture.dispatch("broken-build");
            var attempt = fixture.dispatch("add-faq");
            console.shortcut(KeyCode.DIGIT4);
            javafx.scene.control.TableView<dev.leviathan.console.attempts.AttemptRow> table =
                    console.node("#attempts-table");
            console.await("both attempts, ended", () -> table.getItems().size() == 2
                    && table.getItems().getFirst().status().equals("succeeded"));
            AttemptsFixture.clickAttempt(console, attempt.attemptId());
            console.robot.clickOn("#attempts-tab-pr .tab-label");
            console.await("the diff", () -> console.shown("#attempts-diff"));
            javafx.scene.control.ListView<?> files = console.node("#attempts-files");
            console.runFx(() -> files.getSelectionModel().select(1));
            assertPng(console.screenshot("attempts"));

            console.robot.clickOn("#status-theme");
            console.await("the dark theme", () -> Application.getUserAgentStylesheet().contains("primer-dark"));
            assertPng(console.screenshot("attempts-dark"));
            console.robot.clickOn("#status-theme");
            console.await("the light theme", () -> Application.getUserAgentStylesheet().contains("primer-light"));
        } finally {
            fixture.repo.close();
        }
    }

    private static void assertPng(Path file) throws Exception {
        assertThat(file).exists();
        byte[] header = Files.readAllBytes(file);
        assertThat(header).startsWith(0x89, 'P', 'N', 'G');
    }
}
