package dev.leviathan.engine.event;

import dev.leviathan.engine.config.LeviathanHome;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

class H2EventStoreTest extends EventStoreContract {

    @Override
    StoreSettings settings(LeviathanHome home) {
        home.ensureCreated();
        return StoreSettings.embedded(home);
    }

    @Override
    void dropAppendOnlyGuard(Statement statement) throws SQLException {
        statement.execute("DROP TRIGGER IF EXISTS events_append_only");
    }

    @Override
    String scratchUrl() {
        return "jdbc:h2:file:" + tempDir.resolve("scratch/db");
    }

    static StoreSettings plainFile(LeviathanHome home) {
        return StoreSettings.forUrl(home, "jdbc:h2:file:" + home.storeDir().resolve("plain"), "sa", Optional.empty());
    }
}
