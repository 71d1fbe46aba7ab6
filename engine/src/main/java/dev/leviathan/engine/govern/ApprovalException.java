package dev.leviathan.engine.govern;

/** An approval command refused, with a message the operator can act on. */
public final class ApprovalException extends RuntimeException {

    public ApprovalException(String message) {
        super(message);
    }
}
