package dev.leviathan.engine.bootstrap.ci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.event.CanonicalJson;
import dev.leviathan.engine.event.Json;
import org.junit.jupiter.api.Test;

class CiPayloadTest {

    private final CiExtractor extractor = new CiExtractor();

    private String payloadText(String path, String yaml) {
        try {
            return Json.MAPPER.writeValueAsString(extractor.toPayload(extractor.extract(path, yaml)));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void writesTheExactPayloadOfASampleWorkflow() {
        String payload = payloadText(".github/workflows/ci.yml", GithubWorkflowTest.resource("payload-sample.yml"));
        assertThat(payload).isEqualTo(GithubWorkflowTest.resource("payload-sample.json").strip());
    }

    @Test
    void writesTheExactPayloadOfASamplePipeline() {
        String payload = payloadText(".gitlab-ci.yml", GithubWorkflowTest.resource("payload-sample-gitlab.yml"));
        assertThat(payload).isEqualTo(GithubWorkflowTest.resource("payload-sample-gitlab.json").strip());
    }

    @Test
    void writesTheExactPayloadOfAMalformedFile() {
        String payload = payloadText(".gitlab-ci.yml", "build:\n  script: make\n  script: make all\n");
        assertThat(payload).isEqualTo("{\"column\":3,\"extractor_version\":2,\"fact\":\"malformed_ci_file\","
                + "\"line\":3,\"message\":\"duplicate key \\\"script\\\" (first at line 2)\","
                + "\"path\":\".gitlab-ci.yml\",\"system\":\"gitlab_ci\"}");
    }

    @Test
    void writesPayloadsThatAreAlreadyCanonical() {
        for (String[] sample : new String[][] {
                {".github/workflows/ci.yml", GithubWorkflowTest.resource("release.yml")},
                {".gitlab-ci.yml", GithubWorkflowTest.resource("gitlab-ci.yml")}}) {
            ObjectNode payload = extractor.toPayload(extractor.extract(sample[0], sample[1]));
            assertThat(payload.toString()).isEqualTo(CanonicalJson.write(payload));
        }
    }

    @Test
    void writesTheSameBytesEveryTime() {
        String yaml = GithubWorkflowTest.resource("release.yml");
        String first = payloadText(".github/workflows/release.yml", yaml);
        for (int i = 0; i < 20; i++) {
            assertThat(payloadText(".github/workflows/release.yml", yaml)).isEqualTo(first);
        }
    }

    @Test
    void writesPermissionScopesAsAnObjectSortedByScope() {
        String a = payloadText(".github/workflows/a.yml",
                "on: push\npermissions: {pull-requests: write, contents: read}\njobs: {}\n");
        String b = payloadText(".github/workflows/a.yml",
                "on: push\npermissions: {contents: read, pull-requests: write}\njobs: {}\n");
        assertThat(a).isEqualTo(b).contains("\"scopes\":{\"contents\":\"read\",\"pull-requests\":\"write\"}");
    }

    @Test
    void keepsTheFilesOrderInLists() {
        String payload = payloadText(".gitlab-ci.yml", "stages: [zeta, alpha]\nz: {script: x}\na: {script: x}\n");
        assertThat(payload).contains("\"declared_stages\":[\"zeta\",\"alpha\"]");
        assertThat(payload.indexOf("\"name\":\"z\"")).isLessThan(payload.indexOf("\"name\":\"a\""));
    }

    @Test
    void writesNullForAbsentValuesAndEmptyListsForAbsentLists() {
        String payload = payloadText(".github/workflows/a.yml", "on: push\njobs: {}\n");
        assertThat(payload).contains("\"name\":null", "\"permissions\":null", "\"env\":[]", "\"jobs\":[]");
    }
}
