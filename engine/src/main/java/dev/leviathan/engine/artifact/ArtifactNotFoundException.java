package dev.leviathan.engine.artifact;

/** An artifact asked for by digest that the store does not hold. */
public final class ArtifactNotFoundException extends RuntimeException {

    public ArtifactNotFoundException(String sha256, java.nio.file.Path root) {
        super("no artifact " + sha256 + " under " + root);
    }
}
