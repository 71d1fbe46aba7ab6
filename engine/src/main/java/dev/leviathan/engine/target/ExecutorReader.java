package dev.leviathan.engine.target;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads a task's {@code executor} mapping into an {@link ExecutorSpec}. */
final class ExecutorReader {

    /** A command may run for at most a day. */
    static final long MAX_TIMEOUT_SECONDS = 86_400;

    private ExecutorReader() {
    }

    static Optional<ExecutorSpec> read(Node node, FieldPath path, Problems problems) {
        Optional<YamlMap> mapping = YamlValues.mapping(node, path, problems);
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = mapping.get();
        Optional<String> type = map.requiredText("type", "use one of: " + String.join(", ", ExecutorSpec.TYPES));
        if (type.isEmpty()) {
            return Optional.empty();
        }
        if (!ExecutorSpec.TYPES.contains(type.get())) {
            problems.error(map.get("type").orElseThrow(), map.pathOf("type"),
                    "unknown executor type '" + type.get() + "'",
                    YamlValues.suggestion(type.get(), ExecutorSpec.TYPES, "use one of"));
            return Optional.empty();
        }
        int errorsBefore = problems.errorCount();
        ExecutorSpec spec = switch (type.get()) {
            case ExecutorSpec.Command.TYPE -> command(map);
            case ExecutorSpec.Patch.TYPE -> patch(map);
            case ExecutorSpec.Docs.TYPE -> docs(map);
            case ExecutorSpec.BacklogPropose.TYPE -> {
                map.allowOnly(List.of("type"));
                yield new ExecutorSpec.BacklogPropose();
            }
            default -> llm(map);
        };
        return problems.errorCount() == errorsBefore ? Optional.ofNullable(spec) : Optional.empty();
    }

    private static ExecutorSpec command(YamlMap map) {
        map.allowOnly(List.of("type", "run", "timeout_s"));
        Optional<String> run = map.requiredText("run", "give the command to run, such as run: \"make docs\"");
        Duration timeout = map.integer("timeout_s", 1, MAX_TIMEOUT_SECONDS)
                .map(Duration::ofSeconds).orElse(ExecutorSpec.Command.DEFAULT_TIMEOUT);
        return run.map(command -> new ExecutorSpec.Command(command, timeout)).orElse(null);
    }

    private static ExecutorSpec patch(YamlMap map) {
        map.allowOnly(List.of("type", "diff"));
        return map.requiredText("diff", "put the unified diff in a block: diff: |")
                .map(ExecutorSpec.Patch::new).orElse(null);
    }

    private static ExecutorSpec docs(YamlMap map) {
        map.allowOnly(List.of("type", "kind", "path"));
        if (!map.has("kind")) {
            map.missing("kind", "use one of: " + String.join(", ", ExecutorSpec.DocsKind.BY_WORD.keySet()));
        }
        Optional<ExecutorSpec.DocsKind> kind = map.choice("kind", "docs kind", ExecutorSpec.DocsKind.BY_WORD);
        Optional<String> path = map.text("path");
        path.ifPresent(p -> {
            Optional<RepoPaths.Refusal> refusal = p.endsWith("/")
                    ? Optional.of(new RepoPaths.Refusal("path '" + p + "' is a directory", "name the file to write, such as docs/api.md"))
                    : RepoPaths.check(p);
            refusal.ifPresent(r -> map.problems().error(map.get("path").orElseThrow(), map.pathOf("path"), r.message(), r.hint()));
        });
        return kind.map(k -> new ExecutorSpec.Docs(k, path)).orElse(null);
    }

    private static ExecutorSpec llm(YamlMap map) {
        map.allowOnly(List.of("type", "model", "max_tokens"));
        return new ExecutorSpec.Llm(map.text("model"), map.integer("max_tokens", 1, 10_000_000));
    }
}
