package dev.leviathan.engine.aegis.scenario;

import java.util.List;

/**
 * What the author reasoned the right answer is. A file's single {@code diagnosis} and its list
 * {@code diagnoses} both end up in {@code diagnoses}; the first is the one a first decision is scored on.
 */
public record Expected(List<ExpectedDiagnosis> diagnoses, List<ActionType> remedies) {

    public Expected {
        diagnoses = List.copyOf(diagnoses);
        remedies = List.copyOf(remedies);
    }

    /** A no-op control: nothing needs doing, and any action is a false positive. */
    public boolean isNoOpControl() {
        return diagnoses.stream().allMatch(d -> d.name() == DiagnosisName.HEALTHY);
    }

    /**
     * Whether the author expects an action: some remedy other than {@code noop}. A fault that heals by
     * itself (a lost node with room to spare) is diagnosed but needs none, without being a control.
     */
    public boolean needsAction() {
        return remedies.stream().anyMatch(r -> r != ActionType.NOOP);
    }
}
