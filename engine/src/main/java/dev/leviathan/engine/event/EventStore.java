package dev.leviathan.engine.event;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The append-only, hash-chained event store (DESIGN.md §Events). Every fact Leviathan knows is an
 * event here; the graph and every screen are projections of it.
 *
 * <p>Guarantees: a bundle is appended atomically or not at all; {@code seq} is gap-free from 1
 * whatever the number of writers; re-appending an identical event is a no-op; the same id with
 * other content is an {@link EventConflictException} and refuses the whole bundle; nothing ever
 * updates or deletes an event.
 */
public interface EventStore extends AutoCloseable {

    StoreDescription description();

    /** Appends the bundle atomically; events already present and identical are skipped. */
    AppendResult append(List<EventEnvelope> bundle);

    default AppendResult append(EventEnvelope event) {
        return append(List.of(event));
    }

    /**
     * Appends {@code first} and then the events {@code rest} completes with, as one atomic bundle,
     * exactly as {@code append(first + rest)} would; but {@code first} is inserted while
     * {@code rest} is still being made, so a caller that makes the end of a bundle from work
     * still running (a bootstrap's routes) does not wait for the database afterwards. The store
     * waits for {@code rest} inside the transaction, holding the chain lock, so {@code rest}
     * must not append to this store itself. If {@code rest} fails, nothing is stored and its
     * failure is thrown.
     */
    AppendResult append(List<EventEnvelope> first, CompletableFuture<List<EventEnvelope>> rest);

    ChainHead head();

    Optional<StoredEvent> find(String eventId);

    /** A page of events, see {@link EventQuery}. */
    List<StoredEvent> read(EventQuery query);

    /** The events with these seqs, in seq order; seqs that do not exist are left out. */
    List<StoredEvent> readSeqs(java.util.Collection<Long> seqs);

    /** Streams every event after {@code afterSeq} in seq order. */
    default void scan(long afterSeq, Consumer<StoredEvent> sink) {
        scanPages(afterSeq, page -> page.forEach(sink));
    }

    /**
     * Streams every event after {@code afterSeq} in seq order, a page at a time; the next page
     * is read while the consumer works on the current one.
     */
    void scanPages(long afterSeq, Consumer<List<StoredEvent>> consumer);

    /**
     * Delivers every event after {@code afterSeq}, then each new one as it is committed, by this
     * process or another, without re-reading the table: the feed wakes on appends and reads only
     * the seqs it has not delivered.
     */
    Subscription subscribe(long afterSeq, EventListener listener);

    /**
     * A check cheap enough for every start: the database's head against the head file kept
     * outside it (same store, not shorter, same hash at the recorded seq). Returns what is wrong,
     * if anything; {@link #verify()} walks the whole chain.
     */
    Optional<String> quickCheck();

    /** Walks the whole chain and checks it against the head kept outside the database. */
    ChainReport verify();

    @Override
    void close();
}
