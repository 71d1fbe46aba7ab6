package dev.leviathan.engine.execute.scope;

import org.eclipse.jgit.lib.FileMode;

/** What a path is in a git tree: a file, an executable file, a symlink or a submodule (gitlink). */
public enum EntryMode {
    FILE("file", FileMode.REGULAR_FILE),
    EXECUTABLE("executable", FileMode.EXECUTABLE_FILE),
    SYMLINK("symlink", FileMode.SYMLINK),
    SUBMODULE("submodule", FileMode.GITLINK);

    private final String wire;
    private final FileMode fileMode;

    EntryMode(String wire, FileMode fileMode) {
        this.wire = wire;
        this.fileMode = fileMode;
    }

    /** The name in event payloads. */
    public String wire() {
        return wire;
    }

    /** The git mode to write into a tree or index entry. */
    public FileMode fileMode() {
        return fileMode;
    }

    /** True for plain and executable files: the two modes that differ only in the executable bit. */
    public boolean isFile() {
        return this == FILE || this == EXECUTABLE;
    }

    /** True if both are files, or both symlinks, or both submodules: a change between them keeps the type. */
    public boolean sameType(EntryMode other) {
        return isFile() ? other.isFile() : this == other;
    }

    /**
     * The mode of a non-tree git entry. Legacy file modes (100664) are files, as JGit reads them;
     * anything that is not a blob, symlink or gitlink is refused.
     */
    public static EntryMode of(FileMode mode) {
        if (mode == FileMode.EXECUTABLE_FILE) {
            return EXECUTABLE;
        }
        if (mode == FileMode.REGULAR_FILE) {
            return FILE;
        }
        if (mode == FileMode.SYMLINK) {
            return SYMLINK;
        }
        if (mode == FileMode.GITLINK) {
            return SUBMODULE;
        }
        throw new IllegalArgumentException("not a file, symlink or submodule: " + mode);
    }
}
