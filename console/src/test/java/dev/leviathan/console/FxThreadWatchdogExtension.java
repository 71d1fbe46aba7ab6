package dev.leviathan.console;

import dev.leviathan.console.ui.FxThreadWatchdog;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails any console test during which the FX thread spent more than 50 ms at a stretch in Leviathan
 * code (see {@link FxThreadWatchdog}). Registered for every test of this module through
 * {@code META-INF/services}, so a new screen's tests are watched without asking.
 */
public final class FxThreadWatchdogExtension implements BeforeEachCallback, AfterEachCallback,
        org.junit.jupiter.api.extension.AfterAllCallback {

    private static final FxThreadWatchdog WATCHDOG = FxThreadWatchdog.start(FxThreadWatchdog.DEFAULT_BOUND_MILLIS);

    static {
        CssCensus.start();
    }

    public static FxThreadWatchdog watchdog() {
        return WATCHDOG;
    }

    /** Prints, per test class, the pulses seen and the longest gap between two, for the closing figures. */
    @Override
    public void afterAll(ExtensionContext context) {
        long[] pulses = WATCHDOG.drainPulseFigures();
        if (pulses[0] > 0) {
            System.out.printf("[leviathan tests] %s: %d pulses, longest gap %d ms, %d gaps over %d ms (%d of them"
                    + " one-offs, %d of the others mostly waiting for the renderer); longest stretch in Leviathan"
                    + " code on the FX thread %d ms%n", context.getDisplayName(), pulses[0], pulses[1], pulses[2],
                    FxThreadWatchdog.DEFAULT_BOUND_MILLIS, pulses[4], pulses[5], pulses[3]);
            WATCHDOG.drainWorstGaps().forEach(gap -> System.out.println("[leviathan tests]   gap " + gap));
        }
        if (CssCensus.ENABLED) {
            CssCensus.drain().forEach(line -> System.out.println("[leviathan tests] " + line));
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        WATCHDOG.drainStalls();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<FxThreadWatchdog.Stall> stalls = WATCHDOG.drainStalls();
        if (!stalls.isEmpty()) {
            throw new AssertionError("the FX thread was blocked over " + FxThreadWatchdog.DEFAULT_BOUND_MILLIS
                    + " ms in Leviathan code during " + context.getDisplayName() + ": " + stalls
                    + " (move that work to a background task)");
        }
    }
}
