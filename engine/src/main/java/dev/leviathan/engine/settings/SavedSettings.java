package dev.leviathan.engine.settings;

import java.util.Objects;

/**
 * What the console's Settings screen keeps in {@code <data directory>/console-settings.properties}:
 * which store to open, how the llm executor reaches its model, and the theme. The console and
 * {@code leviathanctl} both open the store and endpoint saved here, so the two see the same
 * events. It holds no secret: a password or
 * key is named by where it is read from (an environment variable or a file), never by its value.
 */
public record SavedSettings(Store store, Llm llm, Theme theme) {

    public static final SavedSettings DEFAULT = new SavedSettings(new Store.Embedded(), Llm.NONE, Theme.LIGHT);

    public SavedSettings {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(llm, "llm");
        Objects.requireNonNull(theme, "theme");
    }

    public SavedSettings withTheme(Theme newTheme) {
        return new SavedSettings(store, llm, newTheme);
    }

    /** The event store the console opens. */
    public sealed interface Store {

        /** The H2 file under the data directory: {@code <home>/store/leviathan.mv.db}. */
        record Embedded() implements Store {
        }

        /**
         * A PostgreSQL server.
         *
         * @param url      {@code jdbc:postgresql://HOST:PORT/DATABASE}, without a password
         * @param user     may be blank (the driver then uses the URL's or the OS user)
         * @param password where the password is read from when the store opens
         */
        record Postgres(String url, String user, SecretSource password) implements Store {
            public Postgres {
                url = url == null ? "" : url.strip();
                user = user == null ? "" : user.strip();
                Objects.requireNonNull(password, "password");
            }
        }
    }

    /**
     * The llm executor's OpenAI-compatible endpoint; all blank when none is configured.
     *
     * @param key where the API key is read from; never the key
     */
    public record Llm(String baseUrl, String model, SecretSource key) {

        public static final Llm NONE = new Llm("", "", new SecretSource.None());

        public Llm {
            baseUrl = baseUrl == null ? "" : baseUrl.strip();
            model = model == null ? "" : model.strip();
            Objects.requireNonNull(key, "key");
        }

        public boolean configured() {
            return !baseUrl.isEmpty() || !model.isEmpty() || !(key instanceof SecretSource.None);
        }
    }

    public enum Theme { LIGHT, DARK }

    /** Where a secret is read from, each time it is needed. */
    public sealed interface SecretSource {

        record None() implements SecretSource {
        }

        record EnvironmentVariable(String name) implements SecretSource {
            public EnvironmentVariable {
                name = name == null ? "" : name.strip();
            }
        }

        record File(String path) implements SecretSource {
            public File {
                path = path == null ? "" : path.strip();
            }
        }
    }
}
