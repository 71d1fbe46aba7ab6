package dev.leviathan.console.settings;

/** The settings file holds something the console cannot use; the message names file and key. */
public final class SettingsFileException extends RuntimeException {

    public SettingsFileException(String message) {
        super(message);
    }
}
