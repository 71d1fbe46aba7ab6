package dev.leviathan.engine.event;

import dev.leviathan.engine.event.ChainReport.Breakage;
import dev.leviathan.engine.event.ChainReport.HeadCheck;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * Walks the chain and names its first broken link. It shares nothing with the writer but
 * {@link CanonicalJson}: it reads rows with its own SQL, rebuilds each envelope as a JSON tree,
 * canonicalises and hashes it, and checks every link, the database's head row and the head file
 * kept outside the database.
 *
 * <p>Each row carries its own prev_hash, so hashes are recomputed in parallel while the links are
 * checked in order; the next page is read while the current one is hashed.
 */
public final class ChainVerifier {

    private static final int PAGE = 20_000;
    private static final HexFormat HEX = HexFormat.of();
    /** One reusable buffer per hashing thread: a verify rebuilds a million envelopes. */
    private static final ThreadLocal<StringBuilder> TEXT = ThreadLocal.withInitial(() -> new StringBuilder(1024));

    private record Row(long seq, String eventId, String eventType, String occurredAt, String actorId,
            String targetId, String payload, String prevHash, String hash) {
    }

    /** A recomputed hash, or why the row could not be rebuilt. */
    private record Recomputed(String hash, String error) {
    }

    private final DataSource dataSource;
    private final HeadFile headFile;

    public ChainVerifier(DataSource dataSource, HeadFile headFile) {
        this.dataSource = dataSource;
        this.headFile = headFile;
    }

