package dev.leviathan.engine.graph;

import dev.leviathan.engine.event.EventType;
import dev.leviathan.engine.event.StoredEvent;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Turns one event into graph changes. Payload field names follow our events and, where they
 * differ, the public Python Leviathan's (file_path, doc_title, source_file, …), so an imported
 * {@code events.ndjson} projects too. An event kind with no node of its own (schedule decisions,
 * autonomy switches, kinds we do not know) is recorded on its target's node by the caller.
 */
final class Projector {

    private final GraphProjection graph;

    Projector(GraphProjection graph) {
        this.graph = graph;
    }

    static String targetNodeId(String targetId) {
        return "target:" + targetId;
    }

    static String attemptNodeId(String attemptId) {
        return "attempt:" + attemptId;
    }

    /** Applies the event; false when it made no node of its own. */
    boolean project(StoredEvent event, PayloadFields payload) {
        String target = event.targetId() != null ? event.targetId() : payload.get("target_id");
        Optional<EventType> known = EventType.ofWire(event.eventType());
        if (known.isPresent() && known.get() == EventType.TARGET_REGISTERED) {
            NodeRecord node = graph.touch(NodeType.TARGET, targetNodeId(target), target, target, event.seq());
            copyScalars(payload, node);
            return true;
        }
        if (target != null && !graph.has(targetNodeId(target))) {
            // Facts may arrive before (or without) their target's registration, as in an import.
            graph.touch(NodeType.TARGET, targetNodeId(target), target, target, event.seq());
        }
        if (known.isEmpty()) {
            return projectForeign(event, payload, target);
        }
        return switch (known.get()) {
            case TARGET_REGISTERED -> true;
            case BOOTSTRAP_STARTED, BOOTSTRAP_COMPLETED, BOOTSTRAP_FAILED, REPO_INDEXED ->
                    commit(event, payload, target);
            case FILE_DISCOVERED, FILE_CHANGED, FILE_REMOVED ->
                    fact(NodeType.FILE, "file", event, payload, target, first(payload, "path", "file_path"), null);
            case DOC_DISCOVERED, DOC_REMOVED ->
                    fact(NodeType.DOC, "doc", event, payload, target, first(payload, "path", "doc_path"),
                            first(payload, "title", "doc_title"));
            case WORKFLOW_DISCOVERED, WORKFLOW_REMOVED ->
                    fact(NodeType.WORKFLOW, "workflow", event, payload, target,
                            first(payload, "path", "workflow_path"),
                            first(payload, "name", "workflow_name", "display_name"));
            case API_ROUTE_DISCOVERED, API_ROUTE_REMOVED -> route(event, payload, target);
            case ARTIFACT_CREATED -> artifact(event, payload, target);
            case TASK_APPROVED, TASK_APPROVAL_REVOKED -> approval(event, payload, target);
            case ATTEMPT_CREATED, ATTEMPT_STARTED, ATTEMPT_SUCCEEDED, ATTEMPT_FAILED, ATTEMPT_INVALIDATED ->
                    attempt(event, payload, target);
            case PR_CREATED, PR_MERGED, PR_CLOSED -> pullRequest(event, payload, target);
            case JOB_SUBMITTED, JOB_RUNNING, JOB_SUCCEEDED, JOB_FAILED -> job(event, payload, target);
            // Decisions and switches belong to their target; the caller records them there.
            case SCHEDULE_DECIDED, AUTONOMY_ENABLED, AUTONOMY_DISABLED, CIRCUIT_OPENED, CIRCUIT_RESET -> false;
        };
    }

    /** Kinds Leviathan does not write, such as the Python tool's task.created, by family. */
    private boolean projectForeign(StoredEvent event, PayloadFields payload, String target) {
        String type = event.eventType();
        if (type.startsWith("task.")) {
            return task(event, payload, target);
        }
        if (type.startsWith("attempt.")) {
            return attempt(event, payload, target);
        }
        if (type.startsWith("pr.")) {
            return pullRequest(event, payload, target);
        }
        if (type.startsWith("job.")) {
            return job(event, payload, target);
        }
        if (type.startsWith("bootstrap.")) {
            return commit(event, payload, target);
        }
        return false;
    }

    private boolean commit(StoredEvent event, PayloadFields payload, String target) {
        String sha = first(payload, "commit", "commit_sha");
        if (sha == null || target == null) {
            return false;
        }
        NodeRecord node = graph.touch(NodeType.COMMIT, commitId(target, sha), target, shortSha(sha), event.seq());
        node.put("commit", sha);
        String phase = event.eventType().substring(event.eventType().indexOf('.') + 1);
        if (event.eventType().startsWith("bootstrap.")) {
            node.put("bootstrap", phase);
        }
        copyScalars(payload, node);
        if (event.eventType().equals(EventType.BOOTSTRAP_COMPLETED.wire())) {
            graph.bootstrapped(target, sha, first(payload, "base_commit"));
        }
        graph.link(EdgeType.CONTAINS, targetNodeId(target), node.id);
        return true;
    }

