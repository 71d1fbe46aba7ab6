package dev.leviathan.console.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.leviathan.console.aegis.AegisScreenController;
import dev.leviathan.console.chain.ChainController;
import dev.leviathan.console.events.EventsController;
import dev.leviathan.console.planned.PlannedScreen;
import dev.leviathan.console.planned.PlannedScreenController;
import dev.leviathan.console.targets.TargetsController;
import dev.leviathan.console.ui.Background;
import dev.leviathan.console.ui.ScreenController;
import dev.leviathan.engine.Engine;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;

/**
 * The main window: opening state, sidebar, the screen shown, and the status bar. Builds each
 * screen's controller once the engine is open and switches between them, activating the one shown
 * and deactivating the one it replaces.
 */
public final class ShellController {

    private final Background background;
    private final String operator;
    private final ZoneId zone;
    private final Runnable retry;
    private final ShellModel model = new ShellModel();
    private final ShellView view;
    private final Map<ScreenId, ScreenController> screens = new EnumMap<>(ScreenId.class);
    private ChainController chain;
    private ScreenController active;

    /**
     * @param retry opens the engine again after a failure
     */
    public ShellController(Background background, String operator, ZoneId zone, Runnable retry) {
        this.background = background;
        this.operator = operator;
        this.zone = zone;
        this.retry = retry;
        this.view = new ShellView(this, model);
        applyTheme(false);
    }

    public Parent view() {
        return view.root();
    }

    public ShellModel model() {
        return model;
    }

    /** The engine is being opened; {@code message} says what is happening. */
    public void opening(String message) {
        model.failure.set("");
        model.openingMessage.set(message);
        model.phase.set(ShellModel.Phase.OPENING);
    }

    /** The engine could not open; the window says why and offers to retry. */
    public void failed(String message) {
        model.failure.set(message);
        model.phase.set(ShellModel.Phase.FAILED);
    }

    /** The engine is open: build the screens, start following the store, show the first screen. */
    public void ready(Engine engine) {
        chain = new ChainController(engine.store(), background, engine.clock());
        chain.start(engine.store().description());
        TargetsController targets = new TargetsController(engine.targets(), engine.store(), background, operator,
                zone);
        targets.start();
        EventsController events = new EventsController(engine.store(), background, chain, zone);
        events.start();
        screens.put(ScreenId.TARGETS, targets);
        screens.put(ScreenId.GRAPH, new PlannedScreenController(PlannedScreen.GRAPH));
        screens.put(ScreenId.BACKLOG, new PlannedScreenController(PlannedScreen.BACKLOG));
        screens.put(ScreenId.ATTEMPTS, new dev.leviathan.console.attempts.AttemptsController(engine, background, operator, zone));
        screens.put(ScreenId.EVENTS, events);
        screens.put(ScreenId.GOVERNOR, new PlannedScreenController(PlannedScreen.GOVERNOR));
        screens.put(ScreenId.CLUSTER, new PlannedScreenController(PlannedScreen.CLUSTER));
        screens.put(ScreenId.AEGIS, new AegisScreenController());
        view.bindStatus(chain.model());
        model.phase.set(ShellModel.Phase.READY);
        show(model.selected.get());
    }

    // ------------------------------------------------------------------ handlers called by the view

    void onSelect(ScreenId screen) {
        if (model.phase.get() != ShellModel.Phase.READY || screen == model.selected.get() && active != null) {
            return;
        }
        show(screen);
    }

    void onDarkTheme(boolean dark) {
        model.darkTheme.set(dark);
        applyTheme(dark);
    }

    void onRetry() {
        retry.run();
    }

    void onQuit() {
        Platform.exit();
    }

    private void show(ScreenId screen) {
        if (active != null) {
            active.onDeactivate();
        }
        active = screens.get(screen);
        model.selected.set(screen);
        active.onActivate();
        view.showScreen(active.view());
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Ends every subscription; the engine itself is closed by the application. */
    public void stop() {
        if (active != null) {
            active.onDeactivate();
            active = null;
        }
        screens.values().forEach(ScreenController::stop);
        if (chain != null) {
            chain.stop();
        }
    }
}
