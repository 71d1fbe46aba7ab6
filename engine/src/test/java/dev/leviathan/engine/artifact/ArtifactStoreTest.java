package dev.leviathan.engine.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactStoreTest {

    // SHA-256 of "hello\n"
    private static final String HELLO = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";

    @TempDir
    Path dir;

    @Test
    void addressesContentByItsSha256() {
        ArtifactStore store = new ArtifactStore(dir);

        ArtifactRef ref = store.put("hello\n".getBytes(StandardCharsets.UTF_8));

        assertThat(ref).isEqualTo(new ArtifactRef(HELLO, 6));
        assertThat(store.path(HELLO).orElseThrow()).isEqualTo(dir.resolve("sha256/58/" + HELLO));
        assertThat(new String(store.read(HELLO), StandardCharsets.UTF_8)).isEqualTo("hello\n");
    }

    @Test
    void storingTheSameContentTwiceKeepsOneFileAndNoTempFiles() throws Exception {
        ArtifactStore store = new ArtifactStore(dir);

        store.put("hello\n".getBytes(StandardCharsets.UTF_8));
        store.put("hello\n".getBytes(StandardCharsets.UTF_8));

        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).toList()).containsExactly(dir.resolve("sha256/58/" + HELLO));
        }
    }

    @Test
    void verifyRehashesEveryArtifactAndNamesTheCorruptOne() throws Exception {
        ArtifactStore store = new ArtifactStore(dir);
        store.put("hello\n".getBytes(StandardCharsets.UTF_8));
        ArtifactRef other = store.put("other".getBytes(StandardCharsets.UTF_8));
        Files.writeString(store.path(other.sha256()).orElseThrow(), "tampered");

        ArtifactReport report = store.verify(List.of());

        assertThat(report.checked()).isEqualTo(2);
        assertThat(report.corrupt()).containsExactly(other.sha256());
        assertThat(report.ok()).isFalse();
    }

    @Test
    void verifyNamesDigestsThatEventsReferenceButTheStoreLacks() {
        ArtifactStore store = new ArtifactStore(dir);
        store.put("hello\n".getBytes(StandardCharsets.UTF_8));
        String absent = "0".repeat(64);

        ArtifactReport report = store.verify(List.of(HELLO, absent));

        assertThat(report.missing()).containsExactly(absent);
    }

    @Test
    void verifyReportsLeftoverTempFilesAsStrayWithoutFailing() throws Exception {
        ArtifactStore store = new ArtifactStore(dir);
        store.put("hello\n".getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("sha256/58/partial.tmp"), "x");

        ArtifactReport report = store.verify(List.of());

        assertThat(report.ok()).isTrue();
        assertThat(report.stray()).containsExactly("sha256/58/partial.tmp");
    }

    @Test
    void readingAnUnknownDigestSaysWhichAndWhere() {
        ArtifactStore store = new ArtifactStore(dir);

        assertThatThrownBy(() -> store.read("1".repeat(64))).isInstanceOf(ArtifactNotFoundException.class)
                .hasMessageContaining("1".repeat(64)).hasMessageContaining(dir.toString());
    }
}
