package dev.leviathan.engine.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.Engine;
import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.event.EventQuery;
import dev.leviathan.engine.event.StoreSettings;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.execute.forge.PullRequest;
import dev.leviathan.engine.govern.Approvals;
import dev.leviathan.engine.govern.AutonomySwitch;
import dev.leviathan.engine.govern.CircuitBreaker;
import dev.leviathan.engine.govern.ReasonCode;
import dev.leviathan.engine.govern.ScheduleDecision;
import dev.leviathan.engine.govern.SchedulingMode;
import dev.leviathan.engine.target.RegisterTargetRequest;
import dev.leviathan.engine.target.Task;
import dev.leviathan.engine.testkit.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.Constants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Governed execution end to end on real git repositories (issue 5): approvals, decisions, a
 * worker in a child JVM per attempt, the scope guard, local pull requests and merges.
 */
class GovernedExecutionTest {

    static final String POLICY = """
            allowed_paths:
              docs: ["docs/**"]
            forbidden_paths: [".github/**"]
            """;

    @TempDir
    Path dir;

    TestRepo repo;
    Engine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
        if (repo != null) {
            repo.close();
        }
    }

    private void start(String backlog, String autonomy, Map<String, String> env) {
        repo = TestRepo.init(dir.resolve("shop"));
        repo.file("README.md", "# Shop\n").file(".leviathan/policy.yaml", POLICY)
                .file(".leviathan/backlog.yaml", backlog).commit("initial");
        LeviathanHome home = new LeviathanHome(dir.resolve("home"));
        if (autonomy != null) {
            try {
                Files.createDirectories(TargetInputs.autonomyFile(home, "shop").getParent());
                Files.writeString(TargetInputs.autonomyFile(home, "shop"), autonomy);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        Map<String, String> environment = new HashMap<>(env);
        environment.putIfAbsent("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        engine = Engine.open(home, StoreSettings.embedded(home), Clock.systemUTC(), environment);
        engine.targets().register(new RegisterTargetRequest("shop", repo.dir().toString(), null, "grace"));
        engine.bootstrapper().bootstrap(dev.leviathan.engine.bootstrap.BootstrapRequest.of("shop", null, "grace"));
    }

    private void approve(String taskId) {
        TargetInputs inputs = TargetInputs.read(engine.targets().find("shop").orElseThrow(), engine.home());
        Task task = inputs.backlog().task(taskId).orElseThrow();
        new Approvals(engine.store(), engine.clock()).approve("shop", task, inputs.commit(), "grace");
    }

    private List<StoredEvent> events(String type) {
        return engine.store().read(EventQuery.after(0, 10_000).withTypes(Set.of(type)));
    }

    static String command(String id, String path, String run, String extra) {
        return """
                  - id: %s
                    title: Task %s
                    scope: docs
                    priority: medium
                    ready: true
                    allowed_paths: [%s]
                    executor: {type: command, run: "%s", timeout_s: 60}
                %s""".formatted(id, id, path, run, extra);
    }

    static final String AUTONOMY = """
            autonomy_enabled: true
            allowed_path_prefixes: [docs/]
            max_open_prs: 3
            max_prs_per_hour: 10
            circuit_breaker_failures: 2
            backoff_seconds: 1
            """;

    @Test
    void aDependentTaskRunsOnlyAfterItsDependencyIsMerged() throws Exception {
        start("tasks:\n" + command("add-faq", "docs/FAQ.md", "mkdir -p docs && echo '# FAQ' > docs/FAQ.md", "")
                + command("link-faq", "docs/index.md", "mkdir -p docs && echo '[FAQ](FAQ.md)' > docs/index.md",
                        "    dependencies: [add-faq]\n"), AUTONOMY, Map.of());
        approve("add-faq");
        approve("link-faq");

        DispatchService.Dispatch first = engine.dispatch().decideAndRun("shop", new SchedulingMode.Autonomous(), "grace");

        assertThat(first.decision().chosenTaskId()).contains("add-faq");
        assertThat(first.decision().reasonsFor("link-faq")).extracting(r -> r.code())
                .contains(ReasonCode.DEPENDENCY_NOT_COMPLETED);
        assertThat(first.attempt().orElseThrow().status()).as(first.attempt().toString()).isEqualTo("succeeded");
        PullRequest pr = engine.forge().find(first.attempt().get().prId());
        assertThat(pr.branch()).isEqualTo("leviathan/add-faq/" + first.attempt().get().attemptId());
        assertThat(engine.forge().diff(pr.id())).contains("+++ b/docs/FAQ.md").doesNotContain("README");
        ScheduleDecision waiting = engine.dispatch().decide("shop", new SchedulingMode.Autonomous(), true, "grace");
        assertThat(waiting.chosen()).isEmpty();

        engine.forge().merge(pr.id(), "grace");
        DispatchService.Dispatch second = engine.dispatch().decideAndRun("shop", new SchedulingMode.Autonomous(), "grace");

        assertThat(repo.dir().resolve("docs/FAQ.md")).exists();
        assertThat(second.decision().chosenTaskId()).contains("link-faq");
        assertThat(second.attempt().orElseThrow().status()).isEqualTo("succeeded");
        assertThat(engine.forge().list("shop")).extracting(PullRequest::state)
                .containsExactly(PullRequest.State.MERGED, PullRequest.State.OPEN);
        assertThat(events("schedule.decided")).hasSize(2);
    }

    @Test
    void aScopeViolationFailsTheAttemptWithItsPathsAndPushesNothing() throws Exception {
        start("tasks:\n" + command("add-faq", "docs/FAQ.md",
                "mkdir -p docs && echo ok > docs/FAQ.md && echo owned > README.md", ""), AUTONOMY, Map.of());
        approve("add-faq");

        DispatchService.Dispatch run = engine.dispatch().decideAndRun("shop", new SchedulingMode.Manual("add-faq"),
                "grace");

        assertThat(run.attempt().orElseThrow().status()).isEqualTo("failed");
        StoredEvent failed = events("attempt.failed").getFirst();
        assertThat(failed.payload().json().path("failure_kind").asText()).isEqualTo("scope_violation");
        assertThat(failed.payload().json().path("paths").toString()).contains("README.md");
        assertThat(repo.git().getRepository().getRefDatabase().getRefsByPrefix(Constants.R_HEADS + "leviathan/"))
                .isEmpty();
        assertThat(engine.forge().list("shop")).isEmpty();
        assertThat(repo.dir().resolve("README.md")).hasContent("# Shop");
    }

    @Test
    void twoConsecutiveFailuresOpenTheCircuitUntilAnOperatorResetsIt() throws Exception {
        start("tasks:\n" + command("one", "docs/one.md", "exit 1", "") + command("two", "docs/two.md", "exit 1", "")
                + command("three", "docs/three.md", "mkdir -p docs && echo 3 > docs/three.md", ""), AUTONOMY, Map.of());
        approve("one");
        approve("two");
        approve("three");

        engine.dispatch().decideAndRun("shop", new SchedulingMode.Manual("one"), "grace");
        engine.dispatch().decideAndRun("shop", new SchedulingMode.Manual("two"), "grace");
        ScheduleDecision blocked = engine.dispatch().decide("shop", new SchedulingMode.Autonomous(), true, "grace");

        assertThat(events("circuit.opened")).hasSize(1);
        assertThat(blocked.chosen()).isEmpty();
        assertThat(blocked.blockers()).extracting(b -> b.code()).contains(ReasonCode.CIRCUIT_OPEN);

        new CircuitBreaker(engine.store(), engine.clock()).reset("shop", "grace", "fixed the build");
        ScheduleDecision open = engine.dispatch().decide("shop", new SchedulingMode.Manual("three"), true, "grace");

        assertThat(open.chosenTaskId()).contains("three");
    }

    @Test
    void theKillSwitchStopsDispatchAndAnEmergencyStopCancelsTheRunningWorker() throws Exception {
        start("tasks:\n" + command("slow", "docs/slow.md", "sleep 60", "")
                + command("next", "docs/next.md", "mkdir -p docs && echo n > docs/next.md", ""), AUTONOMY, Map.of());
        approve("slow");
        approve("next");
        long start = System.nanoTime();
        CompletableFuture<DispatchService.Dispatch> running = CompletableFuture.supplyAsync(() ->
                engine.dispatch().decideAndRun("shop", new SchedulingMode.Manual("slow"), "grace"));
        awaitEvent("attempt.started");
        assertThat(engine.dispatch().cancelRunning("another-target")).as("another target's stop").isEmpty();

        new AutonomySwitch(engine.store(), engine.clock()).disable("shop", "grace", "stop everything", true);
        DispatchService.Dispatch stopped = running.get(60, TimeUnit.SECONDS);

        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(45));
        assertThat(stopped.attempt().orElseThrow().status()).isEqualTo("failed");
        assertThat(events("attempt.failed").getFirst().payload().json().path("failure_kind").asText())
                .isEqualTo("cancelled");
        ScheduleDecision after = engine.dispatch().decide("shop", new SchedulingMode.Autonomous(), true, "grace");
        assertThat(after.chosen()).isEmpty();
        assertThat(after.blockers()).extracting(b -> b.code()).contains(ReasonCode.AUTONOMY_DISABLED);
    }

    @Test
    void anEmergencyStopRecordedBeforeTheWorkerStartedStillStopsIt() throws Exception {
        // On a slow machine the operator's stop can land between attempt.created and the worker's
        // first look at the store; the worker must not run on as if it never happened.
        start("tasks:\n" + command("slow", "docs/slow.md", "sleep 60", ""), AUTONOMY, Map.of());
        approve("slow");
        TargetInputs inputs = TargetInputs.read(engine.targets().find("shop").orElseThrow(), engine.home());
        Task task = inputs.backlog().task("slow").orElseThrow();
        var payload = dev.leviathan.engine.event.Json.object();
        payload.put("target_id", "shop");
        payload.put("attempt_id", "att-stopped");
        payload.put("task_id", "slow");
        payload.put("content_hash", task.contentHash());
        payload.put("base_commit", inputs.commit());
        payload.put("base_branch", "main");
        payload.put("executor", "command");
        payload.put("dispatcher", "local");
        payload.put("manual", true);
        engine.store().append(dev.leviathan.engine.event.EventEnvelope.of("attempt.created:att-stopped",
                "attempt.created", engine.clock().instant(), "grace", "shop",
                dev.leviathan.engine.event.Payload.of(payload)));
        new AutonomySwitch(engine.store(), engine.clock()).disable("shop", "grace", "stop everything", true);

        var result = CompletableFuture.supplyAsync(() -> engine.worker().run("shop", "att-stopped"))
                .get(30, TimeUnit.SECONDS);

        assertThat(result.succeeded()).isFalse();
        assertThat(events("attempt.failed").getFirst().payload().json().path("failure_kind").asText())
                .isEqualTo("cancelled");
    }

    @Test
    void theWorkerLogCanBeFollowedWhileTheAttemptRunsAndEndsAsTheStoredLog() throws Exception {
        // The command waits for the test's go-ahead, so "while it runs" does not depend on timing.
        Path go = dir.resolve("go");
        start("tasks:\n" + command("logged", "docs/logged.md", "echo first-line && while [ ! -f " + go
                + " ]; do sleep 0.1; done && mkdir -p docs && echo x > docs/logged.md && echo second-line", ""),
                AUTONOMY, Map.of());
        approve("logged");
        CompletableFuture<DispatchService.Dispatch> running = CompletableFuture.supplyAsync(() ->
                engine.dispatch().decideAndRun("shop", new SchedulingMode.Manual("logged"), "grace"));
        awaitEvent("attempt.created");
        String attemptId = events("attempt.created").getFirst().payload().json().path("attempt_id").asText();
        AttemptLogs logs = engine.attemptLogs();

        List<String> followed = new ArrayList<>();
        long offset = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (followed.stream().noneMatch(l -> l.equals("first-line")) && System.nanoTime() < deadline) {
            AttemptLogs.Chunk chunk = logs.read(attemptId, offset);
            assertThat(chunk.ended()).as("the attempt waits for the go-ahead").isFalse();
            followed.addAll(chunk.lines());
            offset = chunk.next();
            Thread.sleep(50);
        }
        assertThat(followed).contains("first-line").doesNotContain("second-line");
        Files.writeString(go, "go");
        assertThat(running.get(60, TimeUnit.SECONDS).attempt().orElseThrow().status()).isEqualTo("succeeded");
        for (AttemptLogs.Chunk chunk = logs.read(attemptId, offset); !chunk.lines().isEmpty();
                chunk = logs.read(attemptId, offset)) {
            followed.addAll(chunk.lines());
            offset = chunk.next();
        }

        String sha = events("attempt.succeeded").getFirst().payload().json().path("log_sha256").asText();
        assertThat(followed).contains("second-line")
                .isEqualTo(new String(engine.artifacts().read(sha), java.nio.charset.StandardCharsets.UTF_8).lines()
                        .toList());
    }

    @Test
    void aTaskEditedAfterItsApprovalIsNotDispatchedAndTheReasonSaysSo() throws Exception {
        start("tasks:\n" + command("add-faq", "docs/FAQ.md", "mkdir -p docs && echo a > docs/FAQ.md", ""), AUTONOMY,
                Map.of());
        approve("add-faq");
        repo.file(".leviathan/backlog.yaml", "tasks:\n" + command("add-faq", "docs/FAQ.md",
                "mkdir -p docs && echo b > docs/FAQ.md", "")).commit("edit the task");

        ScheduleDecision decision = engine.dispatch().decide("shop", new SchedulingMode.Autonomous(), false, "grace");

        assertThat(decision.chosen()).isEmpty();
        assertThat(decision.reasonsFor("add-faq")).extracting(r -> r.code()).contains(ReasonCode.APPROVAL_STALE);
        assertThat(decision.reasonsFor("add-faq").getFirst().message()).contains("approval stale");
        assertThat(events("attempt.created")).isEmpty();
    }

    @Test
    void secretsInTheEnvironmentReachNoLogEventStoreOrPullRequest() throws Exception {
        String key = "sk-canary-9f8e7d6c5b4a39281706";
        String token = "ghp_canary_0a1b2c3d4e5f6a7b8c9d";
        start("tasks:\n" + command("add-faq", "docs/FAQ.md",
                "mkdir -p docs && echo \\\"[$LEVIATHAN_LLM_API_KEY][$LEVIATHAN_GIT_TOKEN]\\\" > docs/FAQ.md && env", ""),
                AUTONOMY, Map.of("LEVIATHAN_LLM_API_KEY", key, "LEVIATHAN_LLM_BASE_URL", "http://127.0.0.1:9/v1",
                        "LEVIATHAN_LLM_MODEL", "canary-model", "LEVIATHAN_GIT_TOKEN", token));
        approve("add-faq");

        DispatchService.Dispatch run = engine.dispatch().decideAndRun("shop", new SchedulingMode.Manual("add-faq"),
                "grace");

        assertThat(run.attempt().orElseThrow().status()).isEqualTo("succeeded");
        PullRequest pr = engine.forge().find(run.attempt().get().prId());
        assertThat(pr.body()).doesNotContain(key).doesNotContain(token);
        assertThat(engine.forge().diff(pr.id())).doesNotContain(key).doesNotContain(token);
        List<StoredEvent> all = new ArrayList<>();
        engine.store().scan(0, all::add);
        for (StoredEvent event : all) {
            assertThat(event.payload().canonical()).doesNotContain(key).doesNotContain(token);
        }
        engine.close();
        engine = null;
        try (var files = Files.walk(dir.resolve("home"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(content).as(file.toString()).doesNotContain(key).doesNotContain(token);
            }
        }
    }

    private void awaitEvent(String type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!events(type).isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + type + " within 60 s");
    }
}
