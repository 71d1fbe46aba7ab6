package dev.leviathan.engine.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The files under {@code src/test/resources/fixtures/target/}. */
final class Fixtures {

    static final String PYTHON = "leviathan-python/";

    private Fixtures() {
    }

    static Path path(String name) {
        URL url = Fixtures.class.getResource("/fixtures/target/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The single problem in {@code problems}. */
    static Problem only(List<Problem> problems) {
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    /** Asserts where a problem is, what it names and that its hint says {@code hintFragment}. */
    static void assertProblem(Problem problem, int line, int column, String fieldPath, String hintFragment) {
        assertThat(problem.line()).as("line of %s", problem.render()).isEqualTo(line);
        assertThat(problem.column()).as("column of %s", problem.render()).isEqualTo(column);
        assertThat(problem.fieldPath()).as("field path of %s", problem.render()).isEqualTo(fieldPath);
        assertThat(problem.hint()).as("hint of %s", problem.render()).contains(hintFragment);
    }
}
