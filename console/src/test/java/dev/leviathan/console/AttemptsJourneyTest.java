package dev.leviathan.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.console.attempts.AttemptDetail;
import dev.leviathan.console.attempts.AttemptRow;
import dev.leviathan.console.attempts.DiffLine;
import dev.leviathan.engine.dispatch.DispatchService;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.execute.forge.PullRequest;
import dev.leviathan.engine.govern.GovernanceStates;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Attempts screen with attempts a real worker made, and the operator's actions on them. */
class AttemptsJourneyTest {

    private static final PseudoClass ADDED = PseudoClass.getPseudoClass("diff-added");

    @TempDir
    Path temp;

    private ConsoleDriver console;
    private AttemptsFixture fixture;

    @BeforeEach
    void startConsole() throws Exception {
        console = ConsoleDriver.start(temp.resolve("home"));
    }

    @AfterEach
    void stopConsole() throws Exception {
        console.close();
        if (fixture != null) {
            fixture.repo.close();
        }
    }

    @Test
    void showsADispatchedAttemptWithItsTimelineLogAndDiffAndMergesItsPullRequest() {
        console.shortcut(KeyCode.DIGIT4);
        assertThat(console.shown("#attempts-screen")).isTrue();
        console.await("the empty state", () -> console.shown("#attempts-table #empty-state-title"));

        fixture = AttemptsFixture.create(console.engine(), temp.resolve("shop"));
        fixture.approve("add-faq");
        DispatchService.AttemptEnd attempt = fixture.dispatch("add-faq");
        assertThat(attempt.status()).as(console.engine().store().find("attempt.failed:" + attempt.attemptId()).map(e -> e.payload().canonical()).orElse("")).isEqualTo("succeeded");

        console.await("the attempt's end, live", () -> rows().size() == 1
                && rows().getFirst().status().equals("succeeded"));
        AttemptRow row = rows().getFirst();
        assertThat(row.attemptId()).isEqualTo(attempt.attemptId());
        assertThat(row.taskId()).isEqualTo("add-faq");
        assertThat(row.targetId()).isEqualTo("shop");
        assertThat(row.status()).isEqualTo("succeeded");

        AttemptsFixture.clickAttempt(console, attempt.attemptId());
        console.await("the detail", () -> console.shown("#attempts-detail-title"));
        AttemptDetail detail = detail();
        assertThat(console.text("#attempts-detail-title")).startsWith(attempt.attemptId() + " · task add-faq on shop");
        assertThat(detail.timeline()).extracting(AttemptDetail.TimelineEntry::type)
                .startsWith("attempt.created", "attempt.started")
                .contains("artifact.created", "pr.created", "attempt.succeeded");
        assertThat(detail.timeline()).extracting(AttemptDetail.TimelineEntry::seq).isSorted();
        assertThat(detail.log()).anyMatch(line -> line.startsWith("pushed leviathan/add-faq/"));
        assertThat(detail.artifacts()).extracting(AttemptDetail.ArtifactEntry::name)
                .contains("diff.patch", "attempt.log");

        List<DiffLine> diff = items("#attempts-diff");
        assertThat(diff).contains(new DiffLine(DiffLine.Kind.ADDED, "+# FAQ"));
        assertThat(diff).filteredOn(l -> l.kind() == DiffLine.Kind.FILE).extracting(DiffLine::text)
                .containsExactly("diff --git a/docs/FAQ.md b/docs/FAQ.md", "diff --git a/docs/index.md b/docs/index.md");
        List<AttemptDetail.FileVerdict> files = items("#attempts-files");
        assertThat(files).extracting(AttemptDetail.FileVerdict::path).containsExactly("docs/FAQ.md", "docs/index.md");
        assertThat(files).allMatch(AttemptDetail.FileVerdict::allowed);
        assertThat(files).extracting(AttemptDetail.FileVerdict::verdict).containsExactly("allowed · added",
                "allowed · modified");
        assertThat(diff).contains(new DiffLine(DiffLine.Kind.REMOVED, "-Nothing here yet."));
        Button retry = console.node("#attempts-retry");
        assertThat(console.onFx(retry::isDisabled)).as("retry of a succeeded attempt").isTrue();

        console.robot.clickOn("#attempts-tab-pr .tab-label");
        console.robot.clickOn("#attempts-merge");
        console.await("the confirmation", () -> console.robot.lookup("#attempts-dialog-ok").tryQuery().isPresent());
        console.robot.clickOn("#attempts-dialog-ok");

        console.await("the merge", () -> console.text("#attempts-notice").startsWith("merged " + attempt.prId()));
        StoredEvent merged = console.engine().store().find("pr.merged:" + attempt.prId()).orElseThrow();
        assertThat(merged.envelope().actorId()).isEqualTo(System.getProperty("user.name"));
        assertThat(merged.payload().json().path("attempt_id").asText()).isEqualTo(attempt.attemptId());
        assertThat(console.engine().forge().find(attempt.prId()).state()).isEqualTo(PullRequest.State.MERGED);
        assertThat(new GovernanceStates(console.engine().store()).catchUp("shop").task("add-faq").completedByMerge())
                .isTrue();
        assertThat(fixture.repo.dir().resolve("docs/FAQ.md")).exists();
        console.await("the merged state in the detail", () -> console.text("#attempts-pr-summary")
                .contains(" · merged · "));
        Button merge = console.node("#attempts-merge");
        assertThat(console.onFx(merge::isDisabled)).isTrue();
    }

