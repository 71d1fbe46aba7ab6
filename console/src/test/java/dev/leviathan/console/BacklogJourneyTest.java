package dev.leviathan.console;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.Message;
import dev.leviathan.console.backlog.ApprovalState;
import dev.leviathan.console.backlog.TaskRow;
import dev.leviathan.engine.event.EventQuery;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.testkit.TestRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The Backlog screen's journeys: approve, revoke, a stale approval, dispatch, the dry run. */
class BacklogJourneyTest {

    static final String BACKLOG = "tasks:\n"
            + BacklogFixture.task("add-faq", "Add a FAQ page", "high", true, "docs/FAQ.md",
                    "mkdir -p docs && echo '# FAQ' > docs/FAQ.md", "")
            + BacklogFixture.task("link-faq", "Link the FAQ from the index", "medium", true, "docs/index.md",
                    "mkdir -p docs && echo '[FAQ](FAQ.md)' > docs/index.md", "    dependencies: [add-faq]\n");

    @TempDir
    Path temp;

    private ConsoleDriver console;
    private TestRepo repo;

    @AfterEach
    void stop() throws Exception {
        if (console != null) {
            console.close();
        }
        if (repo != null) {
            repo.close();
        }
    }

    private void start(boolean withTarget) throws TimeoutException {
        Path home = temp.resolve("home");
        BacklogFixture.autonomy(new dev.leviathan.engine.config.LeviathanHome(home), "shop");
        console = ConsoleDriver.start(home);
        if (withTarget) {
            repo = BacklogFixture.repository(temp.resolve("shop"), BACKLOG);
            BacklogFixture.register(console.engine(), "shop", repo.dir());
        }
        console.shortcut(KeyCode.DIGIT3);
        assertThat(console.shown("#backlog-screen")).isTrue();
    }

    @SuppressWarnings("unchecked")
    private List<TaskRow> rows() {
        TableView<TaskRow> table = console.node("#backlog-table");
        return console.onFx(() -> List.copyOf(table.getItems() == null ? List.of() : table.getItems()));
    }

