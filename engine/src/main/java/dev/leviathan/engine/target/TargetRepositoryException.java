package dev.leviathan.engine.target;

/** A target's repository cannot be opened or read as asked. */
public class TargetRepositoryException extends RuntimeException {

    public TargetRepositoryException(String message) {
        super(message);
    }
}
