package dev.leviathan.engine.event;

import static dev.leviathan.engine.testkit.TestEvents.bundle;
import static dev.leviathan.engine.testkit.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.event.ChainReport.Breakage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One contract, run against every store adapter: H2 and PostgreSQL behave the same. */
abstract class EventStoreContract {

    @TempDir
    Path tempDir;

    StoreSettings settings;
    EventStore store;
    final ExecutorService background = Executors.newCachedThreadPool();

    abstract StoreSettings settings(LeviathanHome home);

    /** Lets a forger's plain SQL through the database's append-only guard. */
    abstract void dropAppendOnlyGuard(Statement statement) throws SQLException;

    @BeforeEach
    void openStore() {
        settings = settings(new LeviathanHome(tempDir.resolve("home")));
        store = JooqEventStore.open(settings);
    }

    @AfterEach
    void closeStore() {
        background.shutdownNow();
        if (store != null) {
            store.close();
        }
    }

    Connection forger() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user(),
                settings.password().map(s -> s.reveal()).orElse(""));
    }

    void forge(String... sql) throws SQLException {
        try (Connection connection = forger(); Statement statement = connection.createStatement()) {
            dropAppendOnlyGuard(statement);
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    // ---------------------------------------------------------------- appends

    @Test
    void firstEventHasSeqOneAndNullPrevHash() {
        AppendResult result = store.append(event("e1"));

        StoredEvent first = result.appended().getFirst();
        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isNull();
        assertThat(first.hash()).hasSize(64);
        assertThat(store.head()).isEqualTo(new ChainHead(1, first.hash()));
    }

    @Test
    void eachEventLinksToTheHashOfTheOneBefore() {
        store.append(bundle("b", 3));
        store.append(event("after"));

        List<StoredEvent> events = store.read(EventQuery.after(0, 10));
        assertThat(events).extracting(StoredEvent::seq).containsExactly(1L, 2L, 3L, 4L);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).prevHash()).isEqualTo(events.get(i - 1).hash());
        }
    }

    @Test
    void storedEventReadsBackExactlyAsWritten() {
        EventEnvelope written = event("e1", "target.registered", "demo", "name", "Démo ✓", "count", 3,
                "nested", List.of(1.5, "x"));
        store.append(written);

        StoredEvent read = store.find("e1").orElseThrow();
        assertThat(read.envelope()).isEqualTo(written);
        assertThat(read.payload().json().get("name").asText()).isEqualTo("Démo ✓");
    }

    @Test
    void reappendingAnIdenticalEventIsANoOp() {
        store.append(event("e1"));
        AppendResult again = store.append(List.of(event("e1")));

        assertThat(again.appended()).isEmpty();
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(store.head().seq()).isEqualTo(1);
    }

    @Test
    void bundleMixingStoredAndNewEventsAppendsOnlyTheNewOnes() {
        store.append(event("e1"));
        AppendResult result = store.append(List.of(event("e0"), event("e1"), event("e2")));

        assertThat(result.appended()).extracting(StoredEvent::eventId).containsExactly("e0", "e2");
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(store.verify().intact()).isTrue();
    }

    @Test
    void sameIdWithOtherContentIsAConflictAndTheWholeBundleIsRefused() {
        store.append(event("e1", "test.happened", "demo", "n", 1));

        assertThatThrownBy(() -> store.append(List.of(event("new"),
                event("e1", "test.happened", "demo", "n", 2))))
                .isInstanceOf(EventConflictException.class)
                .hasMessageContaining("e1")
                .hasMessageContaining("payload differs");
        assertThat(store.find("new")).isEmpty();
        assertThat(store.head().seq()).isEqualTo(1);
    }

    @Test
    void sameIdTwiceInOneBundleWithOtherContentIsAConflict() {
        assertThatThrownBy(() -> store.append(List.of(event("x", "a.b", "demo"), event("x", "c.d", "demo"))))
                .isInstanceOf(EventConflictException.class)
                .hasMessageContaining("within one bundle");
        assertThat(store.head().seq()).isZero();
    }

    @Test
    void identicalRepeatsInsideOneBundleAreStoredOnce() {
        AppendResult result = store.append(List.of(event("x"), event("x")));

        assertThat(result.appended()).hasSize(1);
        assertThat(result.duplicates()).isEqualTo(1);
    }

    @Test
    void emptyBundleChangesNothing() {
        AppendResult result = store.append(List.of());

        assertThat(result.appended()).isEmpty();
        assertThat(store.head()).isEqualTo(ChainHead.EMPTY);
    }

    // ------------------------------------------- appends whose end is still being made

    /** Appends {@code first} on another thread with a rest the test completes itself. */
    CompletableFuture<AppendResult> appendWithPendingRest(List<EventEnvelope> first,
            CompletableFuture<List<EventEnvelope>> rest) {
        return CompletableFuture.supplyAsync(() -> store.append(first, rest), background);
    }

    @Test
    void aBundleWhoseRestIsStillBeingMadeIsStoredInOrderAsOneBundle() throws Exception {
        CompletableFuture<List<EventEnvelope>> rest = new CompletableFuture<>();
        CompletableFuture<AppendResult> appending = appendWithPendingRest(bundle("early", 150), rest);

        // Nothing is visible before the rest is there: the bundle is one transaction.
        Thread.sleep(100);
        assertThat(appending).isNotDone();
        assertThat(store.head().seq()).isZero();
        assertThat(store.find("early-0")).isEmpty();

        rest.complete(bundle("late", 3));
        AppendResult result = appending.get(30, TimeUnit.SECONDS);

        assertThat(result.appended()).extracting(StoredEvent::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 153).boxed().toList());
        assertThat(result.appended().get(149).eventId()).isEqualTo("early-149");
        assertThat(result.appended().get(150).eventId()).isEqualTo("late-0");
        assertThat(result.head().seq()).isEqualTo(153);
        assertThat(store.head()).isEqualTo(result.head());
        assertThat(store.verify().intact()).isTrue();
    }

    @Test
    void aRestThatFailsStoresNothingAndItsFailureIsThrown() {
        IllegalStateException failure = new IllegalStateException("route extraction failed");
        CompletableFuture<List<EventEnvelope>> rest = new CompletableFuture<>();
        CompletableFuture<AppendResult> appending = appendWithPendingRest(bundle("early", 80), rest);
        rest.completeExceptionally(failure);

        assertThatThrownBy(() -> appending.get(30, TimeUnit.SECONDS)).hasCause(failure);
        assertThat(store.head().seq()).isZero();
        assertThat(store.find("early-0")).isEmpty();
        // The writer's connection keeps nothing of the failed bundle.
        AppendResult next = store.append(event("after"));
        assertThat(next.appended()).extracting(StoredEvent::seq).containsExactly(1L);
        assertThat(store.find("early-0")).isEmpty();
        assertThat(store.verify().intact()).isTrue();
    }

    @Test
    void storedEventsInTheEarlyPartAreSkippedAndTheRestIsStored() throws Exception {
        store.append(event("e1"));
        CompletableFuture<List<EventEnvelope>> rest = new CompletableFuture<>();
        CompletableFuture<AppendResult> appending = appendWithPendingRest(List.of(event("e1"), event("e2")), rest);
        rest.complete(List.of(event("e3")));

        AppendResult result = appending.get(30, TimeUnit.SECONDS);

        assertThat(result.appended()).extracting(StoredEvent::eventId).containsExactly("e2", "e3");
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(store.verify().intact()).isTrue();
    }

    @Test
    void aRestRepeatingAnEarlyEventStoresItOnceAndOneConflictingWithItRefusesTheBundle() throws Exception {
        CompletableFuture<List<EventEnvelope>> repeat = new CompletableFuture<>();
        CompletableFuture<AppendResult> appending = appendWithPendingRest(List.of(event("a"), event("b")), repeat);
        repeat.complete(List.of(event("b"), event("c")));
        AppendResult result = appending.get(30, TimeUnit.SECONDS);
        assertThat(result.appended()).extracting(StoredEvent::eventId).containsExactly("a", "b", "c");
        assertThat(result.duplicates()).isEqualTo(1);

        CompletableFuture<List<EventEnvelope>> conflict = new CompletableFuture<>();
        CompletableFuture<AppendResult> refused = appendWithPendingRest(List.of(event("d"), event("e")), conflict);
        conflict.complete(List.of(event("e", "other.type", "demo")));
        assertThatThrownBy(() -> refused.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(EventConflictException.class);
        assertThat(store.find("d")).isEmpty();
        assertThat(store.head().seq()).isEqualTo(3);
    }

    @Test
    void anAppendMadeWhileARestIsPendingLandsWholeBeforeOrAfterTheBundle() throws Exception {
        CompletableFuture<List<EventEnvelope>> rest = new CompletableFuture<>();
        CompletableFuture<AppendResult> bundled = appendWithPendingRest(bundle("early", 50), rest);
        CompletableFuture<AppendResult> other = CompletableFuture.supplyAsync(() -> store.append(bundle("other", 5)),
                background);
        Thread.sleep(100);
        rest.complete(bundle("late", 5));

        List<Long> bundleSeqs = bundled.get(30, TimeUnit.SECONDS).appended().stream().map(StoredEvent::seq).toList();
        List<Long> otherSeqs = other.get(30, TimeUnit.SECONDS).appended().stream().map(StoredEvent::seq).toList();

        assertThat(bundleSeqs).hasSize(55);
        assertThat(bundleSeqs.getLast() - bundleSeqs.getFirst()).isEqualTo(54);
        assertThat(otherSeqs.getLast() - otherSeqs.getFirst()).isEqualTo(4);
        assertThat(otherSeqs.getFirst() == 56 || otherSeqs.getLast() == bundleSeqs.getFirst() - 1).isTrue();
        assertThat(store.head().seq()).isEqualTo(60);
        assertThat(store.verify().intact()).isTrue();
    }

    @Test
    void aRestAlreadyMadeOrAnEmptyEarlyPartIsAnOrdinaryAppend() {
        AppendResult done = store.append(List.of(event("a")), CompletableFuture.completedFuture(List.of(event("b"))));
        AppendResult empty = store.append(List.of(), CompletableFuture.completedFuture(List.of(event("c"))));

        assertThat(done.appended()).extracting(StoredEvent::seq).containsExactly(1L, 2L);
        assertThat(empty.appended()).extracting(StoredEvent::eventId).containsExactly("c");
    }

    @Test
    void databaseRefusesUpdatesAndDeletesOfEvents() throws SQLException {
        store.append(event("e1"));
        try (Connection connection = forger(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("UPDATE events SET event_type = 'x' WHERE seq = 1"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.execute("DELETE FROM events WHERE seq = 1"))
                    .hasMessageContaining("append-only");
        }
        assertThat(store.verify().intact()).isTrue();
    }

    // ---------------------------------------------------------------- reads

    @Test
    void readFiltersByTypeAndTargetAndPagesNewestFirst() {
        store.append(List.of(
                event("a", "target.registered", "alpha"),
                event("b", "file.discovered", "alpha"),
                event("c", "file.discovered", "beta"),
                event("d", "file.discovered", "alpha")));

        assertThat(store.read(EventQuery.latest(10).withTypes(Set.of("file.discovered")).withTarget("alpha")))
                .extracting(StoredEvent::eventId).containsExactly("d", "b");
        assertThat(store.read(EventQuery.latest(2))).extracting(StoredEvent::eventId).containsExactly("d", "c");
        assertThat(store.read(EventQuery.latest(2).before(3))).extracting(StoredEvent::eventId)
                .containsExactly("b", "a");
    }

    @Test
    void scanStreamsEveryEventAfterASeqInOrder() {
        store.append(bundle("s", 25));
        List<Long> seen = new ArrayList<>();

        store.scan(20, event -> seen.add(event.seq()));

        assertThat(seen).containsExactly(21L, 22L, 23L, 24L, 25L);
    }

    // ---------------------------------------------------------------- subscriptions

    @Test
    void subscriptionDeliversStoredEventsThenNewOnesInOrder() throws Exception {
        store.append(bundle("old", 3));
        List<Long> seen = new CopyOnWriteArrayList<>();

        try (Subscription subscription = store.subscribe(1, batch -> batch.forEach(e -> seen.add(e.seq())))) {
            store.append(bundle("new", 2));
            awaitSize(seen, 4);
            assertThat(seen).containsExactly(2L, 3L, 4L, 5L);
            assertThat(subscription.lastDeliveredSeq()).isEqualTo(5);
        }
    }

    @Test
    void subscriptionSeesAppendsMadeThroughAnotherConnectionOfTheStore() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (EventStore other = JooqEventStore.open(settings);
                Subscription ignored = store.subscribe(0, batch -> batch.forEach(e -> seen.add(e.eventId())))) {
            other.append(event("from-elsewhere"));
            awaitSize(seen, 1);
            assertThat(seen).containsExactly("from-elsewhere");
        }
    }

    static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(list).hasSize(size);
    }

    // ---------------------------------------------------------------- verification

    @Test
    void verifyPassesOnAnUntouchedChainAndAgreesWithTheHeadFile() {
        store.append(bundle("v", 50));

        ChainReport report = store.verify();

        assertThat(report).isInstanceOf(ChainReport.Intact.class);
        ChainReport.Intact intact = (ChainReport.Intact) report;
        assertThat(intact.checked()).isEqualTo(50);
        assertThat(intact.head()).isEqualTo(store.head());
        assertThat(intact.headCheck()).isEqualTo(ChainReport.HeadCheck.MATCHES);
    }

    @Test
    void verifyOfAnEmptyStoreIsIntact() {
        assertThat(store.verify()).isEqualTo(new ChainReport.Intact(0, ChainHead.EMPTY,
                ChainReport.HeadCheck.NO_HEAD_FILE));
    }

    @Test
    void verifyNamesAnEditedEvent() throws SQLException {
        store.append(bundle("v", 10));

        forge("UPDATE events SET payload = '{\"bundle\":\"v\",\"index\":99,\"size\":10}' WHERE seq = 4");

        assertBroken(store.verify(), 4, Breakage.CONTENT_ALTERED);
    }

    @Test
    void verifyNamesAnEditedTimestampOrActor() throws SQLException {
        store.append(bundle("v", 10));

        forge("UPDATE events SET actor_id = 'mallory' WHERE seq = 7");

        assertBroken(store.verify(), 7, Breakage.CONTENT_ALTERED);
    }

    @Test
    void verifyNamesADeletedEvent() throws SQLException {
        store.append(bundle("v", 10));

        forge("DELETE FROM events WHERE seq = 5");

        assertBroken(store.verify(), 5, Breakage.MISSING_EVENT);
    }

    @Test
    void verifyNamesADeletionHiddenByRenumbering() throws SQLException {
        store.append(bundle("v", 10));

        forge("DELETE FROM events WHERE seq = 5", "UPDATE events SET seq = seq - 1 WHERE seq > 5");

        assertBroken(store.verify(), 5, Breakage.LINK_BROKEN);
    }

    @Test
    void verifyNamesReorderedEvents() throws SQLException {
        store.append(bundle("v", 10));

        forge("UPDATE events SET seq = 100 WHERE seq = 3", "UPDATE events SET seq = 3 WHERE seq = 4",
                "UPDATE events SET seq = 4 WHERE seq = 100");

        assertBroken(store.verify(), 3, Breakage.LINK_BROKEN);
    }

    @Test
    void verifyNamesAnInsertedEvent() throws SQLException {
        store.append(bundle("v", 10));
        StoredEvent sixth = store.read(EventQuery.after(5, 1)).getFirst();

        forge("UPDATE events SET seq = seq + 1000 WHERE seq >= 6",
                "UPDATE events SET seq = seq - 999 WHERE seq >= 1006",
                "INSERT INTO events (seq, event_id, event_type, occurred_at, actor_id, target_id, payload,"
                        + " prev_hash, hash) VALUES (6, 'forged', 'test.happened', '2026-11-22T10:00:00Z', 'x',"
                        + " 'demo', '{}', '" + sixth.prevHash() + "', '" + sixth.hash() + "')");

        assertBroken(store.verify(), 6, Breakage.CONTENT_ALTERED);
    }

    @Test
    void verifyCatchesTruncationThatAlsoRewindsTheHeadRowThroughTheHeadFile() throws SQLException {
        store.append(bundle("v", 10));
        StoredEvent seventh = store.read(EventQuery.after(6, 1)).getFirst();

        forge("DELETE FROM events WHERE seq > 7",
                "UPDATE chain_head SET seq = 7, hash = '" + seventh.hash() + "' WHERE id = 1");

        assertBroken(store.verify(), 8, Breakage.TRUNCATED);
    }

    @Test
    void verifyCatchesTruncationThatLeavesTheHeadRow() throws SQLException {
        store.append(bundle("v", 10));

        forge("DELETE FROM events WHERE seq > 7");

        assertBroken(store.verify(), 8, Breakage.TRUNCATED);
    }

    @Test
    void verifyCatchesAHistoryRewrittenWithValidHashesThroughTheHeadFile() throws SQLException {
        store.append(bundle("v", 5));
        // The forger knows the hash scheme and rebuilds a consistent chain: only the head file,
        // kept outside the database, still remembers the real history.
        String url = settings.jdbcUrl();
        try (EventStore scratch = JooqEventStore.open(StoreSettings.forUrl(
                new LeviathanHome(tempDir.resolve("forger")), scratchUrl(), settings.user(), settings.password()))) {
            scratch.append(bundle("forged", 5));
            List<StoredEvent> forged = scratch.read(EventQuery.after(0, 10));
            List<String> sql = new ArrayList<>();
            sql.add("DELETE FROM events");
            for (StoredEvent e : forged) {
                sql.add("INSERT INTO events (seq, event_id, event_type, occurred_at, actor_id, target_id, payload,"
                        + " prev_hash, hash) VALUES (" + e.seq() + ", '" + e.eventId() + "', '" + e.eventType()
                        + "', '" + e.envelope().timestamp() + "', 'tester', 'demo', '" + e.payload().canonical()
                        + "', " + (e.prevHash() == null ? "NULL" : "'" + e.prevHash() + "'") + ", '" + e.hash()
                        + "')");
            }
            sql.add("UPDATE chain_head SET seq = 5, hash = '" + forged.getLast().hash() + "' WHERE id = 1");
            forge(sql.toArray(String[]::new));
        }
        assertThat(url).isEqualTo(settings.jdbcUrl());

        assertBroken(store.verify(), 5, Breakage.HISTORY_REWRITTEN);
    }

    /** A second, empty store of the same kind for the forger to compute hashes with. */
    abstract String scratchUrl();

    @Test
    void verifyNamesAHeadRowThatDisagreesWithTheLastEvent() throws SQLException {
        store.append(bundle("v", 3));

        forge("UPDATE chain_head SET hash = '" + "0".repeat(64) + "' WHERE id = 1");

        assertBroken(store.verify(), 3, Breakage.HEAD_ROW_MISMATCH);
    }

    @Test
    void verifyNamesAStoreReplacedUnderItsHeadFileAndKeepsTheOldHeadOnTheNextAppend() throws Exception {
        store.append(bundle("v", 3));
        String oldStore = store.description().storeId();

        forge("UPDATE store_meta SET store_id = 'another-store' WHERE id = 1");
        store.close();
        store = JooqEventStore.open(settings);

        assertBroken(store.verify(), 3, Breakage.STORE_REPLACED);
        assertThat(store.quickCheck()).hasValueSatisfying(p -> assertThat(p).contains("replaced"));
        store.append(event("after"));
        // The head file is written off the append path; verify flushes it first.
        ChainReport after = store.verify();
        assertThat(settings.headFile().resolveSibling(settings.headFile().getFileName() + ".replaced-" + oldStore))
                .exists();
        assertThat(after.intact()).isTrue();
        assertThat(after.summary()).contains("held another store before");
    }

    @Test
    void quickCheckIsQuietOnAnUntouchedStore() {
        store.append(bundle("q", 3));

        assertThat(store.quickCheck()).isEmpty();
    }

    @Test
    void headFileRecordsTheLatestCommittedHead() {
        store.append(bundle("h", 4));
        store.quickCheck();

        HeadFile.Recorded recorded = new HeadFile(settings.headFile()).read().orElseThrow();

        assertThat(recorded.seq()).isEqualTo(4);
        assertThat(recorded.hash()).isEqualTo(store.head().hash());
        assertThat(recorded.storeId()).isEqualTo(store.description().storeId());
    }

    static void assertBroken(ChainReport report, long seq, Breakage breakage) {
        assertThat(report).isInstanceOf(ChainReport.Broken.class);
        ChainReport.Broken broken = (ChainReport.Broken) report;
        assertThat(broken.breakage()).as(broken.summary()).isEqualTo(breakage);
        assertThat(broken.seq()).as(broken.summary()).isEqualTo(seq);
    }
}
