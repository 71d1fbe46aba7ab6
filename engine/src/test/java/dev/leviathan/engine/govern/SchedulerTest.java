package dev.leviathan.engine.govern;

import static dev.leviathan.engine.govern.TaskYaml.backlog;
import static dev.leviathan.engine.govern.TaskYaml.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.leviathan.engine.target.AutonomyConfig;
import dev.leviathan.engine.target.Policy;
import dev.leviathan.engine.target.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchedulerTest {

    private final Scheduler scheduler = new Scheduler();

    /** Approves every task as it is now, so each test changes only what it is about. */
    private static History approvedAll(List<Task> tasks) {
        History history = new History();
        tasks.forEach(history::approved);
        return history;
    }

    private ScheduleDecision decide(List<Task> tasks, History history) {
        return scheduler.decide(Targets.input(tasks, history.snapshot(), history.now()));
    }

    private ScheduleDecision decide(SchedulingInput input) {
        return scheduler.decide(input);
    }

    private static SchedulingInput with(SchedulingInput in, Policy policy, AutonomyConfig autonomy) {
        return new SchedulingInput(in.targetId(), in.tasks(), policy, autonomy, in.history(), in.openPullRequests(),
                in.modelConfigured(), in.now(), in.mode());
    }

    private static SchedulingInput with(SchedulingInput in, OpenPullRequests open) {
        return new SchedulingInput(in.targetId(), in.tasks(), in.policy(), in.autonomy(), in.history(), open,
                in.modelConfigured(), in.now(), in.mode());
    }

    private static SchedulingInput with(SchedulingInput in, SchedulingMode mode) {
        return new SchedulingInput(in.targetId(), in.tasks(), in.policy(), in.autonomy(), in.history(),
                in.openPullRequests(), in.modelConfigured(), in.now(), mode);
    }

    private static SchedulingInput withModel(SchedulingInput in) {
        return new SchedulingInput(in.targetId(), in.tasks(), in.policy(), in.autonomy(), in.history(),
                in.openPullRequests(), true, in.now(), in.mode());
    }

    private static SchedulingInput at(SchedulingInput in, Instant now) {
        return new SchedulingInput(in.targetId(), in.tasks(), in.policy(), in.autonomy(), in.history(),
                in.openPullRequests(), in.modelConfigured(), now, in.mode());
    }

    private static List<ReasonCode> codes(ScheduleDecision decision, String taskId) {
        return decision.reasonsFor(taskId).stream().map(Reason::code).toList();
    }

    private static String message(ScheduleDecision decision, String taskId, ReasonCode code) {
        return decision.reasonsFor(taskId).stream().filter(r -> r.code() == code).findFirst().orElseThrow().message();
    }

    // choosing

    @Test
    void choosesAnApprovedReadyPendingTask() {
        List<Task> tasks = backlog(task("add-faq"));

        ScheduleDecision decision = decide(tasks, approvedAll(tasks));

        assertThat(decision.chosenTaskId()).contains("add-faq");
        assertThat(decision.reasons()).isEmpty();
        assertThat(decision.blockers()).isEmpty();
    }

    @Test
    void prefersHigherPriorityOverBacklogOrder() {
        List<Task> tasks = backlog(task("write-guide").with("priority", "low"), task("fix-typo"),
                task("add-faq").with("priority", "high"));

        ScheduleDecision decision = decide(tasks, approvedAll(tasks));

        assertThat(decision.chosenTaskId()).contains("add-faq");
        assertThat(decision.reasons()).extracting(Reason::taskId, Reason::code, Reason::message).containsExactly(
                tuple("write-guide", ReasonCode.LOWER_PRIORITY, "eligible, but add-faq goes first (priority high)"),
                tuple("fix-typo", ReasonCode.LOWER_PRIORITY, "eligible, but add-faq goes first (priority high)"));
    }

    @Test
    void breaksPriorityTiesByBacklogOrder() {
        List<Task> tasks = backlog(task("write-guide").with("priority", "high"), task("add-faq").with("priority", "high"));

        ScheduleDecision decision = decide(tasks, approvedAll(tasks));

        assertThat(decision.chosenTaskId()).contains("write-guide");
        assertThat(message(decision, "add-faq", ReasonCode.LOWER_PRIORITY))
                .isEqualTo("eligible, but write-guide goes first (same priority, earlier in the backlog)");
    }

    @Test
    void choosesNothingFromAnEmptyBacklog() {
        ScheduleDecision decision = decide(List.of(), new History());

        assertThat(decision.chosen()).isEmpty();
        assertThat(decision.reasons()).isEmpty();
    }

    // NOT_READY, NOT_PENDING, DEPENDENCY_NOT_COMPLETED

    @Test
    void passesOverATaskThatIsNotReady() {
        List<Task> tasks = backlog(task("add-faq").with("ready", "false"));

        ScheduleDecision decision = decide(tasks, approvedAll(tasks));

        assertThat(decision.chosen()).isEmpty();
        assertThat(decision.reasonsFor("add-faq")).extracting(Reason::code, Reason::message).containsExactly(
                tuple(ReasonCode.NOT_READY, "not ready: set ready: true in the backlog when it may run"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"completed", "in_progress", "blocked", "pr_opened", "ready_to_merge"})
    void passesOverATaskWhoseBacklogStatusIsNotPending(String status) {
        List<Task> tasks = backlog(task("add-faq").with("status", status));

        ScheduleDecision decision = decide(tasks, approvedAll(tasks));

        assertThat(decision.reasonsFor("add-faq")).extracting(Reason::code, Reason::message).containsExactly(
                tuple(ReasonCode.NOT_PENDING, "status is " + status + " in the backlog"));
    }

    @Test
    void aTaskThatIsNotPendingCarriesNoOtherReasonOfItsOwn() {
        List<Task> tasks = backlog(task("add-faq").with("status", "completed").with("ready", "false"));

        ScheduleDecision decision = decide(tasks, new History());

        assertThat(codes(decision, "add-faq")).containsExactly(ReasonCode.NOT_PENDING);
    }

    @Test
    void aMergedPullRequestCompletesTheTaskWhateverTheBacklogSays() {
        List<Task> tasks = backlog(task("add-faq"));
        History history = approvedAll(tasks).opened("att-1", "add-faq", "pr-1").merged("pr-1", "att-1", "add-faq");

        ScheduleDecision decision = decide(tasks, history);

        assertThat(decision.reasonsFor("add-faq")).extracting(Reason::code, Reason::message).containsExactly(
                tuple(ReasonCode.NOT_PENDING, "completed: pull request pr-1 was merged"));
    }

    @Test
    void passesOverATaskWhoseDependencyIsNotCompletedAndNamesIt() {
        List<Task> tasks = backlog(task("write-guide").with("ready", "false"),
                task("add-faq").with("dependencies", "[write-guide]"));

        ScheduleDecision decision = decide(tasks, approvedAll(tasks));

        assertThat(decision.reasonsFor("add-faq")).extracting(Reason::code, Reason::message).containsExactly(
                tuple(ReasonCode.DEPENDENCY_NOT_COMPLETED, "waits for dependency write-guide (pending): not completed"));
    }

    @Test
    void namesEveryDependencyThatIsNotCompleted() {
        List<Task> tasks = backlog(task("a").with("ready", "false"), task("b").with("status", "in_progress"),
                task("c").with("status", "completed"), task("d").with("dependencies", "[a, b, c]"));

        ScheduleDecision decision = decide(tasks, approvedAll(tasks));

        assertThat(message(decision, "d", ReasonCode.DEPENDENCY_NOT_COMPLETED))
                .isEqualTo("waits for dependencies a (pending), b (in_progress): not completed");
    }

    @Test
    void aMergedDependencyUnblocksItsDependant() {
        List<Task> tasks = backlog(task("write-guide"), task("add-faq").with("dependencies", "[write-guide]"));
        History history = approvedAll(tasks);
        assertThat(codes(decide(tasks, history), "add-faq")).contains(ReasonCode.DEPENDENCY_NOT_COMPLETED);

        history.opened("att-1", "write-guide", "pr-1").merged("pr-1", "att-1", "write-guide");
        ScheduleDecision decision = decide(tasks, history);

        assertThat(decision.chosenTaskId()).contains("add-faq");
        assertThat(codes(decision, "write-guide")).containsExactly(ReasonCode.NOT_PENDING);
    }

    @Test
    void aDependencyMissingFromTheBacklogIsNotCompleted() {
        Task dependant = backlog(task("guide"), task("faq").with("dependencies", "[guide]")).get(1);

        ScheduleDecision decision = decide(List.of(dependant), approvedAll(List.of(dependant)));

        assertThat(message(decision, "faq", ReasonCode.DEPENDENCY_NOT_COMPLETED))
                .isEqualTo("waits for dependency guide (not in the backlog): not completed");
    }

    // approvals

    @Test
    void passesOverATaskNeverApproved() {
        List<Task> tasks = backlog(task("add-faq"));

        ScheduleDecision decision = decide(tasks, new History());

        assertThat(decision.reasonsFor("add-faq")).extracting(Reason::code, Reason::message).containsExactly(
                tuple(ReasonCode.NOT_APPROVED,
                        "not approved: review it, then run `leviathanctl approve add-faq --target demo`"));
    }

    @Test
    void anApprovalGoesStaleWhenTheTaskIsEdited() {
        Task approved = task("add-faq").load();
        History history = new History().approved(approved.id(), approved.contentHash(), "approval-1");
        Task edited = task("add-faq").with("title", "Add a longer FAQ").load();

        ScheduleDecision decision = decide(List.of(edited), history);

        assertThat(decision.chosen()).isEmpty();
        assertThat(decision.reasonsFor("add-faq")).extracting(Reason::code, Reason::message).containsExactly(
                tuple(ReasonCode.APPROVAL_STALE, "approval stale: the task changed after approval approval-1"
                        + " (approved content " + approved.contentHash().substring(0, 12) + ", now "
                        + edited.contentHash().substring(0, 12) + "): review the change, then run"
                        + " `leviathanctl approve add-faq --target demo`"));
    }

    @Test
    void aTaskWhoseContentCannotBeHashedIsNeverApproved() {
        // YAML lets a double-quoted string spell a lone surrogate; such a title has no canonical JSON.
        Task broken = task("add-faq").with("title", "\"FAQ \\uD800\"").load();
        History history = new History().approved("add-faq", "0".repeat(64), "approval-1");

        ScheduleDecision decision = decide(List.of(broken), history);

        assertThat(decision.reasonsFor("add-faq")).extracting(Reason::code, Reason::message).containsExactly(
                tuple(ReasonCode.APPROVAL_STALE, "approval approval-1 cannot match: the task's content cannot be"
                        + " hashed (string contains a lone surrogate at index 4: not valid I-JSON): fix the backlog"
                        + " entry, then approve it again"));
    }

    @Test
    void markingAnApprovedTaskReadyKeepsItsApproval() {
        Task draft = task("add-faq").with("ready", "false").load();
        History history = new History().approved(draft);

        ScheduleDecision decision = decide(List.of(task("add-faq").load()), history);

        assertThat(decision.chosenTaskId()).contains("add-faq");
    }

    @Test
    void passesOverATaskWhoseApprovalWasRevoked() {
        Task task = task("add-faq").load();
        History history = new History().approved(task.id(), task.contentHash(), "approval-1")
                .revoked("add-faq", "approval-1", "scope too wide");

        ScheduleDecision decision = decide(List.of(task), history);

        assertThat(decision.reasonsFor("add-faq")).extracting(Reason::code, Reason::message).containsExactly(
                tuple(ReasonCode.APPROVAL_REVOKED, "approval approval-1 was revoked by bob at " + History.T0
                        + " (scope too wide): approve it again with `leviathanctl approve add-faq --target demo`"));
    }

    @Test
    void anApprovalAfterARevocationCounts() {
        Task task = task("add-faq").load();
        History history = new History().approved(task.id(), task.contentHash(), "approval-1")
                .revoked("add-faq", "approval-1", "wait").approved(task.id(), task.contentHash(), "approval-2");

        assertThat(decide(List.of(task), history).chosenTaskId()).contains("add-faq");
    }

    // paths

    @Test
    void passesOverAPathOutsideTheAutonomyPrefixes() {
        List<Task> tasks = backlog(task("tidy-src").with("allowed_paths", "[src/app.py]"));

        ScheduleDecision decision = decide(tasks, approvedAll(tasks));

        assertThat(decision.reasonsFor("tidy-src")).extracting(Reason::code, Reason::message).containsExactly(
                tuple(ReasonCode.PATH_OUTSIDE_POLICY, "'src/app.py' is outside the autonomy config's"
                        + " allowed_path_prefixes (docs/, tests/, README.md, .github/)"));
    }

    @Test
    void passesOverAPathThePolicyDoesNotPermitForTheTasksScope() {
        List<Task> tasks = backlog(task("add-test").with("allowed_paths", "[tests/test_faq.py]"));

        ScheduleDecision decision = decide(tasks, approvedAll(tasks));

        assertThat(decision.reasonsFor("add-test")).extracting(Reason::code, Reason::message).containsExactly(
                tuple(ReasonCode.PATH_OUTSIDE_POLICY,
                        "'tests/test_faq.py' is not permitted by policy.yaml for scope docs"));
    }

    @Test
    void aDirectoryIsPermittedByAGlobThatCoversAllOfIt() {
        List<Task> tasks = backlog(task("add-faq").with("allowed_paths", "[docs/faq/]"));

        assertThat(decide(tasks, approvedAll(tasks)).chosenTaskId()).contains("add-faq");
    }

    @Test
    void aDirectoryIsNotPermittedByAGlobForSomeOfItsFiles() {
        List<Task> tasks = backlog(task("add-faq").with("allowed_paths", "[docs/faq/]"));
        Policy policy = Targets.policy("allowed_paths: {docs: [\"docs/faq/*.md\"]}");
        SchedulingInput input = with(Targets.input(tasks, approvedAll(tasks).snapshot(), History.T0), policy,
                Targets.autonomy());

        assertThat(message(decide(input), "add-faq", ReasonCode.PATH_OUTSIDE_POLICY))
                .isEqualTo("'docs/faq/' is not permitted by policy.yaml for scope docs"
                        + " (a directory needs a glob that covers all of it, such as docs/faq/**)");
    }

    @Test
    void aTaskWithoutScopeIsPermittedOnlyByThePlainList() {
        List<Task> tasks = backlog(task("add-faq").without("scope"));

        ScheduleDecision decision = decide(tasks, approvedAll(tasks));

        assertThat(message(decision, "add-faq", ReasonCode.PATH_OUTSIDE_POLICY))
                .isEqualTo("'docs/add-faq.md' is not permitted by policy.yaml for a task without a scope");
    }

    @Test
    void passesOverATaskWithoutAllowedPaths() {
        List<Task> tasks = backlog(task("add-faq").without("allowed_paths"));

        ScheduleDecision decision = decide(tasks, approvedAll(tasks));

        assertThat(message(decision, "add-faq", ReasonCode.PATH_OUTSIDE_POLICY))
                .isEqualTo("has no allowed_paths: list the files or directories it may change");
    }

    @Test
    void passesOverAForbiddenFile() {
        List<Task> tasks = backlog(task("fix-ci").with("allowed_paths", "[.github/workflows/ci.yml]"));

        ScheduleDecision decision = decide(tasks, approvedAll(tasks));

        assertThat(decision.reasonsFor("fix-ci")).extracting(Reason::code, Reason::message).containsExactly(
                tuple(ReasonCode.FORBIDDEN_PATH, "'.github/workflows/ci.yml' is forbidden by policy.yaml (.github/**)"));
    }

    @Test
    void passesOverADirectoryThatContainsAForbiddenPlace() {
        List<Task> tasks = backlog(task("reorganise").with("allowed_paths", "[docs/]"));

        ScheduleDecision decision = decide(tasks, approvedAll(tasks));

        assertThat(message(decision, "reorganise", ReasonCode.FORBIDDEN_PATH))
                .isEqualTo("'docs/' is forbidden by policy.yaml (docs/private/**)");
    }

    @Test
    void aForbiddenPatternWithoutAFixedDirectoryIsLeftToTheScopeGuard() {
        List<Task> tasks = backlog(task("add-faq").with("allowed_paths", "[docs/faq/]"));

        assertThat(codes(decide(tasks, approvedAll(tasks)), "add-faq")).doesNotContain(ReasonCode.FORBIDDEN_PATH);
    }

    // executor

    @Test
    void passesOverATaskWithoutExecutorWhenNoModelIsConfigured() {
        List<Task> tasks = backlog(task("add-faq").without("executor"));

        ScheduleDecision decision = decide(tasks, approvedAll(tasks));

        assertThat(decision.reasonsFor("add-faq")).extracting(Reason::code, Reason::message).containsExactly(
                tuple(ReasonCode.NOT_DISPATCHABLE,
                        "no executor and no model configured: add an executor to the task or configure a model"));
    }

    @Test
    void aTaskWithoutExecutorRunsWhenAModelIsConfigured() {
        List<Task> tasks = backlog(task("add-faq").without("executor"));

        ScheduleDecision decision = decide(withModel(Targets.input(tasks, approvedAll(tasks).snapshot(), History.T0)));

        assertThat(decision.chosenTaskId()).contains("add-faq");
    }

    @Test
    void anLlmExecutorNeedsAModel() {
        List<Task> tasks = backlog(task("add-faq").with("executor", "{type: llm}"));

        assertThat(message(decide(tasks, approvedAll(tasks)), "add-faq", ReasonCode.NOT_DISPATCHABLE))
                .isEqualTo("its executor is llm and no model is configured: configure a model");
    }

    // in flight

    @Test
    void passesOverATaskWithARunningAttempt() {
        List<Task> tasks = backlog(task("add-faq"));
        History history = approvedAll(tasks).created("att-1", "add-faq").started("att-1", "add-faq");

        ScheduleDecision decision = decide(tasks, history);

        assertThat(decision.reasonsFor("add-faq")).extracting(Reason::code, Reason::message).startsWith(
                tuple(ReasonCode.IN_FLIGHT, "attempt att-1 is running since " + History.T0));
    }

    @Test
    void saysHowToInvalidateAnAttemptRunningLongerThanItsTimeout() {
        List<Task> tasks = backlog(task("add-faq"));
        History history = approvedAll(tasks).created("att-1", "add-faq");
        SchedulingInput input = at(Targets.input(tasks, history.snapshot(), History.T0), History.T0.plusSeconds(901));

        assertThat(message(decide(input), "add-faq", ReasonCode.IN_FLIGHT)).isEqualTo("attempt att-1 is running since "
                + History.T0 + ", longer than attempt_timeout_seconds: if its worker is gone, invalidate it with"
                + " `leviathanctl attempts invalidate att-1 --target demo`");
    }

    @Test
    void passesOverATaskWithAnOpenPullRequest() {
        List<Task> tasks = backlog(task("add-faq"));
        History history = approvedAll(tasks).opened("att-1", "add-faq", "pr-7");

        ScheduleDecision decision = decide(tasks, history);

        assertThat(decision.reasonsFor("add-faq")).extracting(Reason::code, Reason::message).startsWith(
                tuple(ReasonCode.IN_FLIGHT, "pull request pr-7 is open: merge or close it before the task runs again"));
    }

    // attempts and backoff

    @Test
    void theStricterAttemptLimitApplies() {
        List<Task> tasks = backlog(task("add-faq"));
        History history = approvedAll(tasks);
        for (int i = 1; i <= 3; i++) {
            history.failedAttempt("att-" + i, "add-faq").after(Duration.ofHours(1));
        }
        AutonomyConfig patientBreaker = Targets.autonomy(
                Targets.AUTONOMY.replace("circuit_breaker_failures: 3", "circuit_breaker_failures: 10"));

        ScheduleDecision decision = decide(with(Targets.input(tasks, history.snapshot(), history.now()),
                Targets.policy(), patientBreaker));

        assertThat(decision.reasonsFor("add-faq")).extracting(Reason::code, Reason::message).containsExactly(
                tuple(ReasonCode.ATTEMPTS_EXHAUSTED, "3 failed attempts reach max_attempts_per_task 3 (policy.yaml):"
                        + " invalidate a failed attempt with `leviathanctl attempts invalidate ATTEMPT --target demo`,"
                        + " or raise the limit"));
    }

    @Test
    void anInvalidatedFailureDoesNotCountTowardsTheAttemptLimit() {
        List<Task> tasks = backlog(task("add-faq"));
        History history = approvedAll(tasks);
        for (int i = 1; i <= 3; i++) {
            history.failedAttempt("att-" + i, "add-faq");
        }
        history.invalidated("att-2", "add-faq").after(Duration.ofHours(1));

        assertThat(decide(tasks, history).chosenTaskId()).contains("add-faq");
    }

    @Test
    void backsOffForTheLongerBaseAfterTheFirstFailure() {
        List<Task> tasks = backlog(task("add-faq"));
        History history = approvedAll(tasks).failedAttempt("att-1", "add-faq");
        Instant failedAt = history.now();
        SchedulingInput input = Targets.input(tasks, history.snapshot(), failedAt.plusSeconds(59));

        ScheduleDecision decision = decide(input);

        assertThat(decision.reasonsFor("add-faq")).extracting(Reason::code, Reason::message).containsExactly(
                tuple(ReasonCode.BACKOFF, "backing off after 1 failed attempt until " + failedAt.plusSeconds(60)
                        + " (backoff_seconds 60 from policy.yaml, doubled for each failure after the first)"));
        assertThat(decide(at(input, failedAt.plusSeconds(60))).chosenTaskId()).contains("add-faq");
    }

    @Test
    void theBackoffDoublesWithEachFailureFromTheLastOne() {
        List<Task> tasks = backlog(task("add-faq"));
        History history = approvedAll(tasks).failedAttempt("att-1", "add-faq").after(Duration.ofMinutes(10))
                .failedAttempt("att-2", "add-faq");
        Instant lastFailure = history.now();
        SchedulingInput input = Targets.input(tasks, history.snapshot(), lastFailure.plusSeconds(119));

        assertThat(message(decide(input), "add-faq", ReasonCode.BACKOFF))
                .startsWith("backing off after 2 failed attempts until " + lastFailure.plusSeconds(120) + " ");
        assertThat(decide(at(input, lastFailure.plusSeconds(120))).chosenTaskId()).contains("add-faq");
    }

    @Test
    void theAutonomyBackoffAppliesWhenItIsTheLonger() {
        List<Task> tasks = backlog(task("add-faq"));
        History history = approvedAll(tasks).failedAttempt("att-1", "add-faq");
        SchedulingInput input = with(Targets.input(tasks, history.snapshot(), history.now().plusSeconds(100)),
                Targets.policy(Targets.POLICY.replace("backoff_seconds: 60", "backoff_seconds: 5")),
                Targets.autonomy(Targets.AUTONOMY.replace("backoff_seconds: 30", "backoff_seconds: 600")));

        assertThat(message(decide(input), "add-faq", ReasonCode.BACKOFF)).isEqualTo("backing off after 1 failed attempt"
                + " until " + history.now().plusSeconds(600)
                + " (backoff_seconds 600 from the autonomy config, doubled for each failure after the first)");
    }

    @Test
    void approvingAChangedTaskStartsItsAttemptsAfresh() {
        List<Task> tasks = backlog(task("add-faq"));
        History history = new History().approved("add-faq", "old-content", "approval-1")
                .failedAttempt("att-1", "add-faq").approved(tasks.getFirst());
        SchedulingInput input = Targets.input(tasks, history.snapshot(), history.now().plusSeconds(1));

        assertThat(decide(input).chosenTaskId()).contains("add-faq");
    }

    @Test
    void approvingTheSameContentAgainKeepsTheBackoff() {
        List<Task> tasks = backlog(task("add-faq"));
        String hash = tasks.getFirst().contentHash();
        History history = new History().approved("add-faq", hash, "approval-1")
                .add("attempt.created", "leviathan", "attempt_id", "att-1", "task_id", "add-faq", "content_hash", hash,
                        "base_commit", "c0ffee", "executor", "command", "dispatcher", "local", "manual", false)
                .started("att-1", "add-faq").failed("att-1", "add-faq").approved("add-faq", hash, "approval-2");
        SchedulingInput input = Targets.input(tasks, history.snapshot(), history.now().plusSeconds(1));

        assertThat(codes(decide(input), "add-faq")).containsExactly(ReasonCode.BACKOFF);
    }

    @Test
    void aPullRequestClosedWithoutMergeCountsAsAFailedAttempt() {
        List<Task> tasks = backlog(task("add-faq"));
        History history = approvedAll(tasks).opened("att-1", "add-faq", "pr-1").after(Duration.ofMinutes(5))
                .closed("pr-1", "att-1", "add-faq");
        SchedulingInput input = Targets.input(tasks, history.snapshot(), history.now().plusSeconds(1));

        assertThat(codes(decide(input), "add-faq")).containsExactly(ReasonCode.BACKOFF);
    }

    // caps and blockers

    @Test
    void stopsAtTheOpenPullRequestCap() {
        List<Task> tasks = backlog(task("a"), task("b"), task("c"));
        History history = approvedAll(tasks).opened("att-1", "a", "pr-1").opened("att-2", "b", "pr-2")
                .after(Duration.ofHours(2));

        ScheduleDecision decision = decide(tasks, history);

        assertThat(decision.chosen()).isEmpty();
        assertThat(decision.blockers()).extracting(Blocker::code, Blocker::message).containsExactly(tuple(
                ReasonCode.OPEN_PR_CAP, "2 open pull requests reach max_open_prs 2: merge or close one"));
        assertThat(codes(decision, "c")).containsExactly(ReasonCode.OPEN_PR_CAP);
    }

    @Test
    void countsRunningAttemptsTowardsTheOpenPullRequestCap() {
        List<Task> tasks = backlog(task("a"), task("b"), task("c"));
        History history = approvedAll(tasks).opened("att-1", "a", "pr-1").created("att-2", "b");

        ScheduleDecision decision = decide(tasks, history);

        assertThat(message(decision, "c", ReasonCode.OPEN_PR_CAP)).isEqualTo("1 open pull request and 1 running"
                + " attempt (which may open one) reach max_open_prs 2: merge or close one");
    }

    @Test
    void anErrorCountingOpenPullRequestsStopsDispatch() {
        List<Task> tasks = backlog(task("add-faq"));
        SchedulingInput input = with(Targets.input(tasks, approvedAll(tasks).snapshot(), History.T0),
                new OpenPullRequests.Unavailable("HTTP 502 from the forge"));

        ScheduleDecision decision = decide(input);

        assertThat(decision.chosen()).isEmpty();
        assertThat(decision.reasonsFor("add-faq")).extracting(Reason::code, Reason::message).containsExactly(tuple(
                ReasonCode.OPEN_PR_COUNT_UNAVAILABLE,
                "cannot count open pull requests (HTTP 502 from the forge): nothing is dispatched until the forge answers"));
    }

    @Test
    void stopsAtTheHourlyPullRequestCapAndSaysWhenTheNextMayOpen() {
        List<Task> tasks = backlog(task("a"), task("b"), task("c"));
        History history = approvedAll(tasks).opened("att-1", "a", "pr-1").merged("pr-1", "att-1", "a")
                .after(Duration.ofMinutes(20)).opened("att-2", "b", "pr-2").merged("pr-2", "att-2", "b");
        SchedulingInput input = Targets.input(tasks, history.snapshot(), History.T0.plus(Duration.ofMinutes(30)));

        ScheduleDecision decision = decide(input);

        assertThat(decision.prsLastHour()).isEqualTo(2);
        assertThat(message(decision, "c", ReasonCode.HOURLY_CAP)).isEqualTo("2 pull requests opened in the last hour"
                + " reach max_prs_per_hour 2; the next may open at " + History.T0.plus(Duration.ofHours(1)));
        assertThat(decide(at(input, History.T0.plus(Duration.ofMinutes(61)))).chosenTaskId()).contains("c");
    }

    @Test
    void stopsAtTheRunningAttemptCap() {
        List<Task> tasks = backlog(task("a"), task("b"));
        History history = approvedAll(tasks).created("att-1", "a");

        ScheduleDecision decision = decide(tasks, history);

        assertThat(message(decision, "b", ReasonCode.RUNNING_CAP))
                .isEqualTo("1 attempt running reaches max_running_attempts 1 (autonomy config): wait for one to finish");
    }

    @Test
    void stopsAtThePolicysDailyTaskLimit() {
        List<Task> tasks = backlog(task("a"), task("b"), task("c"));
        History history = approvedAll(tasks).opened("att-1", "a", "pr-1").merged("pr-1", "att-1", "a")
                .after(Duration.ofHours(2)).opened("att-2", "b", "pr-2").merged("pr-2", "att-2", "b");
        Policy policy = Targets.policy(Targets.POLICY + "  max_tasks_per_day: 2\n");
        SchedulingInput input = with(Targets.input(tasks, history.snapshot(), History.T0.plus(Duration.ofHours(3))),
                policy, Targets.autonomy());

        assertThat(message(decide(input), "c", ReasonCode.DAILY_CAP)).isEqualTo("2 tasks dispatched in the last 24"
                + " hours reach max_tasks_per_day 2 (policy.yaml); the next may start at "
                + History.T0.plus(Duration.ofDays(1)));
    }

    @Test
    void stopsWhileTheCircuitIsOpen() {
        List<Task> tasks = backlog(task("a"), task("b"));
        History history = approvedAll(tasks).failedAttempt("att-1", "a").failedAttempt("att-2", "a")
                .failedAttempt("att-3", "a").circuitOpened(3, 3, "att-3").after(Duration.ofDays(1));

        ScheduleDecision decision = decide(tasks, history);

        assertThat(decision.blockers()).extracting(Blocker::code, Blocker::message).containsExactly(tuple(
                ReasonCode.CIRCUIT_OPEN, "circuit breaker open since " + History.T0 + " after 3 consecutive failures"
                        + " (last: attempt att-3): fix the cause, then reset it with"
                        + " `leviathanctl circuit reset --target demo`"));
        assertThat(codes(decision, "b")).containsExactly(ReasonCode.CIRCUIT_OPEN);
    }

    @Test
    void stopsAtTheFailureThresholdBeforeTheCircuitOpenedEventIsRecorded() {
        List<Task> tasks = backlog(task("a"), task("b"));
        History history = approvedAll(tasks).failedAttempt("att-1", "a").failedAttempt("att-2", "a")
                .failedAttempt("att-3", "a").after(Duration.ofDays(1));

        assertThat(decide(tasks, history).blockers()).extracting(Blocker::code, Blocker::message).containsExactly(tuple(
                ReasonCode.CIRCUIT_OPEN, "circuit breaker tripped after 3 consecutive failures (last: attempt att-3),"
                        + " reaching circuit_breaker_failures 3: fix the cause, then reset it with"
                        + " `leviathanctl circuit reset --target demo`"));
    }

    @Test
    void dispatchesAgainAfterTheCircuitIsReset() {
        List<Task> tasks = backlog(task("a"), task("b"));
        History history = approvedAll(tasks).failedAttempt("att-1", "a").failedAttempt("att-2", "a")
                .failedAttempt("att-3", "a").circuitOpened(3, 3, "att-3").after(Duration.ofDays(1))
                .circuitReset("runner fixed");

        assertThat(decide(tasks, history).chosenTaskId()).contains("b");
    }

    @Test
    void stopsWhenTheAutonomyFileDisablesAutonomy() {
        List<Task> tasks = backlog(task("add-faq"));
        SchedulingInput input = with(Targets.input(tasks, approvedAll(tasks).snapshot(), History.T0), Targets.policy(),
                Targets.autonomy(Targets.AUTONOMY.replace("autonomy_enabled: true", "autonomy_enabled: false")));

        assertThat(decide(input).blockers()).extracting(Blocker::code, Blocker::message).containsExactly(tuple(
                ReasonCode.AUTONOMY_DISABLED, "autonomy is disabled: the autonomy config does not say"
                        + " autonomy_enabled: true; enable it with `leviathanctl autonomy enable --target demo`, or"
                        + " dispatch a task by hand with `leviathanctl dispatch TASK --target demo`"));
    }

    @Test
    void aDisableEventOverridesAnEnabledAutonomyFile() {
        List<Task> tasks = backlog(task("add-faq"));
        History history = approvedAll(tasks).autonomy(false, "release freeze", true);

        ScheduleDecision decision = decide(tasks, history);

        assertThat(message(decision, "add-faq", ReasonCode.AUTONOMY_DISABLED)).isEqualTo("autonomy disabled"
                + " (emergency stop) by alice at " + History.T0 + " (release freeze): enable it with `leviathanctl"
                + " autonomy enable --target demo`, or dispatch a task by hand with `leviathanctl dispatch TASK"
                + " --target demo`");
    }

    @Test
    void anEnableEventOverridesADisabledAutonomyFile() {
        List<Task> tasks = backlog(task("add-faq"));
        History history = approvedAll(tasks).autonomy(true, "trial", false);
        SchedulingInput input = with(Targets.input(tasks, history.snapshot(), History.T0), Targets.policy(),
                Targets.autonomy(Targets.AUTONOMY.replace("autonomy_enabled: true", "autonomy_enabled: false")));

        assertThat(decide(input).chosenTaskId()).contains("add-faq");
    }

    @Test
    void theLatestAutonomyEventWins() {
        List<Task> tasks = backlog(task("add-faq"));
        History history = approvedAll(tasks).autonomy(false, "freeze", false).autonomy(true, "thaw", false);

        assertThat(decide(tasks, history).chosenTaskId()).contains("add-faq");
    }

    @Test
    void withoutAnAutonomyFileAutonomyIsOff() {
        List<Task> tasks = backlog(task("add-faq"));
        SchedulingInput input = with(Targets.input(tasks, approvedAll(tasks).snapshot(), History.T0), Targets.policy(),
                AutonomyConfig.defaults());

        assertThat(decide(input).blockers()).extracting(Blocker::code).contains(ReasonCode.AUTONOMY_DISABLED);
    }

    @Test
    void everyTaskCarriesEveryBlockerAfterItsOwnReasons() {
        List<Task> tasks = backlog(task("a").with("ready", "false"), task("b"));
        History history = approvedAll(tasks).autonomy(false, "freeze", false);
        SchedulingInput input = with(Targets.input(tasks, history.snapshot(), History.T0),
                new OpenPullRequests.Unavailable("timeout"));

        ScheduleDecision decision = decide(input);

        assertThat(codes(decision, "a")).containsExactly(ReasonCode.NOT_READY, ReasonCode.AUTONOMY_DISABLED,
                ReasonCode.OPEN_PR_COUNT_UNAVAILABLE);
        assertThat(codes(decision, "b")).containsExactly(ReasonCode.AUTONOMY_DISABLED,
                ReasonCode.OPEN_PR_COUNT_UNAVAILABLE);
    }

    @Test
    void listsEveryGuardATaskFails() {
        List<Task> tasks = backlog(task("a"), task("b").with("ready", "false").with("dependencies", "[a]")
                .with("allowed_paths", "[src/b.py]").without("executor"));

        ScheduleDecision decision = decide(tasks, new History().approved(tasks.getFirst()));

        assertThat(codes(decision, "b")).containsExactly(ReasonCode.NOT_READY, ReasonCode.DEPENDENCY_NOT_COMPLETED,
                ReasonCode.NOT_APPROVED, ReasonCode.PATH_OUTSIDE_POLICY, ReasonCode.NOT_DISPATCHABLE);
    }

    // manual dispatch

    @Test
    void manualDispatchIgnoresTheAutonomySwitch() {
        List<Task> tasks = backlog(task("a").with("priority", "high"), task("b"));
        History history = approvedAll(tasks).autonomy(false, "freeze", true);
        SchedulingInput input = with(Targets.input(tasks, history.snapshot(), History.T0), new SchedulingMode.Manual("b"));

        ScheduleDecision decision = decide(input);

        assertThat(decision.chosenTaskId()).contains("b");
        assertThat(decision.blockers()).isEmpty();
        assertThat(decision.reasonsFor("a")).extracting(Reason::code, Reason::message).containsExactly(
                tuple(ReasonCode.NOT_REQUESTED, "not requested: manual dispatch of b"));
    }

    @Test
    void manualDispatchWithoutAnAutonomyFileIsBoundByThePolicyAlone() {
        List<Task> tasks = backlog(task("a"));
        SchedulingInput input = with(with(Targets.input(tasks, approvedAll(tasks).snapshot(), History.T0),
                Targets.policy(), AutonomyConfig.defaults()), new SchedulingMode.Manual("a"));

        assertThat(decide(input).chosenTaskId()).contains("a");
    }

    @Test
    void autonomousDispatchWithoutAnAutonomyFileQualifiesNoTask() {
        List<Task> tasks = backlog(task("a"));
        SchedulingInput input = with(Targets.input(tasks, approvedAll(tasks).snapshot(), History.T0),
                Targets.policy(), AutonomyConfig.defaults());

        assertThat(decide(input).chosen()).isEmpty();
        assertThat(codes(decide(input), "a")).contains(ReasonCode.PATH_OUTSIDE_POLICY);
    }

    @Test
    void manualDispatchAppliesEveryOtherGuard() {
        List<Task> tasks = backlog(task("a"), task("b"));
        History history = approvedAll(tasks).failedAttempt("att-1", "a").failedAttempt("att-2", "a")
                .failedAttempt("att-3", "a").after(Duration.ofDays(1));
        SchedulingInput input = with(Targets.input(tasks, history.snapshot(), history.now()),
                new SchedulingMode.Manual("b"));

        ScheduleDecision decision = decide(input);

        assertThat(decision.chosen()).isEmpty();
        assertThat(codes(decision, "b")).containsExactly(ReasonCode.CIRCUIT_OPEN);
    }

    @Test
    void manualDispatchOfAnUnapprovedTaskIsRefusedWithItsReason() {
        List<Task> tasks = backlog(task("a"));
        SchedulingInput input = with(Targets.input(tasks, new History().snapshot(), History.T0),
                new SchedulingMode.Manual("a"));

        assertThat(codes(decide(input), "a")).containsExactly(ReasonCode.NOT_APPROVED);
    }

    @Test
    void manualDispatchOfAnUnknownTaskIsBlocked() {
        List<Task> tasks = backlog(task("a"));
        SchedulingInput input = with(Targets.input(tasks, approvedAll(tasks).snapshot(), History.T0),
                new SchedulingMode.Manual("nope"));

        ScheduleDecision decision = decide(input);

        assertThat(decision.blockers()).extracting(Blocker::code, Blocker::message)
                .containsExactly(tuple(ReasonCode.TASK_NOT_FOUND, "no task 'nope' in the backlog"));
        assertThat(codes(decision, "a")).containsExactly(ReasonCode.NOT_REQUESTED, ReasonCode.TASK_NOT_FOUND);
    }

    @Test
    void theSameInputGivesTheSameDecision() {
        List<Task> tasks = backlog(task("a").with("ready", "false"), task("b"), task("c").with("priority", "high"));
        SchedulingInput input = Targets.input(tasks, approvedAll(tasks).snapshot(), History.T0);

        assertThat(decide(input)).isEqualTo(decide(input));
    }
}
