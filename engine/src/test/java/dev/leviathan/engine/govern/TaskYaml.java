package dev.leviathan.engine.govern;

import dev.leviathan.engine.target.Task;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One backlog entry as YAML, with the fields a dispatchable docs task has; tests change one. */
final class TaskYaml {

    private final Map<String, String> fields = new LinkedHashMap<>();

    private TaskYaml(String id) {
        fields.put("id", id);
        fields.put("title", "Work on " + id);
        fields.put("scope", "docs");
        fields.put("priority", "medium");
        fields.put("ready", "true");
        fields.put("allowed_paths", "[docs/" + id + ".md]");
        fields.put("acceptance_criteria", "[\"Has a heading\"]");
        fields.put("executor", "{type: command, run: \"make " + id + "\", timeout_s: 60}");
    }

    static TaskYaml task(String id) {
        return new TaskYaml(id);
    }

    TaskYaml with(String field, String yamlValue) {
        fields.put(field, yamlValue);
        return this;
    }

    TaskYaml without(String field) {
        fields.remove(field);
        return this;
    }

    String yaml() {
        return fields.entrySet().stream()
                .map(e -> (e.getKey().equals("id") ? "  - " : "    ") + e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    Task load() {
        return backlog(this).getFirst();
    }

    static List<Task> backlog(TaskYaml... tasks) {
        String yaml = "tasks:\n" + Arrays.stream(tasks).map(TaskYaml::yaml).collect(Collectors.joining());
        return Targets.backlog(yaml);
    }
}
