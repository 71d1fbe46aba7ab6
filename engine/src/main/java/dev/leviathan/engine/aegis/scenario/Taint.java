package dev.leviathan.engine.aegis.scenario;

/** A node taint; {@code value} is {@code ""} when the file gives none. */
public record Taint(String key, String value, TaintEffect effect) {
}
