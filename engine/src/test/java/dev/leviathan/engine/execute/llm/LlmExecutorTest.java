package dev.leviathan.engine.execute.llm;

import static dev.leviathan.engine.execute.llm.LlmAttemptFixture.QUICKSTART;
import static dev.leviathan.engine.execute.llm.LlmAttemptFixture.edits;
import static dev.leviathan.engine.execute.llm.LlmAttemptFixture.goodReply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leviathan.engine.execute.ExecutionResult;
import dev.leviathan.engine.execute.ExecutionResult.FailureKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The llm executor's main path: prompt, good replies, repair rounds, budgets. */
class LlmExecutorTest {

    @TempDir
    Path dir;
    LlmAttemptFixture fx;

    @BeforeEach
    void setUp() {
        fx = new LlmAttemptFixture(dir);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void writesTheFilesOfAGoodReply() {
        fx.stub.reply(goodReply(), 900, 210);

        ExecutionResult result = fx.run();

        assertThat(result).isInstanceOf(ExecutionResult.Completed.class);
        assertThat(fx.read("docs/quickstart.md")).isEqualTo(QUICKSTART);
        assertThat(fx.read("docs/index.md")).contains("- [Quickstart](quickstart.md)");
        assertThat(((ExecutionResult.Completed) result).summary())
                .isEqualTo("Adds a quickstart and links it from the index. (llm gpt-4o-mini, round 1: 2 files written, 0 deleted)");
    }

    @Test
    void reportsTheModelCallsAndTokensItSpent() {
        fx.stub.reply(goodReply(), 900, 210);

        ExecutionResult result = fx.run();

        assertThat(result.budget().modelCalls()).isEqualTo(1);
        assertThat(result.budget().promptTokens()).isEqualTo(900);
        assertThat(result.budget().completionTokens()).isEqualTo(210);
    }

    @Test
    void createsMissingParentDirectories() {
        fx.stub.reply(edits("A nested guide.", "docs/guides/setup/linux.md", "# Linux\n"));

        fx.run();

        assertThat(fx.read("docs/guides/setup/linux.md")).isEqualTo("# Linux\n");
    }

    @Test
    void deletesAFileTheReplyDeletes() {
        fx.stub.reply(edits("Drops the stale architecture page.", "docs/architecture.md", null));

        ExecutionResult result = fx.run();

        assertThat(result).isInstanceOf(ExecutionResult.Completed.class);
        assertThat(fx.exists("docs/architecture.md")).isFalse();
    }

    @Test
    void keepsTheExecutableBitOfAFileItRewrites() throws Exception {
        fx.repo.file("docs/build-docs.sh", "#!/bin/sh\nmkdocs build\n");
        Files.setPosixFilePermissions(fx.workTree().resolve("docs/build-docs.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        fx.stub.reply(edits("Strict mode.", "docs/build-docs.sh", "#!/bin/sh\nset -eu\nmkdocs build --strict\n"));

        fx.run();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fx.workTree().resolve("docs/build-docs.sh"))))
                .isEqualTo("rwxr-xr-x");
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws Exception {
        fx.stub.reply(goodReply());

        fx.run();

        try (var files = Files.list(fx.workTree().resolve("docs"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("architecture.md", "index.md", "internal", "quickstart.md");
        }
    }

    @Test
    void postsToChatCompletionsUnderTheBaseUrl() {
        fx.stub.reply(goodReply());

        fx.run();

        assertThat(fx.stub.requests()).singleElement().satisfies(seen -> {
            assertThat(seen.method()).isEqualTo("POST");
            assertThat(seen.path()).isEqualTo("/v1/chat/completions");
        });
    }

    @Test
    void asksForJsonAtTemperatureZeroWithTheReplyCap() {
        fx.stub.reply(goodReply());

        fx.run();

        JsonNode body = fx.stub.requests().get(0).body();
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.0);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(LlmSettings.DEFAULT_MAX_TOKENS);
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_object");
        assertThat(body.path("stream").asBoolean(false)).isFalse();
    }

    @Test
    void canAskForTheEditsJsonSchema() {
        fx.settings = fx.settings.withReplyFormat(LlmSettings.ReplyFormat.JSON_SCHEMA);
        fx.stub.reply(goodReply());

        fx.run();

        JsonNode format = fx.stub.requests().get(0).body().path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("schema").path("properties").path("edits")
                .path("items").path("properties").path("action").path("enum").toString())
                .isEqualTo("[\"write\",\"delete\"]");
    }

    @Test
    void sendsNoResponseFormatWhenToldTheServerRejectsIt() {
        fx.settings = fx.settings.withReplyFormat(LlmSettings.ReplyFormat.TEXT);
        fx.stub.reply(goodReply());

        fx.run();

        assertThat(fx.stub.requests().get(0).body().has("response_format")).isFalse();
    }

    @Test
    void promptCarriesTheTaskWithNumberedCriteriaAndAllowedPaths() {
        fx.stub.reply(goodReply());

        fx.run();

        String user = fx.stub.requests().get(0).messages().get(1);
        assertThat(user).contains("Task: docs-quickstart")
                .contains("Title: Write a quickstart for contributors")
                .contains("Scope: docs")
                .contains("New contributors ask how to build the project and run its tests.")
                .contains("1. docs/quickstart.md explains how to build and run the tests\n"
                        + "2. docs/index.md links to the quickstart\n")
                .contains("- docs/ (this directory and everything below it)")
                .contains("- README.md (this file only)")
                .contains("- docs/internal/**");
    }

    @Test
    void promptShowsTheCurrentFilesInsideTheAllowedPathsOnly() {
        fx.stub.reply(goodReply());

        fx.run();

        String user = fx.stub.requests().get(0).messages().get(1);
        assertThat(user).contains("<file path=\"docs/index.md\" bytes=\"50\">\n# Lantern docs\n")
                .contains("<file path=\"README.md\"")
                .contains("rendered with {{ templates }} and written.")
                .doesNotContain("def build(site)");
    }

    @Test
    void promptListsAForbiddenFileWithoutItsContent() {
        fx.stub.reply(goodReply());

        fx.run();

        String user = fx.stub.requests().get(0).messages().get(1);
        assertThat(user).contains("- docs/internal/ops.md (forbidden by the policy)")
                .doesNotContain("On-call rota");
    }

    @Test
    void promptStatesTheContentCapAndListsWhatDidNotFit() {
        fx.settings = fx.settings.withLimits(new LlmSettings.Limits(60, 1_048_576, 4_194_304, 200, 16_777_216));
        fx.stub.reply(goodReply());

        fx.run();

        String user = fx.stub.requests().get(0).messages().get(1);
        assertThat(user).contains("File content in this prompt is limited to 60 bytes")
                .contains("- docs/architecture.md (75 bytes, over what is left of the content limit)")
                .contains("<file path=\"README.md\"");
    }

    @Test
    void promptIsTheSameForTheSameTaskAndTree() {
        fx.stub.reply(edits("x", "docs/a.md", "a")).reply(edits("x", "docs/a.md", "a"));
        fx.run();
        fx.repo.delete("docs/a.md");

        fx.run();

        List<ChatCompletionsStub.Seen> seen = fx.stub.requests();
        assertThat(seen.get(1).rawBody()).isEqualTo(seen.get(0).rawBody());
    }

    @Test
    void promptSaysSoWhenTheAllowedPathsHoldNoFilesYet() {
        fx.task = LlmAttemptFixture.task(LlmAttemptFixture.BACKLOG.replace("      - docs/\n      - README.md\n",
                "      - guides/\n"));
        fx.stub.reply(edits("First guide.", "guides/first.md", "# First\n"));

        fx.run();

        assertThat(fx.stub.requests().get(0).messages().get(1))
                .contains("There are no files inside the allowed paths yet.");
    }

    @Test
    void systemMessageStatesTheReplyContract() {
        fx.stub.reply(goodReply());

        fx.run();

        String system = fx.stub.requests().get(0).messages().get(0);
        assertThat(system).startsWith("system: ")
                .contains("Reply with ONLY one JSON object")
                .contains("{\"edits\": [{\"path\": \"docs/guide.md\", \"action\": \"write\"")
                .contains("\"action\" is \"write\" or \"delete\"");
    }

    @Test
    void repairRoundSendsBackTheReplyAndWhatWasWrong() {
        String bad = edits("Quickstart.", "../quickstart.md", QUICKSTART);
        fx.stub.reply(bad, 800, 150).reply(goodReply(), 1100, 200);

        ExecutionResult result = fx.run();

        assertThat(result).isInstanceOf(ExecutionResult.Completed.class);
        List<String> second = fx.stub.requests().get(1).messages();
        assertThat(second).hasSize(4);
        assertThat(second.get(2)).isEqualTo("assistant: " + bad);
        assertThat(second.get(3)).contains("Your reply could not be used:\n"
                + "- edits[0] (\"../quickstart.md\"): the path leaves the repository through '..'\n");
    }

    @Test
    void repairRoundThatFixesTheReplyIsAcceptedWithTokensOfBothRounds() {
        fx.stub.reply(edits("Quickstart.", "/etc/quickstart.md", QUICKSTART), 800, 150)
                .reply(goodReply(), 1100, 200);

        ExecutionResult result = fx.run();

        assertThat(((ExecutionResult.Completed) result).summary()).contains("round 2");
        assertThat(result.budget().modelCalls()).isEqualTo(2);
        assertThat(result.budget().totalTokens()).isEqualTo(800 + 150 + 1100 + 200);
        assertThat(fx.read("docs/quickstart.md")).isEqualTo(QUICKSTART);
    }

    @Test
    void failsInvalidOutputWithTheLastReasonWhenRepairsDoNotHelp() {
        fx.stub.reply("I can't help with that.")
                .reply("Sorry, I still can't help with that.")
                .reply(edits("Here.", "src/lantern/build.py", "print('hi')\n"));

        ExecutionResult result = fx.run();

        assertThat(result).isInstanceOfSatisfying(ExecutionResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.INVALID_OUTPUT);
            assertThat(failed.reason()).isEqualTo("the model's reply could not be used after 3 rounds: edits[0]"
                    + " (\"src/lantern/build.py\"): the path is outside the task's allowed paths (docs/, README.md)");
        });
        assertThat(fx.stub.requests()).hasSize(3);
        assertThat(fx.read("src/lantern/build.py")).startsWith("def build");
    }

    @Test
    void logsEachRoundWithTokensAndOutcomeButNotThePrompt() {
        fx.stub.reply("{\"edits\": [], \"summary\": \"\"}", 800, 10).reply(goodReply(), 1100, 200);

        fx.run();

        assertThat(fx.log).anyMatch(line -> line.startsWith("llm: model gpt-4o-mini at " + fx.stub.baseUrl()
                + ", key from LEVIATHAN_LLM_API_KEY; reply cap 4096 tokens"));
        assertThat(fx.log).contains(
                "llm: round 1 of 3 (gpt-4o-mini): 800 prompt + 10 completion tokens; reply 28 bytes; rejected: \"edits\" is empty;"
                        + " make at least one edit",
                "llm: wrote docs/quickstart.md (" + QUICKSTART.length() + " bytes)");
        assertThat(fx.log).anyMatch(line -> line.startsWith("llm: round 2 of 3 (gpt-4o-mini): 1100 prompt + 200 completion tokens;")
                && line.endsWith("accepted: 2 writes, 0 deletes"));
        assertThat(String.join("\n", fx.log)).doesNotContain("New contributors ask").doesNotContain("# Quickstart");
    }

    @Test
    void stopsBeforeARoundThatWouldExceedTheTokenBudget() {
        fx.task = LlmAttemptFixture.task(LlmAttemptFixture.BACKLOG + "    budget: {max_tokens: 1000}\n");
        fx.stub.reply("Let me think about this.", 700, 200).reply(goodReply());

        ExecutionResult result = fx.run();

        assertThat(result).isInstanceOfSatisfying(ExecutionResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.BUDGET_EXHAUSTED);
            assertThat(failed.reason()).startsWith("the token budget of 1000 (budget.max_tokens) has 100 tokens left,"
                    + " not enough for round 2");
        });
        assertThat(fx.stub.requests()).hasSize(1);
        assertThat(result.budget().totalTokens()).isEqualTo(900);
    }

    @Test
    void capsTheReplyAtWhatIsLeftOfTheTokenBudget() {
        fx.task = LlmAttemptFixture.task(LlmAttemptFixture.BACKLOG + "    budget: {max_tokens: 3000}\n");
        fx.stub.reply(goodReply());

        fx.run();

        int maxTokens = fx.stub.requests().get(0).body().path("max_tokens").asInt();
        assertThat(maxTokens).isLessThan(3000).isGreaterThan(1000);
    }

    @Test
    void taskMaxTokensLowersTheReplyCap() {
        fx.task = LlmAttemptFixture.task(LlmAttemptFixture.BACKLOG.replace("executor: {type: llm}",
                "executor: {type: llm, max_tokens: 1500}"));
        fx.stub.reply(goodReply());

        fx.run();

        assertThat(fx.stub.requests().get(0).body().path("max_tokens").asInt()).isEqualTo(1500);
    }

    @Test
    void taskMaxTokensCannotRaiseTheReplyCap() {
        fx.task = LlmAttemptFixture.task(LlmAttemptFixture.BACKLOG.replace("executor: {type: llm}",
                "executor: {type: llm, max_tokens: 64000}"));
        fx.settings = fx.settings.withDefaultMaxTokens(2048);
        fx.stub.reply(goodReply());

        fx.run();

        assertThat(fx.stub.requests().get(0).body().path("max_tokens").asInt()).isEqualTo(2048);
    }

    @Test
    void taskModelReplacesTheConfiguredModel() {
        fx.task = LlmAttemptFixture.task(LlmAttemptFixture.BACKLOG.replace("executor: {type: llm}",
                "executor: {type: llm, model: \"qwen2.5-coder:32b\"}"));
        fx.stub.reply(goodReply());

        fx.run();

        assertThat(fx.stub.requests().get(0).body().path("model").asText()).isEqualTo("qwen2.5-coder:32b");
    }

    @Test
    void runsATaskWithoutAnExecutorEntry() {
        fx.task = LlmAttemptFixture.task(LlmAttemptFixture.BACKLOG.replace("    executor: {type: llm}\n", ""));
        fx.stub.reply(goodReply());

        assertThat(fx.run()).isInstanceOf(ExecutionResult.Completed.class);
    }

    @Test
    void estimatesTokensWhenTheEndpointReportsNoUsage() {
        fx.stub.replyWithoutUsage(goodReply());

        ExecutionResult result = fx.run();

        assertThat(result.budget().promptTokens()).isPositive();
        assertThat(result.budget().completionTokens()).isEqualTo((goodReply().length() + 3) / 4);
        assertThat(fx.log).anyMatch(line -> line.contains("(estimated: the endpoint reported no usage)"));
    }

    @Test
    void failsCancelledWithoutCallingTheModelWhenCancelledBeforeTheFirstRound() {
        fx.cancelled.set(true);
        fx.stub.reply(goodReply());

        ExecutionResult result = fx.run();

        assertThat(result).isInstanceOfSatisfying(ExecutionResult.Failed.class,
                failed -> assertThat(failed.kind()).isEqualTo(FailureKind.CANCELLED));
        assertThat(fx.stub.requests()).isEmpty();
    }

    @Test
    void failsNotConfiguredWithAHintWhenNoEndpointIsSet() {
        ExecutionResult result = new LlmExecutor().execute(fx.request(Map.of("HOME", "/home/op")));

        assertThat(result).isInstanceOfSatisfying(ExecutionResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.NOT_CONFIGURED);
            assertThat(failed.reason()).isEqualTo("no model endpoint is configured for the llm executor; set"
                    + " LEVIATHAN_LLM_BASE_URL, LEVIATHAN_LLM_MODEL and LEVIATHAN_LLM_API_KEY (or"
                    + " LEVIATHAN_LLM_API_KEY_FILE)");
        });
    }

    @Test
    void failsNotConfiguredWhenTheEnvironmentIsIncomplete() {
        ExecutionResult result = new LlmExecutor().execute(fx.request(Map.of(
                LlmSettings.BASE_URL_ENV, fx.stub.baseUrl(), LlmSettings.API_KEY_ENV, LlmAttemptFixture.KEY)));

        assertThat(result).isInstanceOfSatisfying(ExecutionResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.NOT_CONFIGURED);
            assertThat(failed.reason()).contains("LEVIATHAN_LLM_MODEL is not set");
        });
    }

    @Test
    void readsItsSettingsFromTheAttemptsEnvironment() throws Exception {
        Path keyFile = dir.resolve("llm.key");
        Files.writeString(keyFile, LlmAttemptFixture.KEY + "\n");
        fx.stub.reply(goodReply());

        ExecutionResult result = new LlmExecutor().execute(fx.request(Map.of(
                LlmSettings.BASE_URL_ENV, fx.stub.baseUrl(),
                LlmSettings.MODEL_ENV, "llama3.1:8b",
                LlmSettings.API_KEY_FILE_ENV, keyFile.toString())));

        assertThat(result).isInstanceOf(ExecutionResult.Completed.class);
        assertThat(fx.stub.requests().get(0).body().path("model").asText()).isEqualTo("llama3.1:8b");
        assertThat(fx.stub.requests().get(0).header("Authorization")).isEqualTo("Bearer " + LlmAttemptFixture.KEY);
    }

    @Test
    void refusesATaskOfAnotherExecutorType() {
        fx.task = LlmAttemptFixture.task(LlmAttemptFixture.BACKLOG.replace("executor: {type: llm}",
                "executor: {type: command, run: \"make docs\"}"));

        ExecutionResult result = fx.run();

        assertThat(result).isInstanceOfSatisfying(ExecutionResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.NOT_CONFIGURED);
            assertThat(failed.reason()).isEqualTo("task docs-quickstart has executor type 'command', not llm");
        });
        assertThat(fx.stub.requests()).isEmpty();
    }

    @Test
    void runsTwoAttemptsAtOnceWithOneExecutor() throws Exception {
        try (LlmAttemptFixture other = new LlmAttemptFixture(dir.resolve("other"))) {
            fx.stub.reply(goodReply());
            other.stub.reply(edits("Other.", "README.md", "# Other\n"));
            LlmExecutor executor = new LlmExecutor(fx.settings);
            LlmExecutor otherExecutor = new LlmExecutor(other.settings);
            var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> executor.execute(fx.request()));
            var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> otherExecutor.execute(other.request()));

            assertThat(first.get()).isInstanceOf(ExecutionResult.Completed.class);
            assertThat(second.get()).isInstanceOf(ExecutionResult.Completed.class);
            assertThat(fx.read("docs/quickstart.md")).isEqualTo(QUICKSTART);
            assertThat(other.read("README.md")).isEqualTo("# Other\n");
        }
    }

    @Test
    void typeIsLlm() {
        assertThat(new LlmExecutor().type()).isEqualTo("llm");
    }
}
