package dev.leviathan.engine.testkit;

import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.event.JooqEventStore;
import dev.leviathan.engine.event.StoreSettings;
import java.nio.file.Path;

/** Stores for tests in one line. */
public final class TestStores {

    private TestStores() {
    }

    /** A fresh embedded H2 store under {@code dir} (its data directory). */
    public static JooqEventStore h2(Path dir) {
        LeviathanHome home = new LeviathanHome(dir);
        home.ensureCreated();
        return JooqEventStore.open(StoreSettings.embedded(home));
    }
}
