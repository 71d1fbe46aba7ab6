package dev.leviathan.engine.target;

/** One entry of {@code file_size_limits.max_file_size_kb}: files matching the glob may be this large. */
public record FileSizeLimit(Glob glob, long maxKilobytes) {
}
