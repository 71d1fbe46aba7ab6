package dev.leviathan.engine.bootstrap;

/**
 * What a running bootstrap reports, for a progress bar or a terminal line. Called from the
 * bootstrap's threads; implementations hand over to their own thread if they need one.
 */
public interface BootstrapProgress {

    BootstrapProgress NONE = new BootstrapProgress() {
    };

    /** A step begins: "cloning …", "reading 3,012 files", "extracting routes", "appending". */
    default void phase(String description) {
    }

    /** Files read so far out of the total to read. */
    default void files(int done, int total) {
    }

    /** The facts made from what was read (files, docs, workflows, routes), before they are recorded. */
    default void facts(int made) {
    }
}