    @Test
    void followsTheLogOfARunningAttemptAsTheWorkerWritesIt() throws Exception {
        fixture = AttemptsFixture.create(console.engine(), temp.resolve("shop"));
        fixture.approve("chatty");
        console.shortcut(KeyCode.DIGIT4);
        CompletableFuture<DispatchService.AttemptEnd> running = CompletableFuture.supplyAsync(() ->
                fixture.dispatch("chatty"));
        console.await("the running attempt", () -> rows().size() == 1 && rows().getFirst().status().equals("started"));
        String attemptId = rows().getFirst().attemptId();
        AttemptsFixture.clickAttempt(console, attemptId);
        console.robot.clickOn("#attempts-tab-log .tab-label");
        console.await("the first line", () -> items("#attempts-log").contains("first-line"));
        assertThat(console.text("#attempts-log-source")).startsWith("following the worker's log as it writes it");

        fixture.goAhead(1);

        // No event comes between the two lines (the task waits for go-ahead 2): only following the
        // log can show the second.
        console.await("the second line, while the attempt runs", () -> items("#attempts-log").contains("second-line"));
        assertThat(rows().getFirst().status()).isEqualTo("started");
        assertThat(items("#attempts-log")).containsSubsequence("first-line", "second-line");

        fixture.goAhead(2);
        assertThat(running.get(60, TimeUnit.SECONDS).status()).isEqualTo("succeeded");
        console.await("the stored log once it ended", () -> console.text("#attempts-log-source")
                .startsWith("attempt.log") && this.<String>items("#attempts-log").stream()
                        .anyMatch(l -> l.startsWith("pushed ")));
        List<String> shown = this.<String>items("#attempts-log");
        assertThat(shown).containsSubsequence("first-line", "second-line").doesNotHaveDuplicates();
    }

