package dev.leviathan.engine.aegis.scenario;

import java.util.Objects;

/**
 * A scenario and the file it came from.
 *
 * @param source the path the file was loaded from, as given, or the name passed to
 *     {@link ScenarioLoader#parse}; problems name it
 * @param sha256 lower-case hex SHA-256 of the text's UTF-8 bytes, so a run can say exactly what it ran
 * @param text the file as read
 */
public record ScenarioFile(String source, String sha256, String text, Scenario scenario) {

    public ScenarioFile {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(scenario, "scenario");
    }
}
