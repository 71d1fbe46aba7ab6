package dev.leviathan.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.console.governor.StreamRow;
import dev.leviathan.console.backlog.TaskRow;
import dev.leviathan.console.shell.ScreenId;
import dev.leviathan.engine.Engine;
import dev.leviathan.engine.dispatch.TargetInputs;
import dev.leviathan.engine.govern.Approvals;
import dev.leviathan.engine.govern.AutonomySwitch;
import dev.leviathan.engine.govern.SchedulingMode;
import dev.leviathan.engine.target.RegisterTargetRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
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
        // The detail reads the target's files in the background: the picture shows them read.
        console.await("the target's files", () -> console.shown("#targets-file-policy"));
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
        console.await("the chain verified", () -> console.text("#status-chain").equals("chain intact up to #3"));
        console.clickCell("inventory-api");
        console.await("the detail", () -> console.shown("#events-detail-title"));
        assertPng(console.screenshot("events"));

        console.robot.clickOn("#status-theme");
        console.await("the dark theme", () -> console.darkTheme());
        console.assertStyledAsPrimerDark();
        assertPng(console.screenshot("events-dark"));
        console.robot.clickOn("#status-theme");
        console.await("the light theme", () -> !console.darkTheme());

        for (ScreenId screen : new ScreenId[] {ScreenId.CLUSTER, ScreenId.AEGIS}) {
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
        console.await("the dark theme", () -> console.darkTheme());
        console.assertStyledAsPrimerDark();
        assertPng(console.screenshot("governor-dark"));
        console.robot.clickOn("#status-theme");
        console.await("the light theme", () -> !console.darkTheme());
    }

    @Test
    void writesScreenshotsOfTargetsBootstrapAndProblems() throws Exception {
        var registry = console.engine().targets();
        registry.register(new RegisterTargetRequest("payments-service",
                TestRepositories.withBacklog(temp.resolve("repos/payments-service")).toString(), "", "grace"));
        registry.register(new RegisterTargetRequest("billing",
                TestRepositories.withInvalidPolicy(temp.resolve("repos/billing")).toString(), "", "grace"));
        console.await("two targets", () -> console.targetRows().size() == 2);
        console.await("the policy read", () -> console.shown("#targets-file-policy-state"));
        console.robot.clickOn("#targets-bootstrap");
        console.await("the bootstrap to finish", () -> console.shown("#targets-bootstrap-outcome")
                && !console.node("#targets-bootstrap").isDisabled());
        console.await("the last bootstrap in the list", () -> console.robot.lookup(".table-cell").queryAll().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && c.getText() != null
                        && c.getText().endsWith(" facts")));
        assertPng(console.screenshot("targets-bootstrap"));

        console.clickCell("billing");
        console.await("billing's problems", () -> console.text("#targets-detail-title").equals("billing")
                && console.shown("#targets-file-policy-state"));
        // The policy's problems are the point of this picture: scrolled to the end of the pane.
        console.runFx(() -> ((javafx.scene.control.ScrollPane) console.scene()
                .lookup("#targets-screen .detail-pane > .scroll-pane")).setVvalue(1.0));
        console.robot.clickOn("#status-theme");
        console.await("the dark theme", () -> console.darkTheme());
        console.assertStyledAsPrimerDark();
        assertPng(console.screenshot("targets-dark"));
        console.robot.clickOn("#status-theme");
        console.await("the light theme", () -> !console.darkTheme());
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
    void writesTheBacklogScreenshots() throws Exception {
        String backlog = "tasks:\n"
                + BacklogFixture.task("add-faq", "Add a FAQ page", "high", true, "docs/FAQ.md", "true", "")
                + BacklogFixture.task("link-faq", "Link the FAQ from the index", "medium", true, "docs/index.md",
                        "true", "    dependencies: [add-faq]\n")
                + BacklogFixture.task("write-runbook", "Write the on-call runbook", "high", false,
                        "docs/runbook.md", "true", "")
                + BacklogFixture.task("fix-typos", "Fix typos in the guides", "low", true, "docs/guides/**", "true",
                        "")
                + BacklogFixture.task("rotate-docs", "Move old guides to docs/archive", "low", true, "docs/**",
                        "true", "")
                + BacklogFixture.task("changelog-2026", "Start the 2026 changelog", "medium", true,
                        "docs/CHANGELOG.md", "true", "    status: completed\n");
        try (var repo = BacklogFixture.repository(temp.resolve("repos/payments-service"), backlog)) {
            var engine = console.engine();
            BacklogFixture.autonomy(console.home, "payments-service", true);
            BacklogFixture.register(engine, "payments-service", repo.dir());
            BacklogFixture.approve(engine, "payments-service", "add-faq", "grace");
            BacklogFixture.approve(engine, "payments-service", "fix-typos", "grace");
            BacklogFixture.approve(engine, "payments-service", "rotate-docs", "grace");
            new dev.leviathan.engine.govern.Approvals(engine.store(), engine.clock()).revoke("payments-service",
                    "rotate-docs", "ada", "archive layout not agreed yet");
            repo.file(".leviathan/backlog.yaml", backlog.replace("Fix typos in the guides",
                    "Fix typos in the guides and the README")).commit("Widen the typo task");

            console.shortcut(KeyCode.DIGIT3);
            console.await("the backlog", () -> console.shown("#backlog-screen")
                    && console.text("#backlog-source").endsWith("6 tasks"));
            Node cell = console.robot.lookup((Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c
                    && c.getTableRow() != null && c.getTableRow().getItem() instanceof TaskRow row
                    && row.id().equals("link-faq")).query();
            console.robot.clickOn(cell);
            console.robot.clickOn("#backlog-dry-run");
            console.await("the decision", () -> console.text("#backlog-decision-title").startsWith("Would dispatch"));
            assertPng(console.screenshot("backlog"));

            console.robot.clickOn("#status-theme");
            console.await("the dark theme", () -> console.darkTheme());
            console.assertStyledAsPrimerDark();
            assertPng(console.screenshot("backlog-dark"));
            console.robot.clickOn("#status-theme");
            console.await("the light theme", () -> !console.darkTheme());
        }
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
        console.await("the dark theme", () -> console.darkTheme());
        console.assertStyledAsPrimerDark();
        assertPng(console.screenshot("settings-dark"));
        console.robot.clickOn("#settings-theme");
        console.await("the light theme", () -> !console.darkTheme());

        console.shortcut(KeyCode.DIGIT1);
        console.robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        console.await("the palette", () -> console.shown("#palette"));
        console.robot.type(KeyCode.DOWN, KeyCode.DOWN);
        assertPng(console.screenshot("palette"));
        console.robot.type(KeyCode.ESCAPE);
    }

    @Test
    void writesScreenshotsOfTheGraphOfABootstrappedRepository() throws Exception {
        GraphJourneyTest.bootstrapShop(console.engine(), temp.resolve("repos/shop"));
        console.shortcut(KeyCode.DIGIT2);
        console.await("the graph laid out", () -> console.text("#graph-status").contains("layout in"));
        console.robot.clickOn("#graph-search").write("payments.py").type(KeyCode.ENTER);
        console.await("the details", () -> console.shown("#graph-detail-title"));
        console.robot.clickOn("#graph-fit");
        assertPng(console.screenshot("graph"));

        console.robot.clickOn("#status-theme");
        console.await("the dark theme", () -> console.darkTheme());
        console.assertStyledAsPrimerDark();
        assertPng(console.screenshot("graph-dark"));
        console.robot.clickOn("#status-theme");
        console.await("the light theme", () -> !console.darkTheme());

        console.robot.clickOn("Files");
        console.await("the treemap", () -> console.shown("#graph-treemap") && console.shown("#graph-treemap-text"));
        assertPng(console.screenshot("graph-treemap"));
    }

    @Test
    void writesTheAttemptsScreenWithASelectedAttemptAndItsDiff() throws Exception {
        AttemptsFixture fixture = AttemptsFixture.create(console.engine(), temp.resolve("repos/shop"));
        try {
            fixture.approve("broken-build");
            fixture.approve("add-link-check");
            fixture.dispatch("broken-build");
            var attempt = fixture.dispatch("add-link-check");
            console.shortcut(KeyCode.DIGIT4);
            javafx.scene.control.TableView<dev.leviathan.console.attempts.AttemptRow> table =
                    console.node("#attempts-table");
            console.await("both attempts, ended", () -> table.getItems().size() == 2
                    && table.getItems().getFirst().status().equals("succeeded"));
            AttemptsFixture.clickAttempt(console, attempt.attemptId());
            console.robot.clickOn("#attempts-tab-pr .tab-label");
            console.await("the diff", () -> console.shown("#attempts-diff"));
            assertPng(console.screenshot("attempts"));

            console.robot.clickOn("#status-theme");
            console.await("the dark theme", () -> console.darkTheme());
            console.assertStyledAsPrimerDark();
            assertPng(console.screenshot("attempts-dark"));
            console.robot.clickOn("#status-theme");
            console.await("the light theme", () -> !console.darkTheme());
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
