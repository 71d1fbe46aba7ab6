package dev.leviathan.engine.event;

/**
 * The same {@code event_id} with different content: the bundle is refused as a whole. Identical
 * re-appends are not conflicts; they are no-ops.
 */
public final class EventConflictException extends EventStoreException {

    private final String eventId;

    public EventConflictException(String eventId, String difference) {
        super("event " + eventId + " already exists with different content (" + difference
                + "); an event id names one immutable event: use a new id");
        this.eventId = eventId;
    }

    public String eventId() {
        return eventId;
    }
}
