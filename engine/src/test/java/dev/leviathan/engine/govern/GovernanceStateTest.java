package dev.leviathan.engine.govern;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.event.EventEnvelope;
import dev.leviathan.engine.event.Payload;
import dev.leviathan.engine.event.StoredEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GovernanceStateTest {

    @Test
    void countsConsecutiveFailuresSinceTheLastSuccess() {
        History history = new History().failedAttempt("att-1", "a").opened("att-2", "a", "pr-1")
                .failedAttempt("att-3", "b").failedAttempt("att-4", "c");

        CircuitState circuit = history.snapshot().circuit();

        assertThat(circuit.consecutiveFailures()).isEqualTo(2);
        assertThat(circuit.lastFailedAttemptId()).contains("att-4");
        assertThat(circuit.open()).isFalse();
    }

    @Test
    void anInvalidatedFailureLeavesTheConsecutiveCount() {
        History history = new History().failedAttempt("att-1", "a").failedAttempt("att-2", "a")
                .invalidated("att-2", "a");

        CircuitState circuit = history.snapshot().circuit();

        assertThat(circuit.consecutiveFailures()).isEqualTo(1);
        assertThat(circuit.lastFailedAttemptId()).contains("att-1");
    }

    @Test
    void anInvalidatedSuccessNoLongerEndsARunOfFailures() {
        History history = new History().failedAttempt("att-1", "a").opened("att-2", "b", "pr-1")
                .failedAttempt("att-3", "c").invalidated("att-2", "b");

        assertThat(history.snapshot().circuit().consecutiveFailures()).isEqualTo(2);
    }

    @Test
    void aFailureOfAnAttemptInvalidatedWhileRunningDoesNotCount() {
        History history = new History().created("att-1", "a").invalidated("att-1", "a").failed("att-1", "a");

        GovernanceSnapshot snapshot = history.snapshot();

        assertThat(snapshot.circuit().consecutiveFailures()).isZero();
        assertThat(snapshot.task("a").failedAttempts()).isZero();
        assertThat(snapshot.task("a").attempts()).isZero();
        assertThat(snapshot.runningAttempts()).isZero();
    }

    @Test
    void theCircuitIsOpenFromOpenedUntilReset() {
        History history = new History().failedAttempt("att-1", "a").failedAttempt("att-2", "a")
                .circuitOpened(2, 2, "att-2");
        assertThat(history.snapshot().circuit().open()).isTrue();
        assertThat(history.snapshot().circuit().openedAt()).contains(History.T0);

        history.circuitReset("fixed the runner");
        CircuitState circuit = history.snapshot().circuit();

        assertThat(circuit.open()).isFalse();
        assertThat(circuit.consecutiveFailures()).isZero();
        assertThat(circuit.lastFailedAttemptId()).isEmpty();
    }

    @Test
    void aResetForgetsFailuresBeforeItEvenWhenASuccessAfterItIsInvalidated() {
        History history = new History().failedAttempt("att-1", "a").circuitReset("fresh start")
                .opened("att-2", "b", "pr-1").failedAttempt("att-3", "c").invalidated("att-2", "b");

        assertThat(history.snapshot().circuit().consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void aDuplicateFailureEventCountsOnce() {
        History history = new History().failedAttempt("att-1", "a").failed("att-1", "a");

        GovernanceSnapshot snapshot = history.snapshot();

        assertThat(snapshot.circuit().consecutiveFailures()).isEqualTo(1);
        assertThat(snapshot.task("a").failedAttempts()).isEqualTo(1);
    }

    @Test
    void tracksRunningAttemptsUntilTheyFinish() {
        History history = new History().created("att-1", "a").started("att-1", "a");
        GovernanceSnapshot running = history.snapshot();

        history.failed("att-1", "a");
        GovernanceSnapshot finished = history.snapshot();

        assertThat(running.runningAttempts()).isEqualTo(1);
        assertThat(running.task("a").runningAttemptId()).contains("att-1");
        assertThat(finished.runningAttempts()).isZero();
        assertThat(finished.task("a").running()).isZero();
    }

    @Test
    void aSnapshotDoesNotChangeWhenLaterEventsArrive() {
        History history = new History().created("att-1", "a");
        GovernanceState state = history.state();
        GovernanceSnapshot before = state.snapshot();

        new History().created("att-1", "a").failed("att-1", "a").events().stream().skip(1).forEach(state::apply);

        assertThat(before.task("a").running()).isEqualTo(1);
        assertThat(before.task("a").failedAttempts()).isZero();
        assertThat(state.snapshot().task("a").failedAttempts()).isEqualTo(1);
    }

    @Test
    void aSnapshotIsReusedWhileNothingChanges() {
        GovernanceState state = new History().created("att-1", "a").state();

        assertThat(state.snapshot()).isSameAs(state.snapshot());
    }

    @Test
    void keepsTheLatestApprovalAndItsRevocation() {
        History history = new History().approved("a", "hash-1", "approval-1").approved("a", "hash-2", "approval-2")
                .revoked("a", "approval-2", "needs review");

        Approval approval = history.snapshot().task("a").approval().orElseThrow();

        assertThat(approval.approvalId()).isEqualTo("approval-2");
        assertThat(approval.contentHash()).isEqualTo("hash-2");
        assertThat(approval.approvedBy()).isEqualTo("alice");
        assertThat(approval.revocation()).hasValueSatisfying(r -> {
            assertThat(r.revokedBy()).isEqualTo("bob");
            assertThat(r.reason()).isEqualTo("needs review");
        });
    }

    @Test
    void aRevocationOfAnOlderApprovalLeavesTheNewerOneStanding() {
        History history = new History().approved("a", "hash-1", "approval-1").approved("a", "hash-2", "approval-2")
                .revoked("a", "approval-1", "late");

        assertThat(history.snapshot().task("a").approval().orElseThrow().revoked()).isFalse();
    }

    @Test
    void aMergedPullRequestCompletesItsTask() {
        History history = new History().opened("att-1", "a", "pr-1").merged("pr-1", "att-1", "a");

        TaskHistory task = history.snapshot().task("a");

        assertThat(task.completedByMerge()).isTrue();
        assertThat(task.mergedPullRequestId()).contains("pr-1");
        assertThat(task.openPullRequests()).isZero();
        assertThat(history.snapshot().openPullRequests()).isZero();
    }

    @Test
    void aClosedPullRequestCountsItsAttemptAsFailedAtTheClose() {
        History history = new History().opened("att-1", "a", "pr-1").after(Duration.ofMinutes(3))
                .closed("pr-1", "att-1", "a");

        TaskHistory task = history.snapshot().task("a");

        assertThat(task.failedAttempts()).isEqualTo(1);
        assertThat(task.lastFailureAt()).contains(History.T0.plus(Duration.ofMinutes(3)));
        assertThat(task.openPullRequests()).isZero();
        assertThat(history.snapshot().circuit().consecutiveFailures()).isZero();
    }

    @Test
    void aPullRequestMergedAfterBeingClosedTakesBackTheFailure() {
        History history = new History().opened("att-1", "a", "pr-1").closed("pr-1", "att-1", "a")
                .merged("pr-1", "att-1", "a");

        TaskHistory task = history.snapshot().task("a");

        assertThat(task.failedAttempts()).isZero();
        assertThat(task.lastFailureAt()).isEmpty();
        assertThat(task.completedByMerge()).isTrue();
    }

    @Test
    void invalidatingAFailureRecomputesTheLastFailure() {
        History history = new History().failedAttempt("att-1", "a").after(Duration.ofMinutes(5))
                .failedAttempt("att-2", "a").invalidated("att-2", "a");

        TaskHistory task = history.snapshot().task("a");

        assertThat(task.failedAttempts()).isEqualTo(1);
        assertThat(task.lastFailureAt()).contains(History.T0);
        assertThat(task.attempts()).isEqualTo(1);
    }

    @Test
    void aSucceededAttemptNamesItsPullRequestEvenBeforePrCreated() {
        History history = new History().created("att-1", "a").succeeded("att-1", "a", "pr-1");

        GovernanceState state = history.state();

        assertThat(state.snapshot().task("a").openPullRequestId()).contains("pr-1");
        assertThat(state.snapshot().pullRequestsCreatedWithin(History.T0, Duration.ofHours(1))).isZero();
        assertThat(state.attempt("att-1").orElseThrow().pullRequestId()).contains("pr-1");
    }

    @Test
    void countsPullRequestsCreatedWithinAWindowOnce() {
        History history = new History().opened("att-1", "a", "pr-1").prCreated("pr-1", "att-1", "a")
                .after(Duration.ofMinutes(61)).opened("att-2", "b", "pr-2");

        GovernanceSnapshot snapshot = history.snapshot();

        assertThat(snapshot.pullRequestsCreatedWithin(history.now(), Duration.ofHours(1))).isEqualTo(1);
        assertThat(snapshot.pullRequestsCreatedWithin(history.now(), Duration.ofHours(2))).isEqualTo(2);
    }

    @Test
    void countsDistinctTasksDispatchedWithinAWindow() {
        History history = new History().failedAttempt("att-1", "a").failedAttempt("att-2", "a")
                .failedAttempt("att-3", "b").created("att-4", "c").invalidated("att-4", "c");

        assertThat(history.snapshot().tasksDispatchedWithin(history.now(), Duration.ofDays(1))).isEqualTo(2);
    }

    @Test
    void theLatestAutonomyEventOverrides() {
        History history = new History().autonomy(false, "freeze", true).autonomy(true, "thaw", false);

        AutonomyOverride override = history.snapshot().autonomyOverride().orElseThrow();

        assertThat(override.enabled()).isTrue();
        assertThat(override.reason()).isEqualTo("thaw");
        assertThat(override.emergency()).isFalse();
    }

    @Test
    void ignoresEventsOfOtherTargets() {
        GovernanceState state = new GovernanceState("demo");
        new History("other").failedAttempt("att-1", "a").autonomy(false, "x", false).events().forEach(state::apply);

        GovernanceSnapshot snapshot = state.snapshot();

        assertThat(snapshot.taskIds()).isEmpty();
        assertThat(snapshot.autonomyOverride()).isEmpty();
        assertThat(snapshot.lastSeq()).isEqualTo(4);
    }

    @Test
    void ignoresEventsAtOrBeforeTheLastSeq() {
        History history = new History().failedAttempt("att-1", "a");
        GovernanceState state = history.state();

        history.events().forEach(state::apply);

        assertThat(state.snapshot().task("a").failedAttempts()).isEqualTo(1);
        assertThat(state.snapshot().circuit().consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void skipsEventsWhosePayloadLacksWhatTheyNeed() {
        GovernanceState state = new GovernanceState("demo");
        EventEnvelope noIds = EventEnvelope.of("e1", "attempt.failed", History.T0, "worker", "demo",
                Payload.parse("{\"failure_kind\":[1,2]}"));
        EventEnvelope noTask = EventEnvelope.of("e2", "attempt.created", History.T0, "worker", "demo",
                Payload.parse("{\"attempt_id\":\"att-1\"}"));
        EventEnvelope approvalWithoutHash = EventEnvelope.of("e3", "task.approved", History.T0, "alice", "demo",
                Payload.parse("{\"task_id\":\"a\"}"));

        List<Boolean> changed = List.of(state.apply(new StoredEvent(1, noIds, null, "h1")),
                state.apply(new StoredEvent(2, noTask, null, "h2")),
                state.apply(new StoredEvent(3, approvalWithoutHash, null, "h3")));

        assertThat(changed).containsOnly(false);
        assertThat(state.snapshot().taskIds()).isEmpty();
        assertThat(state.lastSeq()).isEqualTo(3);
    }

    @Test
    void listsATasksAttemptsInCreationOrder() {
        History history = new History().failedAttempt("att-1", "a").opened("att-2", "a", "pr-1");

        List<Attempt> attempts = history.state().attemptsOf("a");

        assertThat(attempts).extracting(Attempt::attemptId, Attempt::status)
                .containsExactly(org.assertj.core.api.Assertions.tuple("att-1", AttemptStatus.FAILED),
                        org.assertj.core.api.Assertions.tuple("att-2", AttemptStatus.SUCCEEDED));
        assertThat(attempts.getFirst().failureKind()).contains("task_failed");
    }

    // Regression: a state that had already published a snapshot kept the approval in force after
    // task.approval_revoked, so a long-lived engine (the console) could dispatch a revoked task.
    @Test
    void aRevocationAfterASnapshotShowsInTheNextSnapshot() {
        History history = new History().approved("a", "hash-1", "approval-1");
        GovernanceState state = history.state();
        assertThat(state.snapshot().task("a").approval().orElseThrow().revoked()).isFalse();

        history.revoked("a", "approval-1", "wrong page");
        state.apply(history.events().getLast());

        Approval approval = state.snapshot().task("a").approval().orElseThrow();
        assertThat(approval.revoked()).isTrue();
        assertThat(approval.revocation().orElseThrow().reason()).isEqualTo("wrong page");
    }
}
