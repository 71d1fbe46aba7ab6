package dev.leviathan.engine.target;

/** A branch, tag or commit that the target's repository does not have. */
public final class UnknownRefException extends TargetRepositoryException {

    public UnknownRefException(String message) {
        super(message);
    }
}
