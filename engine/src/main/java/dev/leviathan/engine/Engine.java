package dev.leviathan.engine;

import dev.leviathan.engine.artifact.ArtifactStore;
import dev.leviathan.engine.bootstrap.Bootstrapper;
import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.dispatch.DispatchService;
import dev.leviathan.engine.dispatch.LocalDispatcher;
import dev.leviathan.engine.execute.Worker;
import dev.leviathan.engine.execute.forge.LocalForge;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.JooqEventStore;
import dev.leviathan.engine.event.StoreSettings;
import dev.leviathan.engine.graph.GraphService;
import dev.leviathan.engine.target.TargetRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The headless engine as the console and {@code leviathanctl} embed it: one data directory, one
 * event store, and the services built on them. Opening it creates the data directory on first
 * start and migrates the store.
 */
public final class Engine implements AutoCloseable {

    private final LeviathanHome home;
    private final EventStore store;
    private final Clock clock;
    private final TargetRegistry targets;
    private final GraphService graph;
    private final ArtifactStore artifacts;
    private final Bootstrapper bootstrapper;
    private final LocalForge forge;
    private final StoreSettings settings;
    private final Map<String, String> env;
    private DispatchService dispatch;

    private Engine(LeviathanHome home, StoreSettings settings, EventStore store, Clock clock, Map<String, String> env) {
        this.settings = settings;
        this.env = env;
        this.home = home;
        this.store = store;
        this.clock = clock;
        this.targets = new TargetRegistry(store, clock, Path.of("").toAbsolutePath());
        this.graph = new GraphService(store);
        this.artifacts = new ArtifactStore(home.artifactsDir());
        this.bootstrapper = new Bootstrapper(store, artifacts, targets, home, env, clock);
        this.forge = new LocalForge(store, targets, home, clock);
    }

    /** The engine with the process environment (git tokens are read from it when needed). */
    public static Engine open(LeviathanHome home, StoreSettings settings, Clock clock) {
        return open(home, settings, clock, System.getenv());
    }

    public static Engine open(LeviathanHome home, StoreSettings settings, Clock clock, Map<String, String> env) {
        home.ensureCreated();
        return new Engine(home, settings, JooqEventStore.open(settings), clock, Map.copyOf(env));
    }

    public LeviathanHome home() {
        return home;
    }

    public EventStore store() {
        return store;
    }

    public Clock clock() {
        return clock;
    }

    public TargetRegistry targets() {
        return targets;
    }

    /** The content-addressed artifact store under the data directory. */
    public ArtifactStore artifacts() {
        return artifacts;
    }

    /** Learns a target's commit into facts, events and artifacts. */
    public Bootstrapper bootstrapper() {
        return bootstrapper;
    }

    /**
     * Decisions and attempts: the scheduler's choice, recorded, and each attempt run by a worker
     * in a child JVM on this data directory and store. Made on first use.
     */
    public synchronized DispatchService dispatch() {
        if (dispatch == null) {
            List<String> global = new ArrayList<>(List.of("--home", home.root().toString()));
            if (!settings.equals(StoreSettings.embedded(home))) {
                global.addAll(List.of("--store", settings.jdbcUrl()));
            }
            Map<String, String> workerEnv = new HashMap<>(env);
            // The worker needs to read non-ASCII path names as they are (the scope guard refuses
            // what it cannot decode), whatever the operator's locale.
            workerEnv.putIfAbsent("LANG", "C.UTF-8");
            workerEnv.putIfAbsent("LC_ALL", "C.UTF-8");
            LocalDispatcher dispatcher = new LocalDispatcher(LocalDispatcher.WorkerCommand.sameJvm(global),
                    home.root().resolve("logs").resolve("workers"));
            dispatch = new DispatchService(store, targets, home, forge, dispatcher, workerEnv, clock);
        }
        return dispatch;
    }

    /** Invalidating and retrying attempts, as the CLI and the console do. */
    public dev.leviathan.engine.dispatch.AttemptActions attemptActions() {
        return new dev.leviathan.engine.dispatch.AttemptActions(store, clock, this::dispatch);
    }

    /** An attempt's log as it is written, for following it while it runs. */
    public dev.leviathan.engine.dispatch.AttemptLogs attemptLogs() {
        return new dev.leviathan.engine.dispatch.AttemptLogs(store, artifacts, home);
    }

    /** Runs one attempt in this process: what {@code leviathanctl worker} does in the child. */
    public Worker worker() {
        return new Worker(store, targets, home, artifacts, forge, env, clock);
    }

    public Map<String, String> environment() {
        return env;
    }

    /** Pull requests of targets on this machine: branches plus their events. */
    public LocalForge forge() {
        return forge;
    }

    /** The knowledge graph; built from the store on first use, then kept current. */
    public GraphService graph() {
        return graph;
    }

    @Override
    public void close() {
        graph.close();
        store.close();
    }
}
