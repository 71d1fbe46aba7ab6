package dev.leviathan.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.Engine;
import java.nio.file.Path;
import java.util.Set;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings → Reconnect now, and why it waits while the console has engine work running. */
class ConsoleReconnectTest {

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
    void reconnectWaitsForARunningDispatchThenReopensTheEngine() {
        fixture = AttemptsFixture.create(console.engine(), temp.resolve("shop"));
        fixture.approve("chatty");
        console.shortcut(KeyCode.DIGIT3);
        javafx.scene.control.TableView<dev.leviathan.console.backlog.TaskRow> table = console.node("#backlog-table");
        console.await("the backlog", () -> table.getItems().stream().anyMatch(row -> row.id().equals("chatty")));
        BacklogFixture.selectTask(console, "chatty");
        console.robot.clickOn("#backlog-dispatch");
        console.await("the worker running", () -> !events("attempt.started").isEmpty());
        Engine before = console.engine();

        saveSettings();
        pressReconnect();

        console.await("the refusal", () -> console.shown("#settings-reconnect-refused"));
        atlantafx.base.controls.Message refused = console.node("#settings-reconnect-refused");
        assertThat(console.onFx(refused::getDescription)).contains("of chatty running")
                .endsWith("Reconnect when it has ended.");
        assertThat(console.engine()).as("the engine stays open under the dispatch").isSameAs(before);

        fixture.goAhead(1);
        fixture.goAhead(2);
        console.await("the attempt's end", () -> !events("attempt.succeeded").isEmpty());
        console.shortcut(KeyCode.DIGIT3);
        atlantafx.base.controls.Message notice = console.node("#backlog-notice");
        console.await("the dispatch done", () -> notice.getTitle() != null && notice.getTitle().startsWith("Attempt "));
        console.shortcut(KeyCode.DIGIT9);
        long head = before.store().head().seq();
        pressReconnect();

        console.await("a new engine", () -> console.app.engine().map(open -> open != before).orElse(false)
                && console.shown("#settings-screen"));
        assertThat(console.engine().store().head().seq()).as("the same store, opened again").isEqualTo(head);
        assertThat(console.engine().targets().find(AttemptsFixture.TARGET)).isPresent();
        console.await("the status bar on the new engine", () -> console.text("#status-head").startsWith("head #"));
    }

    private void saveSettings() {
        console.shortcut(KeyCode.DIGIT9);
        console.await("the settings", () -> console.shown("#settings-screen")
                && !console.<Button>node("#settings-save").isDisabled());
        console.robot.clickOn("#settings-save");
        console.await("saved", () -> console.shown("#settings-saved"));
    }

    private void pressReconnect() {
        console.await("Reconnect now offered", () -> console.shown("#settings-reconnect"));
        Button reconnect = console.node("#settings-reconnect");
        console.runFx(reconnect::fire);
    }

    private java.util.List<dev.leviathan.engine.event.StoredEvent> events(String type) {
        return console.engine().store().read(dev.leviathan.engine.event.EventQuery.after(0, 10_000)
                .withTypes(Set.of(type)));
    }
}
