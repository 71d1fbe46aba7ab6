package dev.leviathan.engine.target;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code .leviathan/backlog.yaml}: the tasks in file order.
 *
 * @param shape    how the file was written: {@code tasks: [...]} or a bare list
 * @param metadata the free-form {@code metadata} mapping, kept as written (empty if absent)
 * @param warnings what loading noticed but did not refuse, such as an unknown scope
 */
public record Backlog(List<Task> tasks, Shape shape, Map<String, Object> metadata, List<Problem> warnings) {

    /** The two ways the public Python Leviathan accepts a backlog. */
    public enum Shape {
        /** {@code tasks: [...]}, optionally with {@code metadata}. */
        MAPPING,
        /** A YAML list of tasks at the top of the file. */
        BARE_LIST
    }

    public Backlog {
        tasks = List.copyOf(tasks);
        warnings = List.copyOf(warnings);
    }

    public Optional<Task> task(String id) {
        return tasks.stream().filter(task -> task.id().equals(id)).findFirst();
    }
}