    private boolean fact(NodeType type, String prefix, StoredEvent event, PayloadFields payload, String target,
            String path, String label) {
        if (path == null || target == null) {
            return false;
        }
        NodeRecord node = graph.touch(type, prefix + ":" + target + ":" + path, target, label != null ? label : path,
                event.seq());
        if (label != null) {
            node.label = label;
        }
        copyScalars(payload, node);
        node.put("path", path);
        node.put("removed", Boolean.toString(isRemoval(event)));
        pinToCommit(node, payload, target, event);
        return true;
    }

    private static boolean isRemoval(StoredEvent event) {
        return event.eventType().endsWith(".removed");
    }

    private boolean route(StoredEvent event, PayloadFields payload, String target) {
        String method = first(payload, "method");
        String path = first(payload, "path", "route");
        String file = first(payload, "file", "source_file");
        if (target == null || path == null) {
            return false;
        }
        String label = (method == null ? "" : method.toUpperCase(java.util.Locale.ROOT) + " ") + path;
        // Two routes may share method, path, file and line and differ in what was not known
        // (`Group(conf.BaseUri(A))` and `Group(conf.BaseUri(B))` mounting one function) or in the
        // handler (two includes on one line): each is its own node.
        String at = first(payload, "line", "function_name", "handler");
        String handler = first(payload, "handler", "function_name");
        // And routes that read the same in every field are told apart by their occurrence
        // (two resources inheriting one base class's methods under one @Path).
        String raw = first(payload, "raw_expression");
        String occurrence = first(payload, "occurrence");
        NodeRecord node = graph.touch(NodeType.API_ROUTE, "route:" + target + ":" + label + "@"
                + (file == null ? "" : file) + "#" + at
                + (handler == null || handler.equals(at) ? "" : " " + handler) + (raw == null ? "" : " [" + raw + "]")
                + (occurrence == null ? "" : " (" + occurrence + ")"),
                target, label, event.seq());
        copyScalars(payload, node);
        node.put("removed", Boolean.toString(isRemoval(event)));
        pinToCommit(node, payload, target, event);
        return true;
    }

    private void pinToCommit(NodeRecord node, PayloadFields payload, String target, StoredEvent event) {
        String sha = first(payload, "commit", "commit_sha");
        if (sha != null) {
            node.presence(sha, event.seq(), isRemoval(event));
        }
        if (sha != null && graph.has(commitId(target, sha))) {
            graph.link(EdgeType.CONTAINS, commitId(target, sha), node.id);
            graph.link(EdgeType.AT, node.id, commitId(target, sha));
        } else {
            graph.link(EdgeType.CONTAINS, targetNodeId(target), node.id);
        }
    }

    private boolean artifact(StoredEvent event, PayloadFields payload, String target) {
        String sha = first(payload, "sha256", "digest");
        if (sha == null) {
            return false;
        }
        String label = first(payload, "name", "kind", "uri");
        NodeRecord node = graph.touch(NodeType.ARTIFACT, "artifact:" + sha, target, label == null ? sha : label,
                event.seq());
        copyScalars(payload, node);
        String attempt = first(payload, "attempt_id");
        String sha1 = first(payload, "commit", "commit_sha");
        if (attempt != null && graph.has(attemptNodeId(attempt))) {
            graph.link(EdgeType.PRODUCED, attemptNodeId(attempt), node.id);
            graph.recordOn(attemptNodeId(attempt), event.seq());
        } else if (sha1 != null && target != null && graph.has(commitId(target, sha1))) {
            graph.link(EdgeType.PRODUCED, commitId(target, sha1), node.id);
        } else if (target != null) {
            graph.link(EdgeType.CONTAINS, targetNodeId(target), node.id);
        }
        return true;
    }

    private boolean task(StoredEvent event, PayloadFields payload, String target) {
        String taskId = first(payload, "task_id", "id");
        if (taskId == null || target == null) {
            return false;
        }
        NodeRecord node = graph.touch(NodeType.TASK, taskId(target, taskId), target,
                taskId, event.seq());
        copyScalars(payload, node);
        graph.link(EdgeType.CONTAINS, targetNodeId(target), node.id);
        for (String dependency : payload.array("dependencies")) {
            String depId = taskId(target, dependency);
            if (!graph.has(depId)) {
                graph.touch(NodeType.TASK, depId, target, dependency, event.seq());
            }
            graph.link(EdgeType.DEPENDS_ON, node.id, depId);
        }
        return true;
    }