    public ChainReport verify(String storeId) {
        // Read the outside head first, then the head row, then rows up to that row: appends that
        // commit meanwhile land beyond what is checked and cannot cause a false alarm.
        Optional<HeadFile.Recorded> recorded = headFile == null ? Optional.empty() : headFile.read();
        try (Connection connection = dataSource.getConnection()) {
            long headRowSeq;
            String headRowHash;
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT seq, hash FROM chain_head WHERE id = 1"); ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return new ChainReport.Broken(0, Breakage.HEAD_ROW_MISMATCH, "the head row is missing", 0);
                }
                headRowSeq = rs.getLong(1);
                headRowHash = rs.getString(2);
            }
            return walk(connection, headRowSeq, headRowHash, recorded, storeId);
        } catch (SQLException e) {
            throw new EventStoreException("cannot read the store to verify it: " + e.getMessage(), e);
        }
    }

    private ChainReport walk(Connection connection, long headRowSeq, String headRowHash,
            Optional<HeadFile.Recorded> recorded, String storeId) throws SQLException {
        long expectedSeq = 1;
        String previousHash = null;
        String hashAtRecordedSeq = null;
        long recordedSeq = recorded.filter(r -> Objects.equals(r.storeId(), storeId)).map(HeadFile.Recorded::seq)
                .orElse(-1L);
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "chain-verifier-reader");
            thread.setDaemon(true);
            return thread;
        });
        // Pages are windows of seq, not "the next N rows": a bounded range is an index range scan
        // whatever the database's statistics say (PostgreSQL with stale statistics sorted the
        // whole remaining table for every LIMIT page), and a deleted range cannot end the walk early.
        try (PreparedStatement page = connection.prepareStatement(
                "SELECT seq, event_id, event_type, occurred_at, actor_id, target_id, payload, prev_hash, hash"
                        + " FROM events WHERE seq > ? AND seq <= ? ORDER BY seq")) {
            long windowStart = 0;
            CompletableFuture<List<Row>> next = readPageAsync(reader, page, 0, Math.min(PAGE, headRowSeq));
            while (windowStart < headRowSeq) {
                List<Row> rows = join(next);
                windowStart = Math.min(windowStart + PAGE, headRowSeq);
                long nextStart = windowStart;
                next = nextStart < headRowSeq
                        ? readPageAsync(reader, page, nextStart, Math.min(nextStart + PAGE, headRowSeq))
                        : CompletableFuture.completedFuture(List.of());
                Recomputed[] recomputed = recompute(rows);
                for (int i = 0; i < rows.size(); i++) {
                    Row row = rows.get(i);
                    long checked = expectedSeq - 1;
                    if (row.seq() != expectedSeq) {
                        join(next);
                        return new ChainReport.Broken(expectedSeq, Breakage.MISSING_EVENT,
                                "expected seq " + expectedSeq + " but the next event is seq " + row.seq()
                                        + ": " + (row.seq() - expectedSeq) + " event(s) deleted",
                                checked);
                    }
                    if (!Objects.equals(row.prevHash(), previousHash)) {
                        join(next);
                        return new ChainReport.Broken(row.seq(), Breakage.LINK_BROKEN,
                                "prev_hash " + shortHash(row.prevHash()) + " of event " + row.eventId()
                                        + " does not match the hash " + shortHash(previousHash) + " of seq "
                                        + (row.seq() - 1) + ": events were reordered, inserted or deleted",
                                checked);
                    }
                    Recomputed again = recomputed[i];
                    if (again.error() != null) {
                        join(next);
                        return new ChainReport.Broken(row.seq(), Breakage.MALFORMED_EVENT,
                                "event " + row.eventId() + " cannot be read: " + again.error(), checked);
                    }
                    if (!again.hash().equals(row.hash())) {
                        join(next);
                        return new ChainReport.Broken(row.seq(), Breakage.CONTENT_ALTERED,
                                "event " + row.eventId() + " hashes to " + shortHash(again.hash())
                                        + " but its stored hash is " + shortHash(row.hash()) + ": it was edited",
                                checked);
                    }
                    if (row.seq() == recordedSeq) {
                        hashAtRecordedSeq = row.hash();
                    }
                    previousHash = row.hash();
                    expectedSeq++;
                }
            }
        } finally {
            reader.shutdownNow();
        }
        long lastSeq = expectedSeq - 1;
        if (lastSeq < headRowSeq) {
            return new ChainReport.Broken(lastSeq + 1, Breakage.TRUNCATED,
                    "the store's head row records seq " + headRowSeq + " but the chain ends at seq " + lastSeq
                            + ": the events after it were removed", lastSeq);
        }
        if (!Objects.equals(previousHash, headRowHash)) {
            return new ChainReport.Broken(lastSeq, Breakage.HEAD_ROW_MISMATCH,
                    "the store's head row records hash " + shortHash(headRowHash) + " but the last event hashes to "
                            + shortHash(previousHash), lastSeq);
        }
        HeadCheck headCheck = HeadCheck.NO_HEAD_FILE;
        if (recorded.isPresent()) {
            HeadFile.Recorded head = recorded.get();
            if (!Objects.equals(head.storeId(), storeId)) {
                return new ChainReport.Broken(head.seq(), Breakage.STORE_REPLACED,
                        "the head file " + headFile.path() + " records store " + head.storeId() + " at seq " + head.seq()
                                + ", but the database here is store " + storeId + " (" + lastSeq + " events): it was"
                                + " replaced or recreated. If you did that on purpose, the next append records the new"
                                + " store and keeps the old head file beside it", lastSeq);
            } else if (head.seq() > lastSeq) {
                return new ChainReport.Broken(lastSeq + 1, Breakage.TRUNCATED,
                        "the head file " + headFile.path() + " records seq " + head.seq() + " (" + shortHash(head.hash())
                                + ") but the chain ends at seq " + lastSeq + ": events were cut off", lastSeq);
            } else if (head.seq() > 0 && !Objects.equals(hashAtRecordedSeq, head.hash())) {
                return new ChainReport.Broken(head.seq(), Breakage.HISTORY_REWRITTEN,
                        "the head file records hash " + shortHash(head.hash()) + " at seq " + head.seq()
                                + " but the chain has " + shortHash(hashAtRecordedSeq) + ": history was rewritten",
                        lastSeq);
            } else {
                headCheck = HeadCheck.MATCHES;
            }
        }
        return new ChainReport.Intact(lastSeq, new ChainHead(lastSeq, previousHash), headCheck, replacedHeadFiles());
    }

    /** Head files set aside when this location's store was replaced: evidence, kept and named. */
    private List<String> replacedHeadFiles() {
        if (headFile == null || !java.nio.file.Files.isDirectory(headFile.path().getParent())) {
            return List.of();
        }
        String prefix = headFile.path().getFileName() + ".replaced-";
        try (var siblings = java.nio.file.Files.list(headFile.path().getParent())) {
            return siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).map(Object::toString).sorted()
                    .toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private static CompletableFuture<List<Row>> readPageAsync(ExecutorService reader, PreparedStatement page,
            long afterSeq, long maxSeq) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                page.setLong(1, afterSeq);
                page.setLong(2, maxSeq);
                List<Row> rows = new ArrayList<>(PAGE);
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), trim(rs.getString(8)),
                                trim(rs.getString(9))));
                    }
                }
                return rows;
            } catch (SQLException e) {
                throw new EventStoreException("cannot read events after seq " + afterSeq + ": " + e.getMessage(), e);
            }
        }, reader);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("verification interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof EventStoreException storeException) {
                throw storeException;
            }
            throw new EventStoreException("verification failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static Recomputed[] recompute(List<Row> rows) {
        Recomputed[] out = new Recomputed[rows.size()];
        int chunk = 1_000;
        IntStream.range(0, (rows.size() + chunk - 1) / chunk).parallel().forEach(c -> {
            MessageDigest sha256 = sha256();
            int end = Math.min(rows.size(), (c + 1) * chunk);
            for (int i = c * chunk; i < end; i++) {
                out[i] = recompute(rows.get(i), sha256);
            }
        });
        return out;
    }

    /**
     * The envelope's members are few and fixed, so they are written here in their canonical
     * (sorted) order; the payload, the only free-form part, is parsed and canonicalised anew, so a
     * payload text that is not canonical fails like an edited one.
     */
    private static Recomputed recompute(Row row, MessageDigest sha256) {
        try {
            StringBuilder text = TEXT.get();
            text.setLength(0);
            text.append("{\"actor_id\":");
            appendNullable(text, row.actorId());
            text.append(",\"event_id\":");
            CanonicalJson.appendString(text, row.eventId());
            text.append(",\"event_type\":");
            CanonicalJson.appendString(text, row.eventType());
            text.append(",\"payload\":");
            CanonicalJson.appendCanonicalized(text, row.payload());
            text.append(",\"prev_hash\":");
            appendNullable(text, row.prevHash());
            text.append(",\"target_id\":");
            appendNullable(text, row.targetId());
            text.append(",\"timestamp\":");
            CanonicalJson.appendString(text, row.occurredAt());
            text.append('}');
            return new Recomputed(HEX.formatHex(sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8))), null);
        } catch (Exception e) {
            return new Recomputed(null, e.getMessage());
        }
    }

    private static void appendNullable(StringBuilder text, String value) {
        if (value == null) {
            text.append("null");
        } else {
            CanonicalJson.appendString(text, value);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** CHAR(64) may come back padded on some drivers; hashes never contain spaces. */
    private static String trim(String hash) {
        return hash == null ? null : hash.strip();
    }

    private static String shortHash(String hash) {
        return hash == null ? "null" : hash.substring(0, Math.min(12, hash.length()));
    }
}
