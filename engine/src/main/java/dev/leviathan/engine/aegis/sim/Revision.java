package dev.leviathan.engine.aegis.sim;

import dev.leviathan.engine.aegis.scenario.Limits;
import dev.leviathan.engine.aegis.scenario.ProbeKind;
import dev.leviathan.engine.aegis.scenario.Resources;
import dev.leviathan.engine.aegis.scenario.WorkloadSpec;
import java.util.OptionalLong;

/**
 * A workload's pod template at one revision. Every change to the template (a limit, a probe, a rollout,
 * a restart) makes a new revision, as a Deployment's ReplicaSets do; pods carry the number of the
 * revision they were made from.
 *
 * @param crashesOnStart the revision's containers exit right after starting ({@code bad_rollout})
 * @param imagePullFails the revision's image cannot be pulled ({@code image_pull_failure})
 * @param leaks the revision's containers grow without bound ({@code missing_limits})
 */
public record Revision(int number, Resources requests, Limits limits, int readinessTimeoutMs, int livenessTimeoutMs,
        boolean crashesOnStart, boolean imagePullFails, boolean leaks) {

    static Revision initial(WorkloadSpec spec) {
        return new Revision(1, spec.requests(), spec.limits(), spec.readiness().timeoutMs(),
                spec.liveness().timeoutMs(), false, false, false);
    }

    /** The same template under a new number: what {@code kubectl rollout restart} makes. */
    Revision next(int newNumber) {
        return new Revision(newNumber, requests, limits, readinessTimeoutMs, livenessTimeoutMs, crashesOnStart,
                imagePullFails, leaks);
    }

    Revision withMemoryLimit(int newNumber, long memoryMib) {
        return new Revision(newNumber, requests, new Limits(limits.cpuMillis(), OptionalLong.of(memoryMib)),
                readinessTimeoutMs, livenessTimeoutMs, crashesOnStart, imagePullFails, leaks);
    }

    Revision withCpuLimit(int newNumber, long cpuMillis) {
        return new Revision(newNumber, requests, new Limits(OptionalLong.of(cpuMillis), limits.memoryMib()),
                readinessTimeoutMs, livenessTimeoutMs, crashesOnStart, imagePullFails, leaks);
    }

    Revision withLimits(int newNumber, Limits newLimits) {
        return new Revision(newNumber, requests, newLimits, readinessTimeoutMs, livenessTimeoutMs, crashesOnStart,
                imagePullFails, leaks);
    }

    Revision withProbeTimeout(int newNumber, ProbeKind kind, int timeoutMs) {
        return new Revision(newNumber, requests, limits,
                kind == ProbeKind.READINESS ? timeoutMs : readinessTimeoutMs,
                kind == ProbeKind.LIVENESS ? timeoutMs : livenessTimeoutMs, crashesOnStart, imagePullFails, leaks);
    }

    Revision broken(int newNumber, boolean crashes, boolean pullFails) {
        return new Revision(newNumber, requests, limits, readinessTimeoutMs, livenessTimeoutMs, crashes, pullFails,
                leaks);
    }

    Revision leaking(int newNumber) {
        return new Revision(newNumber, requests, Limits.NONE, readinessTimeoutMs, livenessTimeoutMs, crashesOnStart,
                imagePullFails, true);
    }

    /** Same template, ignoring the number: a rollout to an equal template replaces no pod. */
    boolean sameTemplate(Revision other) {
        return requests.equals(other.requests) && limits.equals(other.limits)
                && readinessTimeoutMs == other.readinessTimeoutMs && livenessTimeoutMs == other.livenessTimeoutMs
                && crashesOnStart == other.crashesOnStart && imagePullFails == other.imagePullFails
                && leaks == other.leaks;
    }

    long memoryLimitOr(long none) {
        return limits.memoryMib().orElse(none);
    }

    long cpuLimitOr(long none) {
        return limits.cpuMillis().orElse(none);
    }
}
