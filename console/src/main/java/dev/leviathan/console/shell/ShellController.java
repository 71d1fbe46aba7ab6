package dev.leviathan.console.shell;

import dev.leviathan.console.aegis.AegisScreenController;
import dev.leviathan.console.backlog.BacklogController;
import dev.leviathan.console.chain.ChainController;
import dev.leviathan.console.events.EventsController;
import dev.leviathan.console.governor.GovernorController;
import dev.leviathan.console.palette.Command;
import dev.leviathan.console.palette.CommandRegistry;
import dev.leviathan.console.palette.PaletteController;
import dev.leviathan.console.graph.GraphController;
import dev.leviathan.console.planned.PlannedScreen;
import dev.leviathan.console.planned.PlannedScreenController;
import dev.leviathan.console.settings.SettingsController;
import dev.leviathan.console.targets.TargetsController;
import dev.leviathan.console.ui.Background;
import dev.leviathan.console.ui.FxThreadWatchdog;
import dev.leviathan.console.ui.Nodes;
import dev.leviathan.console.ui.ScreenController;
import dev.leviathan.console.ui.Theme;
import dev.leviathan.engine.Engine;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;

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
    private final Runnable reconnect;
    private final ShellModel model = new ShellModel();
    private final PaletteController palette = new PaletteController(this::commands);
    private final ShellView view;
    private final Map<ScreenId, ScreenController> screens = new EnumMap<>(ScreenId.class);
    private final Map<ScreenId, java.util.function.Supplier<ScreenController>> factories =
            new EnumMap<>(ScreenId.class);
    private ChainController chain;
    private ScreenController active;
    private final java.util.Set<ScreenId> shown = java.util.EnumSet.noneOf(ScreenId.class);

    /**
     * @param retry     opens the engine again after a failure
     * @param reconnect closes the open engine and opens it again on the saved settings
     */
    public ShellController(Background background, String operator, ZoneId zone, Runnable retry, Runnable reconnect) {
        this.reconnect = reconnect;
        this.background = background;
        this.operator = operator;
        this.zone = zone;
        this.retry = retry;
        this.view = new ShellView(this, model, palette.view());
        Theme.apply(false);
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

    /**
     * The engine is open: start following the store, build and show the first screen, and build the
     * others one per frame after it, so the window keeps drawing while they are made (a screen asked
     * for before its turn is built at once).
     */
    public void ready(Engine engine) {
        FxThreadWatchdog.oneOff(() -> {
            chain = new ChainController(engine.store(), background, engine.clock());
            chain.start(engine.store().description());
            factories.put(ScreenId.TARGETS, () -> started(new TargetsController(engine, background, operator, zone),
                    TargetsController::start));
            factories.put(ScreenId.GRAPH, () -> graph(engine));
            factories.put(ScreenId.BACKLOG, () -> BacklogController.started(engine, background, operator, zone));
            factories.put(ScreenId.ATTEMPTS, () -> new dev.leviathan.console.attempts.AttemptsController(engine,
                    background, operator, zone));
            factories.put(ScreenId.EVENTS, () -> started(new EventsController(engine.store(), engine.graph(),
                    background, chain, zone), EventsController::start));
            factories.put(ScreenId.GOVERNOR, () -> started(new GovernorController(engine, background, operator, zone),
                    GovernorController::start));
            factories.put(ScreenId.CLUSTER, () -> new PlannedScreenController(PlannedScreen.CLUSTER));
            factories.put(ScreenId.AEGIS, AegisScreenController::new);
            factories.put(ScreenId.SETTINGS, () -> started(new SettingsController(engine.home(), engine.environment(),
                    engine.store(), background, model.darkTheme, this::onDarkTheme, this::tryReconnect),
                    SettingsController::start));
            view.bindStatus(chain.model());
            model.phase.set(ShellModel.Phase.READY);
            show(model.selected.get());
        });
        buildTheOthers.start();
    }

    private static <C extends ScreenController> C started(C controller, java.util.function.Consumer<C> start) {
        start.accept(controller);
        return controller;
    }

    /**
     * Reconnects unless a screen is waiting for engine work (a bootstrap, a dispatch): closing the
     * engine under it would cut it off. Returns why not, or empty when the reconnect went ahead.
     */
    private java.util.Optional<String> tryReconnect() {
        for (ScreenController screen : screens.values()) {
            java.util.Optional<String> busy = screen.workInFlight();
            if (busy.isPresent()) {
                return busy;
            }
        }
        reconnect.run();
        return java.util.Optional.empty();
    }

    /** The screen, built on first use. */
    private ScreenController screen(ScreenId id) {
        ScreenController built = screens.get(id);
        if (built == null) {
            FxThreadWatchdog.oneOff(() -> screens.put(id, factories.get(id).get()));
            built = screens.get(id);
        }
        return built;
    }

    /** Builds the screens not built yet, one per frame, then stops. */
    private final javafx.animation.AnimationTimer buildTheOthers = new javafx.animation.AnimationTimer() {
        @Override
        public void handle(long now) {
            for (ScreenId id : ScreenId.values()) {
                if (!screens.containsKey(id) && factories.containsKey(id)) {
                    screen(id);
                    return;
                }
            }
            stop();
        }
    };

    private GraphController graph(Engine engine) {
        GraphController graph = new GraphController(engine.graph(), engine.store(), background, zone);
        graph.start();
        return graph;
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
        Theme.apply(dark);
    }

    /** Ctrl+K: the command palette, once the screens exist. */
    void onPalette() {
        if (model.phase.get() == ShellModel.Phase.READY) {
            palette.open();
        }
    }

    void onRetry() {
        retry.run();
    }

    void onQuit() {
        Platform.exit();
    }

    private void show(ScreenId screen) {
        palette.close();
        if (active != null) {
            active.onDeactivate();
        }
        active = screen(screen);
        model.selected.set(screen);
        active.onActivate();
        if (shown.add(screen)) {
            // A screen's first showing lays out and styles all its nodes once.
            FxThreadWatchdog.oneOff(() -> view.showScreen(active.view()));
        } else {
            view.showScreen(active.view());
        }
    }

    // ------------------------------------------------------------------ the command palette

    /**
     * What the palette offers, made each time it opens: first the actions the screens of this build
     * have (pressed through their buttons, so the palette does what a click does) and whatever each
     * screen controller adds through {@link ScreenController#commands()}; then the theme and every
     * screen.
     */
    private CommandRegistry commands() {
        CommandRegistry registry = new CommandRegistry();
        registry.add(Command.of("targets.register", "Register a target", "Targets", "add repository new",
                () -> onScreen(ScreenId.TARGETS, view -> focus(view, "#targets-repo"))));
        registry.add(Command.of("events.verify", "Verify the chain", "Events", "hash integrity check",
                () -> onScreen(ScreenId.EVENTS, view -> fire(view, "#events-verify"))));
        registry.add(Command.of("governor.dry-run", "Dry-run schedule", "Governor", "decide what would run next",
                () -> onScreen(ScreenId.GOVERNOR, view -> fire(view, "#governor-dry-run"))));
        for (ScreenId screen : factories.keySet()) {
            screen(screen).commands().forEach(command -> registry.add(command.after(() -> goTo(screen))));
        }
        boolean dark = model.darkTheme.get();
        registry.add(Command.of("theme.toggle", dark ? "Switch to the light theme" : "Switch to the dark theme",
                "Appearance", "toggle theme dark light", () -> onDarkTheme(!dark)));
        for (ScreenId screen : ScreenId.values()) {
            registry.add(new Command("go." + screen.key(), "Go to " + screen.title(), "Screen",
                    screen == ScreenId.SETTINGS ? "open settings preferences store llm" : "open show",
                    Optional.of(screen.shortcut()), () -> goTo(screen)));
        }
        return registry;
    }

    private void goTo(ScreenId screen) {
        if (model.phase.get() == ShellModel.Phase.READY && (screen != model.selected.get() || active == null)) {
            show(screen);
        }
    }

    private void onScreen(ScreenId screen, java.util.function.Consumer<Node> action) {
        goTo(screen);
        action.accept(screen(screen).view());
    }

    private static void focus(Node view, String selector) {
        Node node = Nodes.lookup(view, selector);
        if (node != null) {
            node.requestFocus();
        }
    }

    /** Presses the button as a click would; a disabled one is left alone, its screen says why. */
    private static void fire(Node view, String selector) {
        if (Nodes.lookup(view, selector) instanceof ButtonBase button && !button.isDisabled()) {
            button.fire();
        }
    }

    /**
     * Before the engine is closed to be opened again: every screen stops following the store and is
     * dropped (the next {@link #ready} builds them on the new engine), and the window says what is
     * happening.
     */
    public void reset(String message) {
        stop();
        screens.clear();
        factories.clear();
        shown.clear();
        chain = null;
        view.unbindStatus();
        opening(message);
    }

    /** Ends every subscription; the engine itself is closed by the application. */
    public void stop() {
        buildTheOthers.stop();
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
