package dev.leviathan.engine.execute.scope;

import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * One side of a {@link Change}: a path as the base commit has it, or as the work tree would
 * commit it.
 *
 * @param path       repository-relative, forward slashes, exactly as git records it (not
 *                   normalised: the scope guard judges it)
 * @param objectId   the blob (file content, symlink target text) or, for a submodule, the commit
 * @param size       bytes of the blob; for a symlink, of its target text; 0 for a submodule
 * @param linkTarget for a symlink, its target exactly as stored; empty otherwise
 */
public record TreeEntry(String path, EntryMode mode, ObjectId objectId, long size, Optional<String> linkTarget) {

    public TreeEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(mode, "mode");
        objectId = Objects.requireNonNull(objectId, "objectId").copy();
        Objects.requireNonNull(linkTarget, "linkTarget");
        if (linkTarget.isPresent() != (mode == EntryMode.SYMLINK)) {
            throw new IllegalArgumentException("a link target belongs to symlinks only: " + path);
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size for " + path);
        }
    }

    public static TreeEntry file(String path, EntryMode mode, ObjectId objectId, long size) {
        return new TreeEntry(path, mode, objectId, size, Optional.empty());
    }

    public static TreeEntry symlink(String path, ObjectId objectId, String target) {
        return new TreeEntry(path, EntryMode.SYMLINK, objectId,
                target.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, Optional.of(target));
    }
}
