package dev.leviathan.engine.graph;

import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.Subscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps a {@link GraphProjection} current: catches up from the store once, then follows it
 * through a subscription, so the console's graph moves as events arrive from any process.
 */
public final class GraphService implements AutoCloseable {

    private final EventStore store;
    private final GraphProjection projection = new GraphProjection();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private Subscription subscription;

    public GraphService(EventStore store) {
        this.store = store;
    }

    /** The projection, caught up with the store; the first call also starts following it. */
    public synchronized GraphProjection projection() {
        if (subscription == null) {
            projection.catchUp(store);
            subscription = store.subscribe(projection.lastSeq(), events -> {
                projection.apply(events);
                listeners.forEach(Runnable::run);
            });
        }
        return projection;
    }

    /** Called on the subscription's thread after each batch of events is projected. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    @Override
    public synchronized void close() {
        if (subscription != null) {
            subscription.close();
        }
    }
}
