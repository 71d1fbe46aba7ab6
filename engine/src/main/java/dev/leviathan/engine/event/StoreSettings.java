package dev.leviathan.engine.event;

import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.config.Secret;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the event store lives and how to reach it. The default is an H2 file under the data
 * directory; {@code LEVIATHAN_STORE_URL} (or {@code --store}) selects PostgreSQL. The password
 * comes from {@code LEVIATHAN_STORE_PASSWORD} or the file named by
 * {@code LEVIATHAN_STORE_PASSWORD_FILE}, never from the store or the command line.
 *
 * @param headFile where the chain head is kept outside the database, to catch truncation
 */
public record StoreSettings(String jdbcUrl, String user, Optional<Secret> password, Path headFile) {

    public static final String URL_ENV = "LEVIATHAN_STORE_URL";
    public static final String USER_ENV = "LEVIATHAN_STORE_USER";
    public static final String PASSWORD_ENV = "LEVIATHAN_STORE_PASSWORD";
    public static final String PASSWORD_FILE_ENV = "LEVIATHAN_STORE_PASSWORD_FILE";

    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("//[^/@]*@");

    public StoreSettings {
        StoreKind.ofUrl(jdbcUrl);
        password = password == null ? Optional.empty() : password;
    }

    public StoreKind kind() {
        return StoreKind.ofUrl(jdbcUrl);
    }

    /** The embedded default: {@code <home>/store/leviathan.mv.db} with its head file beside it. */
    public static StoreSettings embedded(LeviathanHome home) {
        Path base = home.storeDir().resolve("leviathan");
        // AUTO_SERVER lets the console and leviathanctl open the same file at the same time.
        String url = "jdbc:h2:file:" + base + ";AUTO_SERVER=TRUE";
        return new StoreSettings(url, "sa", Optional.empty(), home.storeDir().resolve("leviathan.head"));
    }

    /** A store at {@code jdbcUrl}; its head file goes under the data directory, keyed by location. */
    public static StoreSettings forUrl(LeviathanHome home, String jdbcUrl, String user, Optional<Secret> password) {
        StoreKind kind = StoreKind.ofUrl(jdbcUrl);
        String key = kind.name().toLowerCase() + "-" + sha256(locationKey(jdbcUrl)).substring(0, 16);
        return new StoreSettings(jdbcUrl, user == null ? (kind == StoreKind.H2 ? "sa" : null) : user, password,
                home.storeDir().resolve("heads").resolve(key + ".head"));
    }

    /** Settings from the environment: {@code LEVIATHAN_STORE_URL} if set, else the embedded H2. */
    public static StoreSettings fromEnvironment(LeviathanHome home, Map<String, String> env, String urlOverride) {
        String url = urlOverride != null && !urlOverride.isBlank() ? urlOverride : env.get(URL_ENV);
        if (url == null || url.isBlank()) {
            return embedded(home);
        }
        return forUrl(home, url, env.get(USER_ENV), passwordFrom(env));
    }

    private static Optional<Secret> passwordFrom(Map<String, String> env) {
        String direct = env.get(PASSWORD_ENV);
        if (direct != null) {
            return Optional.of(Secret.of(direct));
        }
        String file = env.get(PASSWORD_FILE_ENV);
        if (file == null || file.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new EventStoreException(PASSWORD_FILE_ENV + " names " + file + ", which does not exist or is not"
                    + " a file");
        }
        try {
            return Optional.of(Secret.of(Files.readString(path, StandardCharsets.UTF_8).strip()));
        } catch (IOException e) {
            throw new EventStoreException("cannot read the store password from " + PASSWORD_FILE_ENV + "=" + file
                    + ": " + e.getMessage());
        }
    }

    /** A location safe to show and log: no password, no user info. */
    public String displayLocation() {
        if (kind() == StoreKind.H2) {
            String rest = jdbcUrl.substring("jdbc:h2:".length());
            int options = rest.indexOf(';');
            rest = options < 0 ? rest : rest.substring(0, options);
            return rest.startsWith("file:") ? rest.substring("file:".length()) + ".mv.db" : rest;
        }
        String redacted = redact(jdbcUrl).substring("jdbc:".length());
        try {
            URI uri = URI.create(redacted);
            String schema = queryParam(uri.getRawQuery(), "currentSchema");
            return "postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getPath()
                    + (schema == null ? "" : " (schema " + schema + ")");
        } catch (IllegalArgumentException e) {
            return redacted;
        }
    }

    private static String queryParam(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String part : query.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).equals(name)) {
                return part.substring(eq + 1);
            }
        }
        return null;
    }

    /**
     * What identifies the database a URL points at, however it is spelled: for PostgreSQL host,
     * port, database and schema, without user, password or driver options, so one store gets one
     * head file.
     */
    static String locationKey(String jdbcUrl) {
        if (StoreKind.ofUrl(jdbcUrl) == StoreKind.H2) {
            int options = jdbcUrl.indexOf(';');
            return options < 0 ? jdbcUrl : jdbcUrl.substring(0, options);
        }
        try {
            URI uri = URI.create(redact(jdbcUrl).substring("jdbc:".length()));
            String schema = queryParam(uri.getRawQuery(), "currentSchema");
            return "postgresql://" + uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : 5432) + uri.getPath()
                    + "?currentSchema=" + (schema == null ? "public" : schema);
        } catch (IllegalArgumentException e) {
            return redact(jdbcUrl);
        }
    }

    /** The URL with any password and user info removed. */
    public static String redact(String jdbcUrl) {
        String withoutPassword = PASSWORD_PARAM.matcher(jdbcUrl).replaceAll("$1***");
        return USER_INFO.matcher(withoutPassword).replaceAll("//");
    }

    @Override
    public String toString() {
        return "StoreSettings[" + redact(jdbcUrl) + ", head " + headFile + "]";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
