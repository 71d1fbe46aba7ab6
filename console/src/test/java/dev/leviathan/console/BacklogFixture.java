package dev.leviathan.console;

import dev.leviathan.engine.Engine;
import dev.leviathan.engine.bootstrap.BootstrapRequest;
import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.dispatch.TargetInputs;
import dev.leviathan.engine.govern.Approvals;
import dev.leviathan.engine.target.RegisterTargetRequest;
import dev.leviathan.engine.target.Task;
import dev.leviathan.engine.testkit.TestRepo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A target with a backlog for the Backlog screen's tests: a real git repository whose tasks write
 * under {@code docs/} with a command executor (no model needed), the policy allowing that, and
 * the operator's autonomy file for it, as the engine's governed-execution tests set them up.
 */
final class BacklogFixture {

    static final String POLICY = """
            allowed_paths:
              docs: ["docs/**"]
            forbidden_paths: [".github/**"]
            """;

    /** Autonomy stays off: manual dispatch still runs, the autonomous dry run says why it does not. */
    static final String AUTONOMY = """
            autonomy_enabled: false
            allowed_path_prefixes: [docs/]
            max_open_prs: 3
            max_prs_per_hour: 10
            """;

    private BacklogFixture() {
    }

    static String task(String id, String title, String priority, boolean ready, String path, String run,
            String extra) {
        return """
                  - id: %s
                    title: %s
                    scope: docs
                    priority: %s
                    ready: %s
                    allowed_paths: [%s]
                    executor: {type: command, run: "%s", timeout_s: 60}
                %s""".formatted(id, title, priority, ready, path, run, extra);
    }

    /** A repository on {@code main} with the policy and {@code backlog}, committed. */
    static TestRepo repository(Path dir, String backlog) {
        TestRepo repo = TestRepo.init(dir);
        repo.file("README.md", "# " + dir.getFileName() + "\n").file(".leviathan/policy.yaml", POLICY)
                .file(".leviathan/backlog.yaml", backlog).commit("Add the backlog");
        return repo;
    }

    /** Writes the operator's autonomy file for {@code target}; do it before the console starts. */
    static void autonomy(LeviathanHome home, String target) {
        autonomy(home, target, false);
    }

    static void autonomy(LeviathanHome home, String target, boolean enabled) {
        Path file = TargetInputs.autonomyFile(home, target);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, AUTONOMY.replace("autonomy_enabled: false", "autonomy_enabled: " + enabled));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers and bootstraps the repository as {@code target}, as grace. */
    static void register(Engine engine, String target, Path repo) {
        engine.targets().register(new RegisterTargetRequest(target, repo.toString(), null, "grace"));
        engine.bootstrapper().bootstrap(BootstrapRequest.of(target, null, "grace"));
    }

    /** Approves a task through the engine, as {@code leviathanctl approve} does. */
    static void approve(Engine engine, String target, String taskId, String operator) {
        TargetInputs inputs = TargetInputs.read(engine.targets().find(target).orElseThrow(), engine.home());
        Task task = inputs.backlog().task(taskId).orElseThrow();
        new Approvals(engine.store(), engine.clock()).approve(target, task, inputs.commit(), operator);
    }

    static String contentHash(Engine engine, String target, String taskId) {
        TargetInputs inputs = TargetInputs.read(engine.targets().find(target).orElseThrow(), engine.home());
        return inputs.backlog().task(taskId).orElseThrow().contentHash();
    }

    /** Clicks the task's cell in the Backlog table's Task column. */
    static void selectTask(ConsoleDriver console, String id) {
        javafx.scene.Node cell = console.robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && c.getTableColumn() != null && "Task".equals(c.getTableColumn().getText())
                && c.getTableRow() != null && c.getTableRow().getItem() instanceof dev.leviathan.console.backlog.TaskRow row
                && row.id().equals(id)).query();
        console.robot.clickOn(cell);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }
}
