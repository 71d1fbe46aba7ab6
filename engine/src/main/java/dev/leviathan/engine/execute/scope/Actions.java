package dev.leviathan.engine.execute.scope;

import static dev.leviathan.engine.execute.scope.DisplayText.quote;

/** What a change does, as the start of an operator message: "deletes 'src/app.py'". */
final class Actions {

    private Actions() {
    }

    static String describe(Change change) {
        TreeEntry before = change.before().orElse(null);
        TreeEntry after = change.after().orElse(null);
        return switch (change.kind()) {
            case ADDED -> switch (after.mode()) {
                case SYMLINK -> "adds the symlink " + quote(after.path());
                case EXECUTABLE -> "adds the executable file " + quote(after.path());
                case SUBMODULE -> "adds the submodule " + quote(after.path());
                case FILE -> "adds " + quote(after.path());
            };
            case DELETED -> "deletes " + quote(before.path());
            case MODIFIED -> "changes " + quote(after.path());
            case RENAMED -> "renames " + quote(before.path()) + " to " + quote(after.path());
            case MODE_CHANGED -> after.mode() == EntryMode.EXECUTABLE ? "makes " + quote(after.path()) + " executable"
                    : "makes " + quote(after.path()) + " no longer executable";
            case TYPE_CHANGED -> "turns " + quote(after.path()) + " from a " + noun(before.mode()) + " into a "
                    + noun(after.mode());
        };
    }

    static String noun(EntryMode mode) {
        return switch (mode) {
            case FILE -> "file";
            case EXECUTABLE -> "executable file";
            case SYMLINK -> "symlink";
            case SUBMODULE -> "submodule";
        };
    }
}
