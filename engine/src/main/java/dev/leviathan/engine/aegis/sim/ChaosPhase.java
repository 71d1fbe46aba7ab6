package dev.leviathan.engine.aegis.sim;

import dev.leviathan.engine.aegis.scenario.ChaosSpec;
import dev.leviathan.engine.aegis.scenario.ProbeKind;
import dev.leviathan.engine.aegis.scenario.Taint;
import java.util.Arrays;
import java.util.List;

/**
 * The first phase of a tick: chaos events that start or end now change the cluster, and the factors of
 * every chaos still active (a storm's memory factor, a burst's traffic factor…) are recomputed from
 * scratch, so overlapping events combine (factors multiply, latencies take the worst) and an ended one
 * leaves no trace.
 */
final class ChaosPhase {

    /** Ticks a failed node's pods stay bound before the node controller evicts them (Kubernetes: 300 s). */
    static final int NODE_LOST_GRACE_TICKS = 30;

    private ChaosPhase() {
    }

    static void run(ClusterState s) {
        List<ChaosSpec> chaos = s.world.scenario.chaos();
        for (int i = 0; i < chaos.size(); i++) {
            ChaosSpec c = chaos.get(i);
            if (!s.chaosStarted[i] && c.at() <= s.tick) {
                s.chaosStarted[i] = true;
                start(s, i, c);
            }
            if (s.chaosStarted[i] && !s.chaosEnded[i] && c.endTick() <= s.tick) {
                s.chaosEnded[i] = true;
                end(s, i, c);
            }
        }
        recomputeFactors(s, chaos);
    }

    private static void recomputeFactors(ClusterState s, List<ChaosSpec> chaos) {
        Arrays.fill(s.memoryFactor, 1);
        Arrays.fill(s.cpuFactor, 1);
        Arrays.fill(s.trafficFactor, 1);
        Arrays.fill(s.readinessProbeLatencyMs, 0);
        Arrays.fill(s.livenessProbeLatencyMs, 0);
        Arrays.fill(s.slowLatencyMs, 0);
        for (int i = 0; i < chaos.size(); i++) {
            if (!s.chaosStarted[i] || s.chaosEnded[i]) {
                continue;
            }
            switch (chaos.get(i)) {
                case ChaosSpec.OomStorm c -> s.memoryFactor[s.world.workload(c.workload())] *= c.factor();
                case ChaosSpec.CpuThrottle c -> s.cpuFactor[s.world.workload(c.workload())] *= c.factor();
                case ChaosSpec.BurstTraffic c -> s.trafficFactor[s.world.workload(c.workload())] *= c.factor();
                case ChaosSpec.ProbeFailure c -> {
                    int w = s.world.workload(c.workload());
                    int[] target = c.probe() == ProbeKind.READINESS ? s.readinessProbeLatencyMs : s.livenessProbeLatencyMs;
                    target[w] = Math.max(target[w], c.latencyMs());
                }
                case ChaosSpec.DependencySlowdown c -> {
                    int w = s.world.workload(c.workload());
                    s.slowLatencyMs[w] = Math.max(s.slowLatencyMs[w], c.latencyMs());
                }
                default -> {
                }
            }
        }
    }

