package dev.leviathan.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.console.ui.FxThreadWatchdog;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The watchdog that guards every console test notices Leviathan code holding the FX thread, and only that. */
class FxThreadWatchdogTest {

    private static void onFxThread(Runnable work) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            work.run();
            done.complete(null);
        });
        done.get(10, TimeUnit.SECONDS);
    }

    /** Computes until the thread has used {@code millis} of CPU: a loaded machine stretches only the wall time. */
    private static void busy(long millis) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long end = threads.getCurrentThreadCpuTime() + millis * 1_000_000;
        long sink = 0;
        while (threads.getCurrentThreadCpuTime() < end) {
            sink += System.nanoTime() % 7;
        }
        if (sink == 42) {
            System.out.print("");
        }
    }

    @Test
    void reportsLeviathanCodeComputingOrWaitingOnTheFxThreadAndNothingShort() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxThreadWatchdog watchdog = FxThreadWatchdogExtension.watchdog();
        watchdog.drainStalls();

        // Each pause after the work gives the sampler (every 5 ms) ten looks at an idle thread, which
        // ends any stretch: nothing to wait for, since "no stall" has no event to await.
        onFxThread(() -> busy(10));
        Thread.sleep(50);
        assertThat(ours(watchdog.drainStalls())).isEmpty();

        onFxThread(() -> busy(200));
        Thread.sleep(50);
        List<FxThreadWatchdog.Stall> computing = ours(watchdog.drainStalls());
        assertThat(computing).hasSize(1);
        assertThat(computing.getFirst().millis()).isGreaterThan(FxThreadWatchdog.DEFAULT_BOUND_MILLIS);
        assertThat(computing.getFirst().where()).contains("FxThreadWatchdogTest");

        onFxThread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep(50);
        assertThat(ours(watchdog.drainStalls())).singleElement()
                .satisfies(stall -> assertThat(stall.where()).contains("FxThreadWatchdogTest.lambda"));
    }

    @Test
    void aDialogWaitingForTheOperatorInANestedEventLoopIsNotAStall() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxThreadWatchdog watchdog = FxThreadWatchdogExtension.watchdog();
        watchdog.drainStalls();
        Object key = new Object();
        CompletableFuture<Void> left = new CompletableFuture<>();
        Platform.runLater(() -> {
            Platform.enterNestedEventLoop(key);
            left.complete(null);
        });
        Thread.sleep(300);
        Platform.runLater(() -> Platform.exitNestedEventLoop(key, null));
        left.get(10, TimeUnit.SECONDS);

        assertThat(ours(watchdog.drainStalls())).isEmpty();
    }

    @Test
    void aPulseWaitingForThePreviousFrameToBePaintedIsTheRenderers() {
        StackTraceElement[] waiting = {
                new StackTraceElement("jdk.internal.misc.Unsafe", "park", null, -2),
                new StackTraceElement("java.util.concurrent.CountDownLatch", "await", null, 230),
                new StackTraceElement("com.sun.javafx.tk.quantum.PaintCollector", "waitForRenderingToComplete", null, 157),
                new StackTraceElement("javafx.scene.Scene$ScenePulseListener", "pulse", null, 2621)};
        StackTraceElement[] styling = {
                new StackTraceElement("javafx.scene.Parent", "doProcessCSS", null, 1),
                new StackTraceElement("javafx.scene.Scene$ScenePulseListener", "pulse", null, 2600)};

        assertThat(FxThreadWatchdog.waitingForTheRenderer(waiting)).isTrue();
        assertThat(FxThreadWatchdog.waitingForTheRenderer(styling)).isFalse();
    }

    /** The stalls this test caused: a console left by an earlier test may still be busy on the FX thread. */
    private static List<FxThreadWatchdog.Stall> ours(List<FxThreadWatchdog.Stall> stalls) {
        return stalls.stream().filter(s -> s.where().contains("FxThreadWatchdogTest")).toList();
    }
}
