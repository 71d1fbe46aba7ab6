package dev.leviathan.engine.execute.llm;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the one JSON object in a model's reply. A reply that is the object is read as it is; a
 * reply with prose or Markdown fences around exactly one object gives that object; anything else
 * (no object, several, one cut off, malformed) is a problem in words the model can act on.
 * Linear in the reply's length: objects are delimited by one string-aware brace scan and each
 * candidate is parsed once.
 */
final class ReplyReader {

    /** Duplicate member names are ambiguous, so refused; raw line breaks inside strings are what the model meant. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final int MAX_CANDIDATES = 100;
    private static final int EXCERPT_CHARS = 120;

    sealed interface Read {
    }

    record Found(JsonNode object) implements Read {
    }

    record Unusable(String problem) implements Read {
    }

    private record Span(int start, int end) {
    }

    private ReplyReader() {
    }

    static Read read(String reply) {
        String text = reply.startsWith("\uFEFF") ? reply.substring(1) : reply;
        if (text.isBlank()) {
            return new Unusable("the reply is empty");
        }
        String stripped = text.strip();
        JsonProcessingException wholeError = null;
        if (stripped.startsWith("{") || stripped.startsWith("[")) {
            try {
                JsonNode node = MAPPER.readTree(stripped);
                if (node != null && node.isObject()) {
                    return new Found(node);
                }
                if (node != null) {
                    // Valid JSON of the wrong kind: an object inside it is not the reply.
                    return new Unusable("the reply is a JSON " + (node.isArray() ? "array" : "value")
                            + ", not an object; send {\"edits\": [...], \"summary\": \"...\"}");
                }
            } catch (JsonProcessingException e) {
                wholeError = e;
            }
        }
        List<Span> spans = new ArrayList<>();
        int unclosed = scan(text, spans);
        List<JsonNode> objects = new ArrayList<>();
        JsonProcessingException firstError = null;
        for (Span span : spans.subList(0, Math.min(spans.size(), MAX_CANDIDATES))) {
            try {
                JsonNode node = MAPPER.readTree(text.substring(span.start, span.end));
                if (node != null && node.isObject()) {
                    objects.add(node);
                }
            } catch (JsonProcessingException e) {
                if (firstError == null) {
                    firstError = e;
                }
            }
        }
        if (objects.size() == 1) {
            return new Found(objects.get(0));
        }
        if (objects.size() > 1) {
            return new Unusable("the reply holds " + objects.size() + " JSON objects; send exactly one");
        }
        if (firstError == null && unclosed >= 0) {
            return new Unusable("the reply's JSON object is cut off: it never reaches its closing '}'");
        }
        JsonProcessingException error = wholeError != null ? wholeError : firstError;
        if (error != null) {
            return new Unusable("the reply is not valid JSON: " + describe(error));
        }
        return new Unusable("the reply holds no JSON object; it begins: \""
                + Printable.oneLine(text, EXCERPT_CHARS) + "\"");
    }

    /**
     * Adds every balanced top-level {@code {...}} that starts like a JSON object ({@code {"} or
     * {@code {}}, so prose such as "{placeholder}" is passed over); braces inside JSON strings do
     * not count. Returns where an object that never closes starts, or -1.
     */
    private static int scan(String text, List<Span> spans) {
        int depth = 0;
        int start = -1;
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (depth == 0) {
                if (c == '{' && startsObject(text, i)) {
                    start = i;
                    depth = 1;
                }
                continue;
            }
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    spans.add(new Span(start, i + 1));
                }
            }
        }
        return depth > 0 ? start : -1;
    }

    private static boolean startsObject(String text, int brace) {
        for (int i = brace + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '"' || c == '}';
            }
        }
        return true;
    }

    private static String describe(JsonProcessingException e) {
        String message = Printable.oneLine(e.getOriginalMessage() == null ? "malformed" : e.getOriginalMessage(), 200);
        JsonLocation where = e.getLocation();
        if (where == null || where.getLineNr() < 1) {
            return message;
        }
        return message + " (line " + where.getLineNr() + ", column " + where.getColumnNr() + " of the JSON)";
    }
}
