package dev.leviathan.console;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.Message;
import dev.leviathan.console.events.EventRow;
import dev.leviathan.console.shell.ScreenId;
import dev.leviathan.engine.Engine;
import dev.leviathan.engine.event.StoreSettings;
import dev.leviathan.engine.target.RegisteredTarget;
import dev.leviathan.engine.target.RepoLocation;
import dev.leviathan.engine.testkit.TestEvents;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An operator's journeys through the real console on a temporary data directory. */
class ConsoleJourneyTest {

    @TempDir
    Path temp;

    private ConsoleDriver console;

    @BeforeEach
    void startConsole() throws Exception {
        console = ConsoleDriver.start(temp.resolve("home"));
    }

    @AfterEach
    void stopConsole() throws Exception {
        console.close();
    }

    @Test
    void firstStartOnAnEmptyStoreShowsIntentionalEmptyStates() {
        assertThat(console.shown("#targets-screen")).isTrue();
        assertThat(console.targetRows()).isEmpty();
        assertThat(console.text("#status-store")).isEqualTo("H2");
        assertThat(console.text("#status-location")).endsWith("store/leviathan.mv.db");
        assertThat(console.text("#status-head")).isEqualTo("head #0 · -");
        console.await("the start-up verification", () -> console.text("#status-chain")
                .equals("chain intact (empty store)"));

        console.shortcut(KeyCode.DIGIT5);
        assertThat(console.shown("#events-screen")).isTrue();
        assertThat(console.eventRows()).isEmpty();
        Label emptyTitle = console.node("#events-table #empty-state-title");
        String empty = console.onFx(emptyTitle::getText);
        assertThat(empty).isEqualTo("No events yet");
    }

    @Test
    void registersALocalRepositoryThroughTheFormAndItsEventAppearsInEvents() throws Exception {
        Path repo = TestRepositories.withOneCommit(temp.resolve("demo-service"));

        console.robot.clickOn("#targets-name").write("demo-service");
        console.robot.clickOn("#targets-repo").write(repo.toString());
        Button register = console.node("#targets-register");
        console.await("Register to be offered", () -> !register.isDisabled());
        console.robot.clickOn("#targets-register");

        console.await("the target in the list", () -> console.targetRows().size() == 1);
        RegisteredTarget target = console.targetRows().getFirst();
        assertThat(target.id()).isEqualTo("demo-service");
        assertThat(target.repo()).isEqualTo(repo.toAbsolutePath().normalize().toString());
        assertThat(target.kind()).isEqualTo(RepoLocation.Kind.LOCAL);
        assertThat(target.defaultBranch()).isEqualTo("main");
        assertThat(target.registeredBy()).isEqualTo(System.getProperty("user.name"));
        assertThat(console.shown("#targets-registered")).isTrue();
        Message registered = console.node("#targets-registered");
        String registeredTitle = console.onFx(registered::getTitle);
        assertThat(registeredTitle).isEqualTo("Registered demo-service");

        console.shortcut(KeyCode.DIGIT5);
        console.await("the target.registered event", () -> console.eventRows().stream()
                .anyMatch(row -> row.type().equals("target.registered") && row.target().equals("demo-service")));
        assertThat(console.text("#status-head")).startsWith("head #1 · ");
    }

    @Test
    void anInvalidNameAndAMissingPathAreShownInlineAndNothingIsRegistered() {
        console.robot.clickOn("#targets-name").write("Bad Name!");
        console.robot.clickOn("#targets-repo").write(temp.resolve("no-such-repo").toString());

        console.await("the name problem", () -> console.shown("#targets-name-problem")
                && console.text("#targets-name-problem").contains("is not a valid name"));
        console.await("the repository problem", () -> console.shown("#targets-repo-problem")
                && console.text("#targets-repo-problem").contains("is not a git repository"));
        Button register = console.node("#targets-register");
        boolean disabled = console.onFx(register::isDisabled);
        assertThat(disabled).isTrue();

        console.robot.clickOn("#targets-register");
        assertThat(console.engine().targets().list()).isEmpty();
        assertThat(console.engine().store().head().seq()).isZero();
        assertThat(console.targetRows()).isEmpty();
    }

