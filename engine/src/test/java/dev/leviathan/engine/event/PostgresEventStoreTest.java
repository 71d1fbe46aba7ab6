package dev.leviathan.engine.event;

import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.testkit.TestPostgres;
import java.sql.SQLException;
import java.sql.Statement;

class PostgresEventStoreTest extends EventStoreContract {

    @Override
    StoreSettings settings(LeviathanHome home) {
        return TestPostgres.freshStore(home);
    }

    @Override
    void dropAppendOnlyGuard(Statement statement) throws SQLException {
        statement.execute("DROP TRIGGER IF EXISTS events_append_only ON events");
    }

    @Override
    String scratchUrl() {
        return TestPostgres.freshSchemaUrl();
    }
}
