package dev.leviathan.engine.govern;

import dev.leviathan.engine.target.AutonomyConfig;
import dev.leviathan.engine.target.Policy;
import dev.leviathan.engine.target.Task;
import dev.leviathan.engine.target.TargetFiles;
import java.time.Instant;
import java.util.List;

/** Target files for scheduler tests, written as operators write them. */
final class Targets {

    static final String POLICY = """
            allowed_paths:
              docs: ["docs/**", "README.md"]
              tests: ["tests/**"]
            forbidden_paths:
              - ".github/**"
              - "docs/private/**"
              - "**/*.pem"
            safety_rules:
              max_attempts_per_task: 3
              backoff_seconds: 60
            """;

    static final String AUTONOMY = """
            autonomy_enabled: true
            target_id: demo
            allowed_path_prefixes: [docs/, tests/, README.md, .github/]
            max_open_prs: 2
            max_running_attempts: 1
            max_attempts_per_task: 5
            circuit_breaker_failures: 3
            max_prs_per_hour: 2
            backoff_seconds: 30
            """;

    private Targets() {
    }

    static List<Task> backlog(String yaml) {
        return TargetFiles.loadBacklog("backlog.yaml", yaml).tasks();
    }

    static Task task(String yaml) {
        return backlog(yaml).getFirst();
    }

    static Policy policy(String yaml) {
        return TargetFiles.loadPolicy("policy.yaml", yaml);
    }

    static Policy policy() {
        return policy(POLICY);
    }

    static AutonomyConfig autonomy(String yaml) {
        return TargetFiles.loadAutonomyConfig("dev.yaml", yaml);
    }

    static AutonomyConfig autonomy() {
        return autonomy(AUTONOMY);
    }

    static SchedulingInput input(List<Task> tasks, GovernanceSnapshot history, Instant now) {
        return new SchedulingInput(History.TARGET, tasks, policy(), autonomy(), history,
                new OpenPullRequests.Counted(history.openPullRequests()), false, now,
                new SchedulingMode.Autonomous());
    }
}
