package dev.leviathan.engine.bench;

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
import java.util.stream.IntStream;

/**
 * {@code leviathanctl bench store}: the real append path against a raw JDBC batch insert of the
 * same rows (same columns, unique event id, no hashing, no canonical JSON) in the same process,
 * then a projection rebuild and a chain verification of what was appended.
 *
 * <p>The comparison is conservative: the append path is timed from a payload tree to a commit
 * (canonicalisation and hashing included), the raw insert only from ready rows to a commit. The
 * raw rows hold what the store's rows hold (canonical payload text, a distinct hash per row), so
 * the database does the same work for both.
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
            // Warm every path that is measured, as JMH would, so the figures are steady-state.
            try (RawTable raw = new RawTable(backend, "warm");
                    JooqEventStore warm = JooqEventStore.open(backend.freshStore("warm"))) {
                raw.insert(0, options.warmup(), options.bundle());
                append(warm, "warm", 0, options.warmup(), options.bundle());
                GraphProjection.rebuild(warm);
                warm.verify();
            }
            progress.accept(backend.name() + ": " + options.events() + " rows by raw JDBC batch insert and "
                    + options.events() + " events by append, in bundles of " + options.bundle()
                    + ", interleaved in ten rounds");
            // Interleaved, so both see the same machine: the same table sizes, the same background
            // work of the database (autovacuum, checkpoints, H2's writer) and of the JVM.
            try (RawTable raw = new RawTable(backend, "raw");
                    JooqEventStore store = JooqEventStore.open(backend.freshStore("store"))) {
                long rawNanos = 0;
                long appendNanos = 0;
                int round = Math.max(options.bundle(), (options.events() / 10) / options.bundle() * options.bundle());
                for (int from = 0; from < options.events(); from += round) {
                    int to = Math.min(options.events(), from + round);
                    rawNanos += raw.insert(from, to, options.bundle());
                    appendNanos += append(store, "store", from, to, options.bundle());
                }
                progress.accept(backend.name() + ": projection rebuild");
                double rebuild = timeRebuild(store, options.events());
                progress.accept(backend.name() + ": chain verification");
                // Each phase starts from a collected heap, as a JMH iteration does; a verify in
                // its own process does not carry a million-node projection either.
                System.gc();
                long verifyStart = System.nanoTime();
                ChainReport report = store.verify();
                double verify = (System.nanoTime() - verifyStart) / 1e9;
                return new BackendResult(backend.name(), options.events(), options.events() / (rawNanos / 1e9),
                        options.events() / (appendNanos / 1e9), rebuild, verify, report.intact());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(backend.name() + " benchmark failed: " + e.getMessage(), e);
        } finally {
            backend.cleanUp();
        }
    }

    /** Seconds to rebuild the projection from the whole store; the projection is dropped after. */
    private static double timeRebuild(JooqEventStore store, int events) {
        System.gc();
        long start = System.nanoTime();
        GraphProjection projection = GraphProjection.rebuild(store);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (projection.lastSeq() != events) {
            throw new IllegalStateException("projection stopped at seq " + projection.lastSeq());
        }
        return seconds;
    }

    /** The baseline: a table of the same columns, filled by a plain JDBC batch insert. */
    private static final class RawTable implements AutoCloseable {

        private final Connection connection;
        private final PreparedStatement insert;
        private final String name;

        RawTable(Backend backend, String name) throws SQLException {
            this.name = name;
            this.connection = backend.connect(backend.freshRawDatabase(name));
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE events_raw (seq BIGINT NOT NULL PRIMARY KEY, event_id VARCHAR(200) NOT NULL"
                        + " UNIQUE, event_type VARCHAR(120) NOT NULL, occurred_at VARCHAR(64) NOT NULL,"
                        + " actor_id VARCHAR(200), target_id VARCHAR(200), payload VARCHAR NOT NULL,"
                        + " prev_hash CHAR(64), hash CHAR(64) NOT NULL)");
            }
            connection.setAutoCommit(false);
            this.insert = connection.prepareStatement("INSERT INTO events_raw (seq, event_id, event_type, occurred_at,"
                    + " actor_id, target_id, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        /**
         * Inserts rows [from, to) and returns the nanoseconds spent from ready rows to commits.
         * The rows carry what the store's rows carry: the payload's canonical text and a distinct
         * 64-digit hash per row linked to the row before, all made before the clock starts.
         */
        long insert(int from, int to, int bundle) throws SQLException {
            long timed = 0;
            for (int start = from; start < to; start += bundle) {
                int end = Math.min(to, start + bundle);
                List<String> payloads = new ArrayList<>(end - start);
                List<String> hashes = new ArrayList<>(end - start + 1);
                hashes.add(start == 0 ? null : pseudoHash(start - 1));
                for (int i = start; i < end; i++) {
                    payloads.add(Payload.of(payload(i)).canonical());
                    hashes.add(pseudoHash(i));
                }
                long begin = System.nanoTime();
                for (int i = start; i < end; i++) {
                    insert.setLong(1, i + 1L);
                    insert.setString(2, eventId(name, i));
                    insert.setString(3, type(i));
                    insert.setString(4, T0.plusMillis(i).toString());
                    insert.setString(5, "bench");
                    insert.setString(6, "bench");
                    insert.setString(7, payloads.get(i - start));
                    insert.setString(8, hashes.get(i - start));
                    insert.setString(9, hashes.get(i - start + 1));
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
                timed += System.nanoTime() - begin;
            }
            return timed;
        }

        @Override
        public void close() throws SQLException {
            insert.close();
            connection.close();
        }
    }

    /**
     * Appends events [from, to) through the store and returns the nanoseconds spent. Timed from
     * payload trees (built untimed, as the raw insert's JSON text is) to commits: the envelopes'
     * canonicalisation, hashing and the chain are all inside.
     */
    private static long append(JooqEventStore store, String name, int from, int to, int bundle) {
        long timed = 0;
        for (int start = from; start < to; start += bundle) {
            int end = Math.min(to, start + bundle);
            List<ObjectNode> payloads = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                payloads.add(payload(i));
            }
            long begin = System.nanoTime();
            // Envelopes are made on both cores, as the engine's bulk producers (bootstrap) make them.
            int first = start;
            List<EventEnvelope> envelopes = IntStream.range(start, end).parallel()
                    .mapToObj(i -> EventEnvelope.of(eventId(name, i), type(i), T0.plusMillis(i), "bench", "bench",
                            Payload.of(payloads.get(i - first))))
                    .toList();
            store.append(envelopes);
            timed += System.nanoTime() - begin;
        }
        return timed;
    }

    /** 64 hex digits that differ for every row, as real hashes do, without hashing. */
    private static String pseudoHash(int i) {
        long a = i * 0x9E3779B97F4A7C15L;
        long b = Long.rotateLeft(a, 17) ^ 0xC2B2AE3D27D4EB4FL;
        return String.format("%016x%016x%016x%016x", a, b, a ^ b, a + b);
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
            // The durability settings the store itself runs with, so both write the same way.
            return "jdbc:h2:file:" + dir.resolve(name + "-raw/db") + ";WRITE_DELAY=0;REUSE_SPACE=FALSE";
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
