package dev.leviathan.console;

import dev.leviathan.console.attempts.AttemptRow;
import dev.leviathan.engine.Engine;
import dev.leviathan.engine.bootstrap.BootstrapRequest;
import dev.leviathan.engine.dispatch.DispatchService;
import dev.leviathan.engine.dispatch.TargetInputs;
import dev.leviathan.engine.govern.Approvals;
import dev.leviathan.engine.govern.SchedulingMode;
import dev.leviathan.engine.target.RegisterTargetRequest;
import dev.leviathan.engine.target.Task;
import dev.leviathan.engine.testkit.TestRepo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A target with a governed backlog, approved and dispatched through the engine as
 * GovernedExecutionTest does it: a real repository, a worker in a child JVM, a local pull request.
 */
final class AttemptsFixture {

    static final String TARGET = "shop";

    static final String POLICY = """
            allowed_paths:
              docs: ["docs/**"]
            forbidden_paths: [".github/**"]
            """;

    /**
     * add-faq writes two docs; broken-build fails; sneaky also writes outside its scope; number-docs
     * writes a file of 5,000 lines; add-link-check copies a Python file into docs/; chatty prints a line, waits for {@link #goAhead(int) go-ahead 1},
     * prints another, waits for go-ahead 2 and writes its doc.
     */
    static final String BACKLOG = """
            tasks:
              - id: add-faq
                title: Add a FAQ page
                scope: docs
                priority: medium
                ready: true
                allowed_paths: [docs/FAQ.md, docs/index.md]
                executor: {type: command, run: "mkdir -p docs && printf '# FAQ\\\\n\\\\nAsk us anything.\\\\n' > docs/FAQ.md && printf '# Shop docs\\\\n\\\\nSee the [FAQ](FAQ.md).\\\\n' > docs/index.md", timeout_s: 60}
              - id: broken-build
                title: Fix the build
                scope: docs
                priority: medium
                ready: true
                allowed_paths: [docs/build.md]
                executor: {type: command, run: "echo 'the build is broken' && exit 3", timeout_s: 60}
              - id: sneaky
                title: Touch up the docs
                scope: docs
                priority: low
                ready: true
                allowed_paths: [docs/sneaky.md]
                executor: {type: command, run: "mkdir -p docs && echo ok > docs/sneaky.md && echo owned > README.md", timeout_s: 60}
              - id: number-docs
                title: Write out the numbers
                scope: docs
                priority: low
                ready: true
                allowed_paths: [docs/numbers.md]
                executor: {type: command, run: "mkdir -p docs && seq 1 5000 > docs/numbers.md", timeout_s: 60}
              - id: add-link-check
                title: Check the links of the docs
                scope: docs
                priority: low
                ready: true
                allowed_paths: [docs/check_links.py]
                executor: {type: command, run: "mkdir -p docs && cp tools/check_links.py docs/check_links.py", timeout_s: 60}
              - id: chatty
                title: Report as it goes
                scope: docs
                priority: low
                ready: true
                allowed_paths: [docs/chatty.md]
                executor: {type: command, run: "echo first-line && while [ ! -f GO_1 ]; do sleep 0.1; done && echo second-line && while [ ! -f GO_2 ]; do sleep 0.1; done && mkdir -p docs && echo x > docs/chatty.md", timeout_s: 60}
            """;

    /** What add-link-check copies into docs/: a little Python, so the diff has code to colour. */
    static final String LINK_CHECK = """
            \"""Lists the links of the docs that point nowhere.\"""
            import pathlib
            import re

            LINK = re.compile(r"\\[[^]]*\\]\\(([^)]+)\\)")  # [text](target)


            def broken_links(root="docs", retries=3):
                for page in pathlib.Path(root).glob("**/*.md"):
                    for target in LINK.findall(page.read_text()):
                        if not target.startswith("http") and not (page.parent / target).exists():
                            yield page, target
            """;

    /** The operator's limits for the target (autonomy stays off: tasks are dispatched by hand). */
    static final String AUTONOMY = """
            allowed_path_prefixes: [docs/]
            max_open_prs: 3
            circuit_breaker_failures: 5
            """;

    private final Engine engine;
    final TestRepo repo;

