package dev.leviathan.engine.aegis.sim;

import dev.leviathan.engine.aegis.scenario.ActionType;
import dev.leviathan.engine.aegis.scenario.ProbeKind;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/** One step of a recovery plan, as the contract's action table defines it. */
public sealed interface Action {

    ActionType type();

    record Scale(String workload, int replicas) implements Action {
        public ActionType type() { return ActionType.SCALE; }
    }

    record RaiseMemoryLimit(String workload, long memoryMib) implements Action {
        public ActionType type() { return ActionType.RAISE_MEMORY_LIMIT; }
    }

    record RaiseCpuLimit(String workload, long cpuMillis) implements Action {
        public ActionType type() { return ActionType.RAISE_CPU_LIMIT; }
    }

    /** {@code cpuTargetPercent} is an extension of the contract: without it a thrashing target could not be repaired. */
    record PatchHpa(String workload, OptionalInt min, OptionalInt max, OptionalInt cpuTargetPercent) implements Action {
        public ActionType type() { return ActionType.PATCH_HPA; }
    }

    record AddNodes(String like, int count) implements Action {
        public ActionType type() { return ActionType.ADD_NODES; }
    }

    record Cordon(String node) implements Action {
        public ActionType type() { return ActionType.CORDON; }
    }

    record Uncordon(String node) implements Action {
        public ActionType type() { return ActionType.UNCORDON; }
    }

    record Drain(String node) implements Action {
        public ActionType type() { return ActionType.DRAIN; }
    }

    record RemoveTaint(String node, String key) implements Action {
        public ActionType type() { return ActionType.REMOVE_TAINT; }
    }

    record FixProbe(String workload, ProbeKind probe, int timeoutMs) implements Action {
        public ActionType type() { return ActionType.FIX_PROBE; }
    }

    record DeleteNetworkPolicy(String policy) implements Action {
        public ActionType type() { return ActionType.DELETE_NETWORK_POLICY; }
    }

    /** Lets pods matching {@code from} call pods matching {@code to}, whatever the policies selecting them say. */
    record AllowTraffic(SortedMap<String, String> from, SortedMap<String, String> to) implements Action {
        public AllowTraffic {
            from = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(from));
            to = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(to));
        }

        public ActionType type() { return ActionType.ALLOW_TRAFFIC; }
    }

    record Rollback(String workload) implements Action {
        public ActionType type() { return ActionType.ROLLBACK; }
    }

    record FixService(String service, int targetPort) implements Action {
        public ActionType type() { return ActionType.FIX_SERVICE; }
    }

    record RaiseQuota(String quota, OptionalInt maxPods, OptionalLong cpuMillis, OptionalLong memoryMib)
            implements Action {
        public ActionType type() { return ActionType.RAISE_QUOTA; }
    }

    record SetLimits(String workload, long cpuMillis, long memoryMib) implements Action {
        public ActionType type() { return ActionType.SET_LIMITS; }
    }

    record RelaxPdb(String workload, int minAvailable) implements Action {
        public ActionType type() { return ActionType.RELAX_PDB; }
    }

    record Restart(String workload) implements Action {
        public ActionType type() { return ActionType.RESTART; }
    }

    record Noop() implements Action {
        public ActionType type() { return ActionType.NOOP; }
    }
}
