package dev.leviathan.engine.govern;

import java.util.Objects;

/** Why one task was passed over: a code for machines and a message for the operator. */
public record Reason(String taskId, ReasonCode code, String message) {

    public Reason {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
