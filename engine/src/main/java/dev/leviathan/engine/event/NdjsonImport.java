package dev.leviathan.engine.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Imports NDJSON written by {@link NdjsonExport} or by the public Python Leviathan
 * ({@code ~/.leviathan/graph/events.ndjson}: event_id, event_type, timestamp, actor_id?, payload,
 * prev_hash, hash; no target_id, so it is taken from {@code payload.target_id}).
 *
 * <p>The file is read twice: first every line is checked (JSON, fields, timestamps, repeated ids,
 * the source's own hash chain) and every problem is reported with its line number; only a file
 * without problems is then appended, in bundles, re-chained in this store. Events already stored
 * identically are skipped, so an import can be repeated or resumed.
 */
public final class NdjsonImport {

    /** The shape the file was recognised as. */
    public enum Format {
        LEVIATHAN, PYTHON_LEVIATHAN, EMPTY
    }

    public record LineProblem(long line, String message) {

        public String render(Path file) {
            return file + ":" + line + ": " + message;
        }
    }

    /**
     * @param sourceChainIntact whether the file's own prev_hash/hash chain checked out
     */
    public record Report(Format format, long lines, long imported, long duplicates, boolean sourceChainIntact,
            List<LineProblem> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private static final int BUNDLE = 1_000;
    private static final int MAX_PROBLEMS = 200;

    private final EventStore store;

    public NdjsonImport(EventStore store) {
        this.store = store;
    }

    /** Checks the whole file; appends nothing when any line is bad. */
    public Report importFile(Path file) {
        Checked checked = check(file);
        if (!checked.problems().isEmpty()) {
            return new Report(checked.format(), checked.lines(), 0, 0, checked.chainIntact(), checked.problems());
        }
        long[] imported = {0};
        long[] duplicates = {0};
        List<EventEnvelope> bundle = new ArrayList<>(BUNDLE);
        forEachLine(file, (lineNumber, text) -> {
            bundle.add(toEnvelope(parse(text)));
            if (bundle.size() == BUNDLE) {
                AppendResult result = store.append(bundle);
                imported[0] += result.appended().size();
                duplicates[0] += result.duplicates();
                bundle.clear();
            }
        });
        if (!bundle.isEmpty()) {
            AppendResult result = store.append(bundle);
            imported[0] += result.appended().size();
            duplicates[0] += result.duplicates();
        }
        return new Report(checked.format(), checked.lines(), imported[0], duplicates[0], checked.chainIntact(),
                List.of());
    }

    private record Checked(Format format, long lines, boolean chainIntact, List<LineProblem> problems) {
    }

    private Checked check(Path file) {
        List<LineProblem> problems = new ArrayList<>();
        Map<String, String> contentById = new HashMap<>();
        Format[] format = {Format.EMPTY};
        long[] lines = {0};
        String[] previousHash = {null};
        boolean[] chainIntact = {true};
        boolean[] first = {true};
        // After a line that cannot be read, the next line's link cannot be judged: one problem
        // per line, no cascade.
        boolean[] previousKnown = {false};
        forEachLine(file, (lineNumber, text) -> {
            lines[0]++;
            if (problems.size() >= MAX_PROBLEMS) {
                return;
            }
            ObjectNode node;
            try {
                node = parse(text);
            } catch (IllegalArgumentException e) {
                problems.add(new LineProblem(lineNumber, e.getMessage()));
                chainIntact[0] = false;
                previousKnown[0] = false;
                first[0] = false;
                return;
            }
            String hash = node.path("hash").isTextual() ? node.get("hash").asText() : null;
            boolean linkCheckable = previousKnown[0] || first[0];
            first[0] = false;
            previousKnown[0] = true;
            String expectedPrevious = previousHash[0];
            previousHash[0] = hash;
            Format lineFormat = node.has("seq") || node.has("target_id") ? Format.LEVIATHAN : Format.PYTHON_LEVIATHAN;
            if (format[0] == Format.EMPTY) {
                format[0] = lineFormat;
            } else if (format[0] != lineFormat) {
                problems.add(new LineProblem(lineNumber, "this line is in the " + name(lineFormat)
                        + " format but the file started in the " + name(format[0]) + " format"));
                return;
            }
            EventEnvelope envelope;
            try {
                envelope = toEnvelope(node);
            } catch (InvalidEventException e) {
                problems.add(new LineProblem(lineNumber, e.getMessage()));
                chainIntact[0] = false;
                return;
            }
            String content = envelope.eventType() + '\u0000' + envelope.timestamp() + '\u0000' + envelope.actorId()
                    + '\u0000' + envelope.targetId() + '\u0000' + envelope.payload().canonical();
            String earlier = contentById.putIfAbsent(envelope.eventId(), content);
            if (earlier != null && !earlier.equals(content)) {
                problems.add(new LineProblem(lineNumber, "event_id " + envelope.eventId()
                        + " appears earlier in the file with different content"));
                return;
            }
            String chainProblem = checkChainLink(node, lineFormat, expectedPrevious, !linkCheckable);
            if (chainProblem != null) {
                chainIntact[0] = false;
                problems.add(new LineProblem(lineNumber, chainProblem));
            }
        });
        return new Checked(format[0], lines[0], chainIntact[0] && lines[0] > 0, problems);
    }

    /** The file's own chain: each line's hash covers its content, and links to the line before. */
    private static String checkChainLink(ObjectNode node, Format format, String previousHash, boolean skipLink) {
        if (!node.path("hash").isTextual()) {
            return "the line has no hash: the source chain cannot be checked";
        }
        String prev = node.path("prev_hash").isTextual() ? node.get("prev_hash").asText() : null;
        if (!skipLink && !Objects.equals(prev, previousHash)) {
            return "prev_hash " + abbreviate(prev) + " does not match the hash " + abbreviate(previousHash)
                    + " of the line before: lines were removed, reordered or inserted";
        }
        String expected;
        if (format == Format.PYTHON_LEVIATHAN) {
            ObjectNode withoutHash = node.deepCopy();
            withoutHash.remove("hash");
            expected = PythonEventHash.of(withoutHash);
        } else {
            ObjectNode envelope = Json.object();
            envelope.set("actor_id", node.path("actor_id").isMissingNode() ? Json.object().nullNode() : node.get("actor_id"));
            envelope.set("event_id", node.get("event_id"));
            envelope.set("event_type", node.get("event_type"));
            envelope.set("payload", node.get("payload"));
            envelope.set("prev_hash", node.path("prev_hash").isMissingNode() ? Json.object().nullNode() : node.get("prev_hash"));
            envelope.set("target_id", node.path("target_id").isMissingNode() ? Json.object().nullNode() : node.get("target_id"));
            envelope.set("timestamp", node.get("timestamp"));
            try {
                expected = sha256(CanonicalJson.write(envelope));
            } catch (IllegalArgumentException e) {
                return "the line cannot be canonicalised: " + e.getMessage();
            }
        }
        if (!expected.equals(node.get("hash").asText())) {
            return "hash " + abbreviate(node.get("hash").asText()) + " does not match the line's content ("
                    + abbreviate(expected) + "): the line was edited";
        }
        return null;
    }

    private static ObjectNode parse(String text) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            int cut = message.indexOf('\n');
            // Jackson appends where it was in the source; the line number already says that.
            throw new IllegalArgumentException("not valid JSON: " + (cut < 0 ? message : message.substring(0, cut))
                    .replaceAll("\\s*\\(start marker at \\[Source:.*$", "")
                    .replaceAll("\\s*at \\[Source:.*$", "").strip());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object (one event per line)");
        }
        return (ObjectNode) node;
    }

    private static EventEnvelope toEnvelope(ObjectNode node) {
        String eventId = requiredText(node, "event_id");
        String type = requiredText(node, "event_type");
        String timestamp = requiredText(node, "timestamp");
        JsonNode payload = node.get("payload");
        if (payload == null || payload.isNull()) {
            payload = Json.object();
        }
        if (!payload.isObject()) {
            throw new InvalidEventException("payload must be a JSON object");
        }
        String target = optionalText(node, "target_id");
        if (target == null && payload.path("target_id").isTextual()) {
            target = payload.get("target_id").asText();
        }
        return new EventEnvelope(eventId, type, timestamp, optionalText(node, "actor_id"), target,
                Payload.of(payload));
    }

    private static String requiredText(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidEventException("missing field " + field);
        }
        if (!value.isTextual()) {
            throw new InvalidEventException("field " + field + " must be a string");
        }
        return value.asText();
    }

    private static String optionalText(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidEventException("field " + field + " must be a string or null");
        }
        return value.asText();
    }

    private interface LineHandler {
        void accept(long lineNumber, String text);
    }

    private static void forEachLine(Path file, LineHandler handler) {
        try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder()))) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    handler.accept(number, line);
                }
            }
        } catch (CharacterCodingException e) {
            throw new UncheckedIOException(file + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String name(Format format) {
        return format == Format.PYTHON_LEVIATHAN ? "Python Leviathan" : "Leviathan export";
    }

    private static String abbreviate(String hash) {
        return hash == null ? "null" : hash.substring(0, Math.min(12, hash.length()));
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
