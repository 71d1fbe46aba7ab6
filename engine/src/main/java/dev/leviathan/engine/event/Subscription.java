package dev.leviathan.engine.event;

/** A live feed of events after some seq; close it to stop delivery. */
public interface Subscription extends AutoCloseable {

    /** The seq of the last event delivered to the listener. */
    long lastDeliveredSeq();

    @Override
    void close();
}
