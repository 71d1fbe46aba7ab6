package dev.leviathan.engine.execute.llm;

import static dev.leviathan.engine.execute.llm.LlmAttemptFixture.KEY;
import static dev.leviathan.engine.execute.llm.LlmAttemptFixture.QUICKSTART;
import static dev.leviathan.engine.execute.llm.LlmAttemptFixture.edits;
import static dev.leviathan.engine.execute.llm.LlmAttemptFixture.goodReply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.execute.ExecutionResult;
import dev.leviathan.engine.execute.ExecutionResult.FailureKind;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key goes to the endpoint in the Authorization header and nowhere else. */
class LlmKeyCanaryTest {

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
    void sendsTheKeyAsABearerToken() {
        fx.stub.reply(goodReply());

        fx.run();

        assertThat(fx.stub.requests().get(0).header("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void sendsTheKeyNowhereInTheRequestBody() {
        fx.stub.reply(goodReply());

        fx.run();

        assertThat(fx.stub.requests().get(0).rawBody()).doesNotContain(KEY);
    }

    @Test
    void redactsTheKeyWhenTheEndpointEchoesIt() {
        fx.stub.status(401, "{\"error\": {\"message\": \"Invalid token: Bearer " + KEY + "\"}}");

        ExecutionResult.Failed failed = (ExecutionResult.Failed) fx.run();

        assertThat(failed.kind()).isEqualTo(FailureKind.NOT_CONFIGURED);
        assertThat(failed.reason()).isEqualTo("the endpoint refused the key (HTTP 401: Invalid token: Bearer [redacted]);"
                + " check the key in LEVIATHAN_LLM_API_KEY");
    }

    @Test
    void rejectsAReplyThatWritesTheKeyIntoAFile() {
        fx.settings = fx.settings.withMaxRepairRounds(0);
        fx.stub.reply(edits("Adds the config.", "docs/config.md", "api_key: " + KEY + "\n"));

        ExecutionResult.Failed failed = (ExecutionResult.Failed) fx.run();

        assertThat(failed.kind()).isEqualTo(FailureKind.INVALID_OUTPUT);
        assertThat(failed.reason()).endsWith("edits[0] (\"docs/config.md\"): the content contains a credential Leviathan"
                + " holds; it is refused");
        assertThat(fx.exists("docs/config.md")).isFalse();
    }

    @Test
    void keyAppearsInNoLogLineNoResultAndNoFile() {
        fx.stub.status(503, "{\"error\": {\"message\": \"overloaded; your key " + KEY + " is fine\"}}")
                .reply(edits("Config.", "docs/" + KEY + ".md", "x"))
                .reply(edits("Adds the config.", "docs/config.md", "token = \"" + KEY + "\"\n"))
                .reply(edits("Quickstart, as " + KEY + " asked.", "docs/quickstart.md", QUICKSTART));

        ExecutionResult result = fx.run();

        assertThat(result).isInstanceOf(ExecutionResult.Completed.class);
        assertThat(((ExecutionResult.Completed) result).summary()).doesNotContain(KEY).contains("[redacted]");
        assertThat(fx.log).isNotEmpty().noneMatch(line -> line.contains(KEY));
        assertThat(LlmAttemptFixture.everyFile(fx.workTree())).doesNotContain(KEY);
        assertThat(fx.settings.toString()).doesNotContain(KEY);
    }

    @Test
    void keyAppearsInNoFailureReasonOfAnyRound() {
        fx.settings = fx.settings.withMaxRepairRounds(1);
        fx.stub.reply(edits("s", "docs/" + KEY + ".md", "x")).reply("I cannot use " + KEY + " here.");

        ExecutionResult.Failed failed = (ExecutionResult.Failed) fx.run();

        assertThat(failed.reason()).doesNotContain(KEY).contains("[redacted]");
        assertThat(fx.log).noneMatch(line -> line.contains(KEY));
    }
}
