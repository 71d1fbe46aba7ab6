package dev.leviathan.engine.config;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Puts a fully written temporary file in the place of another, so a reader or a crash sees the
 * old content or the new, never half of each. Where the file system cannot move atomically, a
 * plain replacing move is the best it offers.
 */
public final class FileReplace {

    private FileReplace() {
    }

    public static void replace(Path written, Path target) throws IOException {
        try {
            Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(written, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
