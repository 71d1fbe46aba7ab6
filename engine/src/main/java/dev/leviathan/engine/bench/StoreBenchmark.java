package dev.leviathan.engine.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.event.ChainReport;
import dev.leviathan.engine.event.EventEnvelope;
import dev.leviathan.engine.event.JooqEventStore;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.Payload;
import dev.leviathan.engine.event.StoreKind;
import dev.leviathan.engine.event.StoreSettings;
import dev.leviathan.engine.graph.GraphProjection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * {@code leviathanctl bench store}: the real append path against a raw JDBC batch insert of the
 * same rows (same columns, unique event id, no hashing, no canonical JSON) in the same process,
 * then a projection rebuild and a chain verification of what was appended.
 *
 * <p>The comparison is conservative: the append path is timed from a payload tree to a commit
 * (canonicalisation and hashing included), the raw insert only from ready JSON text to a commit.
 */
public final class StoreBenchmark {

    /**
     * @param postgresUrl a PostgreSQL JDBC URL to benchmark too; schemas are created and dropped
     */
    public record Options(int events, int bundle, int warmup, Path workDir, boolean h2, Optional<String> postgresUrl) {
    }

    public record BackendResult(String backend, long events, double rawRowsPerSecond, double appendEventsPerSecond,
            double rebuildSeconds, double verifySeconds, boolean chainIntact) {

        /** Append throughput as a fraction of the raw insert's. */
        public double appendRatio() {
            return appendEventsPerSecond / rawRowsPerSecond;
        }
    }

    private static final String COMMIT = "9f3c2a71d0e4b58c6a1f7e2d3b4c5a6f7e8d9c0b";
    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");

    private final Consumer<String> progress;

    public StoreBenchmark(Consumer<String> progress) {
        this.progress = progress;
    }

    public List<BackendResult> run(Options options) {
        List<BackendResult> results = new ArrayList<>();
        if (options.h2()) {
            results.add(runBackend(options, new H2Backend(options.workDir())));
        }
        options.postgresUrl().ifPresent(url -> results.add(runBackend(options, new PostgresBackend(url,
                options.workDir()))));
        return results;
    }

    private BackendResult runBackend(Options options, Backend backend) {
        try {
            progress.accept(backend.name() + ": warm-up with " + options.warmup() + " events");
            rawInsert(backend, "warm", options.warmup(), options.bundle());
            append(backend, "warm", options.warmup(), options.bundle()).store().close();

            progress.accept(backend.name() + ": raw JDBC batch insert of " + options.events() + " rows");
            double raw = rawInsert(backend, "raw", options.events(), options.bundle());
            progress.accept(backend.name() + ": append of " + options.events() + " events in bundles of "
                    + options.bundle());
            AppendRun run = append(backend, "store", options.events(), options.bundle());
            try (JooqEventStore store = run.store()) {
                progress.accept(backend.name() + ": projection rebuild");
                long rebuildStart = System.nanoTime();
                GraphProjection projection = GraphProjection.rebuild(store);
                double rebuild = (System.nanoTime() - rebuildStart) / 1e9;
                if (projection.lastSeq() != options.events()) {
                    throw new IllegalStateException("projection stopped at seq " + projection.lastSeq());
                }
                progress.accept(backend.name() + ": chain verification");
                long verifyStart = System.nanoTime();
                ChainReport report = store.verify();
                double verify = (System.nanoTime() - verifyStart) / 1e9;
                return new BackendResult(backend.name(), options.events(), raw, run.eventsPerSecond(),
                        rebuild, verify, report.intact());
            }
        } finally {
            backend.cleanUp();
        }
    }

