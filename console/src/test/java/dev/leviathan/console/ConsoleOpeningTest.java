package dev.leviathan.console;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.Message;
import dev.leviathan.console.ui.Nodes;
import dev.leviathan.engine.config.LeviathanHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** What the operator sees when the store cannot be opened, and that Retry opens it once it can. */
class ConsoleOpeningTest {

    @TempDir
    Path temp;

    @Test
    void showsTheEnginesMessageWhenTheDataDirectoryCannotBeCreatedAndRetryOpensItLater() throws Exception {
        Path dataDir = temp.resolve("home");
        Files.writeString(dataDir, "a file where the data directory should be");
        LeviathanHome home = new LeviathanHome(dataDir);
        Stage stage = FxToolkit.registerPrimaryStage();
        ConsoleApp app = (ConsoleApp) FxToolkit.setupApplication(
                () -> new ConsoleApp(() -> EngineFactory.embedded(home)));
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                    () -> lookup(stage.getScene(), "#open-failure") != null).get());
            Message failure = (Message) lookup(stage.getScene(), "#open-failure");
            String description = WaitForAsyncUtils.asyncFx(failure::getDescription).get();
            assertThat(description).startsWith("cannot create the data directory " + dataDir);
            Node nav = lookup(stage.getScene(), "#nav-events");
            assertThat(WaitForAsyncUtils.asyncFx(nav::isDisabled).get()).isTrue();
            ConsoleDriver.screenshot(stage.getScene(), "open-failure");

            Files.delete(dataDir);
            new FxRobot().clickOn("#open-retry");

            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                    () -> lookup(stage.getScene(), "#targets-screen") != null).get());
            assertThat(app.engine()).isPresent();
            assertThat(dataDir.resolve("store")).isDirectory();
        } finally {
            FxToolkit.cleanupApplication(app);
            app.closed().get(20, TimeUnit.SECONDS);
        }
    }

    private static Node lookup(Scene scene, String selector) {
        return Nodes.lookup(scene.getRoot(), selector);
    }
}
