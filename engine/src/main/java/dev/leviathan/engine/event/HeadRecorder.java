package dev.leviathan.engine.event;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the head file off the append path. Appends hand over their new head and return; one
 * background thread writes the newest head it has been given, at most once per
 * {@link #MIN_INTERVAL_MS} (heads handed over meanwhile are coalesced: a bulk load of a thousand
 * bundles a second writes the file ten times, not a thousand). {@link #flush()} and
 * {@link #close()} write the newest head at once. A process that dies may leave the file a few
 * commits behind, which a later verify reads as "not yet recorded", never as tampering.
 */
final class HeadRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeadRecorder.class);

    /** Short enough that a head is on disk well within a second of its commit. */
    static final long MIN_INTERVAL_MS = 100;

    private final HeadFile file;
    private final String storeId;
    private final AtomicReference<ChainHead> pending = new AtomicReference<>();
    private final Object signal = new Object();
    private final Thread writer;
    private volatile boolean closed;

    HeadRecorder(HeadFile file, String storeId) {
        this.file = file;
        this.storeId = storeId;
        this.writer = Thread.ofPlatform().daemon().name("head-file-writer").start(this::run);
    }

    void record(ChainHead head) {
        ChainHead before = pending.getAndAccumulate(head,
                (current, next) -> current == null || next.seq() > current.seq() ? next : current);
        if (before == null) {
            // Only the first head after a write needs to wake the writer; later ones are coalesced.
            synchronized (signal) {
                signal.notifyAll();
            }
        }
    }

    private void run() {
        while (!closed) {
            synchronized (signal) {
                while (pending.get() == null && !closed) {
                    try {
                        signal.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            writePending();
            pause();
        }
    }

    /** Waits out the minimum interval, or less if the recorder is closed meanwhile. */
    private void pause() {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MIN_INTERVAL_MS);
        synchronized (signal) {
            for (long left = until - System.nanoTime(); left > 0 && !closed; left = until - System.nanoTime()) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(signal, left);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Writes the newest head handed over, if any; returns when it is on disk. */
    void flush() {
        writePending();
    }

    private void writePending() {
        // One write at a time, so a flush returns only after any write in flight has landed.
        synchronized (file) {
            ChainHead head = pending.getAndSet(null);
            if (head != null) {
                try {
                    file.advance(storeId, head);
                } catch (EventStoreException e) {
                    LOG.error("{}", e.getMessage());
                }
            }
        }
    }

    /** Writes the newest head handed over, then stops. */
    @Override
    public void close() {
        closed = true;
        synchronized (signal) {
            signal.notifyAll();
        }
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writePending();
    }
}