    private AttemptsFixture(Engine engine, TestRepo repo) {
        this.engine = engine;
        this.repo = repo;
    }

    private static Path goAheadFile(Path repoDir, int n) {
        return repoDir.resolveSibling("go-ahead-" + n);
    }

    /** Lets the chatty task go on past its wait number {@code n}. */
    void goAhead(int n) {
        try {
            Files.writeString(goAheadFile(repo.dir(), n), "go");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AttemptsFixture create(Engine engine, Path dir) {
        TestRepo repo = TestRepo.init(dir);
        repo.file("README.md", "# Shop\n").file("docs/index.md", "# Shop docs\n\nNothing here yet.\n")
                .file("tools/check_links.py", LINK_CHECK)
                .file(".leviathan/policy.yaml", POLICY)
                .file(".leviathan/backlog.yaml", BACKLOG.replace("GO_1", goAheadFile(dir, 1).toString())
                        .replace("GO_2", goAheadFile(dir, 2).toString())).commit("initial");
        try {
            Path limits = TargetInputs.autonomyFile(engine.home(), TARGET);
            Files.createDirectories(limits.getParent());
            Files.writeString(limits, AUTONOMY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        engine.targets().register(new RegisterTargetRequest(TARGET, repo.dir().toString(), null, "grace"));
        engine.bootstrapper().bootstrap(BootstrapRequest.of(TARGET, null, "grace"));
        return new AttemptsFixture(engine, repo);
    }

    void approve(String taskId) {
        TargetInputs inputs = TargetInputs.read(engine.targets().find(TARGET).orElseThrow(), engine.home());
        Task task = inputs.backlog().task(taskId).orElseThrow();
        new Approvals(engine.store(), engine.clock()).approve(TARGET, task, inputs.commit(), "grace");
    }

    /** What {@code leviathanctl dispatch TASK --target shop} does: one attempt, run to its end. */
    DispatchService.AttemptEnd dispatch(String taskId) {
        return engine.dispatch().decideAndRun(TARGET, new SchedulingMode.Manual(taskId), "grace").attempt()
                .orElseThrow(() -> new AssertionError(taskId + " was not dispatched"));
    }

    /**
     * Clicks the attempt's id in the list. Only a cell of a row showing that attempt counts: the
     * table keeps recycled cells that still hold the text of rows it showed before a live update.
     * Headless Monocle now and then drops a click (seen in about one run of four, on a cell whose
     * bounds and focus were right), so a click that selected nothing is repeated, as a person would.
     */
    static void clickAttempt(ConsoleDriver console, String attemptId) {
        javafx.scene.control.TableView<AttemptRow> table = console.node("#attempts-table");
        java.util.function.Predicate<javafx.scene.control.TableCell<?, ?>> showsIt = c -> attemptId.equals(c.getText())
                && c.isVisible() && c.getTableRow() != null && c.getTableRow().getItem() instanceof AttemptRow row
                && row.attemptId().equals(attemptId);
        for (int tries = 0; tries < 3; tries++) {
            // The model may hold the row a pulse before the table has a cell showing it.
            console.await("a cell of " + attemptId, () -> console.robot.lookup("#attempts-table .table-cell")
                    .match(showsIt).tryQuery().isPresent());
            javafx.scene.Node cell = console.robot.lookup("#attempts-table .table-cell").match(showsIt).query();
            console.robot.clickOn(cell);
            try {
                org.testfx.util.WaitForAsyncUtils.waitFor(3, java.util.concurrent.TimeUnit.SECONDS,
                        () -> console.onFx(() -> {
                            var selected = table.getSelectionModel().getSelectedItem();
                            return selected != null && selected.attemptId().equals(attemptId);
                        }));
                console.await("the attempt's detail", () -> console.shown("#attempts-detail-title")
                        && console.text("#attempts-detail-title").startsWith(attemptId + " "));
                // The tab headers exist once the tab pane, just put in the scene, has had its skin.
                console.await("the detail's tabs", () -> console.robot.lookup("#attempts-tab-pr .tab-label")
                        .tryQuery().isPresent());
                return;
            } catch (java.util.concurrent.TimeoutException e) {
                // clicked again below
            }
        }
        throw new AssertionError("clicking " + attemptId + " three times did not select it");
    }
}