    @Test
    void eventsAppendedByAnotherWriterAppearLive() {
        console.shortcut(KeyCode.DIGIT5);
        assertThat(console.eventRows()).isEmpty();

        try (Engine other = Engine.open(console.home, StoreSettings.embedded(console.home), Clock.systemUTC())) {
            other.store().append(TestEvents.bundle("live", 3));
        }

        console.await("three live events", () -> console.eventRows().size() == 3);
        List<EventRow> rows = console.eventRows();
        assertThat(rows).extracting(EventRow::seq).containsExactly(3L, 2L, 1L);
        assertThat(rows).extracting(EventRow::eventId).containsExactly("live-2", "live-1", "live-0");
        console.await("the head in the status bar", () -> console.text("#status-head").startsWith("head #3 · "));
    }

    @Test
    void keepsOnlyTheNewestRowsWhenTheStoreIsBusy() {
        console.shortcut(KeyCode.DIGIT5);
        console.engine().store().append(TestEvents.bundle("busy", 5_200));

        console.await("the newest 5,000 rows", () -> {
            List<EventRow> rows = console.eventRows();
            return !rows.isEmpty() && rows.getFirst().seq() == 5_200;
        });
        List<EventRow> rows = console.eventRows();
        assertThat(rows).hasSize(5_000);
        assertThat(rows.getLast().seq()).isEqualTo(201);
        assertThat(console.text("#events-count")).contains("newest 5,000 kept");
    }

    @Test
    void filteringByTypeShowsOnlyThatTypeAndKeepsFollowing() {
        var store = console.engine().store();
        store.append(TestEvents.bundle("first", 3));
        store.append(TestEvents.event("other-1", "test.other", "billing", "n", 1));
        console.shortcut(KeyCode.DIGIT5);
        console.await("four events", () -> console.eventRows().size() == 4);

        console.robot.clickOn("#events-type-filter").write("test.other").type(KeyCode.ENTER);

        console.await("only test.other", () -> console.eventRows().size() == 1);
        assertThat(console.eventRows().getFirst().eventId()).isEqualTo("other-1");

        store.append(List.of(TestEvents.event("noise-1"), TestEvents.event("other-2", "test.other", "billing")));
        console.await("the new test.other event", () -> console.eventRows().size() == 2);
        assertThat(console.eventRows()).extracting(EventRow::type).containsOnly("test.other");
        assertThat(console.eventRows()).extracting(EventRow::eventId).containsExactly("other-2", "other-1");
    }

    @Test
    void filteringByTargetShowsOnlyThatTarget() {
        var store = console.engine().store();
        store.append(List.of(TestEvents.event("a-1", "test.happened", "alpha"),
                TestEvents.event("b-1", "test.happened", "beta"), TestEvents.event("a-2", "test.other", "alpha")));
        console.shortcut(KeyCode.DIGIT5);
        console.await("three events", () -> console.eventRows().size() == 3);

        console.robot.clickOn("#events-target-filter").write("alpha").type(KeyCode.ENTER);

        console.await("only alpha", () -> console.eventRows().size() == 2);
        assertThat(console.eventRows()).extracting(EventRow::target).containsOnly("alpha");
    }

    @Test
    void selectingAnEventShowsItsEnvelopeAndPrettyPayload() {
        console.engine().store().append(TestEvents.event("shown-1", "test.happened", "demo", "answer", 42));
        console.shortcut(KeyCode.DIGIT5);
        console.await("the event", () -> console.eventRows().size() == 1);

        console.clickCell("shown-1");

        console.await("the detail", () -> console.shown("#events-detail-title"));
        assertThat(console.text("#events-detail-title")).isEqualTo("seq 1 · test.happened");
        javafx.scene.control.TextArea payload = console.node("#events-detail-payload");
        String pretty = console.onFx(payload::getText);
        assertThat(pretty).isEqualTo("{\n  \"answer\" : 42\n}");
    }

