package dev.leviathan.engine.target;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.event.CanonicalJson;
import dev.leviathan.engine.event.Json;
import java.util.List;

/**
 * The JSON a task's content hash is computed over. Optional fields that are absent are left out
 * (never written as null); fields with defaults always carry the value in effect, so writing a
 * default and omitting it hash the same.
 */
final class TaskDefinition {

    private TaskDefinition() {
    }

    static String canonical(Task task) {
        return CanonicalJson.write(json(task));
    }

    static ObjectNode json(Task task) {
        ObjectNode out = Json.object();
        out.put("id", task.id());
        out.put("title", task.title());
        out.put("description", task.description());
        task.scope().ifPresent(scope -> out.put("scope", scope));
        out.put("priority", task.priority().word());
        strings(out.putArray("allowed_paths"), task.allowedPaths().stream().map(AllowedPath::value).toList());
        strings(out.putArray("acceptance_criteria"), task.acceptanceCriteria());
        strings(out.putArray("dependencies"), task.dependencies());
        task.estimatedSize().ifPresent(size -> out.put("estimated_size", size.word()));
        strings(out.putArray("labels"), task.labels());
        task.executor().ifPresent(executor -> out.set("executor", executor(executor)));
        task.budget().ifPresent(budget -> out.set("budget", budget(budget)));
        return out;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static ObjectNode executor(ExecutorSpec spec) {
        ObjectNode out = Json.object();
        out.put("type", spec.type());
        switch (spec) {
            case ExecutorSpec.Command command -> {
                out.put("run", command.run());
                out.put("timeout_s", command.timeout().toSeconds());
            }
            case ExecutorSpec.Patch patch -> out.put("diff", patch.diff());
            case ExecutorSpec.Docs docs -> {
                out.put("kind", docs.kind().word());
                docs.path().ifPresent(path -> out.put("path", path));
            }
            case ExecutorSpec.BacklogPropose propose -> {
            }
            case ExecutorSpec.Llm llm -> {
                llm.model().ifPresent(model -> out.put("model", model));
                llm.maxTokens().ifPresent(tokens -> out.put("max_tokens", tokens));
            }
        }
        return out;
    }

    private static ObjectNode budget(Budget budget) {
        ObjectNode out = Json.object();
        budget.maxTokens().ifPresent(tokens -> out.put("max_tokens", tokens));
        budget.maxDuration().ifPresent(duration -> out.put("max_seconds", duration.toSeconds()));
        budget.maxCostUsd().ifPresent(cost -> out.put("max_cost_usd", cost));
        return out;
    }
}
