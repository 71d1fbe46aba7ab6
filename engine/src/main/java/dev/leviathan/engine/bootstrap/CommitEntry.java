package dev.leviathan.engine.bootstrap;

import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;

/** One path of a commit's tree: a file, an executable, a symlink or a submodule. */
record CommitEntry(String path, Mode mode, ObjectId objectId) {

    enum Mode {
        FILE("file"), EXECUTABLE("executable"), SYMLINK("symlink"), SUBMODULE("submodule");

        private final String wire;

        Mode(String wire) {
            this.wire = wire;
        }

        String wire() {
            return wire;
        }

        static Mode of(FileMode mode) {
            if (mode == FileMode.EXECUTABLE_FILE) {
                return EXECUTABLE;
            }
            if (mode == FileMode.SYMLINK) {
                return SYMLINK;
            }
            if (mode == FileMode.GITLINK) {
                return SUBMODULE;
            }
            return FILE;
        }
    }

    /** Whether the entry is a blob whose content can be read (not a submodule's commit). */
    boolean hasBlob() {
        return mode != Mode.SUBMODULE;
    }
}
