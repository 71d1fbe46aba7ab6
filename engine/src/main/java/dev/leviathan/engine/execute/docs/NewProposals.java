package dev.leviathan.engine.execute.docs;

import dev.leviathan.engine.target.ExecutorSpec;
import dev.leviathan.engine.target.Task;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Chooses which proposals are new to a backlog, and their final ids. A proposal is already in
 * the backlog when a task carries its finding label, when a task has its id and no other
 * finding, or (for documentation findings) when a task already writes the file it would write.
 * When its id is taken by a task of another finding, the id gets a suffix from the finding's hash,
 * so it is still the same on every run.
 */
final class NewProposals {

    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private NewProposals() {
    }

    static List<Proposal> select(List<Proposal> ordered, List<Task> existing, int max) {
        Set<String> ids = existing.stream().map(Task::id).collect(Collectors.toSet());
        Set<String> findings = new HashSet<>();
        Map<String, Set<String>> findingsById = new java.util.HashMap<>();
        for (Task task : existing) {
            Set<String> own = task.labels().stream().filter(l -> l.startsWith(Proposal.FINDING_LABEL_PREFIX))
                    .map(l -> l.substring(Proposal.FINDING_LABEL_PREFIX.length())).collect(Collectors.toSet());
            findings.addAll(own);
            findingsById.put(task.id(), own);
        }
        List<Proposal> out = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (Proposal proposal : ordered) {
            if (out.size() >= max) {
                break;
            }
            if (findings.contains(proposal.finding()) || coveredByExistingWork(proposal, existing)) {
                continue;
            }
            Optional<String> id = id(proposal, ids, findingsById, taken);
            if (id.isEmpty()) {
                continue;
            }
            taken.add(id.get());
            out.add(proposal.withId(id.get()));
        }
        return out;
    }

    private static Optional<String> id(Proposal proposal, Set<String> ids, Map<String, Set<String>> findingsById,
            Set<String> taken) {
        String base = proposal.id();
        String hashed = trimHyphens(base) + "-" + hash(proposal.finding());
        if (!KEBAB_CASE.matcher(base).matches()) {
            base = hashed;
        }
        if (ids.contains(base)) {
            Set<String> other = findingsById.getOrDefault(base, Set.of());
            if (other.isEmpty()) {
                // A task with this id and no finding label: someone wrote it (or removed the label) for this.
                return Optional.empty();
            }
            base = hashed;
        } else if (taken.contains(base)) {
            base = hashed;
        }
        return ids.contains(base) || taken.contains(base) ? Optional.empty() : Optional.of(base);
    }

    /**
     * Documentation findings are met by any task that already names their file (exactly, not
     * through a directory) or generates the same kind of document: a person who planned "write
     * the README" does not need Leviathan to propose it again.
     */
    private static boolean coveredByExistingWork(Proposal proposal, List<Task> existing) {
        if (!proposal.finding().startsWith("docs-")) {
            return false;
        }
        for (Task task : existing) {
            boolean sameFile = proposal.allowedPaths().stream()
                    .allMatch(path -> task.allowedPaths().stream().anyMatch(a -> a.value().equals(path)));
            boolean sameDocs = proposal.executor().isPresent() && task.executor().isPresent()
                    && task.executor().get() instanceof ExecutorSpec.Docs docs
                    && docs.kind() == proposal.executor().get().kind();
            if (sameFile || sameDocs) {
                return true;
            }
        }
        return false;
    }

    private static String trimHyphens(String id) {
        String out = id.replaceAll("[^a-z0-9-]", "-");
        while (out.endsWith("-")) {
            out = out.substring(0, out.length() - 1);
        }
        while (out.startsWith("-")) {
            out = out.substring(1);
        }
        return out.replaceAll("-{2,}", "-").isEmpty() ? "proposal" : out.replaceAll("-{2,}", "-");
    }

    /** The first 8 hex digits of the finding's SHA-256. */
    static String hash(String finding) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(finding.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
