package dev.leviathan.engine.event;

import static dev.leviathan.engine.event.jooq.Tables.EVENTS;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record9;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The event store on H2 or PostgreSQL through jOOQ, schema by Flyway.
 *
 * <p>An append locks the single {@code chain_head} row, numbers and hashes the bundle from it,
 * inserts the rows in one JDBC batch, moves the head row and commits: seq stays gap-free and the
 * chain unforked with any number of writers, and a writer killed mid-append leaves nothing (the
 * transaction never committed). The usual case, a bundle of new events, costs one batch; only when
 * the database reports a duplicate id is the bundle re-read against the stored events to skip
 * identical ones and refuse conflicting ones.
 */
public final class JooqEventStore implements EventStore {

    private static final String NOTIFY_CHANNEL = "leviathan_events";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int SCAN_PAGE = 10_000;
    private static final int ID_LOOKUP_CHUNK = 1_000;
    private static final int LOST_CONNECTION_RETRIES = 30;
    /** The newest migration under db/migration; a test keeps the two in step. */
    static final String SCHEMA_VERSION = "2";

    private final StoreSettings settings;
    private final StoreKind kind;
    private final JdbcConnectionPool pool;
    private final LazyDsl dsl;
    private final HeadFile headFile;
    private final HeadRecorder headRecorder;
    private final String storeId;
    private final EventFeed feed;
    private final ReentrantLock appendLock = new ReentrantLock();
    private final String insertSql;

    private JooqEventStore(StoreSettings settings, JdbcConnectionPool pool) {
        this.settings = settings;
        this.kind = settings.kind();
        this.pool = pool;
        // jOOQ takes most of a second to initialise in a fresh JVM, so it is made on first use:
        // opening, appending, head() and find() need none of it, and a CLI call that only does
        // those never pays for it nor shares a core with it.
        this.dsl = new LazyDsl(pool, kind);
        this.headFile = new HeadFile(settings.headFile());
        this.insertSql = INSERT_SQL;
        this.storeId = readStoreId(pool);
        this.headRecorder = new HeadRecorder(headFile, storeId);
        this.feed = new EventFeed(this, kind == StoreKind.POSTGRESQL ? new PostgresWatcher() : new PollingWatcher(),
                () -> head().seq());
    }

