package dev.leviathan.engine.aegis.scenario;

import java.util.Arrays;
import java.util.Optional;

/** The diagnoses of the contract, by their wire names. */
public enum DiagnosisName {
    MEMORY_LIMIT_TOO_LOW,
    CPU_LIMIT_TOO_LOW,
    CAPACITY_EXHAUSTED,
    HPA_MAX_TOO_LOW,
    NODE_LOST,
    NODE_DRAINED,
    ZONE_LOST,
    PROBE_MISCONFIGURED,
    NETWORK_POLICY_BLOCKING,
    BAD_ROLLOUT,
    IMAGE_PULL_FAILURE,
    UNSCHEDULABLE_TAINT,
    DEPENDENCY_DEGRADED,
    SERVICE_MISCONFIGURED,
    QUOTA_EXHAUSTED,
    SCALED_TO_ZERO,
    NOISY_NEIGHBOUR,
    HPA_MISCONFIGURED,
    PDB_BLOCKS_DRAIN,
    HEALTHY;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<DiagnosisName> fromWire(String name) {
        return Arrays.stream(values()).filter(d -> d.wireName().equals(name)).findFirst();
    }
}
