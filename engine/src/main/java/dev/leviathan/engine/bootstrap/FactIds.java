package dev.leviathan.engine.bootstrap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Event ids for facts: the event type, then a digest of the target, the commit, the fact's key
 * (its path, or its route) and the version of the extractor that made it. Two files with the
 * same content get different ids (the public Python Leviathan gave both {@code file-<sha12>}),
 * and a re-run of the same commit makes the same ids, so the store skips it.
 */
final class FactIds {

    private static final HexFormat HEX = HexFormat.of();

    private FactIds() {
    }

    static String of(String eventType, String targetId, String commit, String key, String extractorVersion) {
        MessageDigest sha256 = BlobScanner.sha256();
        for (String part : new String[] {targetId, commit, key, extractorVersion}) {
            sha256.update(part.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
        }
        return eventType + ":" + HEX.formatHex(sha256.digest()).substring(0, 40);
    }
}
