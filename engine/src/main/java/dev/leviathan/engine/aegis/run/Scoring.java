package dev.leviathan.engine.aegis.run;

import dev.leviathan.engine.aegis.scenario.ActionType;
import dev.leviathan.engine.aegis.scenario.DiagnosisName;
import dev.leviathan.engine.aegis.scenario.Expected;
import dev.leviathan.engine.aegis.scenario.ExpectedDiagnosis;
import java.util.List;

/**
 * How a run is scored against {@code expected}. A run without decisions diagnosed {@code healthy} and
 * chose {@code noop}: staying put is an answer too. One expected diagnosis is matched by the first
 * decision; several (a compound fault) must each be named by some decision. A remedy is right when
 * the scored decision's plan contains one of the expected remedies; in a no-op control, or where only
 * {@code noop} is expected, when nothing but {@code noop} was done.
 */
final class Scoring {

    private Scoring() {
    }

    static boolean diagnosisCorrect(RunResult run, Expected expected) {
        List<DecisionRecord> decisions = run.decisions();
        List<ExpectedDiagnosis> wanted = expected.diagnoses();
        if (wanted.isEmpty()) {
            return false;
        }
        if (wanted.size() == 1) {
            Diagnosis first = decisions.isEmpty() ? Diagnosis.HEALTHY : decisions.getFirst().decision().diagnosis();
            return matches(first, wanted.getFirst());
        }
        return wanted.stream().allMatch(w -> decisions.stream().anyMatch(d -> matches(d.decision().diagnosis(), w)));
    }

    static boolean matches(Diagnosis got, ExpectedDiagnosis wanted) {
        if (got.name() != wanted.name()) {
            return false;
        }
        return wanted.name() == DiagnosisName.HEALTHY || wanted.subject().equals(got.subject());
    }

    static boolean remedyCorrect(RunResult run, Expected expected) {
        if (expected.isNoOpControl() || !expected.needsAction()) {
            return !run.acted();
        }
        List<DecisionRecord> scored = expected.diagnoses().size() > 1 ? run.decisions()
                : run.decisions().stream().limit(1).toList();
        return scored.stream().flatMap(d -> d.decision().actions().stream())
                .anyMatch(a -> expected.remedies().contains(a.type()) && a.type() != ActionType.NOOP);
    }
}