    private static void start(ClusterState s, int i, ChaosSpec chaos) {
        switch (chaos) {
            case ChaosSpec.NodeDrain c -> {
                int n = s.node(c.node());
                s.chaosMemo[i] = ChaosMemo.of(s.nodeCordoned[n] ? 1 : 0, 1);
                s.nodeCordoned[n] = true;
                NodePhase.requestDrain(s, n);
            }
            case ChaosSpec.NodeFailure c -> fail(s, s.node(c.node()));
            case ChaosSpec.ZoneOutage c -> {
                for (int n = 0; n < s.nodeCount; n++) {
                    if (s.nodeSpec[n].zone().equals(c.zone())) {
                        fail(s, n);
                    }
                }
            }
            case ChaosSpec.NetpolLockout c -> {
                int p = s.world.policyIndex.get(c.policy());
                if (!s.policyDeleted[p]) {
                    s.policyInForce[p] = true;
                    s.edgesDirty = true;
                }
            }
            case ChaosSpec.BadRollout c -> {
                int w = s.world.workload(c.workload());
                Revision next = s.current(w).broken(s.nextRevisionNumber(w), true, false);
                s.rollOut(w, next);
                s.chaosMemo[i] = ChaosMemo.of(0, next.number());
            }
            case ChaosSpec.ImagePullFailure c -> {
                int w = s.world.workload(c.workload());
                Revision next = s.current(w).broken(s.nextRevisionNumber(w), false, true);
                s.rollOut(w, next);
                s.chaosMemo[i] = ChaosMemo.of(0, next.number());
            }
            case ChaosSpec.MissingLimits c -> {
                int w = s.world.workload(c.workload());
                Revision next = s.current(w).leaking(s.nextRevisionNumber(w));
                s.rollOut(w, next);
                s.chaosMemo[i] = ChaosMemo.of(0, next.number());
            }
            case ChaosSpec.NodeTaint c -> {
                int n = s.node(c.node());
                Taint[] old = s.nodeTaints[n];
                Taint[] grown = Arrays.copyOf(old, old.length + 1);
                grown[old.length] = c.taint();
                s.nodeTaints[n] = grown;
            }
            case ChaosSpec.ServiceMisconfig c -> {
                int sv = s.world.serviceIndex.get(c.service());
                s.chaosMemo[i] = ChaosMemo.of(s.serviceTargetPort[sv], c.targetPort());
                s.serviceTargetPort[sv] = c.targetPort();
            }
            case ChaosSpec.QuotaSqueeze c -> {
                int q = s.world.quotaIndex.get(c.quota());
                long pods = c.maxPods().isPresent() ? c.maxPods().getAsInt() : s.quotaMaxPods[q];
                long cpu = c.cpuMillis().orElse(s.quotaCpu[q]);
                long memory = c.memoryMib().orElse(s.quotaMemory[q]);
                s.chaosMemo[i] = new ChaosMemo(s.quotaMaxPods[q], pods, s.quotaCpu[q], cpu, s.quotaMemory[q], memory);
                s.quotaMaxPods[q] = (int) pods;
                s.quotaCpu[q] = cpu;
                s.quotaMemory[q] = memory;
            }
            case ChaosSpec.ScaleToZero c -> {
                int w = s.world.workload(c.workload());
                s.chaosMemo[i] = ChaosMemo.of(s.desired[w], 0);
                s.desired[w] = 0;
            }
            case ChaosSpec.HpaMisconfig c -> {
                int w = s.world.workload(c.workload());
                long target = c.cpuTargetPercent().isPresent() ? c.cpuTargetPercent().getAsInt() : s.hpaTarget[w];
                long max = c.max().isPresent() ? c.max().getAsInt() : s.hpaMax[w];
                long min = c.min().isPresent() ? c.min().getAsInt() : s.hpaMin[w];
                long appliedMin = Math.min(min, max);
                s.chaosMemo[i] = new ChaosMemo(s.hpaTarget[w], target, s.hpaMax[w], max, s.hpaMin[w], appliedMin);
                s.hpaTarget[w] = (int) target;
                s.hpaMax[w] = (int) max;
                s.hpaMin[w] = (int) appliedMin;
            }
            case ChaosSpec.DependencySlowdown c -> {
                int w = s.world.workload(c.workload());
                for (int p = 0; p < s.slots; p++) {
                    if (s.podPhase[p] != ClusterState.FREE && s.podWorkload[p] == w) {
                        s.podSlowed[p] = true;
                    }
                }
            }
            case ChaosSpec.OomStorm c -> {
            }
            case ChaosSpec.BurstTraffic c -> {
            }
            case ChaosSpec.ProbeFailure c -> {
            }
            case ChaosSpec.CpuThrottle c -> {
            }
        }
    }

    /** Whether a chaos event other than those already ended, and started, matches: overlapping events hold on. */
    private static boolean stillActive(ClusterState s, java.util.function.Predicate<ChaosSpec> matches) {
        List<ChaosSpec> chaos = s.world.scenario.chaos();
        for (int j = 0; j < chaos.size(); j++) {
            if (s.chaosStarted[j] && !s.chaosEnded[j] && matches.test(chaos.get(j))) {
                return true;
            }
        }
        return false;
    }

    /** A node comes back when no node failure of its own and no outage of its zone is still going on. */
    private static void recoverUnlessStillFailing(ClusterState s, int n) {
        String name = s.nodeSpec[n].name();
        String zone = s.nodeSpec[n].zone();
        if (!stillActive(s, other -> other instanceof ChaosSpec.NodeFailure f && f.node().equals(name)
                || other instanceof ChaosSpec.ZoneOutage z && z.zone().equals(zone))) {
            s.nodeFailed[n] = false;
        }
    }

    private static void fail(ClusterState s, int n) {
        if (!s.nodeFailed[n]) {
            s.nodeFailed[n] = true;
            s.nodeFailedSince[n] = s.tick;
        }
    }

