package dev.leviathan.engine.aegis.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioSuiteTest {

    @TempDir
    Path dir;

    private Path write(String relative, String id) throws IOException {
        return write(relative, id, Scenarios.MINIMAL);
    }

    private Path write(String relative, String id, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text.replace("id: t", "id: " + id));
        return file;
    }

    @Test
    void loadsEveryYamlAndYmlFileBelowTheDirectoryInRelativePathOrder() throws IOException {
        write("b.yaml", "b");
        write("a/z.yml", "az");
        write("a/b.yaml", "ab");
        write("a/deeper/c.yaml", "adc");
        write("notes.txt", "ignored");
        write("a/old.yaml.bak", "ignored-too");

        assertThat(ScenarioSuite.load(dir)).extracting(f -> f.scenario().id())
                .containsExactly("ab", "adc", "az", "b");
    }

    @Test
    void namesEachFileByItsPath() throws IOException {
        Path file = write("one.yaml", "one");

        assertThat(ScenarioSuite.load(dir)).extracting(ScenarioFile::source).containsExactly(file.toString());
    }

    @Test
    void rejectsDuplicateIdNamingBothFiles() throws IOException {
        Path first = write("a.yaml", "same");
        Path second = write("b/c.yaml", "same");

        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioSuite.load(dir));

        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().getFirst()).extracting("file", "line", "column", "fieldPath")
                .containsExactly(second.toString(), 1, 5, "id");
        assertThat(e.getMessage()).isEqualTo(second + ":1:5: id: id 'same' is also the id of " + first
                + " (hint: ids are unique across a suite; rename one of the two)");
    }

    @Test
    void reportsTheProblemsOfEveryBadFileInOneException() throws IOException {
        Path bad = write("1-bad.yaml", "Bad");
        write("2-good.yaml", "good");
        Path worse = write("3-worse.yaml", "worse", Scenarios.MINIMAL.replace("ticks: 100", "ticks: 0") + "hpa: []\n");

        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioSuite.load(dir));

        assertThat(e.problems()).extracting(ScenarioProblem::file, ScenarioProblem::fieldPath).containsExactly(
                org.assertj.core.groups.Tuple.tuple(bad.toString(), "id"),
                org.assertj.core.groups.Tuple.tuple(worse.toString(), "ticks"),
                org.assertj.core.groups.Tuple.tuple(worse.toString(), "hpa"));
        assertThat(e.getMessage().lines()).hasSize(3);
    }

    @Test
    void rejectsDirectoryWithoutScenarioFiles() throws IOException {
        Files.writeString(dir.resolve("README.md"), "no scenarios here");

        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioSuite.load(dir));

        assertThat(e.getMessage()).isEqualTo(dir + ":1:1: no *.yaml or *.yml file below this directory (hint: check the path)");
    }

    @Test
    void rejectsMissingFile() {
        Path missing = dir.resolve("missing.yaml");

        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(missing));

        assertThat(e.getMessage()).isEqualTo(missing + ":1:1: no such file (hint: check the path)");
    }

    @Test
    void rejectsFileThatIsNotUtf8() throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'i', 'd', ':', ' ', (byte) 0xE9});

        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(file));

        assertThat(e.problemMessage()).isEqualTo("the file is not valid UTF-8");
    }
}
