package dev.leviathan.engine.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The data directory: {@code ~/.leviathan}, or {@code $LEVIATHAN_HOME}. It holds {@code store/}
 * (H2 and head files), {@code artifacts/}, {@code workspaces/} and {@code config.yaml}.
 */
public record LeviathanHome(Path root) {

    public static final String ENV = "LEVIATHAN_HOME";

    public LeviathanHome {
        root = root.toAbsolutePath().normalize();
    }

    /** From the environment, defaulting to {@code ~/.leviathan}. */
    public static LeviathanHome fromEnvironment(Map<String, String> env) {
        String override = env.get(ENV);
        if (override != null && !override.isBlank()) {
            return new LeviathanHome(Path.of(override));
        }
        return new LeviathanHome(Path.of(System.getProperty("user.home"), ".leviathan"));
    }

    public Path storeDir() {
        return root.resolve("store");
    }

    public Path artifactsDir() {
        return root.resolve("artifacts");
    }

    public Path workspacesDir() {
        return root.resolve("workspaces");
    }

    /**
     * Where a running attempt's worker writes its log line by line, secrets already redacted, so an
     * operator can follow it before the attempt ends and stores it as an artifact.
     */
    public Path attemptLogFile(String attemptId) {
        if (!attemptId.matches("[A-Za-z0-9._-]{1,100}") || attemptId.startsWith(".")) {
            throw new IllegalArgumentException("'" + attemptId + "' is not an attempt id (letters, digits, '.', '_',"
                    + " '-'; see: leviathanctl attempts list)");
        }
        return root.resolve("logs").resolve("attempts").resolve(attemptId + ".log");
    }

    public Path configFile() {
        return root.resolve("config.yaml");
    }

    /** Creates the directory tree on first start; returns whether anything was created. */
    public boolean ensureCreated() {
        boolean created = !Files.isDirectory(root);
        try {
            Files.createDirectories(storeDir());
            Files.createDirectories(artifactsDir());
            Files.createDirectories(workspacesDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + root
                    + ": set LEVIATHAN_HOME to a writable directory", e);
        }
        return created;
    }
}