    private boolean approval(StoredEvent event, PayloadFields payload, String target) {
        String taskId = first(payload, "task_id");
        if (taskId == null || target == null) {
            return false;
        }
        NodeRecord task = graph.touch(NodeType.TASK, taskId(target, taskId), target, taskId, event.seq());
        graph.link(EdgeType.CONTAINS, targetNodeId(target), task.id);
        String approvalId = first(payload, "approval_id");
        String id = "approval:" + target + ":" + taskId + ":" + (approvalId != null ? approvalId
                : first(payload, "content_hash") != null ? first(payload, "content_hash") : event.eventId());
        NodeRecord node = graph.touch(NodeType.APPROVAL, id, target, "approval of " + taskId, event.seq());
        copyScalars(payload, node);
        if (event.eventType().equals("task.approved")) {
            node.put("state", "approved");
            node.put("approved_by", event.envelope().actorId());
            task.put("approval", "approved");
        } else {
            node.put("state", "revoked");
            task.put("approval", "revoked");
        }
        graph.link(EdgeType.APPROVED_BY, task.id, node.id);
        return true;
    }

    private boolean attempt(StoredEvent event, PayloadFields payload, String target) {
        String attemptId = first(payload, "attempt_id");
        if (attemptId == null) {
            return false;
        }
        NodeRecord node = graph.touch(NodeType.ATTEMPT, attemptNodeId(attemptId), target, attemptId, event.seq());
        copyScalars(payload, node);
        String status = event.eventType().substring(event.eventType().indexOf('.') + 1);
        node.put("status", status);
        node.put("updated_at", event.envelope().timestamp());
        if (node.get("created_at") == null) {
            node.put("created_at", event.envelope().timestamp());
        }
        String reason = first(payload, "reason", "error", "failure_reason", "failure_type");
        if (reason != null && (status.equals("failed") || status.equals("invalidated"))) {
            node.put("reason", reason);
        }
        String taskId = first(payload, "task_id");
        if (taskId != null && target != null) {
            NodeRecord task = graph.touch(NodeType.TASK, taskId(target, taskId), target, taskId, event.seq());
            graph.link(EdgeType.CONTAINS, targetNodeId(target), task.id);
            graph.link(EdgeType.EXECUTED, task.id, node.id);
        }
        return true;
    }

    private boolean pullRequest(StoredEvent event, PayloadFields payload, String target) {
        String number = first(payload, "pr_number", "number");
        String url = first(payload, "pr_url", "url");
        String prId = first(payload, "pr_id");
        String key = prId != null ? prId : number != null ? number : url != null ? "url-" + sha12(url) : null;
        if (key == null) {
            return false;
        }
        String id = "pr:" + (target == null ? "" : target) + ":" + key;
        NodeRecord node = graph.touch(NodeType.PULL_REQUEST, id, target,
                number != null ? "#" + number : key, event.seq());
        copyScalars(payload, node);
        node.put("state", event.eventType().substring("pr.".length()));
        String attempt = first(payload, "attempt_id");
        if (attempt != null) {
            if (!graph.has(attemptNodeId(attempt))) {
                graph.touch(NodeType.ATTEMPT, attemptNodeId(attempt), target, attempt, event.seq());
            }
            graph.link(EdgeType.PRODUCED, attemptNodeId(attempt), id);
            graph.recordOn(attemptNodeId(attempt), event.seq());
        }
        return true;
    }

    private boolean job(StoredEvent event, PayloadFields payload, String target) {
        String name = first(payload, "job_name", "job");
        if (name == null) {
            return false;
        }
        NodeRecord node = graph.touch(NodeType.JOB, "job:" + name, target, name, event.seq());
        copyScalars(payload, node);
        node.put("status", event.eventType().substring("job.".length()));
        String attempt = first(payload, "attempt_id");
        if (attempt != null && graph.has(attemptNodeId(attempt))) {
            graph.link(EdgeType.RAN_AS, attemptNodeId(attempt), node.id);
            graph.recordOn(attemptNodeId(attempt), event.seq());
        }
        return true;
    }

    private static String commitId(String target, String sha) {
        return "commit:" + target + ":" + sha;
    }

    private static String taskId(String target, String taskId) {
        return "task:" + target + ":" + taskId;
    }

    /** Top-level scalar payload fields become properties; nested values are left to the event. */
    private static void copyScalars(PayloadFields payload, NodeRecord node) {
        node.putAll(payload.scalarPairs());
    }

    private static String first(PayloadFields payload, String... names) {
        return payload.first(names);
    }

    private static String shortSha(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }

    private static String sha12(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