    /** Rows per second of a plain JDBC batch insert, counted from ready rows to commit. */
    private static double rawInsert(Backend backend, String name, int events, int bundle) {
        String jdbcUrl = backend.freshRawDatabase(name);
        try (Connection connection = backend.connect(jdbcUrl)) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE events_raw (seq BIGINT NOT NULL PRIMARY KEY, event_id VARCHAR(200) NOT NULL"
                        + " UNIQUE, event_type VARCHAR(120) NOT NULL, occurred_at VARCHAR(64) NOT NULL,"
                        + " actor_id VARCHAR(200), target_id VARCHAR(200), payload VARCHAR NOT NULL,"
                        + " prev_hash CHAR(64), hash CHAR(64) NOT NULL)");
            }
            connection.setAutoCommit(false);
            String hash = "0".repeat(64);
            long timed = 0;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO events_raw (seq, event_id, event_type, occurred_at, actor_id, target_id, payload,"
                            + " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int from = 0; from < events; from += bundle) {
                    int to = Math.min(events, from + bundle);
                    List<String> payloads = new ArrayList<>(to - from);
                    for (int i = from; i < to; i++) {
                        payloads.add(Json.MAPPER.writeValueAsString(payload(i)));
                    }
                    long start = System.nanoTime();
                    for (int i = from; i < to; i++) {
                        insert.setLong(1, i + 1L);
                        insert.setString(2, eventId(name, i));
                        insert.setString(3, type(i));
                        insert.setString(4, T0.plusMillis(i).toString());
                        insert.setString(5, "bench");
                        insert.setString(6, "bench");
                        insert.setString(7, payloads.get(i - from));
                        insert.setString(8, hash);
                        insert.setString(9, hash);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    connection.commit();
                    timed += System.nanoTime() - start;
                }
            }
            return events / (timed / 1e9);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("raw insert failed: " + e.getMessage(), e);
        }
    }

    /**
     * Appends through the store. Timed from payload trees (built untimed, as the raw insert's
     * JSON text is) to commits: canonicalisation, hashing and the chain are all inside.
     */
    private static AppendRun append(Backend backend, String name, int events, int bundle) {
        JooqEventStore store = JooqEventStore.open(backend.freshStore(name));
        long timed = 0;
        for (int from = 0; from < events; from += bundle) {
            int to = Math.min(events, from + bundle);
            List<ObjectNode> payloads = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                payloads.add(payload(i));
            }
            long start = System.nanoTime();
            List<EventEnvelope> envelopes = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                envelopes.add(EventEnvelope.of(eventId(name, i), type(i), T0.plusMillis(i), "bench", "bench",
                        Payload.of(payloads.get(i - from))));
            }
            store.append(envelopes);
            timed += System.nanoTime() - start;
        }
        return new AppendRun(store, events / (timed / 1e9));
    }

    private record AppendRun(JooqEventStore store, double eventsPerSecond) {
    }

    private static String eventId(String name, int i) {
        return name + "-" + i;
    }

    /** Mostly file facts, as a bootstrapped store is, with attempts sprinkled in. */
    private static String type(int i) {
        return switch (i % 20) {
            case 5 -> "attempt.created";
            case 6 -> "attempt.started";
            case 7 -> "attempt.succeeded";
            case 11 -> "doc.discovered";
            default -> "file.discovered";
        };
    }

    private static ObjectNode payload(int i) {
        ObjectNode payload = Json.object();
        switch (i % 20) {
            case 5, 6, 7 -> {
                payload.put("attempt_id", "attempt-" + (i / 20));
                payload.put("task_id", "task-" + (i / 200));
                payload.put("executor", "command");
            }
            case 11 -> {
                payload.put("path", "docs/page-" + i + ".md");
                payload.put("title", "Page " + i);
                payload.put("commit", COMMIT);
            }
            default -> {
                payload.put("path", "src/module" + (i / 1000) + "/File" + i + ".java");
                payload.put("sha256", String.format("%064x", (long) i * 2654435761L));
                payload.put("size_bytes", 1000 + (i % 5000));
                payload.put("file_type", "java");
                payload.put("language", "java");
                payload.put("commit", COMMIT);
                payload.put("extractor", "bootstrap/1");
            }
        }
        return payload;
    }

    // ---------------------------------------------------------------- backends

    private interface Backend {
        String name();

        String freshRawDatabase(String name);

        StoreSettings freshStore(String name);

        Connection connect(String jdbcUrl) throws SQLException;

        void cleanUp();
    }

    private static final class H2Backend implements Backend {

        private final Path dir;

        H2Backend(Path workDir) {
            try {
                this.dir = Files.createTempDirectory(workDir, "bench-h2-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String name() {
            return StoreKind.H2.displayName();
        }

        @Override
        public String freshRawDatabase(String name) {
            return "jdbc:h2:file:" + dir.resolve(name + "-raw/db") + ";WRITE_DELAY=0";
        }

        @Override
        public StoreSettings freshStore(String name) {
            LeviathanHome home = new LeviathanHome(dir.resolve(name + "-home"));
            home.ensureCreated();
            return StoreSettings.forUrl(home, "jdbc:h2:file:" + home.storeDir().resolve("leviathan"), "sa",
                    Optional.empty());
        }

        @Override
        public Connection connect(String jdbcUrl) throws SQLException {
            return DriverManager.getConnection(jdbcUrl, "sa", "");
        }

        @Override
        public void cleanUp() {
            deleteTree(dir);
        }
    }

    private static final class PostgresBackend implements Backend {

        private final String baseUrl;
        private final Path dir;
        private final List<String> schemas = new ArrayList<>();

        PostgresBackend(String baseUrl, Path workDir) {
            this.baseUrl = baseUrl;
            try {
                this.dir = Files.createTempDirectory(workDir, "bench-pg-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String name() {
            return StoreKind.POSTGRESQL.displayName();
        }

        private String freshSchema(String name) {
            String schema = "bench_" + name + "_" + UUID.randomUUID().toString().substring(0, 8);
            try (Connection connection = DriverManager.getConnection(baseUrl);
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create a schema on " + StoreSettings.redact(baseUrl) + ": "
                        + e.getMessage(), e);
            }
            schemas.add(schema);
            return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        @Override
        public String freshRawDatabase(String name) {
            return freshSchema(name + "_raw");
        }

        @Override
        public StoreSettings freshStore(String name) {
            LeviathanHome home = new LeviathanHome(dir.resolve(name));
            return StoreSettings.forUrl(home, freshSchema(name), null, Optional.empty());
        }

        @Override
        public Connection connect(String jdbcUrl) throws SQLException {
            Properties properties = new Properties();
            properties.setProperty("reWriteBatchedInserts", "true");
            return DriverManager.getConnection(jdbcUrl, properties);
        }

        @Override
        public void cleanUp() {
            try (Connection connection = DriverManager.getConnection(baseUrl);
                    Statement statement = connection.createStatement()) {
                for (String schema : schemas) {
                    statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot drop the bench schemas: " + e.getMessage(), e);
            }
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
