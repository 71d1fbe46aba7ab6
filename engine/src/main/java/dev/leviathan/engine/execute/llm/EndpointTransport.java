package dev.leviathan.engine.execute.llm;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The HTTP client LangChain4j's OpenAI client sends through, on the JDK's own client. It exists
 * because the attempt needs what the stock client does not give: one deadline for the whole
 * exchange (a server that sends headers and then trickles the body still ends on time),
 * cancellation while waiting, a cap on the bytes read, and the status and {@code Retry-After} of a
 * refused request. It never logs: the request carries the key in its Authorization header.
 * One per attempt, used by one thread at a time.
 */
final class EndpointTransport implements HttpClient, AutoCloseable {

    /** How often a waiting request looks at the cancellation flag. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final int EXCERPT_CHARS = 300;

    private final java.net.http.HttpClient client;
    private final int maxReplyBytes;
    private final BooleanSupplier cancelled;
    private final Clock clock;
    private Duration callTimeout;
    private byte[] lastBody = new byte[0];

    EndpointTransport(Duration connectTimeout, int maxReplyBytes, BooleanSupplier cancelled, Clock clock) {
        this.client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
        this.maxReplyBytes = maxReplyBytes;
        this.cancelled = cancelled;
        this.clock = clock;
        this.callTimeout = connectTimeout;
    }

    /** The longest the next request may take, from sending to the last byte of the answer. */
    void callTimeout(Duration timeout) {
        this.callTimeout = timeout;
    }

    /** The body of the last successful answer (for its {@code usage} when the client refuses the rest). */
    byte[] lastBody() {
        return lastBody;
    }

    /** LangChain4j asks for a builder; it hands back this transport whatever timeouts it is given. */
    HttpClientBuilder asBuilder() {
        EndpointTransport transport = this;
        return new HttpClientBuilder() {
            private Duration connect;
            private Duration read;

            @Override
            public Duration connectTimeout() {
                return connect;
            }

            @Override
            public HttpClientBuilder connectTimeout(Duration timeout) {
                connect = timeout;
                return this;
            }

            @Override
            public Duration readTimeout() {
                return read;
            }

            @Override
            public HttpClientBuilder readTimeout(Duration timeout) {
                read = timeout;
                return this;
            }

            @Override
            public HttpClient build() {
                return transport;
            }
        };
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        builder.method(request.method().name(), request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = await(client.sendAsync(builder.build(), info -> new CappedBody(maxReplyBytes)));
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new EndpointFailure.Status(status, retryAfter(response), excerpt(response.body()));
        }
        lastBody = response.body();
        return SuccessfulHttpResponse.builder()
                .statusCode(status)
                .headers(response.headers().map())
                .body(response.body())
                .build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        throw new UnsupportedOperationException("the llm executor does not stream");
    }

    @Override
    public void close() {
        client.shutdownNow();
    }

    private HttpResponse<byte[]> await(CompletableFuture<HttpResponse<byte[]>> future) {
        long deadline = System.nanoTime() + callTimeout.toNanos();
        while (true) {
            if (cancelled.getAsBoolean()) {
                future.cancel(true);
                throw new EndpointFailure.Cancelled();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                future.cancel(true);
                throw new EndpointFailure.TimedOut(callTimeout);
            }
            try {
                return future.get(Math.min(left, POLL_NANOS), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // still waiting: look at the flag and the deadline again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                future.cancel(true);
                throw new EndpointFailure.Cancelled();
            } catch (ExecutionException e) {
                throw failureOf(e.getCause());
            }
        }
    }

    private EndpointFailure failureOf(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EndpointFailure failure) {
                return failure;
            }
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return new EndpointFailure.Unreachable("the host name does not resolve", true);
            }
            if (t instanceof java.net.http.HttpConnectTimeoutException) {
                return new EndpointFailure.Unreachable("connecting timed out", false);
            }
        }
        String detail = cause == null ? "unknown error" : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new EndpointFailure.Unreachable(cause instanceof IOException ? detail : "transport error " + detail, false);
    }

    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), when.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    /**
     * A short, printable excerpt of an error answer: OpenAI-style {@code error.message} if it has
     * one, else the start of the body. The caller redacts it before it goes anywhere.
     */
    static String excerpt(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 64 * 1024), StandardCharsets.UTF_8);
        try {
            var node = dev.leviathan.engine.event.Json.MAPPER.readTree(text);
            var message = node == null ? null : node.path("error").path("message");
            if (message != null && message.isTextual()) {
                text = message.asText();
            } else if (node != null && node.path("error").isTextual()) {
                text = node.path("error").asText();
            }
        } catch (IOException | RuntimeException notJson) {
            // keep the raw start of the body
        }
        return Printable.oneLine(text, EXCERPT_CHARS);
    }

    /** Reads the answer into memory, refusing it once it exceeds the cap instead of reading on. */
    private static final class CappedBody implements BodySubscriber<byte[]> {

        private final int limit;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                if ((long) out.size() + item.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new EndpointFailure.TooLarge(limit));
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
