package dev.leviathan.engine.aegis.scenario;

/** {@code Equal} (the default) or {@code Exists}. */
public enum TolerationOperator {
    EQUAL,
    EXISTS
}
