package dev.leviathan.engine.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadOnlyTest {

    @TempDir
    Path dir;

    private Map<String, String> snapshot() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.toList()) {
                String content = Files.isRegularFile(file) ? new String(Files.readAllBytes(file)) : "<dir>";
                FileTime modified = Files.getLastModifiedTime(file);
                out.put(dir.relativize(file).toString(), modified + "|" + content);
            }
        }
        return out;
    }

    @Test
    void loadingAndValidatingChangeNothingOnDisk() throws IOException {
        Path leviathan = Files.createDirectories(dir.resolve(".leviathan"));
        for (String name : new String[] {"backlog.yaml", "policy.yaml", "contract.yaml"}) {
            Files.write(leviathan.resolve(name), Fixtures.bytes(Fixtures.PYTHON + ".leviathan/" + name));
        }
        Path broken = Files.write(dir.resolve("broken.yaml"), Fixtures.bytes("broken/duplicate-id.yaml"));
        Map<String, String> before = snapshot();

        TargetFiles.loadBacklog(leviathan.resolve("backlog.yaml"));
        TargetFiles.loadPolicy(leviathan.resolve("policy.yaml"));
        TargetFiles.loadContract(leviathan.resolve("contract.yaml"));
        TargetFiles.loadAutonomyConfig(dir.resolve("ops/autonomy/dev.yaml"));
        TargetFiles.validateBacklog("broken.yaml", Files.readAllBytes(broken));
        try {
            TargetFiles.loadBacklog(broken);
        } catch (TargetFileException expected) {
            // the point is what is on disk afterwards
        }

        assertThat(snapshot()).isEqualTo(before);
    }
}
