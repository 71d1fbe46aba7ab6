package dev.leviathan.engine.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.target.Task;
import dev.leviathan.engine.testkit.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandExecutorTest {

    @TempDir
    Path dir;

    TestRepo repo() {
        TestRepo repo = TestRepo.init(dir.resolve("shop"));
        repo.file("README.md", "# Shop\n").commit("initial");
        return repo;
    }

    static Task task(String run, int timeout) {
        return ExecutorFixture.task("""
                tasks:
                  - id: gen-docs
                    title: Generate the docs
                    allowed_paths: [docs/]
                    executor: {type: command, run: "%s", timeout_s: %d}
                """.formatted(run.replace("\"", "\\\""), timeout));
    }

    @Test
    void runsTheCommandInTheWorkTreeAndLogsItsOutput() {
        try (TestRepo repo = repo()) {
            RedactingLog log = ExecutorFixture.log();

            ExecutionResult result = new CommandExecutor().execute(ExecutorFixture.request(repo,
                    task("mkdir -p docs && echo hello > docs/out.txt && echo done", 30), log, () -> false));

            assertThat(result).isInstanceOf(ExecutionResult.Completed.class);
            assertThat(repo.dir().resolve("docs/out.txt")).hasContent("hello");
            assertThat(log.lines()).contains("done", "exit 0");
        }
    }

    @Test
    void aNonZeroExitFailsTheAttemptWithTheLastLines() {
        try (TestRepo repo = repo()) {
            ExecutionResult result = new CommandExecutor().execute(ExecutorFixture.request(repo,
                    task("echo broken build; exit 3", 30), ExecutorFixture.log(), () -> false));

            assertThat(result).isInstanceOfSatisfying(ExecutionResult.Failed.class, failed -> {
                assertThat(failed.kind()).isEqualTo(ExecutionResult.FailureKind.TASK_FAILED);
                assertThat(failed.reason()).contains("exited with 3").contains("broken build");
            });
        }
    }

    @Test
    void aCommandPastItsTimeoutIsStopped() {
        try (TestRepo repo = repo()) {
            long start = System.nanoTime();

            ExecutionResult result = new CommandExecutor().execute(ExecutorFixture.request(repo,
                    task("sleep 30", 1), ExecutorFixture.log(), () -> false));

            assertThat(result).isInstanceOfSatisfying(ExecutionResult.Failed.class,
                    failed -> assertThat(failed.kind()).isEqualTo(ExecutionResult.FailureKind.BUDGET_EXHAUSTED));
            assertThat(System.nanoTime() - start).isLessThan(20_000_000_000L);
        }
    }

    @Test
    void cancellationStopsTheCommand() {
        try (TestRepo repo = repo()) {
            long start = System.nanoTime();
            ExecutionResult result = new CommandExecutor().execute(ExecutorFixture.request(repo, task("sleep 30", 60),
                    ExecutorFixture.log(), () -> System.nanoTime() - start > 300_000_000L));

            assertThat(result).isInstanceOfSatisfying(ExecutionResult.Failed.class,
                    failed -> assertThat(failed.kind()).isEqualTo(ExecutionResult.FailureKind.CANCELLED));
        }
    }

    @Test
    void theCommandSeesNoneOfTheOperatorsEnvironment() {
        try (TestRepo repo = repo()) {
            RedactingLog log = ExecutorFixture.log();

            new CommandExecutor().execute(ExecutorFixture.request(repo, task("env | sort", 30), log, () -> false));

            assertThat(log.lines()).anyMatch(l -> l.startsWith("PATH=")).anyMatch(l -> l.startsWith("HOME="))
                    .noneMatch(l -> l.startsWith("LEVIATHAN_HOME=") || l.startsWith("USER=")
                            || l.startsWith("LEVIATHAN_GIT_TOKEN"));
            assertThat(log.lines()).filteredOn(l -> l.startsWith("HOME="))
                    .allMatch(l -> !l.substring(5).startsWith(repo.dir().toString() + "/"));
        }
    }
}
