package dev.leviathan.engine.bootstrap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.artifact.ArtifactRef;
import dev.leviathan.engine.event.EventEnvelope;
import dev.leviathan.engine.event.EventType;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.Payload;

/**
 * The fact events of one bootstrapped commit (DESIGN.md §Bootstrap), all stamped per
 * {@link FactContext}. Payload fields are snake_case; every fact names its target, commit and
 * the extractor (and version) that made it.
 */
final class FactEvents {

    static final String CLASSIFY = "classify";
    static final String CI = "ci";

    private final FactContext context;

    FactEvents(FactContext context) {
        this.context = context;
    }

    String commit() {
        return context.commit();
    }

    EventEnvelope fileDiscovered(ScannedFile file) {
        return event(EventType.FILE_DISCOVERED, file.path(), CLASSIFY, filePayload(file));
    }

    EventEnvelope fileChanged(ScannedFile file, PreviousFile previous) {
        ObjectNode payload = filePayload(file);
        payload.put("previous_commit", previous.commit());
        payload.put("previous_sha256", previous.sha256());
        return event(EventType.FILE_CHANGED, file.path(), CLASSIFY, payload);
    }

    EventEnvelope fileRemoved(PreviousFile previous) {
        ObjectNode payload = base(CLASSIFY);
        payload.put("path", previous.path());
        payload.put("previous_commit", previous.commit());
        payload.put("previous_sha256", previous.sha256());
        return event(EventType.FILE_REMOVED, previous.path(), CLASSIFY, payload);
    }

    EventEnvelope docDiscovered(ScannedFile file) {
        ObjectNode payload = base(CLASSIFY);
        payload.put("path", file.path());
        payload.put("title", file.docTitle());
        payload.put("file_type", file.fileType());
        payload.put("sha256", file.sha256());
        return event(EventType.DOC_DISCOVERED, file.path(), CLASSIFY, payload);
    }

    EventEnvelope docRemoved(String path) {
        ObjectNode payload = base(CLASSIFY);
        payload.put("path", path);
        return event(EventType.DOC_REMOVED, path, CLASSIFY, payload);
    }

    EventEnvelope workflowDiscovered(ScannedFile file) {
        ObjectNode payload = base(CI);
        payload.put("path", file.path());
        payload.put("sha256", file.sha256());
        payload.setAll(file.workflow());
        // The fact's own fields win over anything the CI payload happened to name the same.
        payload.put("path", file.path());
        payload.put("target_id", context.targetId());
        payload.put("commit", context.commit());
        return event(EventType.WORKFLOW_DISCOVERED, file.path(), CI, payload);
    }

    EventEnvelope workflowRemoved(String path) {
        ObjectNode payload = base(CI);
        payload.put("path", path);
        return event(EventType.WORKFLOW_REMOVED, path, CI, payload);
    }

    EventEnvelope routeDiscovered(RouteFact route) {
        return routeEvent(EventType.API_ROUTE_DISCOVERED, route);
    }

    EventEnvelope routeRemoved(RouteFact route) {
        return routeEvent(EventType.API_ROUTE_REMOVED, route);
    }

    private EventEnvelope routeEvent(EventType type, RouteFact route) {
        ObjectNode payload = Json.object();
        payload.put("target_id", context.targetId());
        payload.put("commit", context.commit());
        payload.setAll(route.toJson());
        return EventEnvelope.of(FactIds.of(type.wire(), context.targetId(), context.commit(), route.key(),
                route.extractor()), type.wire(), context.committedAt(), FactContext.ACTOR, context.targetId(),
                Payload.of(payload));
    }

    EventEnvelope repoIndexed(BootstrapCounts counts) {
        ObjectNode payload = Json.object();
        payload.put("target_id", context.targetId());
        payload.put("commit", context.commit());
        payload.set("extractors", Json.MAPPER.valueToTree(context.extractors()));
        payload.set("counts", counts.toJson());
        return EventEnvelope.of(FactIds.of(EventType.REPO_INDEXED.wire(), context.targetId(), context.commit(), "",
                extractorsKey()), EventType.REPO_INDEXED.wire(), context.committedAt(), FactContext.ACTOR,
                context.targetId(), Payload.of(payload));
    }

    EventEnvelope artifactCreated(String name, ArtifactRef ref, String mediaType) {
        ObjectNode payload = Json.object();
        payload.put("target_id", context.targetId());
        payload.put("commit", context.commit());
        payload.put("name", name);
        payload.put("kind", "bootstrap");
        payload.put("sha256", ref.sha256());
        payload.put("size_bytes", ref.size());
        payload.put("media_type", mediaType);
        return EventEnvelope.of(FactIds.of(EventType.ARTIFACT_CREATED.wire(), context.targetId(), context.commit(),
                name + "\0" + ref.sha256(), extractorsKey()), EventType.ARTIFACT_CREATED.wire(),
                context.committedAt(), FactContext.ACTOR, context.targetId(), Payload.of(payload));
    }

    /** Every extractor and its version, as one key: {@code ci/1,classify/1,python/1}. */
    String extractorsKey() {
        StringBuilder key = new StringBuilder();
        context.extractors().forEach((name, version) -> key.append(key.isEmpty() ? "" : ",").append(name).append('/')
                .append(version));
        return key.toString();
    }

    private ObjectNode filePayload(ScannedFile file) {
        ObjectNode payload = base(CLASSIFY);
        payload.put("path", file.path());
        payload.put("mode", file.entry().mode().wire());
        payload.put("git_object", file.entry().objectId().name());
        if (file.sha256() != null) {
            payload.put("sha256", file.sha256());
        }
        payload.put("size_bytes", file.size());
        payload.put("file_type", file.fileType());
        if (file.language() != null) {
            payload.put("language", file.language());
        }
        payload.put("category", file.category());
        payload.put("binary", file.binary());
        return payload;
    }

    private ObjectNode base(String extractor) {
        ObjectNode payload = Json.object();
        payload.put("target_id", context.targetId());
        payload.put("commit", context.commit());
        payload.put("extractor", extractor + "/" + context.version(extractor));
        return payload;
    }

    private EventEnvelope event(EventType type, String path, String extractor, ObjectNode payload) {
        String version = extractor + "/" + context.version(extractor);
        return EventEnvelope.of(FactIds.of(type.wire(), context.targetId(), context.commit(), path, version),
                type.wire(), context.committedAt(), FactContext.ACTOR, context.targetId(), Payload.of(payload));
    }

    /** A path as the commit before had it, for changed and removed files. */
    record PreviousFile(String path, String commit, String sha256) {
    }
}
