package dev.leviathan.engine.execute.scope;

/**
 * The work tree or the base commit could not be read (a missing commit, a file the worker may
 * not read, an I/O error). The attempt cannot be judged, so it fails; nothing is committed.
 */
public final class WorkTreeException extends RuntimeException {

    public WorkTreeException(String message, Throwable cause) {
        super(message, cause);
    }

    public WorkTreeException(String message) {
        super(message);
    }
}
