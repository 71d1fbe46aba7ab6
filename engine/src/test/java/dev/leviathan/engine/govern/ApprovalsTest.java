package dev.leviathan.engine.govern;

import static dev.leviathan.engine.govern.TaskYaml.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.target.Task;
import dev.leviathan.engine.testkit.TestStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalsTest {

    @TempDir
    Path dir;

    EventStore store;
    StoreFixture.TestClock clock = new StoreFixture.TestClock(History.T0);
    Approvals approvals;

    @BeforeEach
    void open() {
        store = TestStores.h2(dir);
        approvals = new Approvals(store, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void recordsTheTasksContentHashAndTheBacklogCommit() {
        Task task = task("add-faq").load();

        ApprovalResult result = approvals.approve("demo", task, "c0ffee", "alice");

        List<StoredEvent> events = StoreFixture.all(store);
        assertThat(events).hasSize(1);
        StoredEvent event = events.getFirst();
        assertThat(event.eventType()).isEqualTo("task.approved");
        assertThat(event.envelope().actorId()).isEqualTo("alice");
        assertThat(event.targetId()).isEqualTo("demo");
        assertThat(event.payload().canonical()).isEqualTo("{\"approval_id\":\"" + result.approval().approvalId()
                + "\",\"commit\":\"c0ffee\",\"content_hash\":\"" + task.contentHash()
                + "\",\"target_id\":\"demo\",\"task_id\":\"add-faq\"}");
        assertThat(result.alreadyApproved()).isFalse();
        assertThat(result.approval().approvedAt()).isEqualTo(History.T0);
    }

    @Test
    void approvingTheSameContentAgainRecordsNothing() {
        Task task = task("add-faq").load();
        ApprovalResult first = approvals.approve("demo", task, "c0ffee", "alice");
        clock.advance(Duration.ofMinutes(1));

        ApprovalResult second = approvals.approve("demo", task, "deadbeef", "bob");

        assertThat(second.alreadyApproved()).isTrue();
        assertThat(second.approval()).isEqualTo(first.approval());
        assertThat(StoreFixture.all(store)).hasSize(1);
    }

    @Test
    void approvingAnEditedTaskRecordsANewApproval() {
        approvals.approve("demo", task("add-faq").load(), "c0ffee", "alice");
        Task edited = task("add-faq").with("title", "Add a bigger FAQ").load();

        ApprovalResult result = approvals.approve("demo", edited, "deadbeef", "alice");

        assertThat(result.alreadyApproved()).isFalse();
        assertThat(approvals.current("demo", "add-faq").orElseThrow().contentHash()).isEqualTo(edited.contentHash());
    }

    @Test
    void revokesTheApprovalInForce() {
        Task task = task("add-faq").load();
        Approval approval = approvals.approve("demo", task, "c0ffee", "alice").approval();
        clock.advance(Duration.ofMinutes(2));

        Approval revoked = approvals.revoke("demo", "add-faq", "bob", "scope too wide");

        StoredEvent event = StoreFixture.all(store).getLast();
        assertThat(event.eventType()).isEqualTo("task.approval_revoked");
        assertThat(event.envelope().actorId()).isEqualTo("bob");
        assertThat(event.payload().canonical()).isEqualTo("{\"approval_id\":\"" + approval.approvalId()
                + "\",\"content_hash\":\"" + task.contentHash() + "\",\"reason\":\"scope too wide\","
                + "\"target_id\":\"demo\",\"task_id\":\"add-faq\"}");
        assertThat(revoked.revocation().orElseThrow().revokedAt()).isEqualTo(History.T0.plus(Duration.ofMinutes(2)));
        assertThat(approvals.current("demo", "add-faq").orElseThrow().revoked()).isTrue();
    }

    @Test
    void refusesToRevokeATaskThatWasNeverApproved() {
        assertThatThrownBy(() -> approvals.revoke("demo", "add-faq", "bob", "why not"))
                .isInstanceOf(ApprovalException.class)
                .hasMessage("task add-faq of target demo has no approval to revoke: it was never approved");
        assertThat(StoreFixture.all(store)).isEmpty();
    }

    @Test
    void refusesToRevokeTwice() {
        Task task = task("add-faq").load();
        String approvalId = approvals.approve("demo", task, "c0ffee", "alice").approval().approvalId();
        approvals.revoke("demo", "add-faq", "bob", "first");

        assertThatThrownBy(() -> approvals.revoke("demo", "add-faq", "carol", "second"))
                .isInstanceOf(ApprovalException.class)
                .hasMessage("approval " + approvalId + " of task add-faq was already revoked by bob at " + History.T0
                        + ": there is no approval to revoke");
    }

    @Test
    void approvalsOfAnotherTargetDoNotCount() {
        approvals.approve("other", task("add-faq").load(), "c0ffee", "alice");

        assertThat(approvals.current("demo", "add-faq")).isEmpty();
    }

    @Test
    void reapprovingARevokedTaskRecordsANewApproval() {
        Task task = task("add-faq").load();
        String first = approvals.approve("demo", task, "c0ffee", "alice").approval().approvalId();
        approvals.revoke("demo", "add-faq", "bob", "wait");

        ApprovalResult again = approvals.approve("demo", task, "c0ffee", "alice");

        assertThat(again.alreadyApproved()).isFalse();
        assertThat(again.approval().approvalId()).isNotEqualTo(first);
        assertThat(approvals.current("demo", "add-faq").orElseThrow().revoked()).isFalse();
    }

    @Test
    void refusesATaskWhoseContentCannotBeHashed() {
        Task broken = task("add-faq").with("title", "\"FAQ \\uD800\"").load();

        assertThatThrownBy(() -> approvals.approve("demo", broken, "c0ffee", "alice"))
                .isInstanceOf(ApprovalException.class)
                .hasMessageStartingWith("task add-faq cannot be approved: its content cannot be hashed");
        assertThat(StoreFixture.all(store)).isEmpty();
    }

    @Test
    void aBlankOperatorIsRecordedAsOperator() {
        approvals.approve("demo", task("add-faq").load(), "c0ffee", " ");

        assertThat(StoreFixture.all(store).getFirst().envelope().actorId()).isEqualTo("operator");
    }
}
