package dev.leviathan.engine.event;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the head file off the append path. Appends hand over their new head and return; one
 * background thread writes the newest head it has been given (heads handed over meanwhile are
 * coalesced), and {@link #close()} writes the last one before the store closes. A process that
 * dies may leave the file a few commits behind, which a later verify reads as "not yet
 * recorded", never as tampering.
 */
final class HeadRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeadRecorder.class);

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
        pending.accumulateAndGet(head, (current, next) -> current == null || next.seq() > current.seq() ? next : current);
        synchronized (signal) {
            signal.notifyAll();
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
