package dev.leviathan.console.attempts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.leviathan.engine.Engine;
import dev.leviathan.engine.dispatch.AttemptLogs;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.execute.forge.ForgeException;
import dev.leviathan.engine.execute.forge.PullRequest;
import dev.leviathan.engine.graph.AttemptView;
import dev.leviathan.engine.graph.GraphProjection;
import dev.leviathan.engine.graph.NodeView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads one attempt in full from the engine: the graph gives the seqs of its events, the store the
 * events, the artifact store its log and artifacts, the forge its pull request and diff. Runs on
 * a background thread only.
 */
final class AttemptDetails {

    /** Characters of an artifact shown; beyond this the view says it was cut. */
    static final int MAX_ARTIFACT_CHARS = 4 * 1024 * 1024;
    private static final int MAX_SUMMARY = 240;
    private static final Set<String> IDS = Set.of("target_id", "attempt_id", "task_id");

    private final Engine engine;
    private final ZoneId zone;

    AttemptDetails(Engine engine, ZoneId zone) {
        this.engine = engine;
        this.zone = zone;
    }

    AttemptDetail load(String attemptId) {
        GraphProjection graph = engine.graph().projection();
        AttemptView attempt = graph.attempt(attemptId).orElseThrow(() -> new NoSuchElementException(
                "no attempt '" + attemptId + "'; see: leviathanctl attempts list"));
        NodeView node = graph.node("attempt:" + attemptId).orElseThrow();
        List<StoredEvent> events = new ArrayList<>(engine.store().readSeqs(node.eventSeqs()));
        events.sort(Comparator.comparingLong(StoredEvent::seq));

        List<AttemptDetail.TimelineEntry> timeline = new ArrayList<>();
        List<AttemptDetail.ArtifactEntry> artifacts = new ArrayList<>();
        StoredEvent succeeded = null;
        StoredEvent failed = null;
        boolean invalidated = false;
        String prId = null;
        for (StoredEvent event : events) {
            JsonNode payload = event.payload().json();
            timeline.add(new AttemptDetail.TimelineEntry(event.seq(), AttemptRow.time(event.envelope().timestamp(),
                    zone), event.eventType(), event.envelope().actorId() == null ? "—" : event.envelope().actorId(),
                    summary(payload)));
            switch (event.eventType()) {
                case "attempt.succeeded" -> succeeded = event;
                case "attempt.failed" -> failed = event;
                case "attempt.invalidated" -> invalidated = true;
                case "artifact.created" -> artifacts.add(new AttemptDetail.ArtifactEntry(
                        payload.path("name").asText("artifact"), payload.path("media_type").asText("unknown type"),
                        payload.path("sha256").asText(), payload.path("size_bytes").asLong()));
                default -> {
                }
            }
            if (prId == null && payload.hasNonNull("pr_id")
                    && (event.eventType().equals("attempt.succeeded") || event.eventType().startsWith("pr."))) {
                prId = payload.path("pr_id").asText();
            }
        }

        StoredEvent terminal = succeeded != null ? succeeded : failed;
        String logSource;
        List<String> log;
        long logFollowFrom = -1;
        String logSha = terminal == null ? "" : terminal.payload().json().path("log_sha256").asText("");
        Path processLog = engine.home().root().resolve("logs").resolve("workers").resolve(attemptId + ".log");
        if (!logSha.isEmpty() && engine.artifacts().contains(logSha)) {
            logSource = "attempt.log, the worker's log with secrets redacted · artifact sha256 " + logSha;
            log = lines(new String(engine.artifacts().read(logSha), StandardCharsets.UTF_8));
        } else if (terminal == null || Files.isRegularFile(engine.home().attemptLogFile(attemptId))) {
            // Not ended: what the worker has written so far (nothing when it has not started), then
            // followed from where this read stopped, so lines written later arrive without an event.
            // Ended without a stored log: the lines it wrote as it went.
            List<String> sofar = new ArrayList<>();
            AttemptLogs logs = engine.attemptLogs();
            long at = 0;
            AttemptLogs.Chunk chunk;
            do {
                chunk = logs.read(attemptId, at);
                sofar.addAll(chunk.lines());
                at = chunk.next();
            } while (!chunk.lines().isEmpty());
            logSource = (terminal == null ? "following the worker's log as it writes it (secrets redacted) · "
                    : "the worker's log as it wrote it (secrets redacted) · ")
                    + engine.home().attemptLogFile(attemptId);
            log = sofar;
            logFollowFrom = terminal == null ? at : -1;
        } else if (Files.isRegularFile(processLog)) {
            logSource = "worker process output · " + processLog;
            log = lines(read(processLog));
        } else {
            logSource = "no log was stored for this attempt";
            log = List.of();
        }

        AttemptDetail.PullRequestInfo pullRequest = null;
        DiffLine.Parsed diff = new DiffLine.Parsed(List.of(), List.of());
        boolean prOpen = false;
        if (prId != null) {
            PullRequest pr = engine.forge().find(prId);
            prOpen = pr.state() == PullRequest.State.OPEN;
            pullRequest = new AttemptDetail.PullRequestInfo(pr.id(), pr.state().wire(), pr.title(), pr.branch(),
                    pr.baseBranch(), pr.baseCommit(), pr.headCommit(), pr.mergeCommit(), pr.closedReason());
            try {
                diff = DiffLine.parse(engine.forge().diff(prId));
            } catch (ForgeException e) {
                diff = new DiffLine.Parsed(List.of(new DiffLine(DiffLine.Kind.META,
                        "cannot show the diff: " + e.getMessage())), List.of());
            }
        }

        List<AttemptDetail.FileVerdict> files = new ArrayList<>();
        String scopeSummary = scope(succeeded, failed, diff, files);
        AttemptDetail.Actions actions = new AttemptDetail.Actions(prOpen, prOpen, !invalidated,
                failed != null && succeeded == null);
        return new AttemptDetail(attempt.attemptId(), attempt.targetId(), attempt.taskId(), attempt.status(),
                attempt.reason(), List.copyOf(timeline), logSource, log, List.copyOf(artifacts), pullRequest,
                List.copyOf(files), scopeSummary, diff, actions, attempt.lastSeq(), logFollowFrom);
    }

