package dev.leviathan.engine.event;

/** The databases the event store runs on; chosen by the JDBC URL. */
public enum StoreKind {
    H2("H2"),
    POSTGRESQL("PostgreSQL");

    private final String displayName;

    StoreKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public static StoreKind ofUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new EventStoreException("unsupported store URL '" + StoreSettings.redact(jdbcUrl)
                + "': use jdbc:h2:file:PATH or jdbc:postgresql://HOST:PORT/DATABASE");
    }
}
