package dev.leviathan.engine.bootstrap;

/** A bootstrap that cannot run or did not finish; the message says why and what to do. */
public final class BootstrapException extends RuntimeException {

    /** What kind of trouble, so a caller can tell a typo from an outage. */
    public enum Kind {
        /** No such target, or the ref names no commit. */
        NOT_FOUND,
        /** The repository cannot be opened, cloned or fetched. */
        UNAVAILABLE,
        /** A file of the target ({@code .leviathan/bootstrap.yaml}) is invalid. */
        INVALID,
        /** Another bootstrap of the same commit got there first. */
        CONFLICT,
        /** Anything else, including cancellation. */
        FAILED
    }

    private final Kind kind;

    public BootstrapException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public BootstrapException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
