package dev.leviathan.engine.execute.llm;

import static dev.leviathan.engine.execute.llm.LlmAttemptFixture.QUICKSTART;
import static dev.leviathan.engine.execute.llm.LlmAttemptFixture.edits;
import static dev.leviathan.engine.execute.llm.LlmAttemptFixture.goodReply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.execute.ExecutionResult;
import dev.leviathan.engine.execute.ExecutionResult.FailureKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replies that must not touch the work tree: each is rejected with a reason the model (and the
 * operator) can act on. Repair rounds are off, so the first rejection ends the attempt.
 */
class LlmReplyValidationTest {

    private static final String FAILED_AFTER_ONE_ROUND = "the model's reply could not be used after 1 round: ";

    @TempDir
    Path dir;
    LlmAttemptFixture fx;

    @BeforeEach
    void setUp() {
        fx = new LlmAttemptFixture(dir);
        fx.settings = fx.settings.withMaxRepairRounds(0);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    /** Runs one round with {@code reply}; asserts INVALID_OUTPUT and an untouched work tree; returns the problem. */
    private String rejection(String reply) {
        fx.stub.reply(reply);
        ExecutionResult result = fx.run();
        assertThat(result).isInstanceOf(ExecutionResult.Failed.class);
        ExecutionResult.Failed failed = (ExecutionResult.Failed) result;
        assertThat(failed.kind()).isEqualTo(FailureKind.INVALID_OUTPUT);
        assertThat(failed.reason()).startsWith(FAILED_AFTER_ONE_ROUND);
        assertThat(workTreeStatus().isClean()).as("work tree untouched").isTrue();
        return failed.reason().substring(FAILED_AFTER_ONE_ROUND.length());
    }

    private Status workTreeStatus() {
        try {
            return fx.repo.git().status().call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void acceptsAReplyInJsonFences() {
        fx.stub.reply("```json\n" + goodReply() + "\n```");

        assertThat(fx.run()).isInstanceOf(ExecutionResult.Completed.class);
        assertThat(fx.read("docs/quickstart.md")).isEqualTo(QUICKSTART);
    }

    @Test
    void acceptsProseAroundOneObject() {
        fx.stub.reply("Here are the edits you asked for:\n\n" + goodReply() + "\n\nLet me know if you need more.");

        assertThat(fx.run()).isInstanceOf(ExecutionResult.Completed.class);
    }

    @Test
    void acceptsContentThatHoldsFencesAndBraces() {
        String readme = "# Lantern\n\n```python\nsite = {\"title\": \"Blog\"}\n```\n\nUse `{{ page.title }}` in templates.\n";
        fx.stub.reply("```json\n" + edits("Shows a config example.", "README.md", readme) + "\n```");

        fx.run();

        assertThat(fx.read("README.md")).isEqualTo(readme);
    }

    @Test
    void acceptsRawLineBreaksInsideStrings() {
        fx.stub.reply("{\"edits\": [{\"path\": \"docs/notes.md\", \"action\": \"write\", \"content\": \"# Notes\n\nFirst.\n\"}],"
                + " \"summary\": \"Notes.\"}");

        fx.run();

        assertThat(fx.read("docs/notes.md")).isEqualTo("# Notes\n\nFirst.\n");
    }

    @Test
    void rejectsMalformedJson() {
        assertThat(rejection("{\"edits\": [{\"path\": \"docs/a.md\", \"action\": \"write\", \"content\": \"x\"},],"
                + " \"summary\": \"s\"}"))
                .startsWith("the reply is not valid JSON: Unexpected character (']' (code 93))");
    }

    @Test
    void rejectsTruncatedJson() {
        assertThat(rejection(goodReply().substring(0, 120)))
                .isEqualTo("the reply's JSON object is cut off: it never reaches its closing '}'");
    }

    @Test
    void saysAReplyCutOffAtTheTokenCapStoppedThere() {
        fx.stub.cutOff(goodReply().substring(0, 120), 900, 4096);

        ExecutionResult.Failed failed = (ExecutionResult.Failed) fx.run();

        assertThat(failed.reason()).endsWith("it never reaches its closing '}' (the reply stopped at the token cap)");
    }

    @Test
    void rejectsAProseOnlyReply() {
        assertThat(rejection("Sure! I will add a quickstart page that explains the build and the tests."))
                .isEqualTo("the reply holds no JSON object; it begins: \"Sure! I will add a quickstart page that"
                        + " explains the build and the tests.\"");
    }

    @Test
    void rejectsARefusalInProse() {
        assertThat(rejection("I can't help with that.")).isEqualTo("the reply holds no JSON object; it begins: \"I can't"
                + " help with that.\"");
    }

    @Test
    void rejectsTheEndpointsRefusalField() {
        fx.stub.refusal("I'm sorry, I cannot assist with that request.");

        ExecutionResult.Failed failed = (ExecutionResult.Failed) fx.run();

        assertThat(failed.kind()).isEqualTo(FailureKind.INVALID_OUTPUT);
        assertThat(failed.reason()).isEqualTo(FAILED_AFTER_ONE_ROUND
                + "the model refused: \"I'm sorry, I cannot assist with that request.\"");
        assertThat(failed.budget().promptTokens()).isEqualTo(90);
    }

    @Test
    void rejectsAnEmptyReply() {
        assertThat(rejection("  \n")).isEqualTo("the reply is empty");
    }

    @Test
    void rejectsSeveralObjects() {
        assertThat(rejection(goodReply() + "\n\nOr, alternatively:\n\n" + goodReply()))
                .isEqualTo("the reply holds 2 JSON objects; send exactly one");
    }

    @Test
    void rejectsAPathThatIsNotAString() {
        assertThat(rejection("{\"edits\": [{\"path\": 42, \"action\": \"write\", \"content\": \"x\"}], \"summary\": \"s\"}"))
                .isEqualTo("edits[0] has no \"path\" string");
    }

    @Test
    void rejectsEditsThatAreNotAnArray() {
        assertThat(rejection("{\"edits\": {\"path\": \"docs/a.md\", \"action\": \"write\", \"content\": \"x\"},"
                + " \"summary\": \"s\"}"))
                .isEqualTo("the reply has no \"edits\" array");
    }

    @Test
    void rejectsContentThatIsNotAString() {
        assertThat(rejection("{\"edits\": [{\"path\": \"docs/a.md\", \"action\": \"write\", \"content\": [\"# A\"]}],"
                + " \"summary\": \"s\"}"))
                .isEqualTo("edits[0] (\"docs/a.md\") writes but has no \"content\" string (the complete file as text)");
    }

    @Test
    void rejectsAMissingSummary() {
        assertThat(rejection("{\"edits\": [{\"path\": \"docs/a.md\", \"action\": \"write\", \"content\": \"x\"}]}"))
                .isEqualTo("the reply has no \"summary\" string");
    }

    @Test
    void rejectsUnknownFields() {
        assertThat(rejection("{\"edits\": [{\"path\": \"docs/a.md\", \"action\": \"write\", \"content\": \"x\","
                + " \"mode\": \"100755\"}], \"summary\": \"s\"}"))
                .isEqualTo("edits[0] (\"docs/a.md\") has unknown field \"mode\"; an edit holds only \"path\","
                        + " \"action\" and \"content\"");
    }

    @Test
    void rejectsAnUnknownAction() {
        assertThat(rejection("{\"edits\": [{\"path\": \"docs/a.md\", \"action\": \"rename\", \"to\": \"docs/b.md\"}],"
                + " \"summary\": \"s\"}"))
                .isEqualTo("edits[0] (\"docs/a.md\") has unknown field \"to\"; an edit holds only \"path\", \"action\""
                        + " and \"content\" (and 1 more problem)");
        assertThat(fx.log).anyMatch(line -> line.contains("rejected:"));
    }

    @Test
    void namesTheUnknownActionItself() {
        assertThat(rejection("{\"edits\": [{\"path\": \"docs/a.md\", \"action\": \"chmod\"}], \"summary\": \"s\"}"))
                .isEqualTo("edits[0] (\"docs/a.md\") has the action \"chmod\"; the only actions are \"write\" and"
                        + " \"delete\"");
    }

    @Test
    void rejectsAPathThatClimbsOutWithDotDot() {
        assertThat(rejection(edits("s", "../x", "escaped\n")))
                .isEqualTo("edits[0] (\"../x\"): the path leaves the repository through '..'");
        assertThat(Files.exists(dir.resolve("x"))).isFalse();
    }

    @Test
    void rejectsADotDotThatClimbsOutFromInside() {
        assertThat(rejection(edits("s", "docs/../../x", "escaped\n")))
                .isEqualTo("edits[0] (\"docs/../../x\"): the path leaves the repository through '..'");
    }

    @Test
    void rejectsAnAbsolutePath() {
        assertThat(rejection(edits("s", "/tmp/leviathan-escape.md", "escaped\n")))
                .isEqualTo("edits[0] (\"/tmp/leviathan-escape.md\"): the path is absolute; write it relative to the"
                        + " repository root");
    }

    @Test
    void rejectsAWindowsDrivePath() {
        assertThat(rejection(edits("s", "C:/docs/a.md", "x"))).endsWith("the path is absolute; write it relative to the"
                + " repository root");
    }

    @Test
    void rejectsAPathIntoGit() {
        String before = fx.read(".git/config");

        assertThat(rejection(edits("s", ".git/config", "[core]\n\thooksPath = /tmp/hooks\n")))
                .isEqualTo("edits[0] (\".git/config\"): the path is inside .git, which may never be touched");
        assertThat(fx.read(".git/config")).isEqualTo(before);
    }

    @Test
    void rejectsAGitDirectorySpelledInAnotherCase() {
        assertThat(rejection(edits("s", "docs/.GIT/hooks/pre-commit", "#!/bin/sh\n")))
                .endsWith("the path is inside .git, which may never be touched");
    }

    @Test
    void rejectsAPathOutsideTheAllowedPaths() {
        assertThat(rejection(edits("s", "src/lantern/build.py", "import os\n")))
                .isEqualTo("edits[0] (\"src/lantern/build.py\"): the path is outside the task's allowed paths (docs/,"
                        + " README.md)");
    }

    @Test
    void rejectsAPathThatOnlySharesAPrefixWithAnAllowedDirectory() {
        assertThat(rejection(edits("s", "docs2/index.md", "x")))
                .endsWith("the path is outside the task's allowed paths (docs/, README.md)");
    }

    @Test
    void rejectsAPathThePolicyForbids() {
        assertThat(rejection(edits("s", "docs/internal/ops.md", "# gone\n")))
                .isEqualTo("edits[0] (\"docs/internal/ops.md\"): the repository's policy forbids writing this path");
    }

    @Test
    void rejectsAPathNotInNormalForm() {
        assertThat(rejection(edits("s", "docs/./guide//a.md", "x")))
                .isEqualTo("edits[0] (\"docs/./guide//a.md\"): the path is not in normal form; write it as"
                        + " \"docs/guide/a.md\"");
    }

    @Test
    void rejectsABackslashPath() {
        assertThat(rejection(edits("s", "docs\\a.md", "x"))).endsWith("the path contains a backslash; use forward slashes");
    }

    @Test
    void rejectsAnInvisibleCharacterInAPath() {
        assertThat(rejection(edits("s", "docs/read\u202Eme.md", "x")))
                .endsWith("the path contains a control or invisible character");
    }

    @Test
    void rejectsAPathNotInNfc() {
        assertThat(rejection(edits("s", "docs/cafe\u0301.md", "x")))
                .endsWith("the path is not in Unicode normal form NFC; write it as \"docs/caf\u00e9.md\"");
    }

    @Test
    void rejectsWritingThroughASymlinkedDirectory() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.createSymbolicLink(fx.workTree().resolve("docs/out"), outside);
        fx.repo.commit("a link");

        assertThat(rejection(edits("s", "docs/out/evil.md", "pwned\n")))
                .isEqualTo("\"docs/out/evil.md\": \"docs/out\" is a symbolic link in the work tree; nothing is written"
                        + " through it");
        try (var files = Files.list(outside)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void rejectsWritingOverASymlinkedFile() throws Exception {
        Files.createSymbolicLink(fx.workTree().resolve("docs/readme-link.md"), Path.of("../README.md"));
        fx.repo.commit("a link");

        assertThat(rejection(edits("s", "docs/readme-link.md", "overwritten\n")))
                .isEqualTo("\"docs/readme-link.md\": it is a symbolic link in the work tree; it cannot be written or"
                        + " deleted");
        assertThat(fx.read("README.md")).startsWith("# Lantern");
    }

    @Test
    void rejectsWritingOverADirectory() {
        assertThat(rejection(edits("s", "docs/internal", "x")))
                .isEqualTo("\"docs/internal\": it is a directory in the work tree; name a file");
    }

    @Test
    void rejectsDeletingAFileThatDoesNotExist() {
        assertThat(rejection(edits("s", "docs/changelog.md", null)))
                .isEqualTo("\"docs/changelog.md\": it does not exist, so it cannot be deleted");
    }

    @Test
    void rejectsADeleteThatCarriesContent() {
        assertThat(rejection("{\"edits\": [{\"path\": \"docs/index.md\", \"action\": \"delete\", \"content\": \"# x\"}],"
                + " \"summary\": \"s\"}"))
                .isEqualTo("edits[0] (\"docs/index.md\") deletes but carries \"content\"; a delete has none");
    }

    @Test
    void rejectsNulInContent() {
        assertThat(rejection(edits("s", "docs/logo.md", "PNG\u0000\u0001binary")))
                .isEqualTo("edits[0] (\"docs/logo.md\"): the content contains a NUL character; only text files may be"
                        + " written");
    }

    @Test
    void rejectsABrokenSurrogateInContent() {
        assertThat(rejection("{\"edits\": [{\"path\": \"docs/a.md\", \"action\": \"write\", \"content\": \"x\\ud800y\"}],"
                + " \"summary\": \"s\"}"))
                .endsWith("the content is not valid Unicode text (a broken surrogate pair)");
    }

    @Test
    void rejectsAFileOverTheSizeLimit() {
        assertThat(rejection(edits("s", "docs/huge.md", "a".repeat(1_048_577))))
                .isEqualTo("edits[0] (\"docs/huge.md\"): the content is 1048577 bytes, over the limit of 1048576 bytes"
                        + " per file");
    }

    @Test
    void appliesThePolicysSmallerFileSizeLimit() {
        fx.policy = dev.leviathan.engine.target.TargetFiles.loadPolicy("policy.yaml", LlmAttemptFixture.POLICY
                + "file_size_limits:\n  max_file_size_kb:\n    \"docs/**\": 1\n");

        assertThat(rejection(edits("s", "docs/notes.md", "n".repeat(1025))))
                .endsWith("the content is 1025 bytes, over the limit of 1024 bytes per file");
    }

    @Test
    void rejectsEditsOverTheTotalSizeLimit() {
        fx.settings = fx.settings.withLimits(new LlmSettings.Limits(200_000, 1000, 1500, 200, 16_777_216));

        assertThat(rejection(edits("s", "docs/a.md", "a".repeat(800), "docs/b.md", "b".repeat(800))))
                .isEqualTo("the edits write 1600 bytes in all, over the limit of 1500 bytes per reply");
    }

    @Test
    void rejectsEmptyEdits() {
        assertThat(rejection("{\"edits\": [], \"summary\": \"Nothing to do.\"}"))
                .isEqualTo("\"edits\" is empty; make at least one edit");
    }

    @Test
    void rejectsTooManyEdits() {
        fx.settings = fx.settings.withLimits(new LlmSettings.Limits(200_000, 1_048_576, 4_194_304, 2, 16_777_216));

        assertThat(rejection(edits("s", "docs/a.md", "a", "docs/b.md", "b", "docs/c.md", "c")))
                .isEqualTo("\"edits\" holds 3 edits, more than the limit of 2");
    }

    @Test
    void rejectsTheSamePathTwice() {
        assertThat(rejection(edits("s", "docs/a.md", "one", "docs/a.md", "two")))
                .isEqualTo("\"docs/a.md\" appears in more than one edit; edit each path once");
    }

    @Test
    void rejectsPathsThatDifferOnlyInCase() {
        assertThat(rejection(edits("s", "docs/Guide.md", "one", "docs/guide.md", "two")))
                .isEqualTo("\"docs/Guide.md\" and \"docs/guide.md\" differ only in case; keep one");
    }

    @Test
    void rejectsAPathUsedAsBothFileAndDirectory() {
        assertThat(rejection(edits("s", "docs/setup", "one", "docs/setup/linux.md", "two")))
                .isEqualTo("\"docs/setup\" is edited as a file and is also the directory of \"docs/setup/linux.md\"");
    }

    @Test
    void appliesNothingWhenOneEditOfManyIsBad() {
        assertThat(rejection(edits("s", "docs/quickstart.md", QUICKSTART, "../outside.md", "x")))
                .startsWith("edits[1] (\"../outside.md\")");
        assertThat(fx.exists("docs/quickstart.md")).isFalse();
    }

    @Test
    void rejectsAReplyLargerThanTheExecutorReads() {
        fx.settings = fx.settings.withLimits(new LlmSettings.Limits(200_000, 1_048_576, 4_194_304, 200, 4096));
        fx.stub.reply(edits("s", "docs/a.md", "a".repeat(10_000)));

        ExecutionResult.Failed failed = (ExecutionResult.Failed) fx.run();

        assertThat(failed.kind()).isEqualTo(FailureKind.INVALID_OUTPUT);
        assertThat(failed.reason()).isEqualTo("the endpoint's answer is larger than 4096 bytes; it was not read");
    }
}
