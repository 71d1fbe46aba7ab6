package dev.leviathan.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jOOQ classes are generated from the Flyway DDL and committed (the generator cannot run
 * inside Maven on Java 17). This regenerates them into a temp directory and compares, so the
 * committed classes never drift from the schema. Regenerate with:
 * {@code ./mvnw -pl engine -Pjooq-codegen generate-sources}.
 */
class JooqClassesMatchDdlTest {

    private static final Path COMMITTED = Path.of("src/main/java/dev/leviathan/engine/event/jooq");

    @TempDir
    Path out;

    @Test
    void committedJooqClassesMatchTheFlywayDdl() throws Exception {
        Configuration configuration;
        try (InputStream xml = Files.newInputStream(Path.of("src/main/jooq/codegen.xml"))) {
            configuration = GenerationTool.load(xml);
        }
        configuration.getGenerator().getTarget().setDirectory(out.toString());

        GenerationTool.generate(configuration);

        Path generated = out.resolve("dev/leviathan/engine/event/jooq");
        List<Path> files = relativeFiles(generated);
        assertThat(files).isEqualTo(relativeFiles(COMMITTED));
        for (Path file : files) {
            assertThat(Files.readString(generated.resolve(file)))
                    .as("%s differs from the DDL; regenerate with ./mvnw -pl engine -Pjooq-codegen generate-sources", file)
                    .isEqualTo(Files.readString(COMMITTED.resolve(file)));
        }
    }

    private static List<Path> relativeFiles(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
