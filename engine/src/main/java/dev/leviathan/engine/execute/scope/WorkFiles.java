package dev.leviathan.engine.execute.scope;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads files of the work tree without following a symlink at the last component: a file swapped
 * for a link to {@code /etc/passwd} after it was listed fails to open instead of being read.
 */
final class WorkFiles {


    private WorkFiles() {
    }

    /** Opens a regular file for reading, never through a symlink. */
    static SeekableByteChannel open(Path file) throws IOException {
        return Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }

    /** At most {@code limit} bytes of a small control file ({@code .gitignore}, {@code .gitattributes}). */
    static byte[] readSmall(Path file, int limit) throws IOException {
        try (SeekableByteChannel channel = open(file); InputStream in = Channels.newInputStream(channel)) {
            return in.readNBytes(limit);
        }
    }
}
