package dev.leviathan.engine.govern;

/** Where an attempt is in its lifecycle, by its last event. */
public enum AttemptStatus {
    CREATED, STARTED, SUCCEEDED, FAILED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
