package dev.leviathan.engine.aegis.run;

import dev.leviathan.engine.aegis.scenario.DiagnosisName;

/** What a policy thinks is wrong, about what, and how sure it is (0–1). */
public record Diagnosis(DiagnosisName name, String subject, double confidence) {

    public static final Diagnosis HEALTHY = new Diagnosis(DiagnosisName.HEALTHY, "", 1);
}
