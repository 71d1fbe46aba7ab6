package dev.leviathan.engine.execute.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.leviathan.engine.config.Secret;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Settings screen's endpoint test against a local server speaking the models part of the protocol. */
class EndpointCheckTest {

    private static final String KEY = "sk-check-5f4e3d2c1b0a9988";

    private HttpServer server;
    private final AtomicReference<String> authorization = new AtomicReference<>();

    private URI serve(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/models", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static LlmSettings settings(URI base, String model) {
        return LlmSettings.of(base, model, Secret.of(KEY), "LEVIATHAN_LLM_API_KEY");
    }

    @Test
    void anEndpointThatServesTheModelWorksAndGetsTheKeyAsABearerToken() throws Exception {
        URI base = serve(200, "{\"object\":\"list\",\"data\":[{\"id\":\"llama3\"},{\"id\":\"qwen2.5-coder:7b\"}]}");

        EndpointCheck.Result result = EndpointCheck.check(settings(base, "qwen2.5-coder:7b"), Duration.ofSeconds(5));

        assertThat(result.works()).isTrue();
        assertThat(result.message()).isEqualTo("the endpoint answers and serves qwen2.5-coder:7b (2 models listed)");
        assertThat(authorization.get()).isEqualTo("Bearer " + KEY);
    }

    @Test
    void aModelTheEndpointDoesNotServeIsNamedWithWhatItDoes() throws Exception {
        URI base = serve(200, "{\"data\":[{\"id\":\"llama3\"},{\"id\":\"mistral\"}]}");

        EndpointCheck.Result result = EndpointCheck.check(settings(URI.create(base + "/"), "gpt-9"),
                Duration.ofSeconds(5));

        assertThat(result.works()).isFalse();
        assertThat(result.message()).isEqualTo("the endpoint answers, but does not serve gpt-9; it lists llama3, mistral");
    }

    @Test
    void aRefusedKeyNamesWhereTheKeyComesFromAndNeverTheKey() throws Exception {
        URI base = serve(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}");

        EndpointCheck.Result result = EndpointCheck.check(settings(base, "llama3"), Duration.ofSeconds(5));

        assertThat(result.works()).isFalse();
        assertThat(result.message()).contains("refused the key from LEVIATHAN_LLM_API_KEY (HTTP 401)")
                .doesNotContain(KEY);
    }

    @Test
    void anErrorReplyIsQuotedWithTheKeyRedacted() throws Exception {
        URI base = serve(500, "upstream failed for key " + KEY);

        EndpointCheck.Result result = EndpointCheck.check(settings(base, "llama3"), Duration.ofSeconds(5));

        assertThat(result.message()).endsWith("answered HTTP 500: upstream failed for key [redacted]");
    }

    @Test
    void anEndpointNobodyListensOnCannotBeReached() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        EndpointCheck.Result result = EndpointCheck.check(settings(URI.create("http://127.0.0.1:" + port + "/v1"),
                "llama3"), Duration.ofSeconds(5));

        assertThat(result.works()).isFalse();
        assertThat(result.message()).startsWith("cannot reach http://127.0.0.1:" + port + "/v1/models: connection refused");
    }
}
