package dev.leviathan.engine.execute;

import dev.leviathan.engine.bootstrap.Bootstrapper;
import dev.leviathan.engine.config.Secret;
import dev.leviathan.engine.target.Policy;
import dev.leviathan.engine.target.Task;
import dev.leviathan.engine.target.TargetFiles;
import dev.leviathan.engine.testkit.TestRepo;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** A work tree at a commit and a request for one task of a backlog written inline. */
final class ExecutorFixture {

    private ExecutorFixture() {
    }

    static Task task(String backlogYaml) {
        return TargetFiles.loadBacklog("backlog.yaml", backlogYaml).tasks().getFirst();
    }

    static Policy policy(String policyYaml) {
        return TargetFiles.loadPolicy("policy.yaml", policyYaml);
    }

    static ExecutionRequest request(TestRepo repo, Task task, RedactingLog log, BooleanSupplier cancelled) {
        String head;
        try {
            head = repo.git().getRepository().resolve("HEAD").name();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path workTree = repo.dir();
        return new ExecutionRequest("shop", "att-1", task, workTree, head,
                () -> Bootstrapper.readFacts(repo.git().getRepository(), head),
                policy("allowed_paths: [\"**\"]\n"), Map.of(), log, cancelled, Clock.systemUTC());
    }

    static RedactingLog log(Secret... secrets) {
        return new RedactingLog(List.of(secrets));
    }
}
