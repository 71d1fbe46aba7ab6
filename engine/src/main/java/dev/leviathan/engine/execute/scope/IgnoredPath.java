package dev.leviathan.engine.execute.scope;

/**
 * Something in the work tree that will not be committed, for the attempt's log. A directory is
 * listed once, with a trailing {@code /}, instead of everything below it.
 */
public record IgnoredPath(String path, Reason reason) {

    public enum Reason {
        /** Untracked and matched by a {@code .gitignore}: git would not add it either. */
        GITIGNORED,
        /** A FIFO, socket or device: git cannot record it, and reading it could block. */
        SPECIAL_FILE,
        /** Content inside a submodule's directory: it belongs to the submodule, not to this tree. */
        SUBMODULE_CONTENT;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
