package dev.leviathan.engine.execute.llm;

import dev.leviathan.engine.config.FileReplace;
import dev.leviathan.engine.execute.llm.EditPlan.FileEdit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Applies a checked {@link EditPlan} to the work tree. Every path is resolved one component at a
 * time from the work tree's root and refused if any existing component is a symlink or not a
 * directory, so nothing is written outside the tree whatever the tree holds. Files are written to
 * a temporary file beside the target and renamed over it, keeping an existing file's permissions
 * (a lost executable bit would be a mode change in the diff).
 */
final class EditWriter {

    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private final Path workTree;

    EditWriter(Path workTree) {
        this.workTree = workTree;
    }

    void apply(FileEdit edit) throws IOException {
        switch (edit) {
            case FileEdit.Write write -> write(write);
            case FileEdit.Delete delete -> delete(delete);
        }
    }

    private void write(FileEdit.Write edit) throws IOException {
        Path target = resolve(edit.path(), true);
        boolean existed = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        if (existed && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(edit.path() + " is not a regular file");
        }
        Path temp = Files.createTempFile(target.getParent(), ".leviathan-llm-", ".tmp");
        try {
            Files.write(temp, edit.content().getBytes(StandardCharsets.UTF_8));
            if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temp, existed
                        ? Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS) : NEW_FILE);
            }
            FileReplace.replace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void delete(FileEdit.Delete edit) throws IOException {
        Path target = resolve(edit.path(), false);
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(edit.path() + " is not a regular file");
        }
        Files.delete(target);
    }

    /**
     * The file's place in the work tree, refusing symlinks and non-directories on the way; with
     * {@code create}, missing directories are made one at a time.
     */
    private Path resolve(String path, boolean create) throws IOException {
        String[] segments = path.split("/");
        Path current = workTree;
        for (int i = 0; i < segments.length; i++) {
            current = current.resolve(segments[i]);
            if (Files.isSymbolicLink(current)) {
                throw new IOException(String.join("/", java.util.Arrays.copyOf(segments, i + 1))
                        + " is a symbolic link; nothing is written through it");
            }
            if (i == segments.length - 1) {
                break;
            }
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                if (!create) {
                    throw new IOException(path + " does not exist");
                }
                Files.createDirectory(current);
            } else if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(String.join("/", java.util.Arrays.copyOf(segments, i + 1))
                        + " is not a directory");
            }
        }
        return current;
    }
}
