package dev.leviathan.engine.settings;

/** The settings file holds something that cannot be used; the message names file and key. */
public final class SettingsFileException extends RuntimeException {

    public SettingsFileException(String message) {
        super(message);
    }
}
