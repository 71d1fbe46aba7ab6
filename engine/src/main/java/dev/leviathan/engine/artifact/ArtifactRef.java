package dev.leviathan.engine.artifact;

/** The address of stored content: its SHA-256 (lower-case hex) and size in bytes. */
public record ArtifactRef(String sha256, long size) {

    public ArtifactRef {
        if (!ArtifactStore.isDigest(sha256)) {
            throw new IllegalArgumentException("not a SHA-256 digest: " + sha256);
        }
    }
}
