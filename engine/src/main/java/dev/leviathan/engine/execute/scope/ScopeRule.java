package dev.leviathan.engine.execute.scope;

import java.util.Locale;

/** The rules the scope guard enforces; {@link #wire()} is the {@code rule} of a violation in events. */
public enum ScopeRule {
    /** A {@code ..} segment. */
    PARENT_SEGMENT,
    /** A path from the file system root or a drive ({@code /etc/x}, {@code C:/x}). */
    ABSOLUTE_PATH,
    /** An empty path, {@code a//b}, or a trailing {@code /}. */
    EMPTY_SEGMENT,
    /** A {@code .} segment. */
    DOT_SEGMENT,
    /** A backslash, a path separator on Windows. */
    BACKSLASH,
    /** NUL, another C0 or C1 control character, or DEL. */
    CONTROL_CHARACTER,
    /** Not valid Unicode: an unpaired surrogate, or a name the file system could not decode (U+FFFD). */
    INVALID_ENCODING,
    /** A {@code .git} segment at any depth, in any spelling a file system treats as {@code .git}. */
    GIT_DIRECTORY,
    /** The {@code .gitmodules} file. */
    GITMODULES,
    /** A submodule (gitlink) added, removed, replaced or moved. */
    SUBMODULE,
    /** Two changes write the same path, or a path below a file. */
    CONFLICTING_CHANGES,
    /** A path below a symlink: writing it would write wherever the link points. */
    BEYOND_SYMLINK,
    /** A new path that is not in Unicode normalisation form C. */
    NOT_NFC,
    /** A new path with compatibility characters: fullwidth letters, ligatures, superscripts. */
    COMPATIBILITY_CHARACTER,
    /** A new path with an invisible character: zero-width, bidirectional control, other format characters. */
    INVISIBLE_CHARACTER,
    /** A new path that is another path on a case-insensitive or Windows file system. */
    CASE_COLLISION,
    /** A new path that looks like another one (Cyrillic, Greek or other look-alike letters). */
    LOOKALIKE_COLLISION,
    /** A path outside the task's {@code allowed_paths}. */
    OUTSIDE_ALLOWED_PATHS,
    /** A path the policy does not allow for the task's scope. */
    NOT_PERMITTED_BY_POLICY,
    /** A path matching the policy's {@code forbidden_paths}. */
    FORBIDDEN_PATH,
    /** An operation (create, update, delete) the scope's {@code allowed_operations} leave out. */
    OPERATION_NOT_ALLOWED,
    /** A symlink whose target is absolute or climbs out of the repository. */
    SYMLINK_ESCAPES_TREE,
    /** A symlink whose target, followed through other symlinks, lies outside the allowed paths. */
    SYMLINK_OUTSIDE_ALLOWED_PATHS,
    /** A symlink whose target, followed through other symlinks, is a forbidden path. */
    SYMLINK_TO_FORBIDDEN_PATH,
    /** A symlink whose target text is empty, too long or has control characters. */
    SYMLINK_TARGET_INVALID,
    /** A symlink chain that loops or is too long to follow. */
    SYMLINK_LOOP,
    /** A symlink where the base commit has a directory. */
    SYMLINK_REPLACES_DIRECTORY,
    /** A file larger than the policy's {@code file_size_limits}, or than the hard limit. */
    FILE_TOO_LARGE,
    /** More files than the scope's {@code max_files_per_task}. */
    TOO_MANY_FILES;

    /** The name in event payloads, such as {@code outside_allowed_paths}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