    private static void end(ClusterState s, int i, ChaosSpec chaos) {
        ChaosMemo memo = s.chaosMemo[i];
        switch (chaos) {
            case ChaosSpec.NodeDrain c -> {
                int n = s.node(c.node());
                if (stillActive(s, other -> other instanceof ChaosSpec.NodeDrain d && d.node().equals(c.node()))) {
                    break;
                }
                if (memo.before() == 0) {
                    s.nodeCordoned[n] = false;
                }
                NodePhase.cancelDrain(s, n);
            }
            case ChaosSpec.NodeFailure c -> recoverUnlessStillFailing(s, s.node(c.node()));
            case ChaosSpec.ZoneOutage c -> {
                for (int n = 0; n < s.nodeCount; n++) {
                    if (s.nodeSpec[n].zone().equals(c.zone())) {
                        recoverUnlessStillFailing(s, n);
                    }
                }
            }
            case ChaosSpec.NetpolLockout c -> {
                if (!stillActive(s, other -> other instanceof ChaosSpec.NetpolLockout l && l.policy().equals(c.policy()))) {
                    int p = s.world.policyIndex.get(c.policy());
                    s.policyInForce[p] = false;
                    s.edgesDirty = true;
                }
            }
            case ChaosSpec.BadRollout c -> undoRollout(s, s.world.workload(c.workload()), memo);
            case ChaosSpec.ImagePullFailure c -> undoRollout(s, s.world.workload(c.workload()), memo);
            case ChaosSpec.MissingLimits c -> undoRollout(s, s.world.workload(c.workload()), memo);
            case ChaosSpec.NodeTaint c -> {
                int n = s.node(c.node());
                Taint[] old = s.nodeTaints[n];
                int at = Arrays.asList(old).indexOf(c.taint());
                if (at >= 0) {
                    Taint[] shrunk = new Taint[old.length - 1];
                    System.arraycopy(old, 0, shrunk, 0, at);
                    System.arraycopy(old, at + 1, shrunk, at, old.length - at - 1);
                    s.nodeTaints[n] = shrunk;
                }
            }
            case ChaosSpec.ServiceMisconfig c -> {
                int sv = s.world.serviceIndex.get(c.service());
                if (s.serviceTargetPort[sv] == memo.set()) {
                    s.serviceTargetPort[sv] = (int) memo.before();
                }
            }
            case ChaosSpec.QuotaSqueeze c -> {
                int q = s.world.quotaIndex.get(c.quota());
                if (s.quotaMaxPods[q] == memo.set()) {
                    s.quotaMaxPods[q] = (int) memo.before();
                }
                if (s.quotaCpu[q] == memo.set2()) {
                    s.quotaCpu[q] = memo.before2();
                }
                if (s.quotaMemory[q] == memo.set3()) {
                    s.quotaMemory[q] = memo.before3();
                }
            }
            case ChaosSpec.ScaleToZero c -> {
                int w = s.world.workload(c.workload());
                if (s.desired[w] == 0) {
                    s.desired[w] = (int) memo.before();
                }
            }
            case ChaosSpec.HpaMisconfig c -> {
                int w = s.world.workload(c.workload());
                if (s.hpaTarget[w] == memo.set()) {
                    s.hpaTarget[w] = (int) memo.before();
                }
                if (s.hpaMax[w] == memo.set2()) {
                    s.hpaMax[w] = (int) memo.before2();
                }
                if (s.hpaMin[w] == memo.set3()) {
                    s.hpaMin[w] = (int) memo.before3();
                }
            }
            case ChaosSpec.DependencySlowdown c -> {
                if (stillActive(s, other -> other instanceof ChaosSpec.DependencySlowdown d && d.workload().equals(c.workload()))) {
                    break;
                }
                int w = s.world.workload(c.workload());
                for (int p = 0; p < s.slots; p++) {
                    if (s.podPhase[p] != ClusterState.FREE && s.podWorkload[p] == w) {
                        s.podSlowed[p] = false;
                    }
                }
            }
            case ChaosSpec.OomStorm c -> {
            }
            case ChaosSpec.BurstTraffic c -> {
            }
            case ChaosSpec.ProbeFailure c -> {
            }
            case ChaosSpec.CpuThrottle c -> {
            }
        }
    }

    /** The broken revision's author rolls back, as long as it is still the one running. */
    private static void undoRollout(ClusterState s, int w, ChaosMemo memo) {
        if (s.currentRevision[w] == memo.set()) {
            ActionPhase.rollback(s, w);
        }
    }
}
