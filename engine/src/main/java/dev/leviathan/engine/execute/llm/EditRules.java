package dev.leviathan.engine.execute.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leviathan.engine.execute.llm.EditPlan.FileEdit;
import dev.leviathan.engine.target.AllowedPath;
import dev.leviathan.engine.target.Policy;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a reply's JSON object before anything touches the disk: its shape, every path (relative,
 * in normal form, inside the task's allowed paths, not forbidden by the policy, not under
 * {@code .git}, not through a symlink of the work tree), every content (text, within the size
 * limits, free of the endpoint's key). This is a pre-check that lets the model repair its reply;
 * the worker's scope guard still runs on the final diff. Problems are listed in edit order, each
 * naming the edit, so one repair round can fix them all.
 */
final class EditRules {

    /** A repair message lists at most this many problems; checking stops a little after. */
    static final int MAX_PROBLEMS = 20;
    static final int MAX_PATH_CHARS = 1024;
    private static final int SUMMARY_CHARS = 2_000;
    private static final Set<String> TOP_FIELDS = Set.of("edits", "summary");
    private static final Set<String> EDIT_FIELDS = Set.of("path", "action", "content");

    sealed interface Verdict {
    }

    record Accepted(EditPlan plan) implements Verdict {
    }

    record Rejected(List<String> problems) implements Verdict {

        Rejected {
            problems = List.copyOf(problems);
        }

        /** The first problem, and how many more, for a one-line reason. */
        String headline() {
            int more = problems.size() - 1;
            return problems.get(0) + (more == 0 ? "" : " (and " + more + (more == 1 ? " more problem)" : " more problems)"));
        }
    }

    private final Path workTree;
    private final List<AllowedPath> allowedPaths;
    private final Policy policy;
    private final LlmSettings.Limits limits;
    private final KeyRedactor key;

    EditRules(Path workTree, List<AllowedPath> allowedPaths, Policy policy, LlmSettings.Limits limits, KeyRedactor key) {
        this.workTree = workTree;
        this.allowedPaths = List.copyOf(allowedPaths);
        this.policy = policy;
        this.limits = limits;
        this.key = key;
    }

    Verdict check(JsonNode reply) {
        List<String> problems = new ArrayList<>();
        unknownFields(reply, TOP_FIELDS).ifPresent(extra -> problems.add("the reply has unknown field" + extra
                + "; it holds only \"edits\" and \"summary\""));
        JsonNode summaryNode = reply.get("summary");
        if (summaryNode == null || !summaryNode.isTextual()) {
            problems.add("the reply has no \"summary\" string");
        }
        JsonNode editsNode = reply.get("edits");
        if (editsNode == null || !editsNode.isArray()) {
            problems.add("the reply has no \"edits\" array");
            return new Rejected(problems);
        }
        if (editsNode.isEmpty()) {
            problems.add("\"edits\" is empty; make at least one edit");
            return new Rejected(problems);
        }
        if (editsNode.size() > limits.maxEdits()) {
            problems.add("\"edits\" holds " + editsNode.size() + " edits, more than the limit of " + limits.maxEdits());
            return new Rejected(problems);
        }
        List<FileEdit> edits = new ArrayList<>();
        for (int i = 0; i < editsNode.size() && problems.size() < MAX_PROBLEMS * 2; i++) {
            edit(i, editsNode.get(i), problems).ifPresent(edits::add);
        }
        if (problems.isEmpty()) {
            together(edits, problems);
        }
        if (problems.isEmpty()) {
            workTreeAllows(edits, problems);
        }
        if (!problems.isEmpty()) {
            return new Rejected(problems);
        }
        String summary = Printable.text(key.redact(summaryNode.asText()), SUMMARY_CHARS);
        return new Accepted(new EditPlan(edits, summary));
    }

    private Optional<FileEdit> edit(int index, JsonNode node, List<String> problems) {
        String at = "edits[" + index + "]";
        if (node == null || !node.isObject()) {
            problems.add(at + " is not an object");
            return Optional.empty();
        }
        int before = problems.size();
        JsonNode pathNode = node.get("path");
        JsonNode actionNode = node.get("action");
        JsonNode contentNode = node.get("content");
        String path = pathNode != null && pathNode.isTextual() ? pathNode.asText() : null;
        if (path != null) {
            at += " (" + quoted(path) + ")";
        }
        String where = at;
        unknownFields(node, EDIT_FIELDS).ifPresent(extra -> problems.add(where + " has unknown field" + extra
                + "; an edit holds only \"path\", \"action\" and \"content\""));
        if (path == null) {
            problems.add(at + " has no \"path\" string");
        } else {
            pathProblem(path).ifPresent(problem -> problems.add(where + ": " + problem));
        }
        String action = actionNode != null && actionNode.isTextual() ? actionNode.asText() : null;
        if (action == null) {
            problems.add(at + " has no \"action\" string; use \"write\" or \"delete\"");
        } else if (!action.equals("write") && !action.equals("delete")) {
            problems.add(at + " has the action " + quoted(action) + "; the only actions are \"write\" and \"delete\"");
        }
        long bytes = 0;
        if ("write".equals(action)) {
            if (contentNode == null || !contentNode.isTextual()) {
                problems.add(at + " writes but has no \"content\" string (the complete file as text)");
            } else {
                String content = contentNode.asText();
                bytes = utf8Length(content);
                contentProblem(content, bytes, path).ifPresent(problem -> problems.add(where + ": " + problem));
            }
        } else if ("delete".equals(action) && contentNode != null && !contentNode.isNull()
                && !(contentNode.isTextual() && contentNode.asText().isEmpty())) {
            problems.add(at + " deletes but carries \"content\"; a delete has none");
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(action.equals("write") ? new FileEdit.Write(path, contentNode.asText(), bytes)
                : new FileEdit.Delete(path));
    }

    /** Why {@code path} may not be edited, judged on the text alone. */
    Optional<String> pathProblem(String path) {
        if (path.isEmpty()) {
            return Optional.of("the path is empty");
        }
        if (key.foundIn(path)) {
            return Optional.of("the path contains a credential Leviathan holds; it is refused");
        }
        if (path.length() > MAX_PATH_CHARS) {
            return Optional.of("the path is longer than " + MAX_PATH_CHARS + " characters");
        }
        if (path.indexOf('\\') >= 0) {
            return Optional.of("the path contains a backslash; use forward slashes");
        }
        if (path.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || (c >= 0xD800 && c <= 0xDFFF))) {
            return Optional.of("the path contains a control or invisible character");
        }
        if (path.startsWith("/") || path.startsWith("~") || (path.length() > 1 && path.charAt(1) == ':'
                && Character.isLetter(path.charAt(0)))) {
            return Optional.of("the path is absolute; write it relative to the repository root");
        }
        if (!Normalizer.isNormalized(path, Normalizer.Form.NFC)) {
            return Optional.of("the path is not in Unicode normal form NFC; write it as "
                    + quoted(Normalizer.normalize(path, Normalizer.Form.NFC)));
        }
        if (path.endsWith("/")) {
            return Optional.of("the path names a directory; name a file");
        }
        Deque<String> normal = new ArrayDeque<>();
        boolean changed = false;
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                changed = true;
            } else if (segment.equals("..")) {
                if (normal.isEmpty()) {
                    return Optional.of("the path leaves the repository through '..'");
                }
                normal.removeLast();
                changed = true;
            } else {
                normal.addLast(segment);
            }
        }
        if (normal.isEmpty()) {
            return Optional.of("the path names the repository itself; name a file");
        }
        for (String segment : normal) {
            if (isGitName(segment)) {
                return Optional.of("the path is inside .git, which may never be touched");
            }
        }
        if (changed) {
            return Optional.of("the path is not in normal form; write it as " + quoted(String.join("/", normal)));
        }
        if (allowedPaths.stream().noneMatch(allowed -> allowed.covers(path))) {
            return Optional.of("the path is outside the task's allowed paths ("
                    + allowedPaths.stream().map(AllowedPath::value).collect(Collectors.joining(", ")) + ")");
        }
        if (policy.forbids(path)) {
            return Optional.of("the repository's policy forbids writing this path");
        }
        return Optional.empty();
    }

    private Optional<String> contentProblem(String content, long bytes, String path) {
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == 0) {
                return Optional.of("the content contains a NUL character; only text files may be written");
            }
            if (Character.isHighSurrogate(c) && i + 1 < content.length()
                    && Character.isLowSurrogate(content.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("the content is not valid Unicode text (a broken surrogate pair)");
            }
        }
        long limit = fileLimit(path);
        if (bytes > limit) {
            return Optional.of("the content is " + bytes + " bytes, over the limit of " + limit + " bytes per file");
        }
        if (key.foundIn(content)) {
            return Optional.of("the content contains a credential Leviathan holds; it is refused");
        }
        return Optional.empty();
    }

    private long fileLimit(String path) {
        long limit = limits.maxFileBytes();
        if (path != null) {
            OptionalLong policyKb = policy.maxFileKilobytes(path);
            if (policyKb.isPresent() && policyKb.getAsLong() * 1024 < limit) {
                limit = policyKb.getAsLong() * 1024;
            }
        }
        return limit;
    }

    /** Checks across edits: duplicates, case-only twins, a path used as a file and a directory, total size. */
    private void together(List<FileEdit> edits, List<String> problems) {
        Set<String> seen = new HashSet<>();
        Map<String, String> folded = new HashMap<>();
        long total = 0;
        for (FileEdit edit : edits) {
            String path = edit.path();
            if (!seen.add(path)) {
                problems.add(quoted(path) + " appears in more than one edit; edit each path once");
                continue;
            }
            String twin = folded.putIfAbsent(path.toLowerCase(Locale.ROOT), path);
            if (twin != null) {
                problems.add(quoted(twin) + " and " + quoted(path) + " differ only in case; keep one");
            }
            if (edit instanceof FileEdit.Write write) {
                total += write.bytes();
            }
        }
        for (FileEdit edit : edits) {
            String path = edit.path();
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                String parent = path.substring(0, slash);
                if (seen.contains(parent)) {
                    problems.add(quoted(parent) + " is edited as a file and is also the directory of " + quoted(path));
                }
            }
        }
        if (total > limits.maxTotalBytes()) {
            problems.add("the edits write " + total + " bytes in all, over the limit of " + limits.maxTotalBytes()
                    + " bytes per reply");
        }
    }

    /** Checks against the work tree as it is: no symlink on the way, a file where a file is meant. */
    private void workTreeAllows(List<FileEdit> edits, List<String> problems) {
        for (FileEdit edit : edits) {
            String path = edit.path();
            workTreeProblem(path, edit instanceof FileEdit.Delete)
                    .ifPresent(problem -> problems.add(quoted(path) + ": " + problem));
        }
    }

    private Optional<String> workTreeProblem(String path, boolean delete) {
        Path current = workTree;
        Iterator<String> segments = List.of(path.split("/")).iterator();
        StringBuilder prefix = new StringBuilder();
        while (segments.hasNext()) {
            String segment = segments.next();
            boolean leaf = !segments.hasNext();
            prefix.append(prefix.isEmpty() ? "" : "/").append(segment);
            current = current.resolve(segment);
            if (Files.isSymbolicLink(current)) {
                return Optional.of(leaf ? "it is a symbolic link in the work tree; it cannot be written or deleted"
                        : quoted(prefix.toString()) + " is a symbolic link in the work tree; nothing is written"
                                + " through it");
            }
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                return delete ? Optional.of("it does not exist, so it cannot be deleted") : Optional.empty();
            }
            if (leaf) {
                if (Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                    return Optional.of("it is a directory in the work tree; name a file");
                }
                if (!Files.isRegularFile(current, LinkOption.NOFOLLOW_LINKS)) {
                    return Optional.of("it is not a regular file in the work tree");
                }
            } else if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(quoted(prefix.toString()) + " is a file in the work tree, not a directory");
            }
        }
        return Optional.empty();
    }

    /** {@code .git}, and the spellings some file systems treat as it ({@code .GIT}, {@code .git.}, {@code .git }). */
    private static boolean isGitName(String segment) {
        String trimmed = segment;
        while (!trimmed.isEmpty() && (trimmed.endsWith(".") || trimmed.endsWith(" "))) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.equalsIgnoreCase(".git");
    }

    private static Optional<String> unknownFields(JsonNode node, Set<String> known) {
        List<String> extra = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                extra.add(quoted(name));
            }
        });
        if (extra.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of((extra.size() == 1 ? " " : "s ") + String.join(", ", extra));
    }

    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** A model-given string quoted for a message, made printable and short. */
    static String quoted(String text) {
        return "\"" + Printable.oneLine(text, 160) + "\"";
    }
}