    @Test
    void invalidatesAndRetriesAFailedAttempt() {
        fixture = AttemptsFixture.create(console.engine(), temp.resolve("shop"));
        fixture.approve("broken-build");
        DispatchService.AttemptEnd failed = fixture.dispatch("broken-build");
        assertThat(failed.status()).isEqualTo("failed");
        console.shortcut(KeyCode.DIGIT4);
        console.await("the failed attempt", () -> rows().size() == 1 && rows().getFirst().status().equals("failed"));
        AttemptsFixture.clickAttempt(console, failed.attemptId());
        console.await("the detail", () -> console.shown("#attempts-detail-title"));
        assertThat(detail().log()).anyMatch(line -> line.contains("the build is broken"));
        assertThat(console.text("#attempts-scope")).startsWith("No pull request: the attempt failed");

        console.robot.clickOn("#attempts-invalidate");
        console.await("the reason dialog", () -> console.robot.lookup("#attempts-dialog-reason").tryQuery()
                .isPresent());
        TextField reason = console.robot.lookup("#attempts-dialog-reason").query();
        console.runFx(() -> reason.setText("flaky runner, not the task's fault"));
        console.robot.clickOn("#attempts-dialog-ok");

        console.await("the invalidation", () -> console.text("#attempts-notice").startsWith("invalidated "));
        StoredEvent invalidated = console.engine().store().find("attempt.invalidated:" + failed.attemptId())
                .orElseThrow();
        assertThat(invalidated.envelope().actorId()).isEqualTo(System.getProperty("user.name"));
        assertThat(invalidated.payload().json().path("reason").asText()).isEqualTo("flaky runner, not the task's fault");
        console.await("invalidated in the list", () -> rows().getFirst().status().equals("invalidated"));
        Button invalidate = console.node("#attempts-invalidate");
        console.await("invalidate no longer offered", invalidate::isDisabled);

        console.robot.clickOn("#attempts-retry");
        console.await("the confirmation", () -> console.robot.lookup("#attempts-dialog-ok").tryQuery().isPresent());
        console.robot.clickOn("#attempts-dialog-ok");

        console.await("the new attempt", () -> console.text("#attempts-notice").startsWith("attempt "));
        console.await("the new attempt's end in the list", () -> rows().size() == 2
                && rows().getFirst().status().equals("failed"));
        AttemptRow newest = rows().getFirst();
        assertThat(newest.attemptId()).isNotEqualTo(failed.attemptId());
        assertThat(newest.taskId()).isEqualTo("broken-build");
        assertThat(newest.status()).isEqualTo("failed");
        StoredEvent created = console.engine().store().find("attempt.created:" + newest.attemptId()).orElseThrow();
        assertThat(created.envelope().actorId()).isEqualTo(System.getProperty("user.name"));
    }

    @Test
    void filtersByStatusAndTaskText() {
        fixture = AttemptsFixture.create(console.engine(), temp.resolve("shop"));
        fixture.approve("add-faq");
        fixture.approve("broken-build");
        fixture.dispatch("add-faq");
        fixture.dispatch("broken-build");
        console.shortcut(KeyCode.DIGIT4);
        console.await("both attempts", () -> rows().size() == 2 && rows().getFirst().status().equals("failed"));
        assertThat(rows()).extracting(AttemptRow::taskId).containsExactly("broken-build", "add-faq");

        console.robot.clickOn("#attempts-search").write("FAQ");
        console.await("only add-faq", () -> rows().size() == 1 && rows().getFirst().taskId().equals("add-faq"));
        console.runFx(() -> ((TextField) console.node("#attempts-search")).clear());
        console.await("both again", () -> rows().size() == 2);

        javafx.scene.control.ComboBox<String> status = console.node("#attempts-status-filter");
        console.runFx(() -> status.setValue("failed"));
        console.await("only the failed one", () -> rows().size() == 1
                && rows().getFirst().taskId().equals("broken-build"));
        assertThat(console.text("#attempts-count")).startsWith("1 matching attempt");
    }

    private List<AttemptRow> rows() {
        TableView<AttemptRow> table = console.node("#attempts-table");
        return console.onFx(() -> List.copyOf(table.getItems()));
    }

    @Test
    void showsADiffOfThousandsOfLinesWholeAndColoured() {
        fixture = AttemptsFixture.create(console.engine(), temp.resolve("shop"));
        fixture.approve("number-docs");
        DispatchService.AttemptEnd attempt = fixture.dispatch("number-docs");
        assertThat(attempt.status()).isEqualTo("succeeded");
        console.shortcut(KeyCode.DIGIT4);
        console.await("the attempt", () -> rows().size() == 1 && rows().getFirst().status().equals("succeeded"));

        AttemptsFixture.clickAttempt(console, attempt.attemptId());
        console.robot.clickOn("#attempts-tab-pr .tab-label");

        List<DiffLine> diff = items("#attempts-diff");
        assertThat(diff).filteredOn(l -> l.kind() == DiffLine.Kind.ADDED).hasSize(5_000);
        assertThat(diff.getLast()).isEqualTo(new DiffLine(DiffLine.Kind.ADDED, "+5000"));
        ListView<DiffLine> list = console.node("#attempts-diff");
        // Scrolled to the end; asked again until the list, whose skin appears only once its tab is
        // shown, has drawn there. (scrollTo of the very last index sometimes stops one line short
        // under load, so a line just before it is the one looked for.)
        console.await("lines near the end drawn, coloured", () -> {
            boolean drawn = list.lookupAll(".list-cell").stream().anyMatch(cell -> cell instanceof ListCell<?> c
                    && "+4990".equals(c.getText()) && c.getPseudoClassStates().contains(ADDED));
            if (!drawn) {
                list.scrollTo(diff.size() - 1);
            }
            return drawn;
        });
    }

