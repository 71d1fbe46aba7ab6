package dev.leviathan.engine.aegis.scenario;

import java.util.Arrays;
import java.util.Optional;

/** The seventeen chaos types of the contract, by their wire names. */
public enum ChaosType {
    NODE_DRAIN,
    NODE_FAILURE,
    ZONE_OUTAGE,
    OOM_STORM,
    BURST_TRAFFIC,
    PROBE_FAILURE,
    NETPOL_LOCKOUT,
    BAD_ROLLOUT,
    IMAGE_PULL_FAILURE,
    NODE_TAINT,
    CPU_THROTTLE,
    DEPENDENCY_SLOWDOWN,
    SERVICE_MISCONFIG,
    QUOTA_SQUEEZE,
    SCALE_TO_ZERO,
    MISSING_LIMITS,
    HPA_MISCONFIG;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<ChaosType> fromWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
    }
}
