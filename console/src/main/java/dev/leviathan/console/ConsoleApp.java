package dev.leviathan.console;

import dev.leviathan.console.shell.ShellController;
import dev.leviathan.console.ui.Background;
import dev.leviathan.console.ui.Theme;
import dev.leviathan.engine.Engine;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The operator console. The window appears at once in an "opening store" state; the engine opens
 * in the background and the screens appear when it is ready. Closing the window ends every
 * subscription and closes the engine.
 */
public class ConsoleApp extends Application {

    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;

    static {
        // The theme's rules are derived while the toolkit starts, off the thread that will need them.
        Theme.prepare();
    }

    private final Supplier<EngineFactory> factory;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private Background background;
    private ShellController shell;
    private Stage stage;
    private volatile Engine engine;
    private volatile boolean stopped;
    private boolean startupReported;

    /** The console as launched by an operator: data directory and store from the environment. */
    public ConsoleApp() {
        this(() -> EngineFactory.fromEnvironment(System.getenv()));
    }

    /** A console on a given engine, e.g. a temporary data directory in tests. */
    public ConsoleApp(Supplier<EngineFactory> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    public static void main(String[] args) {
        launch(ConsoleApp.class, args);
    }

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        background = new Background();
        shell = new ShellController(background, operator(), ZoneId.systemDefault(),
                this::openEngine, this::reconnect);
        Scene scene = new Scene(shell.view(), WIDTH, HEIGHT);
        scene.getStylesheets().add(
                Objects.requireNonNull(ConsoleApp.class.getResource("console.css"), "console.css").toExternalForm());
        primaryStage.setTitle("Leviathan");
        primaryStage.setMinWidth(960);
        primaryStage.setMinHeight(600);
        primaryStage.setScene(scene);
        reportFirstFrame(scene);
        primaryStage.show();
        openEngine();
    }

    /**
     * Prints, once, how long after the JVM started the window's first pulse ran and the engine was
     * open: the console's cold-start figures (docs/performance.md), on standard error like every
     * diagnostic.
     */
    private void reportFirstFrame(Scene scene) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            firstFrameMillis = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    private volatile long firstFrameMillis = -1;

    private void openEngine() {
        shell.opening("Reading the configuration…");
        background.run(() -> {
            EngineFactory resolved = factory.get();
            String where = resolved.describe();
            Platform.runLater(() -> {
                if (!stopped) {
                    shell.opening("Opening the " + where + "…");
                }
            });
            Engine opened = resolved.open();
            if (stopped) {
                // The window closed while the store opened: nobody will use it.
                opened.close();
            }
            return opened;
        }, opened -> {
            if (stopped) {
                return;
            }
            engine = opened;
            stage.setTitle("Leviathan — " + opened.store().description().location());
            shell.ready(opened);
            if (firstFrameMillis >= 0 && !startupReported) {
                startupReported = true;
                System.err.printf("leviathan console: first frame %d ms after the JVM started, engine open at %d ms%n",
                        firstFrameMillis, java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
            }
        }, shell::failed);
    }

    /**
     * Closes the engine and opens it again, reading the settings afresh: how a store or endpoint saved
     * in Settings applies without a restart. The old engine closes off the FX thread.
     */
    private void reconnect() {
        Engine open = engine;
        engine = null;
        shell.reset("Closing the store to reconnect…");
        background.run(() -> {
            if (open != null) {
                open.close();
            }
            return open;
        }, done -> {
            if (!stopped) {
                openEngine();
            }
        }, shell::failed);
    }

    @Override
    public void stop() {
        stopped = true;
        if (shell != null) {
            shell.stop();
        }
        Engine open = engine;
        engine = null;
        if (open != null) {
            closeEngine(open);
        } else {
            closed.complete(null);
        }
        if (background != null) {
            background.close();
        }
    }

    /**
     * Closes on its own thread so the FX thread does not wait; the thread is not a daemon, so the
     * JVM stays up until the store is closed cleanly.
     */
    private void closeEngine(Engine open) {
        Thread.ofPlatform().name("engine-close").daemon(false).start(() -> {
            try {
                open.close();
                closed.complete(null);
            } catch (RuntimeException e) {
                closed.completeExceptionally(e);
            }
        });
    }

    /** The open engine, once the console has opened it. */
    public Optional<Engine> engine() {
        return Optional.ofNullable(engine);
    }

    /** Completes once the engine is closed after {@link #stop()}. */
    public CompletableFuture<Void> closed() {
        return closed;
    }

    /** Who the console records as the actor: $LEVIATHAN_OPERATOR, as for leviathanctl, else the OS user. */
    static String operator() {
        String named = System.getenv("LEVIATHAN_OPERATOR");
        if (named != null && !named.isBlank()) {
            return named.strip();
        }
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "operator" : user;
    }
}
