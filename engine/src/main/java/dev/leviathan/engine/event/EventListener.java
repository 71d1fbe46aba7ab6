package dev.leviathan.engine.event;

import java.util.List;

/** Receives new events in seq order, in batches, on the subscription's own thread. */
@FunctionalInterface
public interface EventListener {

    void onEvents(List<StoredEvent> events);
}
