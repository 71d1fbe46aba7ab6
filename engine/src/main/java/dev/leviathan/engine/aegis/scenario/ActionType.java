package dev.leviathan.engine.aegis.scenario;

import java.util.Arrays;
import java.util.Optional;

/** The actions a recovery plan is made of, by their wire names. */
public enum ActionType {
    SCALE,
    RAISE_MEMORY_LIMIT,
    RAISE_CPU_LIMIT,
    PATCH_HPA,
    ADD_NODES,
    CORDON,
    UNCORDON,
    DRAIN,
    REMOVE_TAINT,
    FIX_PROBE,
    DELETE_NETWORK_POLICY,
    ALLOW_TRAFFIC,
    ROLLBACK,
    FIX_SERVICE,
    RAISE_QUOTA,
    SET_LIMITS,
    RELAX_PDB,
    RESTART,
    NOOP;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<ActionType> fromWire(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(name)).findFirst();
    }
}
