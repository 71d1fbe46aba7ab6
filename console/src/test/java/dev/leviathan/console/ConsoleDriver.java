package dev.leviathan.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.console.events.EventRow;
import atlantafx.base.theme.PrimerDark;
import dev.leviathan.console.ui.Nodes;
import dev.leviathan.console.ui.Theme;
import dev.leviathan.engine.Engine;
import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.target.RegisteredTarget;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real console on a temporary data directory, driven through its window: start it, find its
 * nodes, wait for what it shows, take screenshots. Waits poll the FX thread with a timeout.
 */
final class ConsoleDriver implements AutoCloseable {

    static final long TIMEOUT_SECONDS = 20;

    final LeviathanHome home;
    final FxRobot robot = new FxRobot();
    final ConsoleApp app;
    private final Stage stage;

    private ConsoleDriver(LeviathanHome home, ConsoleApp app, Stage stage) {
        this.home = home;
        this.app = app;
        this.stage = stage;
    }

    /** Starts the console on {@code dataDir} and waits until the engine is open and a screen shows. */
    static ConsoleDriver start(Path dataDir) throws TimeoutException {
        return start(dataDir, System.getenv());
    }

    /** As {@link #start(Path)}, with the engine given {@code env} as its environment. */
    static ConsoleDriver start(Path dataDir, java.util.Map<String, String> env) throws TimeoutException {
        LeviathanHome home = new LeviathanHome(dataDir);
        Stage stage = FxToolkit.registerPrimaryStage();
        // The store the data directory's settings name (embedded H2 until a test saves another), never
        // one the developer's own environment names: what Settings saves and Reconnect now opens.
        java.util.Map<String, String> ownEnv = new java.util.HashMap<>(env);
        ownEnv.keySet().removeIf(name -> name.startsWith("LEVIATHAN_STORE_"));
        ConsoleApp app = (ConsoleApp) FxToolkit.setupApplication(() -> new ConsoleApp(() ->
                EngineFactory.fromSettings(home, ownEnv)));
        ConsoleDriver driver = new ConsoleDriver(home, app, stage);
        driver.await("the engine to open", () -> app.engine().isPresent()
                && Nodes.lookup(stage.getScene().getRoot(), "#targets-screen") != null);
        // Keys go to the focused window: an earlier test that closed a second window may have left none.
        driver.runFx(() -> {
            stage.toFront();
            stage.requestFocus();
        });
        return driver;
    }

    Engine engine() {
        return app.engine().orElseThrow();
    }

    Scene scene() {
        return stage.getScene();
    }

    /** Waits until {@code condition}, evaluated on the FX thread, holds. */
    void await(String what, Callable<Boolean> condition) {
        await(what, TIMEOUT_SECONDS, condition);
    }

    /** The same, for what may take longer than usual (a worker in a child JVM on a busy machine). */
    void await(String what, long seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting for " + what, e);
        }
    }

    <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Whether the console shows its dark theme: the pseudo-class on the window's root. */
    boolean darkTheme() {
        return onFx(() -> scene().getRoot().getPseudoClassStates().contains(Theme.DARK));
    }

    /**
     * Fails unless every node of every open window is styled, under the console's dark theme, exactly
     * as AtlantaFX's own Primer Dark stylesheet styles it: the check that the derived dark rules
     * ({@code DarkThemeRules}) leave nothing light behind.
     */
    void assertStyledAsPrimerDark() {
        List<String> differences = onFx(() -> FxThreadWatchdogExtension.watchdog().unwatched(() -> {
            List<Parent> roots = javafx.stage.Window.getWindows().stream().filter(w -> w.getScene() != null)
                    .map(w -> w.getScene().getRoot()).toList();
            roots.forEach(Parent::applyCss);
            List<Map<String, Object>> ours = roots.stream().map(StyleSnapshot::of).toList();
            javafx.application.Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
            roots.forEach(root -> root.pseudoClassStateChanged(Theme.DARK, false));
            roots.forEach(Parent::applyCss);
            List<Map<String, Object>> theirs = roots.stream().map(StyleSnapshot::of).toList();
            javafx.application.Application.setUserAgentStylesheet(Theme.stylesheet());
            roots.forEach(root -> root.pseudoClassStateChanged(Theme.DARK, true));
            roots.forEach(Parent::applyCss);
            List<String> found = new java.util.ArrayList<>();
            for (int i = 0; i < roots.size(); i++) {
                found.addAll(StyleSnapshot.differences(ours.get(i), theirs.get(i)));
            }
            return found;
        }));
        assertThat(differences).as("properties styled otherwise than by Primer Dark (ours / Primer Dark), %d in all",
                differences.size()).isEmpty();
    }

    void runFx(Runnable action) {
        onFx(() -> {
            action.run();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    <T extends Node> T node(String selector) {
        T node = onFx(() -> {
            @SuppressWarnings("unchecked")
            T found = (T) Nodes.lookup(scene().getRoot(), selector);
            return found;
        });
        assertThat(node).as(selector).isNotNull();
        return node;
    }

    String text(String selector) {
        Labeled labeled = node(selector);
        return onFx(labeled::getText);
    }

    boolean shown(String selector) {
        return onFx(() -> {
            Node node = Nodes.lookup(scene().getRoot(), selector);
            if (node == null || !node.isVisible()) {
                return false;
            }
            for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
                if (!parent.isVisible()) {
                    return false;
                }
            }
            return node.getScene() != null;
        });
    }

    /** A node in any window (dialogs are windows of their own), once it is there. */
    Node anywhere(String selector) {
        await(selector, () -> robot.lookup(selector).tryQuery().isPresent());
        return robot.lookup(selector).query();
    }

    /** Clicks the table cell that shows {@code text}. */
    void clickCell(String text) {
        Node cell = robot.lookup((Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && text.equals(c.getText())).query();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Presses Ctrl+{@code digit}, the screen shortcut. */
    void shortcut(KeyCode digit) {
        robot.press(KeyCode.CONTROL, digit).release(digit, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    List<EventRow> eventRows() {
        TableView<EventRow> table = node("#events-table");
        return onFx(() -> List.copyOf(table.getItems() == null ? List.of() : table.getItems()));
    }

    @SuppressWarnings("unchecked")
    List<RegisteredTarget> targetRows() {
        TableView<RegisteredTarget> table = node("#targets-table");
        return onFx(() -> List.copyOf(table.getItems() == null ? List.of() : table.getItems()));
    }

    /** Writes {@code console-<name>.png} to the screenshot directory (docs/images under Maven). */
    Path screenshot(String name) {
        return screenshot(scene(), name);
    }

    static Path screenshot(Scene scene, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image;
        try {
            // A snapshot renders the whole scene on the FX thread: the test's doing, not the console's.
            image = FxThreadWatchdogExtension.watchdog().unwatched(() -> WaitForAsyncUtils.asyncFx(() -> {
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                return scene.snapshot(null);
            }).get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        Path dir = Path.of(System.getProperty("leviathan.screenshots.dir", "target/screenshots"));
        Path file = dir.resolve("console-" + name + ".png");
        try {
            Files.createDirectories(dir);
            BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
            ImageIO.write(buffered, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        app.closed().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
