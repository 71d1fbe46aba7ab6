package dev.leviathan.engine.aegis.scenario;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A chaos event: it starts at tick {@code at} and, when it has a {@code duration}, ends that many ticks
 * later. Ending undoes what the event did, where the cluster still shows it (a Service someone already
 * fixed stays fixed).
 */
public sealed interface ChaosSpec {

    int at();

    OptionalInt duration();

    ChaosType type();

    /** The tick the event ends, or {@link Integer#MAX_VALUE} when it lasts the whole run (or longer than an int counts). */
    default int endTick() {
        return duration().isPresent() ? (int) Math.min((long) at() + duration().getAsInt(), Integer.MAX_VALUE)
                : Integer.MAX_VALUE;
    }

    record NodeDrain(int at, OptionalInt duration, String node) implements ChaosSpec {
        public ChaosType type() { return ChaosType.NODE_DRAIN; }
    }

    record NodeFailure(int at, OptionalInt duration, String node) implements ChaosSpec {
        public ChaosType type() { return ChaosType.NODE_FAILURE; }
    }

    record ZoneOutage(int at, OptionalInt duration, String zone) implements ChaosSpec {
        public ChaosType type() { return ChaosType.ZONE_OUTAGE; }
    }

    record OomStorm(int at, OptionalInt duration, String workload, double factor) implements ChaosSpec {
        public ChaosType type() { return ChaosType.OOM_STORM; }
    }

    record BurstTraffic(int at, OptionalInt duration, String workload, double factor) implements ChaosSpec {
        public ChaosType type() { return ChaosType.BURST_TRAFFIC; }
    }

    record ProbeFailure(int at, OptionalInt duration, String workload, ProbeKind probe, int latencyMs)
            implements ChaosSpec {
        public ChaosType type() { return ChaosType.PROBE_FAILURE; }
    }

    record NetpolLockout(int at, OptionalInt duration, String policy) implements ChaosSpec {
        public ChaosType type() { return ChaosType.NETPOL_LOCKOUT; }
    }

    record BadRollout(int at, OptionalInt duration, String workload) implements ChaosSpec {
        public ChaosType type() { return ChaosType.BAD_ROLLOUT; }
    }

    record ImagePullFailure(int at, OptionalInt duration, String workload) implements ChaosSpec {
        public ChaosType type() { return ChaosType.IMAGE_PULL_FAILURE; }
    }

    record NodeTaint(int at, OptionalInt duration, String node, Taint taint) implements ChaosSpec {
        public ChaosType type() { return ChaosType.NODE_TAINT; }
    }

    record CpuThrottle(int at, OptionalInt duration, String workload, double factor) implements ChaosSpec {
        public ChaosType type() { return ChaosType.CPU_THROTTLE; }
    }

    record DependencySlowdown(int at, OptionalInt duration, String workload, int latencyMs) implements ChaosSpec {
        public ChaosType type() { return ChaosType.DEPENDENCY_SLOWDOWN; }
    }

    record ServiceMisconfig(int at, OptionalInt duration, String service, int targetPort) implements ChaosSpec {
        public ChaosType type() { return ChaosType.SERVICE_MISCONFIG; }
    }

    /** At least one of the three limits is present (the loader checks). */
    record QuotaSqueeze(int at, OptionalInt duration, String quota, OptionalInt maxPods, OptionalLong cpuMillis,
            OptionalLong memoryMib) implements ChaosSpec {
        public ChaosType type() { return ChaosType.QUOTA_SQUEEZE; }
    }

    record ScaleToZero(int at, OptionalInt duration, String workload) implements ChaosSpec {
        public ChaosType type() { return ChaosType.SCALE_TO_ZERO; }
    }

    record MissingLimits(int at, OptionalInt duration, String workload) implements ChaosSpec {
        public ChaosType type() { return ChaosType.MISSING_LIMITS; }
    }

    /** At least one of the three fields is present (the loader checks). */
    record HpaMisconfig(int at, OptionalInt duration, String workload, OptionalInt cpuTargetPercent, OptionalInt max,
            OptionalInt min) implements ChaosSpec {
        public ChaosType type() { return ChaosType.HPA_MISCONFIG; }
    }
}
