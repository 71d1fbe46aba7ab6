package dev.leviathan.console.chain;

/** Where the console stands on the integrity of the event chain. */
public enum ChainState {
    /** No verification has finished since the console started. */
    NOT_VERIFIED,
    /** A verification is running in the background. */
    VERIFYING,
    /** The last verification found every link and the head file in order. */
    INTACT,
    /** The last verification found a broken link. */
    BROKEN,
    /** The last verification could not run (the store failed); the summary says why. */
    FAILED
}
