package dev.leviathan.engine.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads {@code backlog.yaml}: {@code {tasks: [...], metadata: {...}}} or a bare list of tasks. */
final class BacklogReader {

    static final String EMPTY_HINT = "list the tasks under tasks:, or write tasks: [] for an empty backlog";

    private BacklogReader() {
    }

    static Optional<Backlog> read(Node root, Problems problems) {
        Backlog.Shape shape;
        List<Node> items;
        Map<String, Object> metadata = Map.of();
        if (root instanceof MappingNode mapping) {
            YamlMap map = YamlMap.of(mapping, FieldPath.root(), problems);
            map.allowOnly(List.of("tasks", "metadata"));
            if (!map.has("tasks")) {
                map.missing("tasks", EMPTY_HINT);
            }
            items = map.list("tasks").orElse(List.of());
            metadata = map.plainMap("metadata");
            shape = Backlog.Shape.MAPPING;
        } else if (root instanceof SequenceNode sequence) {
            items = sequence.getValue();
            shape = Backlog.Shape.BARE_LIST;
        } else {
            problems.error(root, FieldPath.root(), "expected a mapping with 'tasks' or a list of tasks, found "
                    + YamlValues.describe(root), EMPTY_HINT);
            return Optional.empty();
        }
        // Both shapes name their tasks tasks[i], so a path means the same in either.
        FieldPath tasks = FieldPath.root().field("tasks");
        List<TaskReader.Entry> entries = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            TaskReader.read(items.get(i), tasks.index(i), problems).ifPresent(entries::add);
        }
        DependencyChecks.check(entries, problems);
        if (problems.hasErrors()) {
            return Optional.empty();
        }
        List<Task> loaded = entries.stream().map(entry -> entry.task().orElseThrow()).toList();
        return Optional.of(new Backlog(loaded, shape, metadata, problems.warnings()));
    }
}
