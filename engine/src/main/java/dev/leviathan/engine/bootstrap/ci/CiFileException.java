package dev.leviathan.engine.bootstrap.ci;

/**
 * Why a CI file cannot be read: a YAML error, a limit, or a field of a shape the CI system never
 * accepts. Never leaves the package: {@link CiExtractor} turns it into a {@link MalformedCiFile}.
 */
final class CiFileException extends RuntimeException {

    private final transient YamlNode.Position position;

    CiFileException(String message, YamlNode.Position position) {
        super(message, null, false, false);
        this.position = position;
    }

    YamlNode.Position position() {
        return position;
    }
}
