package dev.leviathan.engine.aegis.sim;

import dev.leviathan.engine.aegis.scenario.Labels;
import dev.leviathan.engine.aegis.scenario.NodeSpec;
import dev.leviathan.engine.aegis.scenario.Taint;
import dev.leviathan.engine.aegis.scenario.TaintEffect;
import dev.leviathan.engine.aegis.scenario.WorkloadSpec;

/**
 * kube-scheduler's two steps for every unscheduled pod, oldest slot first: filter the nodes (up, not
 * cordoned, taints tolerated, node selector matched, requests fit what is left), then score the rest by
 * least allocated and take the best, the first by name on a tie. A pod nothing fits keeps the reason
 * most nodes gave.
 */
final class SchedulerPhase {

    /** A PreferNoSchedule taint the pod does not tolerate costs this much of a 0–100 score. */
    static final double PREFER_NO_SCHEDULE_PENALTY = 50;

    private SchedulerPhase() {
    }

    static void run(ClusterState s) {
        for (int p = 0; p < s.slots; p++) {
            if (s.podPhase[p] == ClusterState.UNSCHEDULED) {
                schedule(s, p);
            }
        }
    }

    static void schedule(ClusterState s, int p) {
        int w = s.podWorkload[p];
        WorkloadSpec spec = s.world.workloads[w];
        Revision rev = s.revision(w, s.podRevision[p]);
        long cpu = rev.requests().cpuMillis();
        long memory = rev.requests().memoryMib();
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        int cpuShort = 0;
        int memoryShort = 0;
        int tainted = 0;
        int unselected = 0;
        for (int i = 0; i < s.nodeCount; i++) {
            int n = s.nodesByName[i];
            if (!s.nodeUp(n) || s.nodeCordoned[n]) {
                continue;
            }
            NodeSpec node = s.nodeSpec[n];
            if (!spec.nodeSelector().isEmpty() && !Labels.matches(spec.nodeSelector(), node.labels())) {
                unselected++;
                continue;
            }
            double penalty = 0;
            boolean blocked = false;
            for (Taint taint : s.nodeTaints[n]) {
                if (NodePhase.toleratesAll(spec.tolerations(), taint)) {
                    continue;
                }
                if (taint.effect() == TaintEffect.PREFER_NO_SCHEDULE) {
                    penalty += PREFER_NO_SCHEDULE_PENALTY;
                } else {
                    blocked = true;
                }
            }
            if (blocked) {
                tainted++;
                continue;
            }
            long freeCpu = node.cpuMillis() - s.nodeAllocCpu[n];
            long freeMemory = node.memoryMib() - s.nodeAllocMemory[n];
            if (cpu > freeCpu) {
                cpuShort++;
                continue;
            }
            if (memory > freeMemory) {
                memoryShort++;
                continue;
            }
            double score = 50.0 * (freeCpu - cpu) / Math.max(1, node.cpuMillis())
                    + 50.0 * (freeMemory - memory) / Math.max(1, node.memoryMib()) - penalty;
            if (score > bestScore) {
                bestScore = score;
                best = n;
            }
        }
        if (best >= 0) {
            s.bind(p, best);
            return;
        }
        s.podPendingReason[p] = reason(cpuShort, memoryShort, tainted, unselected);
    }

    private static byte reason(int cpuShort, int memoryShort, int tainted, int unselected) {
        int most = Math.max(Math.max(cpuShort, memoryShort), Math.max(tainted, unselected));
        if (most == 0) {
            return ClusterState.PENDING_NO_NODE;
        }
        if (most == cpuShort) {
            return ClusterState.PENDING_INSUFFICIENT_CPU;
        }
        if (most == memoryShort) {
            return ClusterState.PENDING_INSUFFICIENT_MEMORY;
        }
        return most == tainted ? ClusterState.PENDING_TAINT : ClusterState.PENDING_SELECTOR;
    }
}
