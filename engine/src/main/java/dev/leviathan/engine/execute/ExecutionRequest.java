package dev.leviathan.engine.execute;

import dev.leviathan.engine.bootstrap.RepositoryFacts;
import dev.leviathan.engine.target.Policy;
import dev.leviathan.engine.target.Task;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Everything an executor may use for one attempt.
 *
 * @param workTree the attempt's own checkout of the target at {@code baseCommit}; the only place
 *     the executor writes
 * @param facts the base commit's facts (files, docs, workflows, routes), computed on first use
 * @param policy the target's {@code policy.yaml} at the base commit (empty policy if none)
 * @param env the environment the worker runs in, already scrubbed of Leviathan's own secrets
 *     except those an executor is configured to use (the LLM key)
 * @param log where the executor writes what a person reviewing the attempt should see; it
 *     becomes the attempt's log artifact
 * @param cancelled polled while the executor runs; true means stop now and return Failed
 */
public record ExecutionRequest(String targetId, String attemptId, Task task, Path workTree, String baseCommit,
        Supplier<RepositoryFacts> facts, Policy policy, Map<String, String> env, ExecutionLog log,
        BooleanSupplier cancelled, Clock clock) {
}
