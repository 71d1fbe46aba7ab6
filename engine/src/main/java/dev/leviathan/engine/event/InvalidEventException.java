package dev.leviathan.engine.event;

/** An event that cannot be stored as given: a missing field, a bad timestamp, an oversized payload. */
public class InvalidEventException extends EventStoreException {

    public InvalidEventException(String message) {
        super(message);
    }
}
