package dev.leviathan.engine.execute.scope;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One path the worker would commit differently from the base commit.
 *
 * <ul>
 *   <li>{@code ADDED}: only {@code after}; {@code DELETED}: only {@code before};</li>
 *   <li>{@code RENAMED}: a deleted path and an added one with the same content (same blob, same
 *       type), so the paths differ; the mode may differ too;</li>
 *   <li>{@code MODE_CHANGED}: the same path, a file that gained or lost its executable bit (its
 *       content may have changed as well);</li>
 *   <li>{@code TYPE_CHANGED}: the same path, now of another type (file, symlink, submodule);</li>
 *   <li>{@code MODIFIED}: the same path and mode, other content.</li>
 * </ul>
 *
 * Every {@code after} object of a change {@link WorkTreeChanges#compute} returns is in the
 * repository's object database, except for changes the scope guard always refuses (files above
 * {@link WorkTreeChanges#MAX_BLOB_BYTES}, entries of a nested {@code .git}, submodules).
 */
public record Change(Kind kind, Optional<TreeEntry> before, Optional<TreeEntry> after) {

    public enum Kind {
        ADDED, MODIFIED, DELETED, RENAMED, MODE_CHANGED, TYPE_CHANGED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Change {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (kind == Kind.ADDED ? before.isPresent() || after.isEmpty()
                : kind == Kind.DELETED ? after.isPresent() || before.isEmpty()
                : before.isEmpty() || after.isEmpty()) {
            throw new IllegalArgumentException(kind + " with before=" + before + " after=" + after);
        }
        if (before.isPresent() && after.isPresent()
                && (kind == Kind.RENAMED) == before.get().path().equals(after.get().path())) {
            throw new IllegalArgumentException(kind + " of " + before.get().path() + " -> " + after.get().path());
        }
    }

    public static Change added(TreeEntry after) {
        return new Change(Kind.ADDED, Optional.empty(), Optional.of(after));
    }

    public static Change deleted(TreeEntry before) {
        return new Change(Kind.DELETED, Optional.of(before), Optional.empty());
    }

    /** The change from {@code before} to {@code after}, its kind read from the two entries. */
    public static Change between(TreeEntry before, TreeEntry after) {
        Kind kind;
        if (!before.path().equals(after.path())) {
            kind = Kind.RENAMED;
        } else if (!before.mode().sameType(after.mode())) {
            kind = Kind.TYPE_CHANGED;
        } else if (before.mode() != after.mode()) {
            kind = Kind.MODE_CHANGED;
        } else if (!before.objectId().equals(after.objectId())) {
            kind = Kind.MODIFIED;
        } else {
            throw new IllegalArgumentException("no change at " + before.path());
        }
        return new Change(kind, Optional.of(before), Optional.of(after));
    }

    /** The path the change is listed under: the new path, or the old one for a deletion. */
    public String path() {
        return after.map(TreeEntry::path).orElseGet(() -> before.orElseThrow().path());
    }

    /** Every path the change writes: the old path (deleted, renamed away) and the new one. */
    public List<String> paths() {
        if (kind == Kind.RENAMED) {
            return List.of(before.orElseThrow().path(), after.orElseThrow().path());
        }
        return List.of(path());
    }
}
