package dev.leviathan.engine.graph;

/** One line of the summary's recent events. */
public record RecentEvent(long seq, String eventType, String targetId, String timestamp, String eventId) {
}
