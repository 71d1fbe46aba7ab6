package dev.leviathan.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.console.ui.Nodes;
import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.event.StoreSettings;
import dev.leviathan.engine.target.RegisteredTarget;
import dev.leviathan.engine.testkit.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two consoles, each with its own data directory, on one PostgreSQL store: what one operator registers
 * through the form shows in the other's Targets list, both ways, by the store's notifications alone.
 * The delay is printed (the closing note reports it); the test only waits for it, with a generous bound.
 */
class ConsoleSharedStoreTest {

    @TempDir
    Path temp;

    @Test
    void aTargetRegisteredInOneConsoleShowsInTheOtherBothWays() throws Exception {
        String url = TestPostgres.freshSchemaUrl();
        LeviathanHome homeA = new LeviathanHome(temp.resolve("alice"));
        LeviathanHome homeB = new LeviathanHome(temp.resolve("bob"));
        Stage stageA = FxToolkit.registerPrimaryStage();
        ConsoleApp a = (ConsoleApp) FxToolkit.setupApplication(() -> new ConsoleApp(() -> new EngineFactory(homeA,
                StoreSettings.forUrl(homeA, url, null, Optional.empty()), Clock.systemUTC())));
        ConsoleApp b = new ConsoleApp(() -> new EngineFactory(homeB,
                StoreSettings.forUrl(homeB, url, null, Optional.empty()), Clock.systemUTC()));
        Stage stageB = WaitForAsyncUtils.asyncFx(() -> {
            Stage stage = new Stage();
            b.start(stage);
            return stage;
        }).get(20, TimeUnit.SECONDS);
        try {
            await("both consoles open", () -> a.engine().isPresent() && b.engine().isPresent()
                    && Nodes.lookup(stageA.getScene().getRoot(), "#targets-table") != null
                    && Nodes.lookup(stageB.getScene().getRoot(), "#targets-table") != null);

            long viaA = registerThroughTheForm(stageA.getScene(), "from-alice", TestRepositories.withOneCommit(temp.resolve("r1")));
            await("bob's console to list from-alice", () -> ids(stageB.getScene()).contains("from-alice"));
            long seenByB = System.nanoTime();

            long viaB = registerThroughTheForm(stageB.getScene(), "from-bob", TestRepositories.withOneCommit(temp.resolve("r2")));
            await("alice's console to list from-bob", () -> ids(stageA.getScene()).contains("from-bob"));
            long seenByA = System.nanoTime();

            System.out.printf("[leviathan tests] shared PostgreSQL store: alice → bob %d ms, bob → alice %d ms"
                    + " (from the registering console listing it to the other console listing it)%n",
                    (seenByB - viaA) / 1_000_000, (seenByA - viaB) / 1_000_000);
            assertThat(WaitForAsyncUtils.asyncFx(() -> ids(stageA.getScene())).get()).contains("from-alice", "from-bob");
            assertThat(b.engine().orElseThrow().targets().find("from-alice")).isPresent();
        } finally {
            WaitForAsyncUtils.asyncFx(() -> {
                b.stop();
                stageB.close();
                return null;
            }).get(20, TimeUnit.SECONDS);
            b.closed().get(20, TimeUnit.SECONDS);
            FxToolkit.cleanupApplication(a);
            a.closed().get(20, TimeUnit.SECONDS);
        }
    }

    /** Fills the form of one window and registers; returns when that window lists the target (nanoTime). */
    private static long registerThroughTheForm(Scene scene, String name, Path repo) throws Exception {
        // Both windows lie on one another in a headless screen, so the form is filled and submitted
        // through its controls rather than by clicking at coordinates.
        WaitForAsyncUtils.asyncFx(() -> {
            ((TextField) Nodes.lookup(scene.getRoot(), "#targets-name")).setText(name);
            ((TextField) Nodes.lookup(scene.getRoot(), "#targets-repo")).setText(repo.toString());
            return null;
        }).get(20, TimeUnit.SECONDS);
        Button register = (Button) Nodes.lookup(scene.getRoot(), "#targets-register");
        await("Register to be offered for " + name, () -> !register.isDisabled());
        WaitForAsyncUtils.asyncFx(() -> {
            register.fire();
            return null;
        }).get(20, TimeUnit.SECONDS);
        await(name + " to be registered", () -> ids(scene).contains(name));
        return System.nanoTime();
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Scene scene) {
        TableView<RegisteredTarget> table = (TableView<RegisteredTarget>) Nodes.lookup(scene.getRoot(), "#targets-table");
        return table.getItems().stream().map(RegisteredTarget::id).toList();
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out after 20 s waiting for " + what, e);
        }
    }
}
