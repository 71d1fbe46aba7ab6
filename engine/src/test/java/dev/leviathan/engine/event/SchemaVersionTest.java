package dev.leviathan.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SchemaVersionTest {

    /** The open fast path trusts SCHEMA_VERSION to name the newest migration we ship. */
    @Test
    void schemaVersionNamesTheNewestMigration() throws Exception {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/db/migration"))) {
            int newest = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max(Comparator.naturalOrder())
                    .orElseThrow();
            assertThat(JooqEventStore.SCHEMA_VERSION).isEqualTo(Integer.toString(newest));
        }
    }
}
