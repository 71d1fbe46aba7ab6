package dev.leviathan.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.console.governor.StreamRow;
import dev.leviathan.console.shell.ScreenId;
import dev.leviathan.engine.Engine;
import dev.leviathan.engine.dispatch.TargetInputs;
import dev.leviathan.engine.govern.Approvals;
import dev.leviathan.engine.govern.AutonomySwitch;
import dev.leviathan.engine.govern.SchedulingMode;
import dev.leviathan.engine.target.RegisterTargetRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
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
        Path repo = TestRepositories.withBacklog(temp.resolve("repos/payments-service"));
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

        for (ScreenId screen : new ScreenId[] {ScreenId.GRAPH, ScreenId.BACKLOG, ScreenId.ATTEMPTS,
                ScreenId.CLUSTER, ScreenId.AEGIS}) {
            console.robot.clickOn("#nav-" + screen.key());
            console.await(screen.title(), () -> console.shown("#" + screen.key() + "-screen"));
            assertPng(console.screenshot(screen.key()));
        }

        // Governor: payments-service approved, switched on, one decision, three failures, the
        // breaker open, and the decision that followed — as the engine and leviathanctl record them.
        governanceStory("payments-service");
        console.robot.clickOn("#nav-governor");
        console.await("the open breaker", () -> console.shown("#governor-screen")
                && console.text("#governor-circuit-state").equals("OPEN"));
        TableView<StreamRow> stream = console.node("#governor-stream");
        console.await("the last decision", () -> !stream.getItems().isEmpty()
                && stream.getItems().getFirst().type().equals("schedule.decided"));
        console.runFx(() -> stream.getSelectionModel().select(0));
        console.await("its reasons", () -> console.text("#governor-detail-title").startsWith("seq "));
        assertPng(console.screenshot("governor"));
        console.robot.clickOn("#status-theme");
        console.await("the dark theme", () -> Application.getUserAgentStylesheet().contains("primer-dark"));
        assertPng(console.screenshot("governor-dark"));
        console.robot.clickOn("#status-theme");
        console.await("the light theme", () -> Application.getUserAgentStylesheet().contains("primer-light"));
    }

    private void governanceStory(String target) throws Exception {
        Engine engine = console.engine();
        Path autonomy = TargetInputs.autonomyFile(engine.home(), target);
        Files.createDirectories(autonomy.getParent());
        Files.writeString(autonomy, """
                autonomy_enabled: false
                allowed_path_prefixes: [docs/]
                max_open_prs: 2
                max_prs_per_hour: 4
                """);
        TargetInputs inputs = TargetInputs.read(engine.targets().find(target).orElseThrow(), engine.home());
        new Approvals(engine.store(), engine.clock()).approve(target, inputs.backlog().task("add-faq").orElseThrow(),
                inputs.commit(), "grace");
        new AutonomySwitch(engine.store(), engine.clock()).enable(target, "grace", "docs sprint: FAQ first");
        engine.dispatch().decide(target, new SchedulingMode.Autonomous(), false, "leviathan");
        GovernanceHistory.failAndTrip(engine, target, "add-faq", 3);
        engine.dispatch().decide(target, new SchedulingMode.Autonomous(), false, "leviathan");
    }

    @Test
    void writesScreenshotsOfSettingsAndThePalette() throws Exception {
        // A store with something in it, and the PostgreSQL test server when there is one.
        Path repo = TestRepositories.withBacklog(temp.resolve("repos/payments-service"));
        console.engine().targets().register(new RegisterTargetRequest("", repo.toString(), "", "grace"));
        // A schema of its own, so the picture's test leaves the server's public schema alone.
        java.util.Optional<String> postgres = dev.leviathan.engine.testkit.TestPostgres.baseUrl()
                .map(base -> dev.leviathan.engine.testkit.TestPostgres.freshSchemaUrl());
        console.shortcut(KeyCode.DIGIT9);
        Button save = console.node("#settings-save");
        console.await("the settings", () -> console.shown("#settings-screen") && !save.isDisabled());
        if (postgres.isPresent()) {
            console.robot.clickOn("#settings-store-postgres");
            console.robot.clickOn("#settings-store-url").write(postgres.get());
        } else {
            System.err.println("[leviathan tests] " + dev.leviathan.engine.testkit.TestPostgres.URL_ENV
                    + " is not set: the settings picture shows the embedded store");
        }
        console.robot.clickOn("#settings-llm-url").write("http://127.0.0.1:11434/v1");
        console.robot.clickOn("#settings-llm-model").write("qwen2.5-coder:7b");
        console.robot.clickOn("#settings-key-where").write("OLLAMA_API_KEY");
        console.robot.clickOn("#settings-save");
        console.await("saved", () -> console.shown("#settings-saved"));
        console.runFx(() -> console.scene().getRoot().requestFocus());
        assertPng(console.screenshot("settings"));
        console.robot.clickOn("#settings-theme");
        console.await("the dark theme", () -> Application.getUserAgentStylesheet().contains("primer-dark"));
        assertPng(console.screenshot("settings-dark"));
        console.robot.clickOn("#settings-theme");
        console.await("the light theme", () -> Application.getUserAgentStylesheet().contains("primer-light"));

        console.shortcut(KeyCode.DIGIT1);
        console.robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        console.await("the palette", () -> console.shown("#palette"));
        console.robot.type(KeyCode.DOWN, KeyCode.DOWN);
        assertPng(console.screenshot("palette"));
        console.robot.type(KeyCode.ESCAPE);
    }

    private static void assertPng(Path file) throws Exception {
        assertThat(file).exists();
        byte[] header = Files.readAllBytes(file);
        assertThat(header).startsWith(0x89, 'P', 'N', 'G');
    }
}
