package dev.leviathan.engine.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command takes. */
public final class GlobalOptions {

    @Option(names = "--home", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data directory (default: $LEVIATHAN_HOME or ~/.leviathan).")
    String home;

    @Option(names = "--store", paramLabel = "JDBC_URL", scope = ScopeType.INHERIT,
            description = "Event store URL (default: $LEVIATHAN_STORE_URL or the embedded H2 file).")
    String store;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print one JSON document on stdout.")
    boolean json;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;
}
