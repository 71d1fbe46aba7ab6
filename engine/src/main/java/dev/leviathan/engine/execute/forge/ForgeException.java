package dev.leviathan.engine.execute.forge;

/** A forge operation that cannot be done; the message says why and what to do. */
public final class ForgeException extends RuntimeException {

    /** What kind of trouble, so the CLI can give a meaningful exit code. */
    public enum Kind {
        NOT_FOUND, CONFLICT, UNAVAILABLE
    }

    private final Kind kind;

    public ForgeException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ForgeException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
