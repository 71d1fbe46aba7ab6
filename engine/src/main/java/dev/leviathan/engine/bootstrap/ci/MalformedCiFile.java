package dev.leviathan.engine.bootstrap.ci;

/**
 * A CI file that cannot be read: a YAML syntax error, a duplicate key, a root that is not a
 * mapping, a field of a shape its CI system never accepts, an alias bomb, or a file over the size
 * limit.
 *
 * @param message what is wrong, naming the field when a field is ({@code jobs.build.steps: expected
 *     a list, found a mapping})
 * @param line 1-based line of the problem; 0 when it concerns the whole file (size, empty file)
 * @param column 1-based column of the problem; 0 when it concerns the whole file
 */
public record MalformedCiFile(String path, CiSystem system, String message, int line, int column) implements CiFact {
}
