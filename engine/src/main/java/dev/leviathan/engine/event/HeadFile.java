package dev.leviathan.engine.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.config.FileReplace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The chain head kept outside the database. A hash chain alone cannot tell a store whose last
 * events were cut off from one that never had them; this file, written after every commit, can.
 * It only moves forward, and it is written atomically (temp file + rename) so a crash leaves the
 * previous head, never a torn one.
 */
public final class HeadFile {

    /** The recorded head and the store it belongs to. */
    public record Recorded(String storeId, long seq, String hash) {
    }

    private final Path path;

    public HeadFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    public Optional<Recorded> read() {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(Files.readString(path));
            return Optional.of(new Recorded(node.path("store_id").asText(null), node.path("seq").asLong(),
                    node.path("hash").isNull() ? null : node.path("hash").asText()));
        } catch (IOException | RuntimeException e) {
            throw new EventStoreException("the head file " + path + " is unreadable (" + e.getMessage()
                    + "); it guards against truncation, so check the store with `leviathanctl events verify`"
                    + " before deleting it");
        }
    }

    /** Records {@code head} unless the file already holds this store at an equal or later seq. */
    public synchronized void advance(String storeId, ChainHead head) {
        try {
            Optional<Recorded> current = read();
            if (current.isPresent() && storeId.equals(current.get().storeId()) && current.get().seq() >= head.seq()) {
                return;
            }
            Files.createDirectories(path.getParent());
            if (current.isPresent() && !storeId.equals(current.get().storeId())) {
                // Evidence of the store that was here before: never overwritten, only set aside.
                Files.move(path, path.resolveSibling(path.getFileName() + ".replaced-" + current.get().storeId()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            ObjectNode node = Json.object();
            node.put("store_id", storeId);
            node.put("seq", head.seq());
            node.put("hash", head.hash());
            // One temp name per process: writers in other processes never share it.
            Path temp = path.resolveSibling(path.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            try {
                Files.writeString(temp, CanonicalJson.write(node) + "\n");
                FileReplace.replace(temp, path);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new EventStoreException("cannot write the head file " + path + ": " + e.getMessage(), e);
        }
    }
}
