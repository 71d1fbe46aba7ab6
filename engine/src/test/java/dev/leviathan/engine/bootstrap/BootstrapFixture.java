package dev.leviathan.engine.bootstrap;

import dev.leviathan.engine.artifact.ArtifactStore;
import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.event.EventQuery;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.JooqEventStore;
import dev.leviathan.engine.event.StoreSettings;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.target.RegisterTargetRequest;
import dev.leviathan.engine.target.TargetRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A data directory with a store, artifacts, a target registry and a bootstrapper on a fixed clock. */
final class BootstrapFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    final LeviathanHome home;
    final EventStore store;
    final ArtifactStore artifacts;
    final TargetRegistry targets;
    final Bootstrapper bootstrapper;

    BootstrapFixture(Path dir) {
        this(dir, Map.of());
    }

    BootstrapFixture(Path dir, Map<String, String> env) {
        home = new LeviathanHome(dir);
        home.ensureCreated();
        store = JooqEventStore.open(StoreSettings.embedded(home));
        artifacts = new ArtifactStore(home.artifactsDir());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        targets = new TargetRegistry(store, clock, dir);
        bootstrapper = new Bootstrapper(store, artifacts, targets, home, env, clock, 2);
    }

    String register(String name, String repo) {
        return targets.register(new RegisterTargetRequest(name, repo, null, "grace")).id();
    }

    BootstrapResult bootstrap(String target) {
        return bootstrapper.bootstrap(BootstrapRequest.of(target, null, "grace"));
    }

    BootstrapResult bootstrap(String target, String ref) {
        return bootstrapper.bootstrap(BootstrapRequest.of(target, ref, "grace"));
    }

    List<StoredEvent> events() {
        List<StoredEvent> all = new ArrayList<>();
        store.scan(0, all::add);
        return all;
    }

    List<StoredEvent> events(String type) {
        return store.read(EventQuery.after(0, 100_000).withTypes(java.util.Set.of(type)));
    }

    @Override
    public void close() {
        store.close();
    }
}
