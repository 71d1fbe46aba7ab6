package dev.leviathan.engine.execute.llm;

import static dev.leviathan.engine.execute.llm.LlmAttemptFixture.goodReply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.config.Secret;
import dev.leviathan.engine.execute.ExecutionResult;
import dev.leviathan.engine.execute.ExecutionResult.FailureKind;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the endpoint does wrong: errors, rate limits, refused keys, hangs; each ends in a reason. */
class LlmEndpointTroubleTest {

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

    private ExecutionResult.Failed failed() {
        ExecutionResult result = fx.run();
        assertThat(result).isInstanceOf(ExecutionResult.Failed.class);
        return (ExecutionResult.Failed) result;
    }

    @Test
    void retriesAfterAServerErrorAndSucceeds() {
        fx.stub.status(500, "{\"error\": {\"message\": \"The server had an error while processing your request.\"}}")
                .reply(goodReply());

        ExecutionResult result = fx.run();

        assertThat(result).isInstanceOf(ExecutionResult.Completed.class);
        assertThat(result.budget().modelCalls()).isEqualTo(2);
        assertThat(fx.log).contains("llm: the endpoint answered HTTP 500: The server had an error while processing your"
                + " request.; trying again in 5 ms (try 2 of 4)");
    }

    @Test
    void retriesABadGatewayPageFromAProxy() {
        fx.stub.raw(502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>").reply(goodReply());

        assertThat(fx.run()).isInstanceOf(ExecutionResult.Completed.class);
        assertThat(fx.log).anyMatch(line -> line.startsWith("llm: the endpoint answered HTTP 502: <html><body><h1>502 Bad"
                + " Gateway</h1>"));
    }

    @Test
    void waitsAsLongAsAShortRetryAfterAsks() {
        fx.stub.status(429, "{\"error\": {\"message\": \"Rate limit reached for requests\"}}", Map.of("Retry-After", "1"))
                .reply(goodReply());

        assertThat(fx.run()).isInstanceOf(ExecutionResult.Completed.class);
        assertThat(fx.log).contains("llm: the endpoint answered HTTP 429: Rate limit reached for requests; trying again"
                + " in 1 s (try 2 of 4)");
    }

    @Test
    void failsTaskFailedWhenRateLimitedOnEveryTry() {
        String limited = "{\"error\": {\"message\": \"Rate limit reached for requests\", \"type\": \"requests\"}}";
        fx.stub.status(429, limited).status(429, limited).status(429, limited).status(429, limited).reply(goodReply());

        ExecutionResult.Failed failed = failed();

        assertThat(failed.kind()).isEqualTo(FailureKind.TASK_FAILED);
        assertThat(failed.reason()).isEqualTo("the endpoint " + fx.stub.baseUrl() + " failed 4 times; last it answered HTTP"
                + " 429: Rate limit reached for requests; try again later");
        assertThat(fx.stub.requests()).hasSize(4);
        assertThat(failed.budget().modelCalls()).isEqualTo(4);
    }

    @Test
    void failsAtOnceWhenRetryAfterIsLongerThanTheExecutorWaits() {
        fx.stub.status(429, "{\"error\": {\"message\": \"You exceeded your current quota\"}}", Map.of("Retry-After", "3600"))
                .reply(goodReply());

        ExecutionResult.Failed failed = failed();

        assertThat(failed.kind()).isEqualTo(FailureKind.TASK_FAILED);
        assertThat(failed.reason()).isEqualTo("the endpoint answered HTTP 429: You exceeded your current quota and asks to"
                + " wait 3600 s, longer than the executor waits (2 s); try again later");
        assertThat(fx.stub.requests()).hasSize(1);
    }

    @Test
    void reportsARefusedKeyAsNotConfigured() {
        fx.stub.status(401, "{\"error\": {\"message\": \"Incorrect API key provided: sk-can***aa19.\","
                + " \"type\": \"invalid_request_error\", \"code\": \"invalid_api_key\"}}");

        ExecutionResult.Failed failed = failed();

        assertThat(failed.kind()).isEqualTo(FailureKind.NOT_CONFIGURED);
        assertThat(failed.reason()).isEqualTo("the endpoint refused the key (HTTP 401: Incorrect API key provided:"
                + " sk-can***aa19.); check the key in LEVIATHAN_LLM_API_KEY");
        assertThat(fx.stub.requests()).hasSize(1);
    }

    @Test
    void reportsAForbiddenKeyAsNotConfigured() {
        fx.stub.status(403, "{\"error\": {\"message\": \"Project does not have access to model gpt-4o-mini\"}}");

        ExecutionResult.Failed failed = failed();

        assertThat(failed.kind()).isEqualTo(FailureKind.NOT_CONFIGURED);
        assertThat(failed.reason()).startsWith("the endpoint refused the key (HTTP 403: Project does not have access");
    }

    @Test
    void reportsABaseUrlWithoutTheApiRootAsNotConfigured() {
        String root = fx.stub.baseUrl().replace("/v1", "");
        fx.settings = LlmSettings.of(URI.create(root), "gpt-4o-mini", Secret.of(LlmAttemptFixture.KEY),
                LlmSettings.API_KEY_ENV);

        ExecutionResult.Failed failed = failed();

        assertThat(failed.kind()).isEqualTo(FailureKind.NOT_CONFIGURED);
        assertThat(failed.reason()).isEqualTo("the endpoint answered HTTP 404: Unknown path to POST " + root
                + "/chat/completions; check LEVIATHAN_LLM_BASE_URL (the API root, often ending in /v1) and the model"
                + " name 'gpt-4o-mini'");
        assertThat(fx.stub.requests().get(0).path()).isEqualTo("/chat/completions");
    }

    @Test
    void reportsARejectedRequestWithTheEndpointsMessageAndAHint() {
        fx.stub.status(400, "{\"error\": {\"message\": \"Invalid parameter: 'response_format' of type 'json_object' is"
                + " not supported with this model.\"}}");

        ExecutionResult.Failed failed = failed();

        assertThat(failed.kind()).isEqualTo(FailureKind.TASK_FAILED);
        assertThat(failed.reason()).isEqualTo("the endpoint rejected the request (HTTP 400: Invalid parameter:"
                + " 'response_format' of type 'json_object' is not supported with this model.); if it does not support"
                + " response_format, set LEVIATHAN_LLM_RESPONSE_FORMAT=text");
        assertThat(fx.stub.requests()).hasSize(1);
    }

    @Test
    void failsBudgetExhaustedWhenTheServerHangsPastTheRequestTimeout() {
        fx.settings = fx.settings.withRequestTimeout(Duration.ofMillis(300));
        fx.stub.hang().reply(goodReply());

        ExecutionResult.Failed failed = failed();

        assertThat(failed.kind()).isEqualTo(FailureKind.BUDGET_EXHAUSTED);
        assertThat(failed.reason()).isEqualTo("the model did not answer within the request timeout of 300 ms"
                + " (LEVIATHAN_LLM_TIMEOUT_S)");
        assertThat(fx.stub.requests()).hasSize(1);
    }

    @Test
    void failsBudgetExhaustedWhenTheTasksTimeBudgetRunsOut() {
        fx.task = LlmAttemptFixture.task(LlmAttemptFixture.BACKLOG + "    budget: {max_seconds: 1}\n");
        fx.stub.hang();

        ExecutionResult.Failed failed = failed();

        assertThat(failed.kind()).isEqualTo(FailureKind.BUDGET_EXHAUSTED);
        assertThat(failed.reason()).isEqualTo("the attempt's time budget of 1 s (budget.max_seconds) ran out waiting for"
                + " the model");
    }

    @Test
    void stopsWaitingWhenTheAttemptIsCancelled() {
        fx.stub.hang();
        Thread.ofVirtual().start(() -> {
            try {
                while (fx.stub.requests().isEmpty()) {
                    Thread.sleep(10);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            fx.cancelled.set(true);
        });

        ExecutionResult.Failed failed = failed();

        assertThat(failed.kind()).isEqualTo(FailureKind.CANCELLED);
        assertThat(failed.reason()).isEqualTo("cancelled while waiting for the model");
    }

    @Test
    void reportsAnAnswerThatIsNotAChatCompletion() {
        fx.stub.raw(200, "text/html", "<!doctype html><html><body>Sign in to continue</body></html>");

        ExecutionResult.Failed failed = failed();

        assertThat(failed.kind()).isEqualTo(FailureKind.TASK_FAILED);
        assertThat(failed.reason()).startsWith("the endpoint's answer is not a chat completion (")
                .endsWith("); check that LEVIATHAN_LLM_BASE_URL is the API root, such as https://api.openai.com/v1");
    }

    @Test
    void reportsACompletionWithoutChoices() {
        fx.stub.raw(200, "application/json", "{\"id\": \"x\", \"object\": \"chat.completion\", \"choices\": []}");

        ExecutionResult.Failed failed = failed();

        assertThat(failed.kind()).isEqualTo(FailureKind.TASK_FAILED);
        assertThat(failed.reason()).contains("no choices returned");
    }

    @Test
    void failsTaskFailedAfterRetriesWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        fx.settings = LlmSettings.of(URI.create("http://127.0.0.1:" + port + "/v1"), "gpt-4o-mini",
                Secret.of(LlmAttemptFixture.KEY), LlmSettings.API_KEY_ENV)
                .withRetries(new LlmSettings.Retries(3, Duration.ofMillis(5), Duration.ofSeconds(2)));

        ExecutionResult.Failed failed = failed();

        assertThat(failed.kind()).isEqualTo(FailureKind.TASK_FAILED);
        assertThat(failed.reason()).startsWith("the endpoint http://127.0.0.1:" + port + "/v1 failed 3 times; last it could"
                + " not be reached (");
        assertThat(failed.budget().modelCalls()).isEqualTo(3);
    }
}