    /**
     * The scope guard's verdict as the attempt's terminal event records it: the changes it allowed
     * (and the worker committed) or the violations it refused. Nothing is judged again here.
     */
    private static String scope(StoredEvent succeeded, StoredEvent failed, DiffLine.Parsed diff,
            List<AttemptDetail.FileVerdict> files) {
        Map<String, Integer> lineOf = new HashMap<>();
        diff.files().forEach(file -> lineOf.putIfAbsent(file.path(), file.line()));
        if (succeeded != null) {
            // The worker records ScopePayload.changes under "changes": {changes: [...], change_count: n}.
            JsonNode payload = succeeded.payload().json().path("changes");
            Set<String> listed = new LinkedHashSet<>();
            for (JsonNode change : payload.path("changes")) {
                String path = change.path("path").asText();
                String kind = change.path("kind").asText("changed");
                String from = change.hasNonNull("old_path") ? " from " + change.path("old_path").asText() : "";
                listed.add(path);
                files.add(new AttemptDetail.FileVerdict(path, true, "allowed · " + kind + from,
                        lineOf.getOrDefault(path, -1)));
            }
            for (DiffLine.FileStart file : diff.files()) {
                if (!listed.contains(file.path())) {
                    // The event lists changes only up to its size budget; the rest were committed too.
                    files.add(new AttemptDetail.FileVerdict(file.path(), true,
                            "allowed · not listed in the event (list truncated)", file.line()));
                }
            }
            int count = payload.path("change_count").asInt(files.size());
            return "Scope guard: " + count + (count == 1 ? " file" : " files")
                    + " allowed; the worker committed exactly these.";
        }
        if (failed != null && failed.payload().json().has("violations")) {
            JsonNode payload = failed.payload().json();
            for (JsonNode violation : payload.path("violations")) {
                files.add(new AttemptDetail.FileVerdict(violation.path("path").asText(), false, "refused · "
                        + violation.path("rule").asText() + ": " + violation.path("message").asText(), -1));
            }
            int count = payload.path("violation_count").asInt(files.size());
            return "Scope guard: refused, " + count + (count == 1 ? " violation" : " violations")
                    + "; nothing was pushed and no pull request was opened.";
        }
        if (failed != null) {
            return "No pull request: the attempt failed before the scope guard judged a change.";
        }
        return "No pull request yet: the worker opens one when the attempt succeeds.";
    }

    /** An artifact's content as lines; JSON pretty-printed, binary content described. */
    List<String> artifactContent(AttemptDetail.ArtifactEntry artifact) {
        if (!engine.artifacts().contains(artifact.sha256())) {
            return List.of("artifact " + artifact.sha256() + " is not in " + engine.artifacts().root());
        }
        byte[] bytes = engine.artifacts().read(artifact.sha256());
        return render(artifact, bytes, engine.artifacts().path(artifact.sha256()).orElseThrow().toString());
    }

    /** Text as lines; JSON (by media type, name or first character) pretty-printed; binary described. */
    static List<String> render(AttemptDetail.ArtifactEntry artifact, byte[] bytes, String where) {
        for (int i = 0; i < Math.min(bytes.length, 8_000); i++) {
            if (bytes[i] == 0) {
                return List.of("binary content, " + bytes.length + " bytes, at " + where);
            }
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        String stripped = text.strip();
        if (artifact.mediaType().contains("json") || artifact.name().endsWith(".json") || stripped.startsWith("{")
                || stripped.startsWith("[")) {
            try {
                JsonNode json = Json.MAPPER.readTree(text);
                if (json != null && json.isContainerNode()) {
                    text = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json);
                }
            } catch (JsonProcessingException e) {
                // Not JSON after all (a diff may start with '['): shown as stored.
            }
        }
        if (text.length() > MAX_ARTIFACT_CHARS) {
            List<String> cut = new ArrayList<>(lines(text.substring(0, MAX_ARTIFACT_CHARS)));
            cut.add("[cut at " + MAX_ARTIFACT_CHARS + " characters of " + text.length() + "]");
            return cut;
        }
        return lines(text);
    }

    /** The payload without the ids every attempt event repeats, compact and cut short. */
    static String summary(JsonNode payload) {
        StringBuilder out = new StringBuilder();
        Iterator<Map.Entry<String, JsonNode>> fields = payload.fields();
        while (fields.hasNext() && out.length() < MAX_SUMMARY) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (IDS.contains(field.getKey())) {
                continue;
            }
            JsonNode value = field.getValue();
            String shown = value.isTextual() ? value.asText().replaceAll("\\s+", " ")
                    : value.isArray() ? "[" + value.size() + (value.size() == 1 ? " item]" : " items]")
                    : value.toString();
            if (!out.isEmpty()) {
                out.append("  ");
            }
            out.append(field.getKey()).append('=').append(shown);
        }
        return out.length() > MAX_SUMMARY ? out.substring(0, MAX_SUMMARY) + "…" : out.toString();
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return List.of(body.split("\n", -1));
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
