package dev.leviathan.engine.execute.scope;

import static dev.leviathan.engine.execute.scope.DisplayText.quote;

import dev.leviathan.engine.target.AllowedPath;
import dev.leviathan.engine.target.FileOperation;
import dev.leviathan.engine.target.FileSizeLimit;
import dev.leviathan.engine.target.Glob;
import dev.leviathan.engine.target.Policy;
import dev.leviathan.engine.target.ScopeConstraint;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The violations and notices of one {@link ScopeGuard#check}, collected change by change. */
final class Judgement {

    private final ScopeRules rules;
    private final ResultTree tree;
    private final Set<Violation> violations = new LinkedHashSet<>();
    private final List<Notice> notices = new ArrayList<>();

    Judgement(ScopeRules rules, ResultTree tree) {
        this.rules = rules;
        this.tree = tree;
    }

    List<Violation> violations() {
        List<Violation> out = new ArrayList<>(violations);
        out.sort(Violation.ORDER);
        return out;
    }

    List<Notice> notices() {
        List<Notice> out = new ArrayList<>(notices);
        out.sort((a, b) -> PathOrder.compare(a.path(), b.path()));
        return out;
    }

    /** Two changes on one path cannot both be committed; which one wins must not be a guess. */
    void conflicts(List<Change> changes) {
        Map<String, Integer> writers = new HashMap<>();
        changes.forEach(change -> change.paths().forEach(path -> writers.merge(path, 1, Integer::sum)));
        for (Change change : changes) {
            for (String path : change.paths()) {
                int count = writers.get(path);
                if (count > 1) {
                    violate(path, ScopeRule.CONFLICTING_CHANGES, Actions.describe(change) + ": " + count
                            + " changes write " + quote(path) + " at once");
                }
            }
        }
    }

    void change(Change change) {
        String does = Actions.describe(change);
        for (String path : change.paths()) {
            boolean written = change.after().map(TreeEntry::path).filter(path::equals).isPresent();
            List<Finding> shape = PathShape.check(path);
            report(change, path, does, shape);
            if (written && !rules.base().contains(path)) {
                report(change, path, does, UnicodeForm.check(path));
            }
            if (shape.isEmpty()) {
                scope(change, path, does);
                if (written) {
                    beyond(change, path, does);
                }
            }
        }
        submodule(change, does);
        operations(change, does);
        change.after().ifPresent(after -> {
            if (after.mode() == EntryMode.SYMLINK && PathShape.check(after.path()).isEmpty()) {
                symlink(change, after, does);
            }
            size(change, after, does);
        });
        notice(change);
    }

    private void report(Change change, String path, String does, List<Finding> findings) {
        findings.forEach(finding -> violate(path, finding.rule(), message(change, path, does, finding.reason())));
    }

    /** "does: reason", with "the path" made "the old path" or "the new path" for a rename. */
    private static String message(Change change, String path, String does, String reason) {
        if (change.kind() == Change.Kind.RENAMED && reason.startsWith("the path")) {
            boolean old = change.before().orElseThrow().path().equals(path);
            reason = (old ? "the old path" : "the new path") + reason.substring("the path".length());
        }
        return does + ": " + reason;
    }

    private void violate(String path, ScopeRule rule, String message) {
        violations.add(new Violation(path, rule, message));
    }

    // ---- allowed paths and policy -------------------------------------------------------------

    private void scope(Change change, String path, String does) {
        if (!covered(path)) {
            violate(path, ScopeRule.OUTSIDE_ALLOWED_PATHS, message(change, path, does,
                    "the path is outside the task's allowed paths (" + DisplayText.allowedPaths(rules.allowedPaths())
                            + ")" + lookalikeHint(path)));
        }
        Optional<Glob> forbidden = forbiddenBy(path);
        if (forbidden.isPresent()) {
            violate(path, ScopeRule.FORBIDDEN_PATH, message(change, path, does,
                    "the path is forbidden by the policy (forbidden_paths: " + quote(forbidden.get().pattern()) + ")"));
        } else if (!rules.policy().permits(rules.policyScope(), path)) {
            violate(path, ScopeRule.NOT_PERMITTED_BY_POLICY, message(change, path, does,
                    "the path is not among the policy's allowed_paths " + scopeName() + " (" + policyGlobs() + ")"));
        }
    }

    private boolean covered(String path) {
        return rules.allowedPaths().stream().anyMatch(allowed -> allowed.covers(path));
    }

    /**
     * Why an uncovered path may look covered: only letter case, Unicode form or trailing dots
     * differ, or its letters only look like those of an allowed path. The path stays outside:
     * this is for the operator reading the refusal.
     */
    private String lookalikeHint(String path) {
        for (AllowedPath allowed : rules.allowedPaths()) {
            if (covers(allowed, path, Judgement::foldCase)) {
                return "; it differs from the allowed path " + quote(allowed.value()) + " only in letter case";
            }
        }
        for (AllowedPath allowed : rules.allowedPaths()) {
            if (covers(allowed, path, Lookalikes::caseKey)) {
                return "; it differs from the allowed path " + quote(allowed.value())
                        + " only in letter case, Unicode form or trailing dots and spaces";
            }
        }
        for (AllowedPath allowed : rules.allowedPaths()) {
            if (covers(allowed, path, Lookalikes::skeleton)) {
                OptionalInt odd = Lookalikes.firstLookalike(path);
                return "; it LOOKS like the allowed path " + quote(allowed.value())
                        + (odd.isPresent() ? " but its '" + DisplayText.escape(Character.toString(odd.getAsInt()))
                                + "' is " + DisplayText.character(odd.getAsInt()) : " but is spelt with other characters");
            }
        }
        return "";
    }

    private static boolean covers(AllowedPath allowed, String path, java.util.function.UnaryOperator<String> key) {
        String prefix = key.apply(allowed.value());
        String candidate = key.apply(path);
        if (allowed.isDirectory()) {
            // caseKey trims a trailing "/"-segment's dots; compare on the directory name plus "/"
            String dir = prefix.endsWith("/") ? prefix : prefix + "/";
            return candidate.startsWith(dir) && candidate.length() > dir.length();
        }
        return candidate.equals(prefix);
    }

    private static String foldCase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().map(cp -> Character.toLowerCase(Character.toUpperCase(cp))).forEach(out::appendCodePoint);
        return out.toString();
    }

    private Optional<Glob> forbiddenBy(String path) {
        return rules.policy().forbiddenPaths().stream().filter(glob -> glob.matches(path)).findFirst();
    }

    private String scopeName() {
        return rules.scope().map(scope -> "for scope " + quote(scope)).orElse("for tasks without a scope");
    }

    private String policyGlobs() {
        List<String> globs = new ArrayList<>();
        rules.scope().ifPresent(scope -> rules.policy().allowedPaths().getOrDefault(scope, List.of())
                .forEach(glob -> globs.add(glob.pattern())));
        rules.policy().allowedPaths().getOrDefault(Policy.ANY_SCOPE, List.of()).forEach(glob -> globs.add(glob.pattern()));
        return globs.isEmpty() ? "it lists none" : String.join(", ", globs);
    }

    /** A path below a symlink is written wherever the link points; below a file it cannot exist. */
    private void beyond(Change change, String path, String does) {
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            String prefix = path.substring(0, slash);
            Optional<EntryMode> mode = tree.mode(prefix);
            if (mode.isEmpty()) {
                continue;
            }
            if (mode.get() == EntryMode.SYMLINK) {
                violate(path, ScopeRule.BEYOND_SYMLINK, message(change, path, does, "the path is below "
                        + quote(prefix) + ", a symlink: it would be written wherever that link points"));
            } else {
                violate(path, ScopeRule.CONFLICTING_CHANGES, message(change, path, does, "the path is below "
                        + quote(prefix) + ", which is a " + Actions.noun(mode.get())));
            }
            return;
        }
    }

    // ---- submodules, operations, sizes, counts ------------------------------------------------

    private void submodule(Change change, String does) {
        boolean before = change.before().map(e -> e.mode() == EntryMode.SUBMODULE).orElse(false);
        boolean after = change.after().map(e -> e.mode() == EntryMode.SUBMODULE).orElse(false);
        if (before || after) {
            violate(change.path(), ScopeRule.SUBMODULE, does + ": a task never adds, removes, moves or updates a"
                    + " submodule (a gitlink to a commit of another repository)");
        }
    }

    private void operations(Change change, String does) {
        Optional<ScopeConstraint> constraint = constraint();
        if (constraint.isEmpty() || constraint.get().allowedOperations().containsAll(EnumSet.allOf(FileOperation.class))) {
            return;
        }
        Set<FileOperation> allowed = constraint.get().allowedOperations();
        switch (change.kind()) {
            case ADDED -> operation(change.path(), FileOperation.CREATE, allowed, does);
            case DELETED -> operation(change.path(), FileOperation.DELETE, allowed, does);
            case RENAMED -> {
                operation(change.before().orElseThrow().path(), FileOperation.DELETE, allowed, does);
                operation(change.after().orElseThrow().path(), FileOperation.CREATE, allowed, does);
            }
            default -> operation(change.path(), FileOperation.UPDATE, allowed, does);
        }
    }

    private void operation(String path, FileOperation operation, Set<FileOperation> allowed, String does) {
        if (!allowed.contains(operation)) {
            String listed = allowed.isEmpty() ? "none" : EnumSet.copyOf(allowed).stream().map(FileOperation::word)
                    .collect(Collectors.joining(", "));
            violate(path, ScopeRule.OPERATION_NOT_ALLOWED, does + ": that is a " + operation.word()
                    + ", and scope_constraints." + rules.scope().orElseThrow() + ".allowed_operations allows only "
                    + listed);
        }
    }

    private void size(Change change, TreeEntry after, String does) {
        if (after.mode() == EntryMode.SUBMODULE) {
            return;
        }
        if (after.size() > WorkTreeChanges.MAX_BLOB_BYTES) {
            violate(after.path(), ScopeRule.FILE_TOO_LARGE, does + ": the file is " + DisplayText.size(after.size())
                    + "; nothing over " + DisplayText.size(WorkTreeChanges.MAX_BLOB_BYTES) + " is ever committed");
            return;
        }
        rules.policy().fileSizeLimits().stream().filter(limit -> limit.glob().matches(after.path())).findFirst()
                .filter(limit -> after.size() > limit.maxKilobytes() * 1024)
                .ifPresent((FileSizeLimit limit) -> violate(after.path(), ScopeRule.FILE_TOO_LARGE, does + ": the file is "
                        + DisplayText.size(after.size()) + "; the policy allows at most " + limit.maxKilobytes()
                        + " KiB for " + quote(limit.glob().pattern()) + " (file_size_limits.max_file_size_kb)"));
    }

    void fileCount(List<Change> changes) {
        Optional<Integer> max = constraint().flatMap(ScopeConstraint::maxFilesPerTask);
        if (max.isPresent() && changes.size() > max.get()) {
            violate(changes.get(max.get()).path(), ScopeRule.TOO_MANY_FILES, "the attempt changes " + changes.size()
                    + " files and scope_constraints." + rules.scope().orElseThrow() + ".max_files_per_task allows "
                    + max.get() + ": from this path on (in path order) the changes are over the limit");
        }
    }

    private Optional<ScopeConstraint> constraint() {
        return rules.scope().map(scope -> rules.policy().scopeConstraints().get(scope));
    }

    // ---- symlinks -----------------------------------------------------------------------------

    private void symlink(Change change, TreeEntry after, String does) {
        String path = after.path();
        if (rules.base().isDirectory(path)) {
            violate(path, ScopeRule.SYMLINK_REPLACES_DIRECTORY, does + ": the base commit has a directory "
                    + quote(path) + "; a symlink in its place redirects every path below it");
        }
        SymlinkResolution.Outcome outcome = SymlinkResolution.resolve(path, after.linkTarget().orElseThrow(), tree);
        switch (outcome) {
            case SymlinkResolution.Invalid invalid -> violate(path, ScopeRule.SYMLINK_TARGET_INVALID,
                    does + ": " + invalid.reason());
            case SymlinkResolution.Escapes escapes -> violate(path, ScopeRule.SYMLINK_ESCAPES_TREE,
                    does + ": " + escapes.reason());
            case SymlinkResolution.Loop loop -> violate(path, ScopeRule.SYMLINK_LOOP, does + ": " + loop.reason());
            case SymlinkResolution.Resolved resolved -> resolvedTarget(path, does, resolved);
        }
    }

    private void resolvedTarget(String path, String does, SymlinkResolution.Resolved resolved) {
        String target = resolved.path();
        String via = SymlinkResolution.via(resolved.through());
        if (target.isEmpty()) {
            violate(path, ScopeRule.SYMLINK_OUTSIDE_ALLOWED_PATHS, does + ": its target resolves to the repository"
                    + " root" + via);
            return;
        }
        for (String segment : target.split("/")) {
            if (PathShape.isDotGit(segment)) {
                violate(path, ScopeRule.GIT_DIRECTORY, does + ": its target resolves into .git (" + quote(target)
                        + ")" + via);
                return;
            }
        }
        if (!covered(target)) {
            violate(path, ScopeRule.SYMLINK_OUTSIDE_ALLOWED_PATHS, does + ": its target resolves to " + quote(target)
                    + via + ", outside the task's allowed paths (" + DisplayText.allowedPaths(rules.allowedPaths()) + ")"
                    + lookalikeHint(target));
        }
        // A link to a directory reaches everything below it, so "secrets/**" forbids a link to secrets.
        Optional<Glob> forbidden = forbiddenBy(target).or(() -> forbiddenBy(target + "/"));
        forbidden.ifPresent(glob -> violate(path, ScopeRule.SYMLINK_TO_FORBIDDEN_PATH, does + ": its target resolves"
                + " to " + quote(target) + via + ", which the policy forbids (forbidden_paths: " + quote(glob.pattern())
                + ")"));
    }

    // ---- collisions -----------------------------------------------------------------------------

    /**
     * A new path (or a new directory on its way) that is another path of the resulting tree on a
     * case-insensitive file system, or that reads like one. Existing collisions of the base tree
     * are not the attempt's doing and are left alone.
     */
    void collisions(List<Change> changes) {
        Map<String, Change> introduced = new java.util.TreeMap<>(PathOrder.CODE_POINTS);
        for (Change change : changes) {
            change.after().map(TreeEntry::path)
                    .filter(path -> !rules.base().contains(path) && PathShape.check(path).isEmpty())
                    .ifPresent(path -> introduced.put(path, change));
        }
        if (introduced.isEmpty()) {
            return;
        }
        Map<String, Set<String>> byCase = index(Lookalikes::caseKey);
        Set<String> reported = new HashSet<>();
        introduced.forEach((path, change) -> {
            for (String name : newNames(path)) {
                Set<String> others = byCase.getOrDefault(Lookalikes.caseKey(name), Set.of());
                Optional<String> other = others.stream().filter(o -> !o.equals(name)).findFirst();
                if (other.isPresent()) {
                    reported.add(path);
                    violate(path, ScopeRule.CASE_COLLISION, message(change, path, Actions.describe(change),
                            (name.equals(path) ? "the path" : "its directory " + quote(name)) + " and " + quote(other.get())
                                    + " are one " + (tree.isDirectory(name) ? "directory" : "file") + " on case-insensitive"
                                    + " file systems (macOS, Windows): they differ only in letter case, Unicode form or"
                                    + " trailing dots and spaces"));
                    return;
                }
            }
        });
        if (introduced.keySet().stream().allMatch(UnicodeForm::isAscii)) {
            return;
        }
        Map<String, Set<String>> bySkeleton = index(Judgement::skeletonOf);
        introduced.forEach((path, change) -> {
            if (UnicodeForm.isAscii(path) || reported.contains(path)) {
                return;
            }
            for (String name : newNames(path)) {
                String caseKey = Lookalikes.caseKey(name);
                Optional<String> other = bySkeleton.getOrDefault(skeletonOf(name), Set.of()).stream()
                        .filter(o -> !Lookalikes.caseKey(o).equals(caseKey)).findFirst();
                if (other.isPresent()) {
                    OptionalInt odd = Lookalikes.firstLookalike(name);
                    violate(path, ScopeRule.LOOKALIKE_COLLISION, message(change, path, Actions.describe(change),
                            (name.equals(path) ? "the path" : "its directory " + quote(name)) + " LOOKS like "
                                    + quote(other.get()) + (odd.isPresent() ? ": its '"
                                    + DisplayText.escape(Character.toString(odd.getAsInt())) + "' is "
                                    + DisplayText.character(odd.getAsInt()) : "")));
                    return;
                }
            }
        });
    }

    /** The path and each of its directories that the base tree does not have, shortest first. */
    private List<String> newNames(String path) {
        List<String> names = new ArrayList<>();
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            String dir = path.substring(0, slash);
            if (!rules.base().isDirectory(dir)) {
                names.add(dir);
            }
        }
        names.add(path);
        return names;
    }

    private Map<String, Set<String>> index(java.util.function.UnaryOperator<String> key) {
        Map<String, Set<String>> index = new HashMap<>();
        for (Set<String> names : List.of(tree.paths(), tree.directories())) {
            for (String name : names) {
                index.computeIfAbsent(key.apply(name), k -> new TreeSet<>(PathOrder.CODE_POINTS)).add(name);
            }
        }
        return index;
    }

    private static String skeletonOf(String name) {
        return UnicodeForm.isAscii(name) ? name.toLowerCase(java.util.Locale.ROOT) : Lookalikes.skeleton(name);
    }

    // ---- notices --------------------------------------------------------------------------------

    private void notice(Change change) {
        TreeEntry after = change.after().orElse(null);
        if (after == null) {
            return;
        }
        TreeEntry before = change.before().orElse(null);
        boolean wasExecutable = before != null && before.mode() == EntryMode.EXECUTABLE;
        if (after.mode() == EntryMode.EXECUTABLE && !wasExecutable) {
            notices.add(new Notice(after.path(), before == null ? quote(after.path()) + " is added as an executable file"
                    : quote(after.path()) + " becomes executable"));
        } else if (wasExecutable && after.mode() == EntryMode.FILE) {
            notices.add(new Notice(after.path(), quote(after.path()) + " is no longer executable"));
        }
        if (after.mode() == EntryMode.SYMLINK && (before == null || !before.linkTarget().equals(after.linkTarget()))) {
            String target = after.linkTarget().orElseThrow();
            String resolved = SymlinkResolution.resolve(after.path(), target, tree) instanceof SymlinkResolution.Resolved r
                    && !r.path().equals(target) ? " (resolves to " + quote(r.path()) + ")" : "";
            notices.add(new Notice(after.path(), quote(after.path()) + " is a symlink to " + quote(target) + resolved));
        }
    }
}