    private static final String INSERT_SQL = "INSERT INTO events (seq, event_id, event_type, occurred_at, actor_id,"
            + " target_id, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static String readStoreId(JdbcConnectionPool pool) {
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT store_id FROM store_meta WHERE id = 1");
                ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                throw new EventStoreException("the store has no identity row (store_meta): it is damaged or was not"
                        + " created by Leviathan");
            }
            return rs.getString(1);
        } catch (SQLException e) {
            throw new EventStoreException("cannot read the store's identity: " + e.getMessage(), e);
        }
    }

    private DSLContext dsl() {
        return dsl.get();
    }

    /** The jOOQ context, made once, on first use, by whichever thread asks first. */
    private static final class LazyDsl {

        private final JdbcConnectionPool pool;
        private final StoreKind kind;
        private volatile DSLContext context;

        LazyDsl(JdbcConnectionPool pool, StoreKind kind) {
            this.pool = pool;
            this.kind = kind;
        }

        DSLContext get() {
            DSLContext made = context;
            if (made == null) {
                synchronized (this) {
                    made = context;
                    if (made == null) {
                        made = DSL.using(pool, kind == StoreKind.H2 ? SQLDialect.H2 : SQLDialect.POSTGRES,
                                new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER)
                                        .withExecuteLogging(false).withRenderSchema(false));
                        context = made;
                    }
                }
            }
            return made;
        }
    }

    /** Opens (and on first use creates or migrates) the store described by {@code settings}. */
    public static JooqEventStore open(StoreSettings settings) {
        JdbcConnectionPool pool = createPool(settings);
        try {
            migrate(pool, settings);
            return new JooqEventStore(settings, pool);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    private static JdbcConnectionPool createPool(StoreSettings settings) {
        String password = settings.password().map(s -> s.reveal()).orElse("");
        JdbcConnectionPool pool;
        if (settings.kind() == StoreKind.H2) {
            pool = JdbcConnectionPool.create(h2Url(settings.jdbcUrl()), settings.user() == null ? "" : settings.user(),
                    password);
        } else {
            PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
            source.setURL(settings.jdbcUrl());
            if (settings.user() != null) {
                source.setUser(settings.user());
            }
            if (!password.isEmpty()) {
                source.setPassword(password);
            }
            // Lets the driver send a bundle as multi-row INSERTs instead of one round trip per row.
            source.setReWriteBatchedInserts(true);
            source.setApplicationName("leviathan");
            pool = JdbcConnectionPool.create(source);
        }
        pool.setMaxConnections(8);
        pool.setLoginTimeout(30);
        return pool;
    }

    /**
     * H2 flushes commits in the background by default (WRITE_DELAY 500 ms), so a killed process
     * loses its last commits; an audit store must not, so every commit is written at once. And
     * once H2 reuses freed space inside its file, a process killed mid-write can leave a file whose
     * recovery falls back to an older chunk, losing commits already acknowledged (7 of 40 SIGKILL
     * trials did once the file had grown; none do with REUSE_SPACE=FALSE): new chunks go to the end
     * of the file, where recovery finds them, and compaction on close gives the space back.
     */
    static String h2Url(String url) {
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        String withReuse = upper.contains("REUSE_SPACE=") ? url : url + ";REUSE_SPACE=FALSE";
        String withDelay = upper.contains("WRITE_DELAY=") ? withReuse : withReuse + ";WRITE_DELAY=0";
        // H2's own trace file would grow on every open; the engine logs what matters itself.
        return upper.contains("TRACE_LEVEL_FILE=") ? withDelay : withDelay + ";TRACE_LEVEL_FILE=0";
    }

    private static void migrate(JdbcConnectionPool pool, StoreSettings settings) {
        awaitOpen(pool, settings);
        if (isCurrent(pool)) {
            return;
        }
        try {
            Flyway.configure(JooqEventStore.class.getClassLoader())
                    .dataSource(pool)
                    .locations("classpath:db/migration/common",
                            "classpath:db/migration/" + settings.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new EventStoreException("cannot prepare the store schema at " + settings.displayLocation() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Flyway scans the classpath and validates every migration on each start, which costs more
     * than a second from a shaded jar: a store whose newest applied migration is the newest we
     * ship is already current, and a CLI call or console start should not pay that.
     */
    private static boolean isCurrent(JdbcConnectionPool pool) {
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\""
                                + " ORDER BY \"installed_rank\" DESC");
                ResultSet rs = statement.executeQuery()) {
            return rs.next() && SCHEMA_VERSION.equals(rs.getString(1));
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Two processes opening one H2 file at the same instant race for its lock file (H2 reports
     * "Lock file recently modified"); the loser waits and tries again, as H2 advises. With
     * AUTO_SERVER every new connection of every process first tries the file lock, so while several
     * processes start at once the lock file can stay "recently modified" for longer than 20 s on a
     * busy machine (a CI run saw a fourth writer give up): a lock being rewritten means a live
     * process holds the store, and is worth waiting for longer than one nobody answers for.
     */
    private static void awaitOpen(JdbcConnectionPool pool, StoreSettings settings) {
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try (Connection probe = pool.getConnection()) {
                Objects.requireNonNull(probe);
                return;
            } catch (SQLException e) {
                // After a kill the lock file names a dead process; H2 takes it over once it stops
                // being refreshed, which takes a few seconds.
                // H2 reports the race as "Lock file recently modified", "Concurrent update" or
                // "Another process was faster" (8000), or as the file being in use (90020).
                boolean lockRace = settings.kind() == StoreKind.H2 && (e.getErrorCode() == 90020
                        || e.getErrorCode() == 8000);
                long patience = java.util.concurrent.TimeUnit.SECONDS.toNanos(e.getErrorCode() == 8000 ? 120 : 20);
                if (!lockRace || System.nanoTime() - started > patience) {
                    throw new EventStoreException("cannot open the store at " + settings.displayLocation() + ": "
                            + e.getMessage() + hint(settings), e);
                }
                try {
                    Thread.sleep(Math.min(1_000, 50L * attempt) + (long) (Math.random() * 100));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new EventStoreException("interrupted while opening the store", interrupted);
                }
            }
        }
    }

    private static String hint(StoreSettings settings) {
        return settings.kind() == StoreKind.H2
                ? " (is the directory writable, and the file not opened by an older H2 version?)"
                : " (is the server running, and are LEVIATHAN_STORE_USER / LEVIATHAN_STORE_PASSWORD right?)";
    }

    @Override
    public StoreDescription description() {
        return new StoreDescription(kind, settings.displayLocation(), storeId, headFile.path());
    }

    // ---------------------------------------------------------------- append

    @Override
    public AppendResult append(List<EventEnvelope> bundle) {
        Objects.requireNonNull(bundle, "bundle");
        List<EventEnvelope> events = withoutRepeats(bundle);
        if (events.isEmpty()) {
            return new AppendResult(List.of(), 0, head());
        }
        int repeats = bundle.size() - events.size();
        return appendedUnderLock(() -> appendRetryingLostConnections(events, repeats));
    }

    @Override
    public AppendResult append(List<EventEnvelope> first, CompletableFuture<List<EventEnvelope>> rest) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(rest, "rest");
        if (first.isEmpty() || rest.isDone()) {
            return append(concatenated(first, awaited(rest)));
        }
        return appendedUnderLock(() -> appendOverlapping(first, rest));
    }

    /** Runs one append with this process's writers held off, then tells readers of its new head. */
    private AppendResult appendedUnderLock(Supplier<AppendResult> append) {
        AppendResult result;
        appendLock.lock();
        try {
            result = append.get();
        } finally {
            appendLock.unlock();
        }
        if (!result.appended().isEmpty()) {
            headRecorder.record(result.head());
            feed.signal(result.head().seq());
        }
        return result;
    }

    /**
     * The fast path with {@code first} inserted before {@code rest} is there. Anything the fast
     * path does not handle (an id repeated in the bundle, one already stored, a lost connection,
     * any database error) rolls back and sends the whole bundle the ordinary way, which skips,
     * refuses, retries or reports as {@link #append(List)} does.
     */
    private AppendResult appendOverlapping(List<EventEnvelope> first, CompletableFuture<List<EventEnvelope>> rest) {
        Set<String> ids = new HashSet<>(first.size() * 2);
        if (!allNew(first, ids)) {
            return appendWhole(first, rest);
        }
        Writer current = null;
        try {
            current = writer();
            ChainHead head = lockHead(current);
            List<StoredEvent> stored = new ArrayList<>(chain(head, first));
            insert(current, stored);
            List<EventEnvelope> later = awaited(rest);
            if (!allNew(later, ids)) {
                current.connection.rollback();
                return appendWhole(first, rest);
            }
            StoredEvent last = stored.getLast();
            List<StoredEvent> storedLater = chain(new ChainHead(last.seq(), last.hash()), later);
            insert(current, storedLater);
            stored.addAll(storedLater);
            ChainHead newHead = moveHead(current, stored);
            current.connection.commit();
            return new AppendResult(stored, 0, newHead);
        } catch (SQLException e) {
            if (current != null) {
                rollbackQuietly(current.connection, e);
            }
            if (isConnectionLost(e)) {
                discardWriter();
            }
            return appendWhole(first, rest);
        } catch (RuntimeException | Error e) {
            // Also when rest failed: the writer's connection must not keep half a bundle.
            if (current != null) {
                rollbackQuietly(current.connection, e);
            }
            throw e;
        }
    }

    /** False when an event of {@code events} repeats an id of the bundle so far. */
    private static boolean allNew(List<EventEnvelope> events, Set<String> ids) {
        for (EventEnvelope event : events) {
            Objects.requireNonNull(event, "a bundle may not contain null events");
            if (!ids.add(event.eventId())) {
                return false;
            }
        }
        return true;
    }

    private AppendResult appendWhole(List<EventEnvelope> first, CompletableFuture<List<EventEnvelope>> rest) {
        List<EventEnvelope> bundle = concatenated(first, awaited(rest));
        List<EventEnvelope> events = withoutRepeats(bundle);
        return appendRetryingLostConnections(events, bundle.size() - events.size());
    }

    private static List<EventEnvelope> awaited(CompletableFuture<List<EventEnvelope>> rest) {
        try {
            return Objects.requireNonNull(rest.join(), "the rest of the bundle completed with null");
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static List<EventEnvelope> concatenated(List<EventEnvelope> first, List<EventEnvelope> rest) {
        if (first.isEmpty()) {
            return rest;
        }
        List<EventEnvelope> all = new ArrayList<>(first.size() + rest.size());
        all.addAll(first);
        all.addAll(rest);
        return all;
    }

    /**
     * A connection lost mid-append (the H2 auto-server host exited, PostgreSQL restarted) leaves
     * the bundle's fate unknown; appending it again is safe because identical events are skipped,
     * so the bundle ends up stored exactly once either way.
     */
    private AppendResult appendRetryingLostConnections(List<EventEnvelope> events, int repeats) {
        for (int attempt = 1; ; attempt++) {
            try {
                return appendOnce(events, repeats);
            } catch (SQLException e) {
                if (!isConnectionLost(e)) {
                    throw new EventStoreException("append of " + events.size()
                            + " event(s) failed, nothing was written: " + e.getMessage(), e);
                }
                if (attempt >= LOST_CONNECTION_RETRIES) {
                    throw new EventStoreException("append of " + events.size() + " event(s) failed: the connection"
                            + " to the store was lost " + attempt + " times (" + e.getMessage() + "); append the"
                            + " bundle again once the store is reachable: events already stored are skipped", e);
                }
                sleepBeforeRetry(attempt);
            }
        }
    }

    private AppendResult appendOnce(List<EventEnvelope> events, int repeats) throws SQLException {
        Writer writer = writer();
        try {
            try {
                return appendNew(writer, events, repeats);
            } catch (SQLException first) {
                rollbackQuietly(writer.connection, first);
                if (!isUniqueViolation(first)) {
                    throw first;
                }
                return appendSkippingStored(writer, events, repeats);
            }
        } catch (SQLException e) {
            if (isConnectionLost(e)) {
                discardWriter();
            }
            throw e;
        } catch (RuntimeException e) {
            rollbackQuietly(writer.connection, e);
            throw e;
        }
    }

    /**
     * The connection appends go through, its statements prepared once: appends are serialised by
     * {@link #appendLock} anyway, and a bulk load makes a thousand of them.
     */
    private final class Writer implements AutoCloseable {

        final Connection connection;
        final PreparedStatement lockHead;
        final PreparedStatement insert;
        final PreparedStatement moveHead;
        final PreparedStatement notify;

        Writer() throws SQLException {
            connection = pool.getConnection();
            try {
                connection.setAutoCommit(false);
                lockHead = connection.prepareStatement("SELECT seq, hash FROM chain_head WHERE id = 1 FOR UPDATE");
                insert = connection.prepareStatement(insertSql);
                moveHead = connection.prepareStatement("UPDATE chain_head SET seq = ?, hash = ? WHERE id = 1");
                notify = kind == StoreKind.POSTGRESQL ? connection.prepareStatement("SELECT pg_notify(?, ?)") : null;
            } catch (SQLException e) {
                closeQuietly();
                throw e;
            }
        }

        void closeQuietly() {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing a broken connection: nothing left to release.
            }
        }

        @Override
        public void close() {
            closeQuietly();
        }
    }

    private Writer writer;

    private Writer writer() throws SQLException {
        if (writer == null) {
            writer = new Writer();
        }
        return writer;
    }

    private void discardWriter() {
        if (writer != null) {
            writer.closeQuietly();
            writer = null;
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    static boolean isConnectionLost(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && lostConnectionCode(sql)) {
                return true;
            }
            // The auto-server host closing the database under a statement rolls the transaction
            // back and fails the statement with a general error; the rollback that follows finds
            // the connection broken, and says so in what it adds to the failure.
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed instanceof SQLException sql && lostConnectionCode(sql)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean lostConnectionCode(SQLException sql) {
        String state = String.valueOf(sql.getSQLState());
        int code = sql.getErrorCode();
        // 90020 / 8000: reconnecting to an H2 file whose auto-server host just exited races the
        // other processes for its lock file, as opening it does (awaitOpen); the connection was
        // never made, so nothing of the bundle was written.
        return state.startsWith("08") || code == 90067 || code == 90121 || code == 90098 || code == 90020
                || code == 8000;
    }

    private static void sleepBeforeRetry(int attempt) {
        try {
            Thread.sleep(Math.min(2_000, 100L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("interrupted while retrying an append", e);
        }
    }

    /** Drops exact repeats inside one bundle; the same id twice with different content is refused. */
    private static List<EventEnvelope> withoutRepeats(List<EventEnvelope> bundle) {
        Set<String> ids = new HashSet<>(bundle.size() * 2);
        boolean repeats = false;
        for (EventEnvelope event : bundle) {
            Objects.requireNonNull(event, "a bundle may not contain null events");
            repeats |= !ids.add(event.eventId());
        }
        if (!repeats) {
            return bundle;
        }
        Map<String, EventEnvelope> byId = new LinkedHashMap<>(bundle.size() * 2);
        for (EventEnvelope event : bundle) {
            Objects.requireNonNull(event, "a bundle may not contain null events");
            EventEnvelope earlier = byId.putIfAbsent(event.eventId(), event);
            if (earlier != null && !earlier.equals(event)) {
                throw new EventConflictException(event.eventId(), difference(earlier, event) + " within one bundle");
            }
        }
        return byId.size() == bundle.size() ? bundle : new ArrayList<>(byId.values());
    }

    /** The fast path: every event is new. A duplicate id makes the database refuse the batch. */
    private AppendResult appendNew(Writer writer, List<EventEnvelope> events, int repeats)
            throws SQLException {
        ChainHead head = lockHead(writer);
        List<StoredEvent> stored = chain(head, events);
        insert(writer, stored);
        ChainHead newHead = moveHead(writer, stored);
        writer.connection.commit();
        return new AppendResult(stored, repeats, newHead);
    }

    /** The slow path: compare with what is stored, skip identical events, refuse conflicting ones. */
    private AppendResult appendSkippingStored(Writer writer, List<EventEnvelope> events, int repeats)
            throws SQLException {
        Connection connection = writer.connection;
        try {
            ChainHead head = lockHead(writer);
            Map<String, EventEnvelope> existing = storedEnvelopes(connection, events);
            List<EventEnvelope> fresh = new ArrayList<>(events.size());
            for (EventEnvelope event : events) {
                EventEnvelope before = existing.get(event.eventId());
                if (before == null) {
                    fresh.add(event);
                } else if (!before.equals(event)) {
                    throw new EventConflictException(event.eventId(), difference(before, event));
                }
            }
            int duplicates = repeats + events.size() - fresh.size();
            if (fresh.isEmpty()) {
                connection.rollback();
                return new AppendResult(List.of(), duplicates, head);
            }
            List<StoredEvent> stored = chain(head, fresh);
            insert(writer, stored);
            ChainHead newHead = moveHead(writer, stored);
            connection.commit();
            return new AppendResult(stored, duplicates, newHead);
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection, e);
            throw e;
        }
    }

    private static ChainHead lockHead(Writer writer) throws SQLException {
        try (ResultSet rs = writer.lockHead.executeQuery()) {
            if (!rs.next()) {
                throw new EventStoreException("the store's chain_head row is missing: the store is damaged;"
                        + " run `leviathanctl events verify`");
            }
            return new ChainHead(rs.getLong(1), rs.getString(2));
        }
    }

    private static List<StoredEvent> chain(ChainHead head, List<EventEnvelope> events) {
        // Most of each hash does not depend on the chain: prepare it on all cores, then link in order.
        ChainHasher.Prepared[] prepared = new ChainHasher.Prepared[events.size()];
        IntStream range = IntStream.range(0, events.size());
        (events.size() >= 64 ? range.parallel() : range).forEach(i -> prepared[i] = ChainHasher.prepare(events.get(i)));
        List<StoredEvent> stored = new ArrayList<>(events.size());
        long seq = head.seq();
        String previous = head.hash();
        for (int i = 0; i < prepared.length; i++) {
            String hash = ChainHasher.finish(prepared[i], previous);
            stored.add(new StoredEvent(++seq, events.get(i), previous, hash));
            previous = hash;
        }
        return stored;
    }

    private static void insert(Writer writer, List<StoredEvent> stored) throws SQLException {
        PreparedStatement statement = writer.insert;
        statement.clearBatch();
        for (StoredEvent event : stored) {
            EventEnvelope envelope = event.envelope();
            statement.setLong(1, event.seq());
            statement.setString(2, envelope.eventId());
            statement.setString(3, envelope.eventType());
            statement.setString(4, envelope.timestamp());
            statement.setString(5, envelope.actorId());
            statement.setString(6, envelope.targetId());
            statement.setString(7, envelope.payload().canonical());
            statement.setString(8, event.prevHash());
            statement.setString(9, event.hash());
            statement.addBatch();
        }
        statement.executeBatch();
    }

    private static ChainHead moveHead(Writer writer, List<StoredEvent> stored) throws SQLException {
        StoredEvent last = stored.getLast();
        writer.moveHead.setLong(1, last.seq());
        writer.moveHead.setString(2, last.hash());
        writer.moveHead.executeUpdate();
        if (writer.notify != null) {
            // Delivered to listeners when (and only if) the transaction commits.
            writer.notify.setString(1, NOTIFY_CHANNEL);
            writer.notify.setString(2, Long.toString(last.seq()));
            writer.notify.execute();
        }
        return new ChainHead(last.seq(), last.hash());
    }

    private Map<String, EventEnvelope> storedEnvelopes(Connection connection, List<EventEnvelope> events)
            throws SQLException {
        Map<String, EventEnvelope> found = new HashMap<>();
        for (int from = 0; from < events.size(); from += ID_LOOKUP_CHUNK) {
            List<EventEnvelope> chunk = events.subList(from, Math.min(events.size(), from + ID_LOOKUP_CHUNK));
            String placeholders = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT event_id, event_type, occurred_at, actor_id, target_id, payload FROM events"
                            + " WHERE event_id IN (" + placeholders + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    statement.setString(i + 1, chunk.get(i).eventId());
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        EventEnvelope envelope = new EventEnvelope(rs.getString(1), rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getString(5),
                                Payload.fromCanonical(rs.getString(6)));
                        found.put(envelope.eventId(), envelope);
                    }
                }
            }
        }
        return found;
    }

    private static String difference(EventEnvelope stored, EventEnvelope incoming) {
        if (!stored.eventType().equals(incoming.eventType())) {
            return "event_type " + stored.eventType() + " vs " + incoming.eventType();
        }
        if (!stored.timestamp().equals(incoming.timestamp())) {
            return "timestamp " + stored.timestamp() + " vs " + incoming.timestamp();
        }
        if (!Objects.equals(stored.actorId(), incoming.actorId())) {
            return "actor_id " + stored.actorId() + " vs " + incoming.actorId();
        }
        if (!Objects.equals(stored.targetId(), incoming.targetId())) {
            return "target_id " + stored.targetId() + " vs " + incoming.targetId();
        }
        return "payload differs";
    }

    private static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
            if (t instanceof BatchUpdateException batch && UNIQUE_VIOLATION.equals(batch.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- reads

    // head() and find() are plain JDBC: every CLI call makes them, and jOOQ's first use costs a
    // few hundred milliseconds in a fresh JVM.

    @Override
    public ChainHead head() {
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT seq, hash FROM chain_head WHERE id = 1");
                ResultSet rs = statement.executeQuery()) {
            return rs.next() ? new ChainHead(rs.getLong(1), rs.getString(2)) : ChainHead.EMPTY;
        } catch (SQLException e) {
            throw new EventStoreException("cannot read the store's head: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<StoredEvent> find(String eventId) {
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT seq, event_id, event_type, occurred_at, actor_id, target_id, payload, prev_hash, hash"
                                + " FROM events WHERE event_id = ?")) {
            statement.setString(1, eventId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                EventEnvelope envelope = new EventEnvelope(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), Payload.fromCanonical(rs.getString(7)));
                return Optional.of(new StoredEvent(rs.getLong(1), envelope, rs.getString(8), rs.getString(9)));
            }
        } catch (SQLException e) {
            throw new EventStoreException("cannot read event " + eventId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<StoredEvent> read(EventQuery query) {
        Condition condition = query.afterSeq() > 0 ? EVENTS.SEQ.gt(query.afterSeq()) : DSL.noCondition();
        if (query.beforeSeq() < Long.MAX_VALUE) {
            condition = condition.and(EVENTS.SEQ.lt(query.beforeSeq()));
        }
        if (!query.types().isEmpty()) {
            condition = condition.and(EVENTS.EVENT_TYPE.in(query.types()));
        }
        if (query.targetId() != null) {
            condition = condition.and(EVENTS.TARGET_ID.eq(query.targetId()));
        }
        return dsl().select(EVENTS.SEQ, EVENTS.EVENT_ID, EVENTS.EVENT_TYPE, EVENTS.OCCURRED_AT, EVENTS.ACTOR_ID,
                        EVENTS.TARGET_ID, EVENTS.PAYLOAD, EVENTS.PREV_HASH, EVENTS.HASH)
                .from(EVENTS)
                .where(condition)
                .orderBy(query.newestFirst() ? EVENTS.SEQ.desc() : EVENTS.SEQ.asc())
                .limit(query.limit())
                .fetch(JooqEventStore::toStoredEvent);
    }

    @Override
    public List<StoredEvent> readSeqs(java.util.Collection<Long> seqs) {
        if (seqs.isEmpty()) {
            return List.of();
        }
        List<Long> sorted = seqs.stream().distinct().sorted().toList();
        List<StoredEvent> out = new ArrayList<>(sorted.size());
        for (int from = 0; from < sorted.size(); from += ID_LOOKUP_CHUNK) {
            List<Long> chunk = sorted.subList(from, Math.min(sorted.size(), from + ID_LOOKUP_CHUNK));
            out.addAll(dsl().select(EVENTS.SEQ, EVENTS.EVENT_ID, EVENTS.EVENT_TYPE, EVENTS.OCCURRED_AT,
                            EVENTS.ACTOR_ID, EVENTS.TARGET_ID, EVENTS.PAYLOAD, EVENTS.PREV_HASH, EVENTS.HASH)
                    .from(EVENTS).where(EVENTS.SEQ.in(chunk)).orderBy(EVENTS.SEQ.asc())
                    .fetch(JooqEventStore::toStoredEvent));
        }
        return out;
    }

    @Override
    public void scanPages(long afterSeq, Consumer<List<StoredEvent>> consumer) {
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "event-scan-reader");
            thread.setDaemon(true);
            return thread;
        });
        // One connection for the whole scan, plain JDBC: a rebuild reads a million rows, and
        // record mapping would cost more than the database does.
        try (Connection connection = pool.getConnection();
                PreparedStatement page = connection.prepareStatement(
                        "SELECT seq, event_id, event_type, occurred_at, actor_id, target_id, payload, prev_hash, hash"
                                + " FROM events WHERE seq > ? AND seq <= ? ORDER BY seq")) {
            // Windows of seq, not LIMIT pages: an index range scan whatever the statistics say
            // (PostgreSQL sorted the whole rest of the table per page when they were stale).
            long end = head().seq();
            long start = afterSeq;
            Future<List<StoredEvent>> next = submitWindow(reader, page, start, end);
            while (start < end) {
                List<StoredEvent> events = awaitPage(next);
                start = Math.min(start + SCAN_PAGE, end);
                if (start >= end) {
                    long newEnd = head().seq();
                    end = newEnd > end ? newEnd : end;
                }
                next = submitWindow(reader, page, start, end);
                if (!events.isEmpty()) {
                    consumer.accept(events);
                }
            }
        } catch (SQLException e) {
            throw new EventStoreException("cannot read events after seq " + afterSeq + ": " + e.getMessage(), e);
        } finally {
            reader.shutdownNow();
        }
    }

    private static Future<List<StoredEvent>> submitWindow(ExecutorService reader, PreparedStatement page, long start,
            long end) {
        if (start >= end) {
            return CompletableFuture.completedFuture(List.of());
        }
        long windowEnd = Math.min(start + SCAN_PAGE, end);
        return reader.submit(() -> readPage(page, start, windowEnd));
    }

    private static List<StoredEvent> readPage(PreparedStatement page, long afterSeq, long untilSeq)
            throws SQLException {
        page.setLong(1, afterSeq);
        page.setLong(2, untilSeq);
        List<StoredEvent> events = new ArrayList<>(SCAN_PAGE);
        try (ResultSet rs = page.executeQuery()) {
            while (rs.next()) {
                EventEnvelope envelope = new EventEnvelope(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), Payload.fromCanonical(rs.getString(7)));
                events.add(new StoredEvent(rs.getLong(1), envelope, rs.getString(8), rs.getString(9)));
            }
        }
        return events;
    }

    private static List<StoredEvent> awaitPage(Future<List<StoredEvent>> page) {
        try {
            return page.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("interrupted while reading events", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new EventStoreException("reading events failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static StoredEvent toStoredEvent(
            Record9<Long, String, String, String, String, String, String, String, String> row) {
        EventEnvelope envelope = new EventEnvelope(row.value2(), row.value3(), row.value4(), row.value5(),
                row.value6(), Payload.fromCanonical(row.value7()));
        return new StoredEvent(row.value1(), envelope, row.value8(), row.value9());
    }

    @Override
    public Subscription subscribe(long afterSeq, EventListener listener) {
        return feed.subscribe(afterSeq, listener);
    }

    @Override
    public Optional<String> quickCheck() {
        headRecorder.flush();
        Optional<HeadFile.Recorded> recorded;
        try {
            recorded = headFile.read();
        } catch (EventStoreException e) {
            return Optional.of(e.getMessage());
        }
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        HeadFile.Recorded head = recorded.get();
        if (!storeId.equals(head.storeId())) {
            return Optional.of("the store at " + settings.displayLocation() + " is not the one this data directory last"
                    + " wrote to (its head file names store " + head.storeId() + "): it was replaced or recreated");
        }
        ChainHead current = head();
        if (head.seq() > current.seq()) {
            return Optional.of("the head file records seq " + head.seq() + " but the store ends at seq " + current.seq()
                    + ": events were cut off");
        }
        if (head.seq() > 0) {
            try (Connection connection = pool.getConnection();
                    PreparedStatement statement = connection.prepareStatement("SELECT hash FROM events WHERE seq = ?")) {
                statement.setLong(1, head.seq());
                try (ResultSet rs = statement.executeQuery()) {
                    String hash = rs.next() ? rs.getString(1) : null;
                    if (!Objects.equals(hash, head.hash())) {
                        return Optional.of("the event at seq " + head.seq() + " no longer has the hash the head file"
                                + " recorded: history was rewritten");
                    }
                }
            } catch (SQLException e) {
                return Optional.of("cannot compare the store with its head file: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    @Override
    public ChainReport verify() {
        headRecorder.flush();
        return new ChainVerifier(pool, headFile).verify(storeId);
    }

    @Override
    public void close() {
        feed.close();
        headRecorder.close();
        appendLock.lock();
        try {
            discardWriter();
        } finally {
            appendLock.unlock();
        }
        pool.dispose();
    }

    // ---------------------------------------------------------------- other writers

    /** H2 has no notifications: read the one-row head at a short interval. */
    private final class PollingWatcher implements EventFeed.HeadWatcher {

        @Override
        public long await(long millis) throws InterruptedException {
            Thread.sleep(millis);
            return head().seq();
        }

        @Override
        public void close() {
        }
    }

    /** PostgreSQL: LISTEN on a dedicated connection; every append NOTIFYs its last seq on commit. */
    private final class PostgresWatcher implements EventFeed.HeadWatcher {

        private Connection connection;
        private long lastHeadRead;

        @Override
        public long await(long millis) throws InterruptedException {
            try {
                if (connection == null || connection.isClosed()) {
                    connection = pool.getConnection();
                    connection.setAutoCommit(true);
                    try (var statement = connection.createStatement()) {
                        statement.execute("LISTEN " + NOTIFY_CHANNEL);
                    }
                    // Anything committed before LISTEN took effect is caught by this read.
                    return head().seq();
                }
                PGNotification[] notifications = connection.unwrap(PGConnection.class)
                        .getNotifications((int) millis);
                long newest = -1;
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        newest = Math.max(newest, parseSeq(notification.getParameter()));
                    }
                }
                long now = System.nanoTime();
                if (newest < 0 && now - lastHeadRead > 5_000_000_000L) {
                    lastHeadRead = now;
                    return head().seq();
                }
                return newest;
            } catch (SQLException e) {
                closeQuietly();
                throw new EventStoreException("listening for new events failed: " + e.getMessage(), e);
            }
        }

        private long parseSeq(String parameter) {
            try {
                return Long.parseLong(parameter);
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        private void closeQuietly() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // The connection is already broken; a new one is opened on the next await.
                }
                connection = null;
            }
        }

        @Override
        public void close() {
            closeQuietly();
        }
    }
}
