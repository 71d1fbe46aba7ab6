package dev.leviathan.engine.aegis.run;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One policy's figures over a suite.
 *
 * @param scored scenarios with an {@code expected} section, the denominator of both accuracies
 * @param needFix scenarios that are not no-op controls
 * @param metNeedingFix of those, how many met every objective
 * @param controls no-op controls; {@code falsePositives} of them saw an action
 * @param recovered runs with chaos whose objectives all held again before the end (the MTTR sample)
 * @param costVsNoop node-minutes against the noop baseline's on the same scenarios; empty without noop
 * @param deterministic runs whose repetition with the same seed gave the same trace hash
 */
public record PolicySummary(String policy, int scenarios, int scored, int diagnosisCorrect, int remedyCorrect,
        int objectivesMet, int needFix, int metNeedingFix, int controls, int falsePositives, int recovered,
        OptionalInt mttrMedian, OptionalInt mttrP90, double nodeMinutes, double replicaMinutes,
        OptionalDouble costVsNoop, int deterministic) {

    public double diagnosisAccuracy() {
        return scored == 0 ? 0 : (double) diagnosisCorrect / scored;
    }

    public double remedyAccuracy() {
        return scored == 0 ? 0 : (double) remedyCorrect / scored;
    }

    public double outcome() {
        return scenarios == 0 ? 0 : (double) objectivesMet / scenarios;
    }
}