    @Test
    void closesAPullRequestWithTheOperatorsReason() {
        fixture = AttemptsFixture.create(console.engine(), temp.resolve("shop"));
        fixture.approve("add-faq");
        DispatchService.AttemptEnd attempt = fixture.dispatch("add-faq");
        console.shortcut(KeyCode.DIGIT4);
        console.await("the attempt", () -> rows().size() == 1 && rows().getFirst().status().equals("succeeded"));
        AttemptsFixture.clickAttempt(console, attempt.attemptId());

        console.robot.clickOn("#attempts-close");
        console.await("the reason dialog", () -> console.robot.lookup("#attempts-dialog-reason").tryQuery()
                .isPresent());
        console.robot.clickOn("#attempts-dialog-reason").write("the FAQ belongs in the wiki");
        console.robot.clickOn("#attempts-dialog-ok");

        console.await("the close", () -> console.text("#attempts-notice").startsWith("closed " + attempt.prId()));
        StoredEvent closed = console.engine().store().find("pr.closed:" + attempt.prId()).orElseThrow();
        assertThat(closed.envelope().actorId()).isEqualTo(System.getProperty("user.name"));
        assertThat(closed.payload().json().path("reason").asText()).isEqualTo("the FAQ belongs in the wiki");
        assertThat(console.engine().forge().find(attempt.prId()).state()).isEqualTo(PullRequest.State.CLOSED);
        assertThat(console.engine().store().find("pr.merged:" + attempt.prId())).isEmpty();
        console.await("closed in the detail", () -> console.text("#attempts-pr-summary")
                .endsWith(" · closed: the FAQ belongs in the wiki"));
    }

    @Test
    void listsTheScopeGuardsViolationsOfARefusedAttempt() {
        fixture = AttemptsFixture.create(console.engine(), temp.resolve("shop"));
        fixture.approve("sneaky");
        DispatchService.AttemptEnd attempt = fixture.dispatch("sneaky");
        assertThat(attempt.status()).isEqualTo("failed");
        console.shortcut(KeyCode.DIGIT4);
        console.await("the attempt", () -> rows().size() == 1 && rows().getFirst().status().equals("failed"));
        AttemptsFixture.clickAttempt(console, attempt.attemptId());

        assertThat(console.text("#attempts-scope")).startsWith("Scope guard: refused, 2 violations;");
        assertThat(console.text("#attempts-pr-summary")).isEqualTo("No pull request");
        List<AttemptDetail.FileVerdict> files = items("#attempts-files");
        // README.md breaks two rules: outside the task's allowed paths, and outside the policy's.
        assertThat(files).extracting(AttemptDetail.FileVerdict::path).containsExactly("README.md", "README.md");
        assertThat(files).noneMatch(AttemptDetail.FileVerdict::allowed);
        assertThat(files).anyMatch(f -> f.verdict().startsWith("refused · outside_allowed_paths: "));
        assertThat(items("#attempts-diff")).isEmpty();
        Button merge = console.node("#attempts-merge");
        Button retry = console.node("#attempts-retry");
        assertThat(console.onFx(merge::isDisabled)).isTrue();
        assertThat(console.onFx(retry::isDisabled)).isFalse();
    }

    /** What the detail tabs show, read from the view. */
    private AttemptDetail detail() {
        TableView<AttemptDetail.TimelineEntry> timeline = console.node("#attempts-timeline");
        List<String> log = items("#attempts-log");
        List<AttemptDetail.ArtifactEntry> artifacts = items("#attempts-artifacts");
        List<AttemptDetail.TimelineEntry> events = console.onFx(() -> List.copyOf(timeline.getItems()));
        return new AttemptDetail(null, null, null, null, null, events, null, log, artifacts, null, List.of(), null,
                null, null, 0, -1);
    }

    private <T> List<T> items(String selector) {
        ListView<T> list = console.node(selector);
        return console.onFx(() -> List.copyOf(list.getItems()));
    }
}
