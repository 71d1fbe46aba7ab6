package dev.leviathan.console.attempts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.event.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AttemptDetailsTest {

    private static AttemptDetail.ArtifactEntry artifact(String name, String mediaType) {
        return new AttemptDetail.ArtifactEntry(name, mediaType, "0".repeat(64), 0);
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
