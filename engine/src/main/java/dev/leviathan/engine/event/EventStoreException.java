package dev.leviathan.engine.event;

/** Base of every failure the event store reports; messages are meant for the operator. */
public class EventStoreException extends RuntimeException {

    public EventStoreException(String message) {
        super(message);
    }

    public EventStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
