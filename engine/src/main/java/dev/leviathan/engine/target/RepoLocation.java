package dev.leviathan.engine.target;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/** Where a target's repository lives: a directory on this machine, or a git URL. */
public record RepoLocation(Kind kind, String value) {

    public enum Kind {
        /** A git repository (work tree or bare) on this machine. */
        LOCAL,
        /** A URL git can clone: https, ssh, git, file, or scp-like {@code user@host:path}. */
        REMOTE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern SCP_LIKE = Pattern.compile("^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\\s]+$");

    /**
     * Reads what an operator typed. A URL scheme makes it remote; anything else is a local path,
     * made absolute against {@code workingDirectory}.
     */
    public static RepoLocation parse(String text, Path workingDirectory) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("give a local path to a git repository or a git URL");
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("ssh://")
                || lower.startsWith("git://") || lower.startsWith("file://")) {
            try {
                URI uri = URI.create(value);
                if (!lower.startsWith("file://") && (uri.getHost() == null || uri.getHost().isBlank())) {
                    throw new IllegalArgumentException("the URL '" + value + "' has no host");
                }
                if (uri.getUserInfo() != null && uri.getUserInfo().contains(":")) {
                    throw new IllegalArgumentException("the URL carries a password: remove it; credentials come"
                            + " from the environment and are never stored");
                }
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && (e.getMessage().startsWith("the URL"))) {
                    throw e;
                }
                throw new IllegalArgumentException("'" + value + "' is not a valid URL: " + e.getMessage());
            }
            return new RepoLocation(Kind.REMOTE, value);
        }
        if (SCP_LIKE.matcher(value).matches()) {
            return new RepoLocation(Kind.REMOTE, value);
        }
        try {
            Path path = workingDirectory.resolve(value).toAbsolutePath().normalize();
            return new RepoLocation(Kind.LOCAL, path.toString());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + value + "' is neither a git URL nor a valid path");
        }
    }

    public Path path() {
        if (kind != Kind.LOCAL) {
            throw new IllegalStateException(value + " is not a local path");
        }
        return Path.of(value);
    }

    public boolean existsLocally() {
        return kind == Kind.LOCAL && Files.isDirectory(path());
    }
}
