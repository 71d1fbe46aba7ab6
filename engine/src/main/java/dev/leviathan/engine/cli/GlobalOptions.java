package dev.leviathan.engine.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public final class GlobalOptions {

    @Option(names = "--home", paramLabel = "DIR",
            description = "Data directory (default: $LEVIATHAN_HOME or ~/.leviathan).")
    String home;

    @Option(names = "--store", paramLabel = "JDBC_URL",
            description = "Event store URL (default: $LEVIATHAN_STORE_URL or the embedded H2 file).")
    String store;

    @Option(names = "--json", description = "Print one JSON document on stdout.")
    boolean json;

    @Option(names = "--debug", description = "Print stack traces of errors.")
    boolean debug;

    /** Takes the values given on a parent command where this command left them unset. */
    void inheritFrom(GlobalOptions parent) {
        if (parent == null) {
            return;
        }
        home = home != null ? home : parent.home;
        store = store != null ? store : parent.store;
        json |= parent.json;
        debug |= parent.debug;
    }
}
