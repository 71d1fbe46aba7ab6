package dev.leviathan.engine.cli;

/** What {@code leviathanctl}'s exit status means; scripts may rely on these. */
public final class ExitCode {

    /** Done; for checks, nothing wrong found. */
    public static final int OK = 0;
    /** The command ran and found problems: invalid file, broken chain, corrupt artifacts. */
    public static final int PROBLEMS = 1;
    /** Bad usage: unknown command or option, missing argument. */
    public static final int USAGE = 2;
    /** Something named does not exist: target, attempt, node, file. */
    public static final int NOT_FOUND = 3;
    /** Refused because it contradicts what is recorded: an event id reused with other content. */
    public static final int CONFLICT = 4;
    /** The store, a repository or a file could not be reached or read. */
    public static final int UNAVAILABLE = 5;
    /** A bug in leviathanctl: please report it with the output of --debug. */
    public static final int INTERNAL = 70;

    private ExitCode() {
    }
}
