package dev.leviathan.engine.testkit;

import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.event.StoreSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for tests, reached through {@code LEVIATHAN_TEST_PG_URL} (a JDBC URL
 * with user and password as parameters). {@code .ci/run} always sets it; locally, tests that need
 * it are skipped with the reason printed once. Each test gets a schema of its own.
 */
public final class TestPostgres {

    public static final String URL_ENV = "LEVIATHAN_TEST_PG_URL";
    private static final AtomicBoolean REASON_PRINTED = new AtomicBoolean();

    private TestPostgres() {
    }

    public static Optional<String> baseUrl() {
        return Optional.ofNullable(System.getenv(URL_ENV)).filter(url -> !url.isBlank());
    }

    /** Aborts the calling test (skipped, not failed) when no server is configured. */
    public static String requireBaseUrl() {
        Optional<String> url = baseUrl();
        if (url.isEmpty()) {
            String reason = URL_ENV + " is not set: PostgreSQL tests skipped (.ci/run starts a server and sets it)";
            if (REASON_PRINTED.compareAndSet(false, true)) {
                System.err.println("[leviathan tests] " + reason);
            }
            Assumptions.abort(reason);
        }
        return url.get();
    }

    /** Creates a fresh, empty schema and returns a JDBC URL whose current schema it is. */
    public static String freshSchemaUrl() {
        String base = requireBaseUrl();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(base); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema on " + StoreSettings.redact(base), e);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static StoreSettings freshStore(LeviathanHome home) {
        return StoreSettings.forUrl(home, freshSchemaUrl(), null, Optional.empty());
    }
}
