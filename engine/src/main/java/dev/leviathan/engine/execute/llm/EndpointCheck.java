package dev.leviathan.engine.execute.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leviathan.engine.event.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks an OpenAI-compatible endpoint which models it serves ({@code GET <base>/models}), without
 * spending a completion: whether it answers, accepts the key, and lists the model the settings
 * name. What the Settings screen's Test endpoint shows. The key goes only into the Authorization
 * header and never into the message, even when the endpoint echoes it back.
 */
public final class EndpointCheck {

    /** What the check found, in a sentence for the operator. */
    public record Result(boolean works, String message) {
    }

    /** The most of a reply that is read: a model list is small. */
    static final int MAX_REPLY_BYTES = 1024 * 1024;
    private static final int MODELS_NAMED = 8;

    private EndpointCheck() {
    }

    public static Result check(LlmSettings settings, Duration timeout) {
        KeyRedactor redactor = new KeyRedactor(settings.apiKey());
        URI models = modelsUri(settings.baseUrl());
        HttpRequest request = HttpRequest.newBuilder(models).timeout(timeout).GET()
                .header("Authorization", "Bearer " + settings.apiKey().reveal())
                .header("Accept", "application/json").build();
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(MAX_REPLY_BYTES), StandardCharsets.UTF_8);
            }
            return judge(settings, models, response.statusCode(), redactor.redact(body));
        } catch (IOException e) {
            return new Result(false, "cannot reach " + models + ": " + redactor.redact(describe(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "the check of " + models + " was interrupted");
        } finally {
            client.close();
        }
    }

    private static Result judge(LlmSettings settings, URI models, int status, String body) {
        if (status == 401 || status == 403) {
            return new Result(false, models + " refused the key from " + settings.keySource() + " (HTTP " + status
                    + "): check that it is the endpoint's key");
        }
        if (status != 200) {
            return new Result(false, models + " answered HTTP " + status + excerpt(body));
        }
        List<String> ids = new ArrayList<>();
        try {
            for (JsonNode model : Json.MAPPER.readTree(body).path("data")) {
                if (model.hasNonNull("id")) {
                    ids.add(model.path("id").asText());
                }
            }
        } catch (IOException e) {
            return new Result(false, models + " answered, but not with a model list (not JSON)" + excerpt(body));
        }
        if (ids.contains(settings.model())) {
            return new Result(true, "the endpoint answers and serves " + settings.model() + " (" + ids.size()
                    + (ids.size() == 1 ? " model" : " models") + " listed)");
        }
        if (ids.isEmpty()) {
            // Some servers answer the list empty or leave it out; the completion may still work.
            return new Result(true, "the endpoint answers and accepts the key, but lists no models, so "
                    + settings.model() + " could not be checked");
        }
        String named = String.join(", ", ids.subList(0, Math.min(MODELS_NAMED, ids.size())))
                + (ids.size() > MODELS_NAMED ? " and " + (ids.size() - MODELS_NAMED) + " more" : "");
        return new Result(false, "the endpoint answers, but does not serve " + settings.model() + "; it lists "
                + named);
    }

    /** {@code https://host/v1} → {@code https://host/v1/models}, with or without a trailing slash. */
    static URI modelsUri(URI base) {
        String text = base.toString();
        return URI.create(text.endsWith("/") ? text + "models" : text + "/models");
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        if (e instanceof java.net.ConnectException || kind.equals("ConnectException")) {
            return "connection refused" + (message == null || message.isBlank() ? "" : " (" + message + ")");
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer in time";
        }
        return message == null || message.isBlank() ? kind : message;
    }

    private static String excerpt(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.isEmpty() ? "" : ": " + (flat.length() > 200 ? flat.substring(0, 200) + "…" : flat);
    }
}
