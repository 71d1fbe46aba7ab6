package dev.leviathan.engine.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes subscribers when the chain grows. Appends in this process signal it directly; appends by
 * other processes arrive through a {@link HeadWatcher} (PostgreSQL LISTEN/NOTIFY, or a one-row
 * read of the head for H2). Each subscription then reads only the seqs it has not delivered.
 */
final class EventFeed implements AutoCloseable {

    /** Learns of appends made by other processes and reports the newest seq it saw. */
    interface HeadWatcher extends AutoCloseable {

        /** Blocks up to {@code millis} for news; returns the latest known head seq, or -1 if none. */
        long await(long millis) throws InterruptedException;

        @Override
        void close();
    }

    private static final Logger LOG = LoggerFactory.getLogger(EventFeed.class);
    private static final int BATCH = 2_000;

    private final EventStore store;
    private final HeadWatcher watcher;
    private final LongSupplier currentHead;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();
    private final List<FeedSubscription> subscriptions = new CopyOnWriteArrayList<>();
    private volatile long knownHead;
    private volatile boolean closed;
    private Thread watcherThread;

    EventFeed(EventStore store, HeadWatcher watcher, LongSupplier currentHead) {
        this.store = store;
        this.watcher = watcher;
        this.currentHead = currentHead;
    }

    void signal(long seq) {
        lock.lock();
        try {
            if (seq > knownHead) {
                knownHead = seq;
                advanced.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    Subscription subscribe(long afterSeq, EventListener listener) {
        if (closed) {
            throw new EventStoreException("the store is closed");
        }
        startWatcher();
        signal(currentHead.getAsLong());
        FeedSubscription subscription = new FeedSubscription(afterSeq, listener);
        subscriptions.add(subscription);
        subscription.thread = Thread.ofPlatform().daemon().name("event-feed-" + subscriptions.size())
                .start(subscription::run);
        return subscription;
    }

    private synchronized void startWatcher() {
        if (watcherThread != null) {
            return;
        }
        watcherThread = Thread.ofPlatform().daemon().name("event-feed-watcher").start(() -> {
            while (!closed) {
                try {
                    long seq = watcher.await(250);
                    if (seq >= 0) {
                        signal(seq);
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    if (!closed) {
                        LOG.warn("watching the store for other writers failed: {}; retrying", e.getMessage());
                        sleepQuietly(1_000);
                    }
                }
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        subscriptions.forEach(FeedSubscription::close);
        lock.lock();
        try {
            advanced.signalAll();
        } finally {
            lock.unlock();
        }
        Thread thread;
        synchronized (this) {
            thread = watcherThread;
        }
        if (thread != null) {
            thread.interrupt();
        }
        watcher.close();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class FeedSubscription implements Subscription {

        private final EventListener listener;
        private volatile long delivered;
        private volatile boolean stopped;
        private Thread thread;

        FeedSubscription(long afterSeq, EventListener listener) {
            this.delivered = afterSeq;
            this.listener = listener;
        }

        void run() {
            while (!stopped && !closed) {
                if (!awaitNews()) {
                    return;
                }
                try {
                    List<StoredEvent> batch = store.read(EventQuery.after(delivered, BATCH));
                    if (batch.isEmpty()) {
                        continue;
                    }
                    if (!stopped) {
                        listener.onEvents(batch);
                    }
                    delivered = batch.getLast().seq();
                } catch (RuntimeException e) {
                    if (stopped || closed) {
                        return;
                    }
                    LOG.error("an event subscriber failed after seq {}; retrying in 1 s", delivered, e);
                    sleepQuietly(1_000);
                }
            }
        }

        private boolean awaitNews() {
            lock.lock();
            try {
                while (knownHead <= delivered && !stopped && !closed) {
                    advanced.await(1, TimeUnit.SECONDS);
                }
                return !stopped && !closed;
            } catch (InterruptedException e) {
                return false;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public long lastDeliveredSeq() {
            return delivered;
        }

        @Override
        public void close() {
            stopped = true;
            subscriptions.remove(this);
            lock.lock();
            try {
                advanced.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
