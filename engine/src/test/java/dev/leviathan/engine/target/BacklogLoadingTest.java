package dev.leviathan.engine.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BacklogLoadingTest {

    private static final String PYTHON_BACKLOG = Fixtures.PYTHON + ".leviathan/backlog.yaml";

    private static Backlog pythonBacklog() {
        return TargetFiles.loadBacklog(Fixtures.path(PYTHON_BACKLOG));
    }

    private static Task load(String yaml) {
        return TargetFiles.loadBacklog("backlog.yaml", yaml).tasks().get(0);
    }

    @Test
    void loadsEveryTaskOfThePythonLeviathanBacklogInFileOrder() {
        Backlog backlog = pythonBacklog();

        assertThat(backlog.shape()).isEqualTo(Backlog.Shape.MAPPING);
        assertThat(backlog.tasks()).extracting(Task::id).containsExactly("self-target-docs", "scheduler-runbook",
                "failure-budget", "graph-cli", "kind-runbook", "scheduler-tests", "api-reference",
                "invariants-check-docs");
        assertThat(backlog.warnings()).isEmpty();
    }

    @Test
    void acceptsTaskIdAsTheOlderSpellingOfId() {
        assertThat(pythonBacklog().task("self-target-docs")).isPresent();
    }

    @Test
    void readsEveryStatusTheWorkerWrites() {
        Backlog backlog = pythonBacklog();

        assertThat(backlog.task("self-target-docs").orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(backlog.task("scheduler-runbook").orElseThrow().status()).isEqualTo(TaskStatus.PR_OPENED);
        assertThat(backlog.task("kind-runbook").orElseThrow().status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(backlog.task("api-reference").orElseThrow().status()).isEqualTo(TaskStatus.BLOCKED);
    }

    @Test
    void keepsTheFieldsThePythonWorkerWritesBack() {
        WriteBack writeBack = pythonBacklog().task("self-target-docs").orElseThrow().writeBack();

        assertThat(writeBack.lastAttemptId()).contains("attempt-4f2a9c1e");
        assertThat(writeBack.branchName()).contains("agent/task-exec-attempt-4f2a9c1e");
        assertThat(writeBack.prNumber()).isEmpty();
        assertThat(writeBack.completedAt()).contains("2026-01-29T14:02:11.532901");
    }

    @Test
    void readsEveryFieldOfATask() {
        Task task = pythonBacklog().task("failure-budget").orElseThrow();

        assertThat(task.title()).isEqualTo("Block a task after N failures in a time window");
        assertThat(task.scope()).contains("core");
        assertThat(task.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(task.estimatedSize()).contains(EstimatedSize.MEDIUM);
        assertThat(task.ready()).isFalse();
        assertThat(task.dependencies()).containsExactly("self-target-docs", "scheduler-runbook");
        assertThat(task.allowedPaths()).extracting(AllowedPath::value)
                .containsExactly("leviathan/control_plane/failure_budget.py", "tests/unit/test_failure_budget.py");
        assertThat(task.acceptanceCriteria()).hasSize(2);
        assertThat(task.labels()).containsExactly("core", "scheduler", "safety");
    }

    @Test
    void readsACommandExecutorAndItsBudget() {
        Task task = pythonBacklog().task("scheduler-tests").orElseThrow();

        assertThat(task.executor()).contains(new ExecutorSpec.Command("pytest tests/unit/test_scheduler_latch.py",
                Duration.ofSeconds(300)));
        assertThat(task.budget()).contains(new Budget(Optional.empty(), Optional.of(Duration.ofSeconds(600)),
                Optional.empty()));
    }

    @Test
    void readsADocsExecutor() {
        Task task = pythonBacklog().task("api-reference").orElseThrow();

        assertThat(task.executor()).contains(new ExecutorSpec.Docs(ExecutorSpec.DocsKind.ROUTES,
                Optional.of("docs/api/routes.md")));
    }

    @Test
    void readsAnLlmExecutorWithATokenAndCostBudget() {
        Task task = pythonBacklog().task("invariants-check-docs").orElseThrow();

        assertThat(task.executor()).contains(new ExecutorSpec.Llm(Optional.of("claude-sonnet"), Optional.of(8000L)));
        assertThat(task.budget().orElseThrow().maxTokens()).contains(20000L);
        assertThat(task.budget().orElseThrow().maxCostUsd()).contains(new BigDecimal("0.75"));
    }

    @Test
    void readsPatchAndBacklogProposeExecutors() {
        Backlog backlog = TargetFiles.loadBacklog("backlog.yaml", """
                tasks:
                  - id: fix-typo
                    title: Fix a typo
                    allowed_paths: [README.md]
                    executor:
                      type: patch
                      diff: |
                        --- a/README.md
                        +++ b/README.md
                  - id: propose
                    title: Propose tasks
                    executor: {type: backlog-propose}
                """);

        assertThat(backlog.tasks().get(0).executor().orElseThrow()).isInstanceOf(ExecutorSpec.Patch.class);
        assertThat(backlog.tasks().get(1).executor()).contains(new ExecutorSpec.BacklogPropose());
    }

    @Test
    void commandExecutorWithoutTimeoutGetsTheDefault() {
        Task task = load("""
                - id: docs
                  title: Build docs
                  executor: {type: command, run: make docs}
                """);

        assertThat(task.executor()).contains(new ExecutorSpec.Command("make docs",
                ExecutorSpec.Command.DEFAULT_TIMEOUT));
    }

    @Test
    void keepsTheFreeFormMetadata() {
        assertThat(pythonBacklog().metadata()).containsEntry("target", "leviathan").containsEntry("total_tasks", 8L);
    }

    @Test
    void loadsABareListBacklog() {
        Backlog backlog = TargetFiles.loadBacklog(Fixtures.path("bare-list-backlog.yaml"));

        assertThat(backlog.shape()).isEqualTo(Backlog.Shape.BARE_LIST);
        assertThat(backlog.tasks()).extracting(Task::id).containsExactly("add-faq", "link-faq");
    }

    @Test
    void fillsInDefaultsForOmittedFields() {
        Task task = load("""
                tasks:
                  - id: add-faq
                    title: Add FAQ
                """);

        assertThat(task.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(task.ready()).isFalse();
        assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(task.description()).isEmpty();
        assertThat(task.scope()).isEmpty();
        assertThat(task.allowedPaths()).isEmpty();
        assertThat(task.dependencies()).isEmpty();
        assertThat(task.executor()).isEmpty();
        assertThat(task.budget()).isEmpty();
        assertThat(task.writeBack()).isEqualTo(WriteBack.none());
    }

    @Test
    void readsShortAndLongSizeSpellingsAsTheSameSize() {
        assertThat(load("[{id: a, title: A, estimated_size: s}]").estimatedSize()).contains(EstimatedSize.SMALL);
        assertThat(load("[{id: a, title: A, estimated_size: small}]").estimatedSize()).contains(EstimatedSize.SMALL);
        assertThat(load("[{id: a, title: A, estimated_size: l}]").estimatedSize()).contains(EstimatedSize.LARGE);
    }

    @Test
    void keepsUnquotedYesAndOnAsTextAsYaml12Does() {
        Backlog backlog = TargetFiles.loadBacklog("backlog.yaml", """
                tasks:
                  - id: a
                    title: yes
                    labels: [on, off, no]
                metadata:
                  on: push
                """);

        assertThat(backlog.tasks().get(0).title()).isEqualTo("yes");
        assertThat(backlog.tasks().get(0).labels()).containsExactly("on", "off", "no");
        assertThat(backlog.metadata()).containsEntry("on", "push");
    }

    @Test
    void readsTextFieldsWrittenAsNumbersAsWritten() {
        assertThat(load("[{id: a, title: 1.10}]").title()).isEqualTo("1.10");
    }

    @Test
    void treatsAnEnvironmentVariableReferenceAsPlainText() {
        Task task = load("""
                - id: a
                  title: A
                  executor:
                    type: command
                    run: ${HOME}/build.sh
                """);

        assertThat(((ExecutorSpec.Command) task.executor().orElseThrow()).run()).isEqualTo("${HOME}/build.sh");
    }

    @Test
    void acceptsAByteOrderMark() {
        Backlog backlog = TargetFiles.loadBacklog("backlog.yaml", "\uFEFFtasks: []\n".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));

        assertThat(backlog.tasks()).isEmpty();
    }

    @Test
    void treatsAnEmptyBudgetAsNoBudget() {
        assertThat(load("[{id: a, title: A, budget: {}}]").budget()).isEmpty();
    }

    @Test
    void loadsTheSameFromBytesTextAndPath() {
        String text = new String(Fixtures.bytes(PYTHON_BACKLOG), java.nio.charset.StandardCharsets.UTF_8);

        Backlog fromText = TargetFiles.loadBacklog("backlog.yaml", text);
        Backlog fromBytes = TargetFiles.loadBacklog("backlog.yaml", Fixtures.bytes(PYTHON_BACKLOG));

        assertThat(fromText).isEqualTo(fromBytes);
        assertThat(fromText.tasks()).isEqualTo(pythonBacklog().tasks());
    }

    @Test
    void validatingAGoodBacklogFindsNothing() {
        assertThat(TargetFiles.validateBacklog("backlog.yaml", Fixtures.bytes(PYTHON_BACKLOG))).isEmpty();
    }

    @Test
    void keepsMetadataKeysInFileOrder() {
        Map<String, Object> metadata = TargetFiles.loadBacklog("b.yaml", "tasks: []\nmetadata: {b: 1, a: 2}\n").metadata();

        assertThat(metadata.keySet()).containsExactly("b", "a");
    }
}
