package dev.leviathan.engine.execute.llm;

import dev.leviathan.engine.config.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the {@code llm} executor reaches its model: an OpenAI-compatible chat-completions endpoint
 * the operator configured. The key comes from an environment variable or a file, never from the
 * store or a task; its value is a {@link Secret} and {@link #keySource} names where it came from,
 * so messages can point at it without showing it.
 *
 * @param baseUrl          the API root the client appends {@code /chat/completions} to, such as
 *                         {@code https://api.openai.com/v1} or {@code http://127.0.0.1:11434/v1}
 * @param model            the model name sent with every request, unless a task names its own
 * @param keySource        where the key was read from ({@code LEVIATHAN_LLM_API_KEY} or
 *                         {@code LEVIATHAN_LLM_API_KEY_FILE (/run/secrets/llm)}); never the key
 * @param requestTimeout   the longest one request may take, connection to last byte
 * @param defaultMaxTokens the completion cap of one reply ({@code max_tokens}); a task's
 *                         {@code executor.max_tokens} may only lower it
 * @param maxRepairRounds  how many times an unusable reply is sent back with what was wrong
 * @param temperature      sampling temperature; 0 so the same prompt tends to the same edits
 * @param replyFormat      which {@code response_format} to ask for
 */
public record LlmSettings(URI baseUrl, String model, Secret apiKey, String keySource, Duration requestTimeout,
        int defaultMaxTokens, int maxRepairRounds, double temperature, ReplyFormat replyFormat, Limits limits,
        Retries retries) {

    public static final String BASE_URL_ENV = "LEVIATHAN_LLM_BASE_URL";
    public static final String MODEL_ENV = "LEVIATHAN_LLM_MODEL";
    public static final String API_KEY_ENV = "LEVIATHAN_LLM_API_KEY";
    public static final String API_KEY_FILE_ENV = "LEVIATHAN_LLM_API_KEY_FILE";
    public static final String TIMEOUT_ENV = "LEVIATHAN_LLM_TIMEOUT_S";
    public static final String MAX_TOKENS_ENV = "LEVIATHAN_LLM_MAX_TOKENS";
    public static final String MAX_REPAIR_ROUNDS_ENV = "LEVIATHAN_LLM_MAX_REPAIR_ROUNDS";
    public static final String RESPONSE_FORMAT_ENV = "LEVIATHAN_LLM_RESPONSE_FORMAT";

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_MAX_TOKENS = 4096;
    public static final int DEFAULT_MAX_REPAIR_ROUNDS = 2;

    /** A key file larger than this is not a key (someone pointed at the wrong file). */
    private static final long MAX_KEY_FILE_BYTES = 16 * 1024;

    public LlmSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(keySource, "keySource");
        Objects.requireNonNull(replyFormat, "replyFormat");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(retries, "retries");
        checkBaseUrl(baseUrl).ifPresent(problem -> {
            throw new LlmSettingsException(problem);
        });
        if (model == null || model.isBlank()) {
            throw new LlmSettingsException("the model name is empty; set " + MODEL_ENV);
        }
        if (apiKey.isEmpty()) {
            throw new LlmSettingsException("the API key from " + keySource + " is empty");
        }
        if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new LlmSettingsException("the request timeout must be positive; set " + TIMEOUT_ENV);
        }
        if (defaultMaxTokens < 1) {
            throw new LlmSettingsException("the reply's max tokens must be at least 1; set " + MAX_TOKENS_ENV);
        }
        if (maxRepairRounds < 0) {
            throw new LlmSettingsException("max repair rounds cannot be negative; set " + MAX_REPAIR_ROUNDS_ENV);
        }
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new LlmSettingsException("the temperature must lie between 0 and 2");
        }
    }

    /** Settings with every default: 120 s per request, 4096 tokens per reply, 2 repair rounds, temperature 0. */
    public static LlmSettings of(URI baseUrl, String model, Secret apiKey, String keySource) {
        return new LlmSettings(baseUrl, model, apiKey, keySource, DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_TOKENS,
                DEFAULT_MAX_REPAIR_ROUNDS, 0.0, ReplyFormat.JSON_OBJECT, Limits.DEFAULT, Retries.DEFAULT);
    }

    /**
     * The settings the operator gave in the environment, or empty if none of
     * {@code LEVIATHAN_LLM_BASE_URL}, {@code _MODEL}, {@code _API_KEY}, {@code _API_KEY_FILE} is set.
     * Set but incomplete or malformed settings are an {@link LlmSettingsException} that names every
     * variable at fault, so the operator fixes them in one go; it never contains the key.
     */
    public static Optional<LlmSettings> fromEnvironment(Map<String, String> env) {
        String baseUrl = value(env, BASE_URL_ENV);
        String model = value(env, MODEL_ENV);
        String key = value(env, API_KEY_ENV);
        String keyFile = value(env, API_KEY_FILE_ENV);
        if (baseUrl == null && model == null && key == null && keyFile == null) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        URI uri = null;
        if (baseUrl == null) {
            problems.add(BASE_URL_ENV + " is not set (the API root, such as https://api.openai.com/v1)");
        } else {
            try {
                uri = new URI(baseUrl);
                checkBaseUrl(uri).ifPresent(problems::add);
            } catch (URISyntaxException e) {
                problems.add(BASE_URL_ENV + " is not a URL: " + e.getReason());
            }
        }
        if (model == null) {
            problems.add(MODEL_ENV + " is not set (the model name, such as gpt-4o-mini)");
        }
        Secret apiKey = null;
        String keySource = null;
        if (key != null && keyFile != null) {
            problems.add("both " + API_KEY_ENV + " and " + API_KEY_FILE_ENV + " are set; set only one");
        } else if (key != null) {
            apiKey = Secret.of(key.strip());
            keySource = API_KEY_ENV;
        } else if (keyFile != null) {
            keySource = API_KEY_FILE_ENV + " (" + keyFile + ")";
            try {
                apiKey = readKeyFile(keyFile);
            } catch (LlmSettingsException e) {
                problems.add(e.getMessage());
            }
        } else {
            problems.add("no API key: set " + API_KEY_ENV + " or " + API_KEY_FILE_ENV
                    + " (a local server that needs no key accepts any value)");
        }
        Duration timeout = positive(env, TIMEOUT_ENV, DEFAULT_REQUEST_TIMEOUT.toSeconds(), problems)
                .map(Duration::ofSeconds).orElse(DEFAULT_REQUEST_TIMEOUT);
        int maxTokens = positive(env, MAX_TOKENS_ENV, DEFAULT_MAX_TOKENS, problems)
                .map(Math::toIntExact).orElse(DEFAULT_MAX_TOKENS);
        int repairRounds = DEFAULT_MAX_REPAIR_ROUNDS;
        String rounds = value(env, MAX_REPAIR_ROUNDS_ENV);
        if (rounds != null) {
            try {
                repairRounds = Integer.parseInt(rounds);
                if (repairRounds < 0 || repairRounds > 10) {
                    problems.add(MAX_REPAIR_ROUNDS_ENV + " must be a whole number from 0 to 10, not " + rounds);
                }
            } catch (NumberFormatException e) {
                problems.add(MAX_REPAIR_ROUNDS_ENV + " must be a whole number from 0 to 10, not " + rounds);
            }
        }
        ReplyFormat format = ReplyFormat.JSON_OBJECT;
        String formatWord = value(env, RESPONSE_FORMAT_ENV);
        if (formatWord != null) {
            Optional<ReplyFormat> parsed = ReplyFormat.ofWord(formatWord);
            if (parsed.isEmpty()) {
                problems.add(RESPONSE_FORMAT_ENV + " must be one of json_object, json_schema, text; not " + formatWord);
            }
            format = parsed.orElse(format);
        }
        if (!problems.isEmpty()) {
            throw new LlmSettingsException("the llm executor's settings are incomplete: " + String.join("; ", problems));
        }
        return Optional.of(new LlmSettings(uri, model, apiKey, keySource, timeout, maxTokens, repairRounds, 0.0,
                format, Limits.DEFAULT, Retries.DEFAULT));
    }

    public LlmSettings withRequestTimeout(Duration timeout) {
        return new LlmSettings(baseUrl, model, apiKey, keySource, timeout, defaultMaxTokens, maxRepairRounds,
                temperature, replyFormat, limits, retries);
    }

    public LlmSettings withDefaultMaxTokens(int maxTokens) {
        return new LlmSettings(baseUrl, model, apiKey, keySource, requestTimeout, maxTokens, maxRepairRounds,
                temperature, replyFormat, limits, retries);
    }

    public LlmSettings withMaxRepairRounds(int rounds) {
        return new LlmSettings(baseUrl, model, apiKey, keySource, requestTimeout, defaultMaxTokens, rounds,
                temperature, replyFormat, limits, retries);
    }

    public LlmSettings withReplyFormat(ReplyFormat format) {
        return new LlmSettings(baseUrl, model, apiKey, keySource, requestTimeout, defaultMaxTokens, maxRepairRounds,
                temperature, format, limits, retries);
    }

    public LlmSettings withLimits(Limits newLimits) {
        return new LlmSettings(baseUrl, model, apiKey, keySource, requestTimeout, defaultMaxTokens, maxRepairRounds,
                temperature, replyFormat, newLimits, retries);
    }

    public LlmSettings withRetries(Retries newRetries) {
        return new LlmSettings(baseUrl, model, apiKey, keySource, requestTimeout, defaultMaxTokens, maxRepairRounds,
                temperature, replyFormat, limits, newRetries);
    }

    /** The base URL as it may be shown and logged (it carries no credentials: those are refused). */
    public String endpoint() {
        return baseUrl.toString();
    }

    /**
     * What the model may see and send.
     *
     * @param contextBytes  the most bytes of current file content put in the prompt
     * @param maxFileBytes  the largest file one edit may write (UTF-8 bytes); a policy's
     *                      {@code max_file_size_kb} may lower it for its paths
     * @param maxTotalBytes the most bytes all edits of one reply may write
     * @param maxEdits      the most edits one reply may carry
     * @param maxReplyBytes the largest HTTP response read from the endpoint; more is refused unread
     */
    public record Limits(int contextBytes, int maxFileBytes, long maxTotalBytes, int maxEdits, int maxReplyBytes) {

        public static final Limits DEFAULT = new Limits(200_000, 1_048_576, 4L * 1_048_576, 200, 16 * 1_048_576);

        public Limits {
            if (contextBytes < 0 || maxFileBytes < 1 || maxTotalBytes < 1 || maxEdits < 1 || maxReplyBytes < 1024) {
                throw new LlmSettingsException("llm limits must be positive (reply cap at least 1024 bytes)");
            }
        }
    }

    /**
     * How a refused request (429, 5xx, connection failure) is tried again: up to {@code maxTries}
     * requests in all, waiting {@code firstBackoff}, then twice that, and so on, or what the
     * endpoint's {@code Retry-After} asks if that is longer but not over {@code maxRetryAfter}.
     */
    public record Retries(int maxTries, Duration firstBackoff, Duration maxRetryAfter) {

        public static final Retries DEFAULT = new Retries(4, Duration.ofSeconds(1), Duration.ofSeconds(30));

        public Retries {
            if (maxTries < 1 || firstBackoff == null || firstBackoff.isNegative() || maxRetryAfter == null
                    || maxRetryAfter.isNegative()) {
                throw new LlmSettingsException("llm retries need at least one try and non-negative waits");
            }
        }
    }

    /** The {@code response_format} asked of the endpoint. */
    public enum ReplyFormat {
        /** {@code {"type": "json_object"}}: the widest supported JSON mode. */
        JSON_OBJECT,
        /** {@code {"type": "json_schema"}} with the edits schema (not strict). */
        JSON_SCHEMA,
        /** No {@code response_format}, for servers that reject it; the prompt alone asks for JSON. */
        TEXT;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<ReplyFormat> ofWord(String word) {
            for (ReplyFormat format : values()) {
                if (format.word().equals(word.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of(format);
                }
            }
            return Optional.empty();
        }
    }

    private static Optional<String> checkBaseUrl(URI uri) {
        // The base URL is logged and shown; credentials belong in the key, which is not. Checked
        // first, so no message below shows a URL with a password in it.
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            return Optional.of(BASE_URL_ENV + " carries user info; put the credential in " + API_KEY_ENV
                    + " or " + API_KEY_FILE_ENV + " instead");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of(BASE_URL_ENV + " must be an http:// or https:// URL, not " + uri);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of(BASE_URL_ENV + " has no host: " + uri);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of(BASE_URL_ENV + " must not have a query or fragment (the client appends"
                    + " /chat/completions to it)");
        }
        return Optional.empty();
    }

    private static Secret readKeyFile(String file) {
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new LlmSettingsException(API_KEY_FILE_ENV + " is not a usable path: " + file);
        }
        if (!Files.isRegularFile(path)) {
            throw new LlmSettingsException(API_KEY_FILE_ENV + " names " + file + ", which does not exist or is not a file");
        }
        try {
            if (Files.size(path) > MAX_KEY_FILE_BYTES) {
                throw new LlmSettingsException(API_KEY_FILE_ENV + " names " + file + ", which is too large to be a key");
            }
            String key = Files.readString(path, StandardCharsets.UTF_8).strip();
            if (key.isEmpty()) {
                throw new LlmSettingsException(API_KEY_FILE_ENV + " names " + file + ", which is empty");
            }
            if (key.indexOf('\n') >= 0 || key.indexOf('\r') >= 0) {
                throw new LlmSettingsException(API_KEY_FILE_ENV + " names " + file
                        + ", which holds more than one line; it must hold only the key");
            }
            return Secret.of(key);
        } catch (IOException e) {
            // The message of a failed read names the file, never its content.
            throw new LlmSettingsException("cannot read the API key from " + API_KEY_FILE_ENV + "=" + file + ": "
                    + e.getClass().getSimpleName());
        }
    }

    private static Optional<Long> positive(Map<String, String> env, String name, long fallback, List<String> problems) {
        String raw = value(env, name);
        if (raw == null) {
            return Optional.of(fallback);
        }
        try {
            long parsed = Long.parseLong(raw);
            if (parsed >= 1 && parsed <= Integer.MAX_VALUE) {
                return Optional.of(parsed);
            }
        } catch (NumberFormatException e) {
            // reported below with the variable's name
        }
        problems.add(name + " must be a positive whole number, not " + raw);
        return Optional.empty();
    }

    private static String value(Map<String, String> env, String name) {
        String raw = env.get(name);
        return raw == null || raw.isBlank() ? null : raw.strip();
    }
}
