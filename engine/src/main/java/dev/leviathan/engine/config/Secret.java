package dev.leviathan.engine.config;

import java.util.Objects;

/**
 * A credential (token, password, API key). Its {@code toString()} is redacted and it has no
 * serialisable form, so it cannot reach a log line, an event, the store or a PR body by accident;
 * code that needs the value calls {@link #reveal()} at the one place it is used.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "value"));
    }

    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
