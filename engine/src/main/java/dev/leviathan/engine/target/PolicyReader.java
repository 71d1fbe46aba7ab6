package dev.leviathan.engine.target;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads {@code policy.yaml}. */
final class PolicyReader {

    static final String EMPTY_HINT = "start with allowed_paths: and forbidden_paths:";

    private static final List<String> FIELDS = List.of("allowed_paths", "forbidden_paths", "scope_constraints",
            "safety_rules", "file_size_limits", "code_style", "version");
    private static final List<String> SCOPE_FIELDS = List.of("description", "allowed_operations",
            "max_files_per_task", "requires_tests", "requires_documentation");
    private static final List<String> SAFETY_FIELDS = List.of("max_attempts_per_task", "backoff_seconds",
            "max_concurrent_attempts", "max_tasks_per_day", "max_artifact_size_mb", "max_artifacts_per_attempt");

    private PolicyReader() {
    }

    static Optional<Policy> read(Node root, Problems problems) {
        Optional<YamlMap> mapping = YamlValues.mapping(root, FieldPath.root(), problems);
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = mapping.get();
        map.allowOnly(FIELDS);
        Map<String, List<Glob>> allowed = allowedPaths(map);
        List<Glob> forbidden = map.get("forbidden_paths")
                .map(node -> globs(node, map.pathOf("forbidden_paths"), problems)).orElse(List.of());
        Map<String, ScopeConstraint> constraints = scopeConstraints(map);
        SafetyRules safety = map.map("safety_rules").map(PolicyReader::safetyRules).orElse(SafetyRules.none());
        List<FileSizeLimit> sizes = map.map("file_size_limits").map(PolicyReader::fileSizeLimits).orElse(List.of());
        Map<String, Object> codeStyle = map.plainMap("code_style");
        Optional<String> version = map.text("version");
        if (problems.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new Policy(allowed, forbidden, constraints, safety, sizes, codeStyle, version,
                problems.warnings()));
    }

    private static Map<String, List<Glob>> allowedPaths(YamlMap map) {
        Map<String, List<Glob>> out = new LinkedHashMap<>();
        Optional<Node> value = map.get("allowed_paths");
        FieldPath path = map.pathOf("allowed_paths");
        if (value.isEmpty()) {
            return out;
        }
        if (value.get() instanceof SequenceNode) {
            out.put(Policy.ANY_SCOPE, globs(value.get(), path, map.problems()));
        } else if (value.get() instanceof MappingNode) {
            YamlMap byScope = map.map("allowed_paths").orElseThrow();
            for (String scope : byScope.keys()) {
                warnUnknownScope(byScope, scope);
                out.put(scope, byScope.get(scope)
                        .map(globs -> globs(globs, byScope.pathOf(scope), map.problems())).orElse(List.of()));
            }
        } else {
            map.problems().error(value.get(), path, "expected a mapping of scope to globs, or a list of globs, found "
                    + YamlValues.describe(value.get()), "write docs: [\"docs/**\"] under allowed_paths");
        }
        return out;
    }

    static List<Glob> globs(Node node, FieldPath path, Problems problems) {
        List<Glob> out = new ArrayList<>();
        List<Node> items = YamlValues.list(node, path, problems).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            FieldPath itemPath = path.index(i);
            YamlValues.text(item, itemPath, problems).ifPresent(pattern -> {
                Optional<RepoPaths.Refusal> refusal = Glob.problem(pattern);
                if (refusal.isPresent()) {
                    problems.error(item, itemPath, refusal.get().message(), refusal.get().hint());
                } else {
                    out.add(Glob.of(pattern));
                }
            });
        }
        return out;
    }

    private static Map<String, ScopeConstraint> scopeConstraints(YamlMap map) {
        Map<String, ScopeConstraint> out = new LinkedHashMap<>();
        Optional<YamlMap> byScope = map.map("scope_constraints");
        if (byScope.isEmpty()) {
            return out;
        }
        for (String scope : byScope.get().keys()) {
            warnUnknownScope(byScope.get(), scope);
            byScope.get().map(scope).ifPresent(constraint -> out.put(scope, scopeConstraint(constraint)));
        }
        return out;
    }

    private static ScopeConstraint scopeConstraint(YamlMap map) {
        map.allowOnly(SCOPE_FIELDS);
        Set<FileOperation> operations = EnumSet.allOf(FileOperation.class);
        Optional<List<Node>> listed = map.list("allowed_operations");
        if (listed.isPresent()) {
            operations = EnumSet.noneOf(FileOperation.class);
            for (int i = 0; i < listed.get().size(); i++) {
                YamlValues.choice(listed.get().get(i), map.pathOf("allowed_operations").index(i), map.problems(),
                        "operation", FileOperation.BY_WORD).ifPresent(operations::add);
            }
        }
        return new ScopeConstraint(map.text("description"), operations, map.smallInteger("max_files_per_task", 1),
                map.bool("requires_tests", false), map.bool("requires_documentation", false));
    }

    private static SafetyRules safetyRules(YamlMap map) {
        List<String> known = new ArrayList<>(SAFETY_FIELDS);
        Map<String, Boolean> requirements = new LinkedHashMap<>();
        for (String key : map.keys()) {
            if (key.startsWith("require_")) {
                known.add(key);
                map.bool(key).ifPresent(value -> requirements.put(key, value));
            }
        }
        map.allowOnly(known);
        return new SafetyRules(map.smallInteger("max_attempts_per_task", 1),
                map.integer("backoff_seconds", 0, Integer.MAX_VALUE).map(Duration::ofSeconds),
                map.smallInteger("max_concurrent_attempts", 1), map.smallInteger("max_tasks_per_day", 1),
                requirements, map.smallInteger("max_artifact_size_mb", 1),
                map.smallInteger("max_artifacts_per_attempt", 1));
    }

    private static List<FileSizeLimit> fileSizeLimits(YamlMap map) {
        map.allowOnly(List.of("max_file_size_kb"));
        List<FileSizeLimit> out = new ArrayList<>();
        map.map("max_file_size_kb").ifPresent(byGlob -> {
            for (String pattern : byGlob.keys()) {
                Node key = byGlob.keyNode(pattern).orElseThrow();
                Optional<RepoPaths.Refusal> refusal = Glob.problem(pattern);
                refusal.ifPresent(r -> byGlob.problems().error(key, byGlob.pathOf(pattern), r.message(), r.hint()));
                if (!byGlob.has(pattern)) {
                    byGlob.missing(pattern, "give a size in kilobytes, such as \"*.md\": 500");
                }
                Optional<Long> kilobytes = byGlob.integer(pattern, 1, Long.MAX_VALUE);
                if (refusal.isEmpty() && kilobytes.isPresent()) {
                    out.add(new FileSizeLimit(Glob.of(pattern), kilobytes.get()));
                }
            }
        });
        return out;
    }

    /** Scopes outside the known set still load; a typo is the likelier cause, so say so. */
    private static void warnUnknownScope(YamlMap map, String scope) {
        if (!Task.KNOWN_SCOPES.contains(scope) && !scope.equals(Policy.ANY_SCOPE)) {
            map.problems().warning(map.keyNode(scope).orElseThrow(), map.pathOf(scope),
                    "scope '" + scope + "' is not one Leviathan knows",
                    YamlValues.suggestion(scope, Task.KNOWN_SCOPES, "known scopes"));
        }
    }
}
