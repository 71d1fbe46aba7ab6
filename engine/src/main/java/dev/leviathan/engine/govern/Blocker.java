package dev.leviathan.engine.govern;

import java.util.Objects;

/** Why nothing of the target may be dispatched now; every task carries it as a {@link Reason} too. */
public record Blocker(ReasonCode code, String message) {

    public Blocker {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (!code.global()) {
            throw new IllegalArgumentException(code + " is a reason for one task, not a blocker");
        }
    }
}
