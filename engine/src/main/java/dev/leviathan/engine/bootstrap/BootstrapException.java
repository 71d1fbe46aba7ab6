package dev.leviathan.engine.bootstrap;

/** A bootstrap that cannot run or did not finish; the message says why and what to do. */
public final class BootstrapException extends RuntimeException {

    public BootstrapException(String message) {
        super(message);
    }

    public BootstrapException(String message, Throwable cause) {
        super(message, cause);
    }
}