    private TaskRow row(String id) {
        return rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private ApprovalState.Kind approvalOf(String id) {
        return rows().stream().filter(r -> r.id().equals(id)).map(r -> r.approval().kind()).findFirst()
                .orElse(null);
    }

    private List<StoredEvent> events(String type) {
        return console.engine().store().read(EventQuery.after(0, 10_000).withTypes(Set.of(type)));
    }

    private void approveInTheScreen(String id) {
        BacklogFixture.selectTask(console, id);
        console.robot.clickOn("#backlog-approve");
        console.robot.clickOn(console.anywhere("#backlog-approve-confirm"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void withoutTargetsTheScreenSaysToRegisterOne() throws Exception {
        start(false);

        assertThat(console.shown("#backlog-no-targets")).isTrue();
        Label title = console.node("#backlog-no-targets #empty-state-title");
        assertThat(console.onFx(title::getText)).isEqualTo("No targets yet");
    }

    @Test
    void approveRevokeStaleAndDispatchRecordTheirEvents() throws Exception {
        start(true);
        console.await("the two tasks", () -> rows().size() == 2);
        assertThat(console.shown("#backlog-no-targets")).isFalse();
        assertThat(row("add-faq").approval().kind()).isEqualTo(ApprovalState.Kind.NOT_APPROVED);
        assertThat(row("add-faq").waits()).contains("not_approved");
        assertThat(row("link-faq").waits()).contains("dependency_not_completed");
        assertThat(console.shown("#backlog-blockers")).isTrue();
        String hash = BacklogFixture.contentHash(console.engine(), "shop", "add-faq");

        // Approve: the dialog shows the hash the approval is for.
        BacklogFixture.selectTask(console, "add-faq");
        console.robot.clickOn("#backlog-approve");
        Label shownHash = (Label) console.anywhere("#backlog-approve-hash");
        assertThat(console.onFx(shownHash::getText)).isEqualTo(hash);
        console.robot.clickOn(console.anywhere("#backlog-approve-confirm"));
        console.await("the approval in the table", () -> approvalOf("add-faq") == ApprovalState.Kind.APPROVED);
        List<StoredEvent> approvals = events("task.approved");
        assertThat(approvals).hasSize(1);
        assertThat(approvals.getFirst().payload().json().path("content_hash").asText()).isEqualTo(hash);
        assertThat(approvals.getFirst().payload().json().path("task_id").asText()).isEqualTo("add-faq");
        assertThat(approvals.getFirst().envelope().actorId()).isEqualTo(System.getProperty("user.name"));

        // Revoke, with a reason.
        console.robot.clickOn("#backlog-revoke");
        console.robot.clickOn(console.anywhere("#backlog-revoke-reason")).write("wrong page name");
        console.robot.clickOn(console.anywhere("#backlog-revoke-confirm"));
        console.await("the revocation in the table", () -> approvalOf("add-faq") == ApprovalState.Kind.REVOKED);
        List<StoredEvent> revocations = events("task.approval_revoked");
        assertThat(revocations).hasSize(1);
        assertThat(revocations.getFirst().payload().json().path("reason").asText()).isEqualTo("wrong page name");
        assertThat(revocations.getFirst().payload().json().path("content_hash").asText()).isEqualTo(hash);

        // Approve again, then edit the task in the repository: the approval is stale.
        approveInTheScreen("add-faq");
        console.await("approved again", () -> approvalOf("add-faq") == ApprovalState.Kind.APPROVED);
        repo.file(".leviathan/backlog.yaml", BACKLOG.replace("Add a FAQ page", "Add a FAQ page for buyers"))
                .commit("Say who the FAQ is for");
        console.await("the stale approval", () -> approvalOf("add-faq") == ApprovalState.Kind.STALE);
        assertThat(row("add-faq").waits()).contains("approval_stale");

        // Approve the new content and dispatch it now: a worker runs the attempt.
        approveInTheScreen("add-faq");
        console.await("approved the new content", () -> approvalOf("add-faq") == ApprovalState.Kind.APPROVED);
        BacklogFixture.selectTask(console, "add-faq");
        console.robot.clickOn("#backlog-dispatch");
        console.await("the attempt.created event", () -> !events("attempt.created").isEmpty());
        String attempt = events("attempt.created").getFirst().payload().json().path("attempt_id").asText();
        Message notice = console.node("#backlog-notice");
        console.await("the attempt's end", 120, () -> notice.getTitle().startsWith("Attempt "));
        assertThat(console.onFx(notice::getTitle)).isEqualTo("Attempt " + attempt + " succeeded");
        assertThat(console.onFx(notice::getDescription)).contains("pull request ");
        assertThat(events("attempt.succeeded")).hasSize(1);
        assertThat(events("schedule.decided")).hasSize(1);
        assertThat(console.text("#backlog-decision-title")).isEqualTo("Dispatched add-faq");
    }

    @Test
    void theDryRunShowsTheDecisionWithEveryReasonAndRecordsNothing() throws Exception {
        start(true);
        console.await("the two tasks", () -> rows().size() == 2);
        long head = console.engine().store().head().seq();

        console.robot.clickOn("#backlog-dry-run");

        console.await("the decision", () -> console.text("#backlog-decision-title").startsWith("Nothing"));
        assertThat(console.text("#backlog-decision-title")).isEqualTo("Nothing to dispatch (blocked: autonomy_disabled)");
        javafx.scene.control.TextArea text = console.node("#backlog-decision-text");
        String decision = console.onFx(text::getText);
        assertThat(decision).contains("blocked: autonomy_disabled").containsPattern("add-faq +not_approved")
                .containsPattern("link-faq +dependency_not_completed");
        assertThat(console.engine().store().head().seq()).isEqualTo(head);
    }

    @Test
    void aBrokenBacklogCommittedLaterShowsTheEnginesProblemInsteadOfTasks() throws Exception {
        start(true);
        console.await("the two tasks", () -> rows().size() == 2);

        repo.file(".leviathan/backlog.yaml", "tasks:\n  - id: add-faq\n    priority: urgent\n").commit("Break it");

        console.await("the load error", () -> console.shown("#backlog-load-error"));
        Message error = console.node("#backlog-load-error");
        assertThat(console.onFx(error::getDescription)).contains(".leviathan/backlog.yaml").contains("title");
        assertThat(rows()).isEmpty();
    }

    @Test
    void anEngineFailureIsADialogWithTheEnginesMessage() throws Exception {
        start(true);
        console.await("the two tasks", () -> rows().size() == 2);
        repo.close();
        org.eclipse.jgit.util.FileUtils.delete(repo.dir().resolve(".git").toFile(),
                org.eclipse.jgit.util.FileUtils.RECURSIVE);
        repo = null;

        console.robot.clickOn("#backlog-dry-run");

        Label message = (Label) console.anywhere("#backlog-failure-message");
        assertThat(console.onFx(message::getText)).contains("is no longer a git repository");
        console.robot.clickOn(console.anywhere("#backlog-failure-message-ok"));
    }
}
