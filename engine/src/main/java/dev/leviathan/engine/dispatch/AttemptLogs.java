package dev.leviathan.engine.dispatch;

import dev.leviathan.engine.artifact.ArtifactStore;
import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.EventType;
import dev.leviathan.engine.event.StoredEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An attempt's log, to follow while it runs: the lines its worker has written so far (already redacted),
 * from an offset on, whole lines only; once the attempt has ended and left no such file, the
 * {@code attempt.log} artifact it stored. {@code leviathanctl attempts log --follow} and the console's
 * Attempts screen both read it this way.
 */
public final class AttemptLogs {

    /** What one read returns at most; a follower asks again from {@link Chunk#next()}. */
    static final int MAX_CHUNK_BYTES = 1024 * 1024;

    /**
     * Lines from the offset asked for; {@code next} is where to read from next time, and {@code ended}
     * says the attempt has ended (succeeded or failed), so once a read from {@code next} returns no
     * lines, nothing more will come.
     */
    public record Chunk(List<String> lines, long next, boolean ended) {
        public Chunk {
            lines = List.copyOf(lines);
        }
    }

    private final EventStore store;
    private final ArtifactStore artifacts;
    private final LeviathanHome home;

    public AttemptLogs(EventStore store, ArtifactStore artifacts, LeviathanHome home) {
        this.store = store;
        this.artifacts = artifacts;
        this.home = home;
    }

    /** @throws IllegalArgumentException when no such attempt was created */
    public Chunk read(String attemptId, long offset) {
        if (store.find(EventType.ATTEMPT_CREATED.wire() + ":" + attemptId).isEmpty()) {
            throw new IllegalArgumentException("no attempt '" + attemptId + "' was created; see: leviathanctl attempts"
                    + " list");
        }
        // The end is read first: a log read after it holds every line the worker wrote before ending.
        Optional<StoredEvent> end = store.find(EventType.ATTEMPT_SUCCEEDED.wire() + ":" + attemptId)
                .or(() -> store.find(EventType.ATTEMPT_FAILED.wire() + ":" + attemptId));
        Path file = home.attemptLogFile(attemptId);
        try {
            return fromFile(file, offset, end.isPresent());
        } catch (NoSuchFileException e) {
            return end.map(event -> stored(event, offset)).orElseGet(() -> new Chunk(List.of(), offset, false));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log of attempt " + attemptId + " at " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static Chunk fromFile(Path file, long offset, boolean ended) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (offset >= size) {
                return new Chunk(List.of(), Math.min(offset, size), ended);
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(MAX_CHUNK_BYTES, size - offset));
            while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) > 0) {
                // read until full or at the end
            }
            byte[] bytes = Arrays.copyOf(buffer.array(), buffer.position());
            int end = lastNewline(bytes);
            if (end < 0) {
                // A line longer than a chunk is given as it is rather than never.
                return bytes.length == MAX_CHUNK_BYTES ? new Chunk(List.of(new String(bytes, StandardCharsets.UTF_8)),
                        offset + bytes.length, ended) : new Chunk(List.of(), offset, ended);
            }
            String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
            return new Chunk(text.lines().toList(), offset + end + 1, ended);
        }
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** An attempt that ended before logs were written as they came: its stored log, once. */
    private Chunk stored(StoredEvent end, long offset) {
        String sha = end.payload().json().path("log_sha256").asText("");
        if (offset > 0 || sha.isEmpty() || !artifacts.contains(sha)) {
            return new Chunk(List.of(), offset, true);
        }
        byte[] bytes = artifacts.read(sha);
        return new Chunk(new String(bytes, StandardCharsets.UTF_8).lines().toList(), bytes.length, true);
    }
}
