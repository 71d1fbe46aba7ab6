package dev.leviathan.engine.execute.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.execute.ExecutionResult.FailureKind;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The chat model of one attempt: LangChain4j's OpenAI client, sending through
 * {@link EndpointTransport}, with request and response logging off (the request carries the key).
 * {@link #ask} sends one round and retries what is worth retrying:
 * <ul>
 *   <li>429, 408 and 5xx, and connections that fail: up to {@code retries.maxTries} requests,
 *       waiting {@code firstBackoff} doubled each time, or the endpoint's {@code Retry-After} when
 *       longer; a {@code Retry-After} beyond {@code maxRetryAfter}, or a wait past the attempt's
 *       time budget, ends the attempt at once ({@code TASK_FAILED}: the endpoint's trouble, not
 *       the task's, but nothing the executor can do);</li>
 *   <li>401 and 403 ({@code NOT_CONFIGURED}: the key), 404 and an unknown host
 *       ({@code NOT_CONFIGURED}: the URL or the model name), other 4xx ({@code TASK_FAILED}, with
 *       the endpoint's message): never retried;</li>
 *   <li>no complete answer in time ({@code BUDGET_EXHAUSTED}): never retried, since a model that
 *       hangs once tends to hang again and each try costs the whole timeout.</li>
 * </ul>
 */
final class ModelEndpoint implements AutoCloseable {

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final int REASON_CHARS = 300;
    private static final long SLEEP_SLICE_MILLIS = 50;

    private final LlmSettings settings;
    private final String model;
    private final EndpointTransport transport;
    private final OpenAiChatModel chat;
    private final AttemptBudget budget;
    private final BooleanSupplier cancelled;
    private final Consumer<String> log;
    private final KeyRedactor redactor;

    ModelEndpoint(LlmSettings settings, String model, AttemptBudget budget, BooleanSupplier cancelled, Clock clock,
            Consumer<String> log, KeyRedactor redactor) {
        this.settings = settings;
        this.model = model;
        this.budget = budget;
        this.cancelled = cancelled;
        this.log = log;
        this.redactor = redactor;
        Duration connect = settings.requestTimeout().compareTo(Duration.ofSeconds(15)) < 0
                ? settings.requestTimeout() : Duration.ofSeconds(15);
        this.transport = new EndpointTransport(connect, settings.limits().maxReplyBytes(), cancelled, clock);
        this.chat = OpenAiChatModel.builder()
                .httpClientBuilder(transport.asBuilder())
                .baseUrl(settings.baseUrl().toString())
                .apiKey(settings.apiKey().reveal())
                .modelName(model)
                .temperature(settings.temperature())
                .timeout(settings.requestTimeout())
                // Retries are ours: they honour Retry-After, the time budget and cancellation.
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    /** Sends {@code conversation} with a completion cap of {@code maxTokens}, retrying as the class says. */
    ModelAnswer ask(Conversation conversation, int maxTokens) {
        ChatRequest request = ChatRequest.builder()
                .messages(messages(conversation))
                .maxOutputTokens(maxTokens)
                .responseFormat(responseFormat())
                .build();
        for (int attempt = 1; ; attempt++) {
            Optional<Duration> timeLeft = budget.timeLeft();
            if (timeLeft.isPresent() && timeLeft.get().isZero()) {
                return outOfTime();
            }
            boolean budgetLimits = timeLeft.isPresent() && timeLeft.get().compareTo(settings.requestTimeout()) < 0;
            Duration timeout = budgetLimits ? timeLeft.get() : settings.requestTimeout();
            transport.callTimeout(timeout);
            budget.requestSent();
            EndpointFailure failure;
            try {
                return reply(chat.chat(request), conversation);
            } catch (ContentFilteredException refused) {
                return refusal(refused, conversation);
            } catch (RuntimeException e) {
                Optional<EndpointFailure> known = endpointFailure(e);
                if (known.isEmpty()) {
                    return failure(FailureKind.TASK_FAILED, "the endpoint's answer is not a chat completion ("
                            + describe(e) + "); check that " + LlmSettings.BASE_URL_ENV
                            + " is the API root, such as https://api.openai.com/v1");
                }
                failure = known.get();
            }
            Optional<ModelAnswer> terminal = terminal(failure, timeout, budgetLimits);
            if (terminal.isPresent()) {
                return terminal.get();
            }
            Optional<ModelAnswer> waited = waitBeforeRetry(failure, attempt);
            if (waited.isPresent()) {
                return waited.get();
            }
        }
    }

    /** The endpoint's failures that end the attempt without a retry; empty for those worth retrying. */
    private Optional<ModelAnswer> terminal(EndpointFailure failure, Duration timeout, boolean budgetLimits) {
        return switch (failure) {
            case EndpointFailure.Cancelled c -> Optional.of(failure(FailureKind.CANCELLED,
                    "cancelled while waiting for the model"));
            case EndpointFailure.TimedOut t -> Optional.of(budgetLimits
                    ? outOfTime()
                    : failure(FailureKind.BUDGET_EXHAUSTED, "the model did not answer within the request timeout of "
                            + seconds(timeout) + " (" + LlmSettings.TIMEOUT_ENV + ")"));
            case EndpointFailure.TooLarge large -> Optional.of(failure(FailureKind.INVALID_OUTPUT,
                    "the endpoint's answer is larger than " + large.limit() + " bytes; it was not read"));
            case EndpointFailure.Unreachable u when u.unknownHost() -> Optional.of(failure(FailureKind.NOT_CONFIGURED,
                    "cannot reach the endpoint " + settings.endpoint() + ": the host name does not resolve; check "
                            + LlmSettings.BASE_URL_ENV));
            case EndpointFailure.Unreachable u -> Optional.empty();
            case EndpointFailure.Status s when s.code() == 401 || s.code() == 403 -> Optional.of(failure(
                    FailureKind.NOT_CONFIGURED, "the endpoint refused the key (HTTP " + s.code() + excerpt(s)
                            + "); check the key in " + settings.keySource()));
            case EndpointFailure.Status s when s.code() == 404 -> Optional.of(failure(FailureKind.NOT_CONFIGURED,
                    "the endpoint answered HTTP 404" + excerpt(s) + " to POST " + settings.endpoint()
                            + "/chat/completions; check " + LlmSettings.BASE_URL_ENV
                            + " (the API root, often ending in /v1) and the model name '" + model + "'"));
            case EndpointFailure.Status s when s.retriable() -> Optional.empty();
            case EndpointFailure.Status s -> Optional.of(failure(FailureKind.TASK_FAILED,
                    "the endpoint rejected the request (HTTP " + s.code() + excerpt(s) + ")"
                            + (s.excerpt().contains("response_format")
                                    ? "; if it does not support response_format, set "
                                            + LlmSettings.RESPONSE_FORMAT_ENV + "=text"
                                    : "")));
        };
    }

    /** Waits before the next try; an answer if the attempt must end instead. */
    private Optional<ModelAnswer> waitBeforeRetry(EndpointFailure failure, int attempt) {
        String what = failure instanceof EndpointFailure.Status s
                ? "answered HTTP " + s.code() + excerpt(s)
                : "could not be reached (" + Printable.oneLine(redactor.redact(failure.getMessage()), REASON_CHARS) + ")";
        LlmSettings.Retries retries = settings.retries();
        if (attempt >= retries.maxTries()) {
            return Optional.of(failure(FailureKind.TASK_FAILED, "the endpoint " + settings.endpoint() + " failed "
                    + attempt + (attempt == 1 ? " time" : " times") + "; last it " + what + "; try again later"));
        }
        Duration backoff = retries.firstBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        if (backoff.compareTo(MAX_BACKOFF) > 0) {
            backoff = MAX_BACKOFF;
        }
        Duration wait = backoff;
        if (failure instanceof EndpointFailure.Status s && s.retryAfter().isPresent()) {
            Duration asked = s.retryAfter().get();
            if (asked.compareTo(retries.maxRetryAfter()) > 0) {
                return Optional.of(failure(FailureKind.TASK_FAILED, "the endpoint " + what
                        + " and asks to wait " + seconds(asked) + ", longer than the executor waits ("
                        + seconds(retries.maxRetryAfter()) + "); try again later"));
            }
            wait = asked.compareTo(backoff) > 0 ? asked : backoff;
        }
        Optional<Duration> timeLeft = budget.timeLeft();
        if (timeLeft.isPresent() && timeLeft.get().compareTo(wait) <= 0) {
            return Optional.of(failure(FailureKind.TASK_FAILED, "the endpoint " + what
                    + " and the attempt's time budget leaves no time to try again"));
        }
        log.accept("llm: the endpoint " + what + "; trying again in " + seconds(wait) + " (try "
                + (attempt + 1) + " of " + retries.maxTries() + ")");
        return sleep(wait) ? Optional.empty()
                : Optional.of(failure(FailureKind.CANCELLED, "cancelled while waiting to retry the endpoint"));
    }

    private boolean sleep(Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        while (true) {
            if (cancelled.getAsBoolean()) {
                return false;
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            try {
                Thread.sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, SLEEP_SLICE_MILLIS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private ModelAnswer reply(ChatResponse response, Conversation conversation) {
        String text = response.aiMessage() == null || response.aiMessage().text() == null ? ""
                : response.aiMessage().text();
        boolean truncated = response.finishReason() == FinishReason.LENGTH;
        String servedBy = response.modelName() == null || response.modelName().isBlank() ? model
                : Printable.oneLine(response.modelName(), 100);
        return new ModelAnswer.Reply(servedBy, text, Optional.empty(), truncated,
                usage(response.tokenUsage(), conversation, Conversation.utf8(text)));
    }

    private ModelAnswer refusal(ContentFilteredException refused, Conversation conversation) {
        String message = refused.getMessage() == null ? "" : refused.getMessage();
        // LangChain4j drops the response when it sees a refusal; its usage is still in the body.
        TokenUsage usage = null;
        try {
            JsonNode node = Json.MAPPER.readTree(transport.lastBody()).path("usage");
            if (node.path("prompt_tokens").isIntegralNumber()) {
                usage = new TokenUsage(node.path("prompt_tokens").asInt(), node.path("completion_tokens").asInt(0));
            }
        } catch (IOException | RuntimeException unreadable) {
            // estimated below
        }
        return new ModelAnswer.Reply(model, "", Optional.of(message), false,
                usage(usage, conversation, Conversation.utf8(message)));
    }

    private static ModelAnswer.Usage usage(TokenUsage usage, Conversation conversation, long replyBytes) {
        if (usage == null || usage.inputTokenCount() == null) {
            return new ModelAnswer.Usage(conversation.estimatedTokens(), Conversation.estimate(replyBytes), false);
        }
        long completion = usage.outputTokenCount() == null ? Conversation.estimate(replyBytes) : usage.outputTokenCount();
        return new ModelAnswer.Usage(usage.inputTokenCount(), completion, usage.outputTokenCount() != null);
    }

    private List<ChatMessage> messages(Conversation conversation) {
        List<ChatMessage> messages = new ArrayList<>(4);
        messages.add(SystemMessage.from(conversation.system()));
        messages.add(UserMessage.from(conversation.task()));
        conversation.lastReply().ifPresent(reply -> messages.add(AiMessage.from(reply)));
        conversation.repairNote().ifPresent(note -> messages.add(UserMessage.from(note)));
        return messages;
    }

    private ResponseFormat responseFormat() {
        return switch (settings.replyFormat()) {
            case TEXT -> ResponseFormat.TEXT;
            case JSON_OBJECT -> ResponseFormat.JSON;
            case JSON_SCHEMA -> ResponseFormat.builder()
                    .type(ResponseFormatType.JSON)
                    .jsonSchema(JsonSchema.builder().name("file_edits").rootElement(EDITS_SCHEMA).build())
                    .build();
        };
    }

    private static final JsonObjectSchema EDITS_SCHEMA = JsonObjectSchema.builder()
            .addProperty("edits", JsonArraySchema.builder()
                    .items(JsonObjectSchema.builder()
                            .addProperty("path", JsonStringSchema.builder()
                                    .description("relative to the repository root, forward slashes").build())
                            .addProperty("action", JsonEnumSchema.builder().enumValues("write", "delete").build())
                            .addProperty("content", JsonStringSchema.builder()
                                    .description("the whole new file content; only for write").build())
                            .required("path", "action")
                            .additionalProperties(false)
                            .build())
                    .build())
            .addStringProperty("summary", "one or two sentences for the reviewer")
            .required("edits", "summary")
            .additionalProperties(false)
            .build();

    private ModelAnswer outOfTime() {
        return failure(FailureKind.BUDGET_EXHAUSTED, "the attempt's time budget of "
                + budget.maxDuration().map(ModelEndpoint::seconds).orElse("?")
                + " (budget.max_seconds) ran out waiting for the model");
    }

    private ModelAnswer failure(FailureKind kind, String reason) {
        return new ModelAnswer.Failure(kind, redactor.redact(reason));
    }

    private String excerpt(EndpointFailure.Status status) {
        String text = redactor.redact(status.excerpt());
        return text.isEmpty() ? "" : ": " + text;
    }

    private String describe(RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return Printable.oneLine(redactor.redact(root.getClass().getSimpleName() + message), REASON_CHARS);
    }

    private static Optional<EndpointFailure> endpointFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EndpointFailure failure) {
                return Optional.of(failure);
            }
        }
        return Optional.empty();
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    @Override
    public void close() {
        transport.close();
    }
}
