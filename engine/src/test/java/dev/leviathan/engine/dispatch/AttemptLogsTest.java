package dev.leviathan.engine.dispatch;

import static dev.leviathan.engine.testkit.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leviathan.engine.artifact.ArtifactStore;
import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.event.JooqEventStore;
import dev.leviathan.engine.testkit.TestStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttemptLogsTest {

    @TempDir
    Path dir;

    private JooqEventStore store;
    private ArtifactStore artifacts;
    private LeviathanHome home;
    private AttemptLogs logs;

    @BeforeEach
    void open() {
        store = TestStores.h2(dir.resolve("store"));
        home = new LeviathanHome(dir.resolve("home"));
        artifacts = new ArtifactStore(home.artifactsDir());
        logs = new AttemptLogs(store, artifacts, home);
        store.append(event("attempt.created:a1", "attempt.created", "shop", "attempt_id", "a1", "task_id", "add-faq"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aFollowerGetsWholeLinesOnlyAndPicksUpWhereItStopped() throws Exception {
        Path file = home.attemptLogFile("a1");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "first\nsecond\nthi");

        AttemptLogs.Chunk one = logs.read("a1", 0);
        assertThat(one.lines()).containsExactly("first", "second");
        assertThat(one.ended()).isFalse();
        assertThat(logs.read("a1", one.next())).isEqualTo(new AttemptLogs.Chunk(List.of(), one.next(), false));

        Files.writeString(file, "rd ünïcode\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        AttemptLogs.Chunk two = logs.read("a1", one.next());
        assertThat(two.lines()).containsExactly("third ünïcode");
        assertThat(two.next()).isEqualTo(Files.size(file));
    }

    @Test
    void endedIsReadBeforeTheFileSoTheLastLinesAreNotMissed() throws Exception {
        Path file = home.attemptLogFile("a1");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "working\ndone\n");
        store.append(event("attempt.succeeded:a1", "attempt.succeeded", "shop", "attempt_id", "a1"));

        AttemptLogs.Chunk all = logs.read("a1", 0);

        assertThat(all.lines()).containsExactly("working", "done");
        assertThat(all.ended()).isTrue();
        assertThat(logs.read("a1", all.next()).lines()).isEmpty();
    }

    @Test
    void anAttemptThatLeftNoLiveFileGivesItsStoredLogOnce() {
        String sha = artifacts.put("stored one\nstored two\n".getBytes(StandardCharsets.UTF_8)).sha256();
        store.append(event("attempt.failed:a1", "attempt.failed", "shop", "attempt_id", "a1", "log_sha256", sha));

        AttemptLogs.Chunk stored = logs.read("a1", 0);

        assertThat(stored.lines()).containsExactly("stored one", "stored two");
        assertThat(stored.ended()).isTrue();
        assertThat(logs.read("a1", stored.next()).lines()).isEmpty();
    }

    @Test
    void aRunningAttemptWithNothingWrittenYetIsEmptyAndNotEnded() {
        assertThat(logs.read("a1", 0)).isEqualTo(new AttemptLogs.Chunk(List.of(), 0, false));
    }

    @Test
    void anUnknownAttemptSaysWhereToLook() {
        assertThatThrownBy(() -> logs.read("nope", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no attempt 'nope' was created; see: leviathanctl attempts list");
        assertThatThrownBy(() -> home.attemptLogFile("../escape")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an attempt id");
    }
}
