package dev.leviathan.engine.execute;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Appends a running attempt's log lines to its file as they come, each flushed, so {@code attempts log
 * --follow} and the console can show them before the attempt ends. The lines come already redacted.
 * Writing is best effort: the attempt's record is the {@code attempt.log} artifact stored at its end,
 * so a full disk stops the following, not the attempt.
 */
final class LiveLogFile implements Consumer<String>, AutoCloseable {

    private Writer out;

    private LiveLogFile(Writer out) {
        this.out = out;
    }

    /** Opens the file afresh (a retried worker of the same attempt starts it again). */
    static LiveLogFile open(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return new LiveLogFile(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
        } catch (IOException e) {
            return new LiveLogFile(null);
        }
    }

    @Override
    public synchronized void accept(String line) {
        if (out == null) {
            return;
        }
        try {
            out.write(line);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            close();
        }
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // Nothing more will be written; the stored artifact is the record.
            }
            out = null;
        }
    }
}
