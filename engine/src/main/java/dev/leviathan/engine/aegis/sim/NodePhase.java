package dev.leviathan.engine.aegis.sim;

import dev.leviathan.engine.aegis.scenario.Taint;
import dev.leviathan.engine.aegis.scenario.TaintEffect;
import dev.leviathan.engine.aegis.scenario.Toleration;
import dev.leviathan.engine.aegis.scenario.WorkloadSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Evictions: pods of a node lost for longer than the grace period, pods that do not tolerate a
 * NoExecute taint, pods of a draining node (as far as their PodDisruptionBudgets allow), and, on a node
 * out of memory, the pods using most above their requests (the kubelet's order) until it fits again.
 * An evicted pod is deleted; its controller makes a new one.
 */
final class NodePhase {

    private NodePhase() {
    }

    static void requestDrain(ClusterState s, int node) {
        s.nodeDraining[node] = true;
    }

    static void cancelDrain(ClusterState s, int node) {
        s.nodeDraining[node] = false;
    }

    static void run(ClusterState s) {
        Arrays.fill(s.drainBlocked, false);
        boolean[] pressure = new boolean[s.nodeCount];
        boolean anyPressure = false;
        for (int n = 0; n < s.nodeCount; n++) {
            pressure[n] = !s.nodeFailed[n] && s.nodeUsedMemory[n] > s.nodeSpec[n].memoryMib();
            anyPressure |= pressure[n];
        }
        boolean[] stillDraining = new boolean[s.nodeCount];
        for (int p = 0; p < s.slots; p++) {
            if (s.podPhase[p] == ClusterState.FREE || s.podNode[p] < 0) {
                continue;
            }
            int n = s.podNode[p];
            if (s.nodeFailed[n] && s.tick - s.nodeFailedSince[n] >= ChaosPhase.NODE_LOST_GRACE_TICKS) {
                evict(s, p);
            } else if (!tolerates(s.world.workloads[s.podWorkload[p]], s.nodeTaints[n], TaintEffect.NO_EXECUTE)) {
                evict(s, p);
            } else if (s.nodeDraining[n]) {
                if (disruptionAllowed(s, p)) {
                    evict(s, p);
                } else {
                    s.drainBlocked[s.podWorkload[p]] = true;
                    stillDraining[n] = true;
                }
            }
        }
        for (int n = 0; n < s.nodeCount; n++) {
            s.nodeDraining[n] &= stillDraining[n];
        }
        if (anyPressure) {
            relievePressure(s, pressure);
        }
    }

    /** A voluntary eviction may not take a workload below its PodDisruptionBudget's ready pods. */
    static boolean disruptionAllowed(ClusterState s, int p) {
        int w = s.podWorkload[p];
        int min = s.pdbMinAvailable[w];
        return min < 0 || !s.podReady[p] || s.readyCount[w] - 1 >= min;
    }

    static boolean tolerates(WorkloadSpec workload, Taint[] taints, TaintEffect effect) {
        for (Taint taint : taints) {
            if (taint.effect() == effect && workload.tolerations().stream().noneMatch(t -> t.tolerates(taint))) {
                return false;
            }
        }
        return true;
    }

    static boolean toleratesAll(List<Toleration> tolerations, Taint taint) {
        return tolerations.stream().anyMatch(t -> t.tolerates(taint));
    }

    private static void relievePressure(ClusterState s, boolean[] pressure) {
        List<Integer> candidates = new ArrayList<>();
        for (int p = 0; p < s.slots; p++) {
            if (s.podPhase[p] == ClusterState.RUNNING && pressure[s.podNode[p]]) {
                candidates.add(p);
            }
        }
        candidates.sort(Comparator.comparingDouble((Integer p) -> -overRequest(s, p)).thenComparingInt(p -> s.podId[p]));
        for (int p : candidates) {
            int n = s.podNode[p];
            if (s.nodeUsedMemory[n] <= s.nodeSpec[n].memoryMib()) {
                continue;
            }
            s.nodeUsedMemory[n] -= s.podMemory[p];
            s.nodeUsedCpu[n] -= s.podCpu[p];
            evict(s, p);
        }
    }

    private static double overRequest(ClusterState s, int p) {
        return s.podMemory[p] - s.revision(s.podWorkload[p], s.podRevision[p]).requests().memoryMib();
    }

    static void evict(ClusterState s, int p) {
        s.evictionsTotal[s.podWorkload[p]]++;
        s.deletePod(p);
    }
}
