package dev.leviathan.console.attempts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.Engine;
import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.StoreSettings;
import dev.leviathan.engine.testkit.TestEvents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

class AttemptDetailsTest {

    private static AttemptDetail.ArtifactEntry artifact(String name, String mediaType) {
        return new AttemptDetail.ArtifactEntry(name, mediaType, "0".repeat(64), 0);
    }

    @TempDir
    Path dir;

    @Test
    void anAttemptNotStartedYetIsFollowedFromTheStartAndOneEndedWithoutAStoredLogShowsWhatItWrote()
            throws Exception {
        LeviathanHome home = new LeviathanHome(dir);
        try (Engine engine = Engine.open(home, StoreSettings.embedded(home), Clock.systemUTC(), Map.of())) {
            engine.store().append(TestEvents.event("attempt.created:a1", "attempt.created",
                    "shop", "attempt_id", "a1", "task_id", "add-faq", "target_id", "shop"));
            AttemptDetails details = new AttemptDetails(engine, ZoneOffset.UTC);

            AttemptDetail waiting = details.load("a1");
            // No file yet: the worker has not started. Its lines must still arrive once it does.
            assertThat(waiting.logFollowed()).isTrue();
            assertThat(waiting.logFollowFrom()).isZero();
            assertThat(waiting.log()).isEmpty();

            Files.createDirectories(home.attemptLogFile("a1").getParent());
            Files.writeString(home.attemptLogFile("a1"), "$ make docs\nkilled\n");
            engine.store().append(TestEvents.event("attempt.failed:a1", "attempt.failed",
                    "shop", "attempt_id", "a1", "task_id", "add-faq", "target_id", "shop"));
            // The graph follows the store on its own thread; the screen reads again when it has moved.
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> engine.graph().projection().attempt("a1")
                    .map(a -> a.status().equals("failed")).orElse(false));
            AttemptDetail ended = details.load("a1");

            assertThat(ended.logFollowed()).isFalse();
            assertThat(ended.log()).containsExactly("$ make docs", "killed");
            assertThat(ended.logSource()).startsWith("the worker's log as it wrote it");
        }
    }

    @Test
    void showsAJsonArtifactPrettyPrinted() {
        byte[] json = "{\"files\":[\"a.md\"],\"count\":1}".getBytes(StandardCharsets.UTF_8);

        assertThat(AttemptDetails.render(artifact("report.json", "application/json"), json, "here"))
                .containsExactly("{", "  \"files\" : [ \"a.md\" ],", "  \"count\" : 1", "}");
    }

    @Test
    void showsTextThatOnlyLooksLikeJsonAsStored() {
        byte[] text = "[not json\nsecond line\n".getBytes(StandardCharsets.UTF_8);

        assertThat(AttemptDetails.render(artifact("attempt.log", "text/plain"), text, "here"))
                .containsExactly("[not json", "second line");
    }

    @Test
    void describesBinaryContentInsteadOfShowingIt() {
        assertThat(AttemptDetails.render(artifact("blob", "application/octet-stream"), new byte[] {1, 0, 2}, "/a/b"))
                .containsExactly("binary content, 3 bytes, at /a/b");
    }

    @Test
    void summarisesAPayloadWithoutTheIdsEveryAttemptEventRepeatsOnOneLine() {
        var payload = Json.object().put("target_id", "shop").put("attempt_id", "att-1").put("task_id", "t")
                .put("failure_kind", "command_failed").put("body", "line one\nline two");
        payload.putArray("paths").add("a").add("b");

        assertThat(AttemptDetails.summary(payload))
                .isEqualTo("failure_kind=command_failed  body=line one line two  paths=[2 items]");
    }
}
