package dev.leviathan.engine.target;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One backlog task, with every default filled in. Loading guarantees: {@code id} is kebab-case
 * and unique in its backlog, {@code title} is not blank, every {@code allowed_paths} entry is a
 * safe repository path, every dependency names another task and the dependencies form no cycle.
 */
public record Task(
        String id,
        String title,
        String description,
        Optional<String> scope,
        Priority priority,
        boolean ready,
        TaskStatus status,
        List<AllowedPath> allowedPaths,
        List<String> acceptanceCriteria,
        List<String> dependencies,
        Optional<EstimatedSize> estimatedSize,
        List<String> labels,
        Optional<ExecutorSpec> executor,
        Optional<Budget> budget,
        WriteBack writeBack) {

    /** Scopes the public Python Leviathan knows; any other scope loads with a warning. */
    public static final List<String> KNOWN_SCOPES = List.of(
            "docs", "tests", "test", "core", "ops", "ci", "tools", "infra", "services", "bootstrap", "topology");

    public Task {
        allowedPaths = List.copyOf(allowedPaths);
        acceptanceCriteria = List.copyOf(acceptanceCriteria);
        dependencies = List.copyOf(dependencies);
        labels = List.copyOf(labels);
    }

    /**
     * The task's work definition as RFC 8785 canonical JSON: every field but {@code status},
     * {@code ready} and the worker's write-back fields, defaults filled in, keys as in the YAML.
     */
    public String canonicalDefinition() {
        return TaskDefinition.canonical(this);
    }

    /**
     * Lowercase hex SHA-256 of {@link #canonicalDefinition()}. An approval is for this hash: marking
     * a task ready or changing its status keeps it, any edit to what the task asks for changes it.
     */
    public String contentHash() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonicalDefinition().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
