package dev.leviathan.engine.aegis.scenario;

/** A diagnosis the scenario's author expects; {@code subject} is {@code ""} for {@code healthy} without one. */
public record ExpectedDiagnosis(DiagnosisName name, String subject) {
}
