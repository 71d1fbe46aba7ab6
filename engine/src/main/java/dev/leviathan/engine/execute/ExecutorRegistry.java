package dev.leviathan.engine.execute;

import dev.leviathan.engine.execute.docs.BacklogProposeExecutor;
import dev.leviathan.engine.execute.docs.DocsExecutor;
import dev.leviathan.engine.execute.llm.LlmExecutor;
import dev.leviathan.engine.target.ExecutorSpec;
import dev.leviathan.engine.target.Task;
import java.util.List;
import java.util.Optional;

/**
 * The executors by {@code executor.type}. A task without an {@code executor} is carried out by
 * the model when one is configured; the scheduler does not dispatch it otherwise.
 */
public final class ExecutorRegistry {

    private final List<TaskExecutor> executors = List.of(new CommandExecutor(), new PatchExecutor(),
            new DocsExecutor(), new BacklogProposeExecutor(), new LlmExecutor());

    public Optional<TaskExecutor> forTask(Task task) {
        String type = task.executor().map(ExecutorSpec::type).orElse(ExecutorSpec.Llm.TYPE);
        return executors.stream().filter(e -> e.type().equals(type)).findFirst();
    }
}
