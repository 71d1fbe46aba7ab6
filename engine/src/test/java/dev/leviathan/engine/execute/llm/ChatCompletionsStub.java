package dev.leviathan.engine.execute.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.leviathan.engine.event.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An OpenAI chat-completions endpoint on 127.0.0.1 and a random port, answering each
 * {@code POST /v1/chat/completions} with the next scripted step, as the real service would.
 * It records every request it gets, so tests can look at what the client sent.
 */
final class ChatCompletionsStub implements AutoCloseable {

    /** One request as the server saw it. */
    record Seen(String method, String path, Map<String, List<String>> headers, JsonNode body, String rawBody) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        /** The text of every message sent, in order. */
        List<String> messages() {
            List<String> out = new ArrayList<>();
            body.path("messages").forEach(m -> out.add(m.path("role").asText() + ": " + m.path("content").asText()));
            return out;
        }
    }

    /** What the server answers one request with. */
    sealed interface Step {
    }

    record Completion(String content, String finishReason, int promptTokens, int completionTokens, boolean usage,
            String refusal) implements Step {
    }

    record Status(int code, String body, Map<String, String> headers) implements Step {
    }

    record Raw(int code, String contentType, String body) implements Step {
    }

    /** Answers nothing until the stub closes. */
    record Hang() implements Step {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Deque<Step> script = new ConcurrentLinkedDeque<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private ChatCompletionsStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    static ChatCompletionsStub start() {
        return new ChatCompletionsStub();
    }

    /** The API root a client is configured with; requests go to {@code <root>/chat/completions}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    ChatCompletionsStub reply(String content) {
        return reply(content, 120, 40);
    }

    ChatCompletionsStub reply(String content, int promptTokens, int completionTokens) {
        script.add(new Completion(content, "stop", promptTokens, completionTokens, true, null));
        return this;
    }

    ChatCompletionsStub replyWithoutUsage(String content) {
        script.add(new Completion(content, "stop", 0, 0, false, null));
        return this;
    }

    ChatCompletionsStub cutOff(String content, int promptTokens, int completionTokens) {
        script.add(new Completion(content, "length", promptTokens, completionTokens, true, null));
        return this;
    }

    ChatCompletionsStub refusal(String refusal) {
        script.add(new Completion(null, "stop", 90, 12, true, refusal));
        return this;
    }

    ChatCompletionsStub status(int code, String body) {
        return status(code, body, Map.of());
    }

    ChatCompletionsStub status(int code, String body, Map<String, String> headers) {
        script.add(new Status(code, body, headers));
        return this;
    }

    ChatCompletionsStub raw(int code, String contentType, String body) {
        script.add(new Raw(code, contentType, body));
        return this;
    }

    ChatCompletionsStub hang() {
        script.add(new Hang());
        return this;
    }

    List<Seen> requests() {
        return List.copyOf(seen);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode body = raw.isEmpty() ? Json.object() : Json.MAPPER.readTree(raw);
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body, raw));
            if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath()
                    .equals("/v1/chat/completions")) {
                send(exchange, 404, "application/json", "{\"error\":{\"message\":\"Unknown path\",\"type\":\"invalid_request_error\"}}");
                return;
            }
            Step step = script.poll();
            switch (step) {
                case null -> send(exchange, 500, "application/json",
                        "{\"error\":{\"message\":\"the test script has no more steps\"}}");
                case Completion c -> send(exchange, 200, "application/json", completion(c, body));
                case Status s -> {
                    s.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                    send(exchange, s.code(), "application/json", s.body());
                }
                case Raw r -> send(exchange, r.code(), r.contentType(), r.body());
                case Hang h -> {
                    try {
                        closing.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }
    }

    private static String completion(Completion c, JsonNode request) {
        ObjectNode root = Json.object();
        root.put("id", "chatcmpl-test");
        root.put("object", "chat.completion");
        root.put("created", 1_764_000_000L);
        root.put("model", request.path("model").asText("unknown"));
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (c.content() == null) {
            message.putNull("content");
        } else {
            message.put("content", c.content());
        }
        if (c.refusal() != null) {
            message.put("refusal", c.refusal());
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", c.finishReason());
        if (c.usage()) {
            ObjectNode usage = root.putObject("usage");
            usage.put("prompt_tokens", c.promptTokens());
            usage.put("completion_tokens", c.completionTokens());
            usage.put("total_tokens", c.promptTokens() + c.completionTokens());
        }
        return root.toString();
    }

    private static void send(HttpExchange exchange, int code, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
