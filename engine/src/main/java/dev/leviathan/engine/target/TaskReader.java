package dev.leviathan.engine.target;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads one task mapping; checks that need the whole backlog are in {@link DependencyChecks}. */
final class TaskReader {

    static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    static final List<String> FIELDS = List.of(
            "id", "task_id", "title", "description", "scope", "priority", "ready", "status",
            "allowed_paths", "acceptance_criteria", "dependencies", "estimated_size", "labels",
            "executor", "budget", "last_attempt_id", "branch_name", "pr_number", "completed_at");

    /** A dependency as written, with its node for positions. */
    record Dependency(String id, Node node, FieldPath path) {
    }

    /**
     * What was read of one task: the task itself if it had no errors, and its id and dependencies
     * (when readable) for the checks across tasks.
     */
    record Entry(Optional<Task> task, Optional<String> id, Node idNode, FieldPath idPath, List<Dependency> dependencies) {
    }

    private TaskReader() {
    }

    static Optional<Entry> read(Node node, FieldPath path, Problems problems) {
        Optional<YamlMap> mapping = YamlValues.mapping(node, path, problems);
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = mapping.get();
        int errorsBefore = problems.errorCount();
        map.allowOnly(FIELDS);

        String idKey = idKey(map);
        // An id that is not kebab-case is reported, but still names the task for the checks across
        // tasks, so a dependency on it is not reported a second time as unknown.
        Optional<String> id = map.requiredText(idKey, "add id: followed by a kebab-case name such as add-faq");
        id.ifPresent(value -> kebabCase(value, map, idKey));
        Node idNode = map.get(idKey).orElse(map.node());

        Optional<String> title = map.requiredText("title", "add title: followed by a one-line summary");
        String description = map.text("description").orElse("");
        Optional<String> scope = map.text("scope");
        scope.ifPresent(value -> {
            if (!Task.KNOWN_SCOPES.contains(value)) {
                problems.warning(map.get("scope").orElseThrow(), map.pathOf("scope"),
                        "scope '" + value + "' is not one Leviathan knows",
                        YamlValues.suggestion(value, Task.KNOWN_SCOPES, "known scopes"));
            }
        });
        Priority priority = map.choice("priority", "priority", Priority.BY_WORD).orElse(Priority.MEDIUM);
        boolean ready = map.bool("ready", false);
        TaskStatus status = map.choice("status", "status", TaskStatus.BY_WORD).orElse(TaskStatus.PENDING);
        List<AllowedPath> allowedPaths = allowedPaths(map);
        List<String> criteria = map.textList("acceptance_criteria");
        List<Dependency> dependencies = dependencies(map, id);
        Optional<EstimatedSize> size = map.choice("estimated_size", "estimated_size", EstimatedSize.BY_WORD);
        List<String> labels = map.textList("labels");
        Optional<ExecutorSpec> executor = map.get("executor")
                .flatMap(value -> ExecutorReader.read(value, map.pathOf("executor"), problems));
        executor.ifPresent(spec -> checkDocsPathAllowed(spec, allowedPaths, map));
        Optional<Budget> budget = budget(map);
        WriteBack writeBack = new WriteBack(map.text("last_attempt_id"), map.text("branch_name"),
                map.integer("pr_number", 1, Long.MAX_VALUE), map.text("completed_at"));

        Optional<Task> task = Optional.empty();
        if (problems.errorCount() == errorsBefore) {
            task = Optional.of(new Task(id.orElseThrow(), title.orElseThrow(), description, scope, priority, ready,
                    status, allowedPaths, criteria, dependencies.stream().map(Dependency::id).toList(), size,
                    labels, executor, budget, writeBack));
        }
        return Optional.of(new Entry(task, id, idNode, map.pathOf(idKey), dependencies));
    }

    /** {@code task_id} is the Python tool's other spelling of {@code id}; both at once is ambiguous. */
    private static String idKey(YamlMap map) {
        boolean hasId = map.keyNode("id").isPresent();
        boolean hasTaskId = map.keyNode("task_id").isPresent();
        if (hasId && hasTaskId) {
            map.problems().error(map.keyNode("task_id").orElseThrow(), map.pathOf("task_id"),
                    "both 'id' and 'task_id' are set", "keep only id; task_id is an older spelling of it");
        }
        return !hasId && hasTaskId ? "task_id" : "id";
    }

    private static void kebabCase(String id, YamlMap map, String key) {
        if (KEBAB_CASE.matcher(id).matches()) {
            return;
        }
        String suggestion = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        map.problems().error(map.get(key).orElseThrow(), map.pathOf(key),
                "task id '" + id + "' is not kebab-case",
                suggestion.isEmpty() ? "use lowercase letters, digits and single hyphens"
                        : "use lowercase letters, digits and single hyphens, such as " + suggestion);
    }

    private static List<AllowedPath> allowedPaths(YamlMap map) {
        List<AllowedPath> out = new ArrayList<>();
        List<Node> items = map.list("allowed_paths").orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            FieldPath path = map.pathOf("allowed_paths").index(i);
            Optional<String> value = YamlValues.text(item, path, map.problems());
            if (value.isEmpty()) {
                continue;
            }
            Optional<RepoPaths.Refusal> refusal = RepoPaths.check(value.get());
            if (refusal.isPresent()) {
                map.problems().error(item, path, refusal.get().message(), refusal.get().hint());
            } else {
                out.add(new AllowedPath(value.get()));
            }
        }
        return out;
    }

    private static List<Dependency> dependencies(YamlMap map, Optional<String> ownId) {
        List<Dependency> out = new ArrayList<>();
        List<Node> items = map.list("dependencies").orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            FieldPath path = map.pathOf("dependencies").index(i);
            Optional<String> value = YamlValues.text(item, path, map.problems());
            if (value.isEmpty()) {
                continue;
            }
            if (ownId.isPresent() && ownId.get().equals(value.get())) {
                map.problems().error(item, path, "task '" + value.get() + "' depends on itself",
                        "remove " + value.get() + " from its own dependencies");
                continue;
            }
            out.add(new Dependency(value.get(), item, path));
        }
        return out;
    }

    /** A docs executor can only write where the task may write. */
    private static void checkDocsPathAllowed(ExecutorSpec spec, List<AllowedPath> allowed, YamlMap map) {
        if (spec instanceof ExecutorSpec.Docs docs && docs.path().isPresent()
                && allowed.stream().noneMatch(entry -> entry.covers(docs.path().get()))) {
            FieldPath path = map.pathOf("executor").field("path");
            Node at = map.map("executor").flatMap(executor -> executor.get("path")).orElse(map.node());
            map.problems().error(at, path, "the docs executor writes '" + docs.path().get()
                    + "', which is outside the task's allowed_paths", "add " + docs.path().get() + " to allowed_paths");
        }
    }

    private static Optional<Budget> budget(YamlMap map) {
        Optional<YamlMap> mapping = map.map("budget");
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        YamlMap budget = mapping.get();
        budget.allowOnly(List.of("max_tokens", "max_seconds", "max_cost_usd"));
        Budget value = new Budget(budget.integer("max_tokens", 1, Long.MAX_VALUE),
                budget.integer("max_seconds", 1, Long.MAX_VALUE).map(Duration::ofSeconds),
                budget.decimal("max_cost_usd"));
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
