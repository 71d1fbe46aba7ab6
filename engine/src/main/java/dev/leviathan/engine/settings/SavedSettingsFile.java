package dev.leviathan.engine.settings;

import dev.leviathan.engine.config.FileReplace;
import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.settings.SavedSettings.Llm;
import dev.leviathan.engine.settings.SavedSettings.SecretSource;
import dev.leviathan.engine.settings.SavedSettings.Store;
import dev.leviathan.engine.settings.SavedSettings.Theme;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * Reads and writes {@code <data directory>/console-settings.properties} (java.util.Properties,
 * UTF-8). A missing file is the defaults. A write replaces the file in one move, so a crash leaves
 * the old settings or the new ones, never half of each. Only names of environment variables and
 * paths of files are written for secrets.
 */
public final class SavedSettingsFile {

    public static final String FILE_NAME = "console-settings.properties";

    static final String STORE_KIND = "store.kind";
    static final String STORE_URL = "store.url";
    static final String STORE_USER = "store.user";
    static final String STORE_PASSWORD_ENV = "store.password.env";
    static final String STORE_PASSWORD_FILE = "store.password.file";
    static final String LLM_BASE_URL = "llm.base_url";
    static final String LLM_MODEL = "llm.model";
    static final String LLM_KEY_ENV = "llm.key.env";
    static final String LLM_KEY_FILE = "llm.key.file";
    static final String THEME = "theme";

    /** One writer at a time: a theme switch and a save must not interleave their read and write. */
    private static final Object WRITE_LOCK = new Object();

    private SavedSettingsFile() {
    }

    public static Path path(LeviathanHome home) {
        return home.root().resolve(FILE_NAME);
    }

    /** The saved settings, or the defaults if there is no file yet. */
    public static SavedSettings read(LeviathanHome home) {
        Path file = path(home);
        if (!Files.exists(file)) {
            return SavedSettings.DEFAULT;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new SettingsFileException(file + ": cannot be read: " + e.getMessage());
        }
        return parse(file, properties);
    }

    static SavedSettings parse(Path file, Properties p) {
        String kind = p.getProperty(STORE_KIND, "h2").strip().toLowerCase(Locale.ROOT);
        Store store = switch (kind) {
            case "h2", "" -> new Store.Embedded();
            case "postgresql" -> new Store.Postgres(p.getProperty(STORE_URL, ""), p.getProperty(STORE_USER, ""),
                    source(file, p, STORE_PASSWORD_ENV, STORE_PASSWORD_FILE));
            default -> throw new SettingsFileException(file + ": " + STORE_KIND + " must be h2 or postgresql, not "
                    + kind);
        };
        Llm llm = new Llm(p.getProperty(LLM_BASE_URL, ""), p.getProperty(LLM_MODEL, ""),
                source(file, p, LLM_KEY_ENV, LLM_KEY_FILE));
        String theme = p.getProperty(THEME, "light").strip().toLowerCase(Locale.ROOT);
        Theme parsed = switch (theme) {
            case "light", "" -> Theme.LIGHT;
            case "dark" -> Theme.DARK;
            default -> throw new SettingsFileException(file + ": " + THEME + " must be light or dark, not " + theme);
        };
        return new SavedSettings(store, llm, parsed);
    }

    private static SecretSource source(Path file, Properties p, String envKey, String fileKey) {
        String env = p.getProperty(envKey, "").strip();
        String path = p.getProperty(fileKey, "").strip();
        if (!env.isEmpty() && !path.isEmpty()) {
            throw new SettingsFileException(file + ": set only one of " + envKey + " and " + fileKey);
        }
        if (!env.isEmpty()) {
            return new SecretSource.EnvironmentVariable(env);
        }
        return path.isEmpty() ? new SecretSource.None() : new SecretSource.File(path);
    }

    /** Replaces the file with {@code settings}. */
    public static void write(LeviathanHome home, SavedSettings settings) {
        synchronized (WRITE_LOCK) {
            writeLocked(home, settings);
        }
    }

    /** Changes only the theme of what is saved, keeping the rest as it is in the file. */
    public static void writeTheme(LeviathanHome home, Theme theme) {
        synchronized (WRITE_LOCK) {
            writeLocked(home, read(home).withTheme(theme));
        }
    }

    static Properties toProperties(SavedSettings settings) {
        Properties p = new Properties();
        switch (settings.store()) {
            case Store.Embedded embedded -> p.setProperty(STORE_KIND, "h2");
            case Store.Postgres pg -> {
                p.setProperty(STORE_KIND, "postgresql");
                p.setProperty(STORE_URL, pg.url());
                if (!pg.user().isEmpty()) {
                    p.setProperty(STORE_USER, pg.user());
                }
                put(p, pg.password(), STORE_PASSWORD_ENV, STORE_PASSWORD_FILE);
            }
        }
        Llm llm = settings.llm();
        if (!llm.baseUrl().isEmpty()) {
            p.setProperty(LLM_BASE_URL, llm.baseUrl());
        }
        if (!llm.model().isEmpty()) {
            p.setProperty(LLM_MODEL, llm.model());
        }
        put(p, llm.key(), LLM_KEY_ENV, LLM_KEY_FILE);
        p.setProperty(THEME, settings.theme().name().toLowerCase(Locale.ROOT));
        return p;
    }

    private static void put(Properties p, SecretSource source, String envKey, String fileKey) {
        switch (source) {
            case SecretSource.None none -> {
            }
            case SecretSource.EnvironmentVariable env -> p.setProperty(envKey, env.name());
            case SecretSource.File file -> p.setProperty(fileKey, file.path());
        }
    }

    private static void writeLocked(LeviathanHome home, SavedSettings settings) {
        Path file = path(home);
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            try {
                try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                    toProperties(settings).store(writer, "Leviathan console settings. No secrets: a password or"
                            + " key is named by an environment variable (*.env) or a file (*.file).");
                }
                FileReplace.replace(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
