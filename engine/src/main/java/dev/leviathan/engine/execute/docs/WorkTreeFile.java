package dev.leviathan.engine.execute.docs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One repository-relative file of the attempt's work tree, reached without following symbolic
 * links: a link anywhere on the way could make a write land outside the tree, or in a file the
 * task may not touch, so it is refused rather than followed.
 */
final class WorkTreeFile {

    /** Larger files are not edited: no document or backlog a person maintains comes near it. */
    static final long MAX_EDIT_BYTES = 8L * 1024 * 1024;

    private final String path;
    private final Path file;

    private WorkTreeFile(String path, Path file) {
        this.path = path;
        this.file = file;
    }

    /** Thrown for a file that cannot be used; the message says why, for the attempt's reason. */
    static final class Unusable extends Exception {
        Unusable(String message) {
            super(message);
        }
    }

    /** The file at {@code path} (safe, normal form, forward slashes) below {@code workTree}. */
    static WorkTreeFile of(Path workTree, String path) throws Unusable {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.endsWith("/")) {
            throw new Unusable("'" + path + "' is not a file path inside the repository");
        }
        Path current = workTree;
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new Unusable("'" + path + "' is not in normal form");
            }
            current = current.resolve(segment);
            if (Files.isSymbolicLink(current)) {
                throw new Unusable("'" + String.join("/", java.util.Arrays.copyOf(segments, i + 1))
                        + "' is a symbolic link; Leviathan does not write through links");
            }
            if (i < segments.length - 1 && Files.exists(current, LinkOption.NOFOLLOW_LINKS)
                    && !Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                throw new Unusable("'" + current.getFileName() + "' on the way to '" + path + "' is not a directory");
            }
        }
        if (Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
            throw new Unusable("'" + path + "' is a directory");
        }
        return new WorkTreeFile(path, current);
    }

    String path() {
        return path;
    }

    /** The file's text, or empty if it does not exist. */
    Optional<String> readText() throws Unusable {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            long size = Files.size(file);
            if (size > MAX_EDIT_BYTES) {
                throw new Unusable("'" + path + "' is " + size + " bytes, more than the " + MAX_EDIT_BYTES
                        + " Leviathan edits");
            }
            byte[] bytes = Files.readAllBytes(file);
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            throw new Unusable("'" + path + "' is not UTF-8 text; Leviathan does not edit it");
        } catch (IOException e) {
            throw new Unusable("cannot read '" + path + "': " + e.getMessage());
        }
    }

    /** Writes the text as UTF-8, creating the directories on the way. */
    void write(String text) throws Unusable {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Unusable("cannot write '" + path + "': " + e.getMessage());
        }
    }

    /**
     * Up to {@code limit} bytes of a repository file, decoded leniently (for reading evidence:
     * docs and workflows), or empty when it is missing, a link, or not a regular file.
     */
    static Optional<String> readEvidence(Path workTree, String path, int limit) {
        WorkTreeFile file;
        try {
            file = of(workTree, path);
        } catch (Unusable e) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file.file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file.file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(limit);
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