    @Test
    void newEventsAreVerifiedOnTheirOwnShortlyAfterTheyArrive() {
        console.await("the start-up verification", () -> console.text("#status-chain")
                .equals("chain intact (empty store)"));

        console.engine().store().append(TestEvents.bundle("later", 4));

        console.await("the head moved", () -> console.text("#status-head").startsWith("head #4 "));
        // Until then the status says the intact verification did not cover them.
        console.await("the new events counted as not yet verified", () -> console.text("#status-chain")
                .equals("chain intact up to #0 · 4 newer, unverified"));
        console.await("the new events verified without asking", () -> console.text("#status-chain")
                .equals("chain intact up to #4"));
    }

    @Test
    void verifyShowsAnIntactChain() {
        console.engine().store().append(TestEvents.bundle("good", 5));
        console.shortcut(KeyCode.DIGIT5);

        console.robot.clickOn("#events-verify");

        console.await("intact in the status bar", () -> console.text("#status-chain")
                .equals("chain intact up to #5"));
        Message verdict = console.node("#events-verdict");
        String title = console.onFx(verdict::getTitle);
        String description = console.onFx(verdict::getDescription);
        assertThat(title).isEqualTo("Chain intact");
        assertThat(description).startsWith("chain intact: 5 events");
    }

    @Test
    void verifyOfAForgedStoreShowsBrokenWithTheSeqInTheStatusBar() throws Exception {
        console.engine().store().append(TestEvents.bundle("real", 4));
        StoreSettings settings = StoreSettings.embedded(console.home);
        try (Connection jdbc = DriverManager.getConnection(settings.jdbcUrl(), "sa", "");
                Statement sql = jdbc.createStatement()) {
            sql.execute("DROP TRIGGER IF EXISTS events_append_only");
            sql.executeUpdate("UPDATE events SET payload = '{\"forged\":true}' WHERE seq = 2");
        }
        console.shortcut(KeyCode.DIGIT5);

        console.robot.clickOn("#events-verify");

        console.await("BROKEN in the status bar", () -> console.text("#status-chain").equals("BROKEN at seq 2"));
        Label status = console.node("#status-chain");
        List<String> styles = console.onFx(() -> List.copyOf(status.getStyleClass()));
        assertThat(styles).contains("chain-broken");
        Message verdict = console.node("#events-verdict");
        String title = console.onFx(verdict::getTitle);
        String description = console.onFx(verdict::getDescription);
        assertThat(title).isEqualTo("Chain BROKEN");
        assertThat(description).contains("BROKEN at seq 2");
        console.screenshot("events-broken");
    }

    @Test
    void ctrlDigitsSwitchBetweenAllScreens() {
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        ScreenId[] screens = ScreenId.values();
        for (int i = screens.length - 1; i >= 0; i--) {
            console.shortcut(digits[i]);
            String id = "#" + screens[i].key() + "-screen";
            assertThat(console.shown(id)).as(id).isTrue();
        }
    }

    @Test
    void sidebarItemsSwitchScreens() {
        console.robot.clickOn("#nav-governor");
        assertThat(console.shown("#governor-screen")).isTrue();
        assertThat(console.shown("#targets-screen")).isFalse();
        console.robot.clickOn("#nav-targets");
        assertThat(console.shown("#targets-screen")).isTrue();
    }

    @Test
    void theDarkSwitchChangesTheTheme() {
        console.robot.clickOn("#status-theme");
        console.await("the dark theme", () -> console.darkTheme());
        console.robot.clickOn("#status-theme");
        console.await("the light theme", () -> !console.darkTheme());
    }
}
