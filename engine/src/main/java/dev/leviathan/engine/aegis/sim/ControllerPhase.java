package dev.leviathan.engine.aegis.sim;

import dev.leviathan.engine.aegis.scenario.WorkloadKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Deployment and StatefulSet controllers: make the pods match the desired replicas and the current
 * revision. A Deployment rolls with maxSurge 25% (rounded up) and maxUnavailable 25% (rounded down), so
 * a revision whose pods never turn ready stalls with most old pods still serving. A StatefulSet makes
 * pods one ordinal at a time, each after the one below is ready, and replaces them from the highest
 * ordinal down. Every new pod is checked against its quotas first.
 */
final class ControllerPhase {

    private ControllerPhase() {
    }

    static void run(ClusterState s) {
        int workloads = s.world.workloads.length;
        int[] start = new int[workloads + 1];
        for (int p = 0; p < s.slots; p++) {
            if (s.podPhase[p] != ClusterState.FREE) {
                start[s.podWorkload[p] + 1]++;
            }
        }
        for (int w = 0; w < workloads; w++) {
            start[w + 1] += start[w];
        }
        int[] fill = start.clone();
        int[] pods = new int[start[workloads]];
        for (int p = 0; p < s.slots; p++) {
            if (s.podPhase[p] != ClusterState.FREE) {
                pods[fill[s.podWorkload[p]]++] = p;
            }
        }
        QuotaLedger quotas = QuotaLedger.measure(s);
        for (int w = 0; w < workloads; w++) {
            if (s.world.workloads[w].kind() == WorkloadKind.STATEFUL_SET) {
                reconcileStatefulSet(s, w, pods, start[w], start[w + 1], quotas);
            } else {
                reconcileDeployment(s, w, pods, start[w], start[w + 1], quotas);
            }
        }
    }

    private static void reconcileDeployment(ClusterState s, int w, int[] pods, int from, int to, QuotaLedger quotas) {
        int desired = s.desired[w];
        int current = s.currentRevision[w];
        int fresh = 0;
        int freshUnready = 0;
        int oldUnready = 0;
        for (int i = from; i < to; i++) {
            int p = pods[i];
            if (s.podRevision[p] == current) {
                fresh++;
                freshUnready += s.podReady[p] ? 0 : 1;
            } else {
                oldUnready += s.podReady[p] ? 0 : 1;
            }
        }
        int old = to - from - fresh;
        if (old == 0) {
            if (fresh < desired) {
                create(s, w, current, desired - fresh, quotas);
            } else if (fresh > desired) {
                deleteBest(s, select(s, pods, from, to, current, true), fresh - desired);
            }
            return;
        }
        int maxSurge = (desired + 3) / 4;
        int maxUnavailable = desired / 4;
        if (maxSurge == 0 && maxUnavailable == 0) {
            maxSurge = 1;
        }
        int total = fresh + old;
        int toCreate = Math.min(desired + maxSurge - total, desired - fresh);
        if (toCreate > 0) {
            create(s, w, current, toCreate, quotas);
        }
        int minAvailable = desired - maxUnavailable;
        int removable = total - minAvailable - freshUnready;
        // Unready old pods go whatever the budget: they serve nothing (Kubernetes' cleanupUnhealthyReplicas).
        int toDelete = Math.max(Math.max(0, removable), oldUnready);
        if (toDelete > 0) {
            deleteBest(s, select(s, pods, from, to, current, false), toDelete);
        }
    }

    private static List<Integer> select(ClusterState s, int[] pods, int from, int to, int revision, boolean ofRevision) {
        List<Integer> chosen = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if ((s.podRevision[pods[i]] == revision) == ofRevision) {
                chosen.add(pods[i]);
            }
        }
        return chosen;
    }

    private static void reconcileStatefulSet(ClusterState s, int w, int[] pods, int from, int to, QuotaLedger quotas) {
        int desired = s.desired[w];
        int current = s.currentRevision[w];
        int[] byOrdinal = new int[Math.max(desired, 0) + 1];
        java.util.Arrays.fill(byOrdinal, -1);
        int highestExtra = -1;
        for (int i = from; i < to; i++) {
            int p = pods[i];
            int ordinal = s.podOrdinal[p];
            if (ordinal < desired) {
                byOrdinal[ordinal] = p;
            } else if (highestExtra < 0 || ordinal > s.podOrdinal[highestExtra]) {
                highestExtra = p;
            }
        }
        // Outdated pods that are not ready are replaced at once: waiting for them would wait forever.
        for (int ordinal = 0; ordinal < desired; ordinal++) {
            int p = byOrdinal[ordinal];
            if (p >= 0 && s.podRevision[p] != current && !s.podReady[p]) {
                s.deletePod(p);
                byOrdinal[ordinal] = -1;
            }
        }
        for (int ordinal = 0; ordinal < desired; ordinal++) {
            int p = byOrdinal[ordinal];
            if (p < 0) {
                if (quotas.admit(s, w, current)) {
                    s.createPod(w, current, ordinal);
                } else {
                    s.quotaRefusalsTotal[w]++;
                }
                return;
            }
            if (!s.podReady[p]) {
                return;
            }
        }
        if (highestExtra >= 0) {
            s.deletePod(highestExtra);
            return;
        }
        for (int ordinal = desired - 1; ordinal >= 0; ordinal--) {
            int p = byOrdinal[ordinal];
            if (s.podRevision[p] != current) {
                s.deletePod(p);
                s.disruptions++;
                return;
            }
        }
    }

    private static void create(ClusterState s, int w, int revision, int count, QuotaLedger quotas) {
        for (int i = 0; i < count; i++) {
            if (!quotas.admit(s, w, revision)) {
                s.quotaRefusalsTotal[w]++;
                return;
            }
            s.createPod(w, revision, s.nextOrdinal[w]++);
        }
    }

    /**
     * Deletes {@code count} pods in Kubernetes' order of preference: unscheduled before scheduled, not
     * started before started, unready before ready, more restarts first, newer first.
     */
    private static void deleteBest(ClusterState s, List<Integer> candidates, int count) {
        if (count <= 0) {
            return;
        }
        candidates.sort(Comparator.<Integer>comparingInt(p -> s.podNode[p] < 0 ? 0 : 1)
                .thenComparingInt(p -> s.podPhase[p] == ClusterState.RUNNING ? 1 : 0)
                .thenComparingInt(p -> s.podReady[p] ? 1 : 0)
                .thenComparingInt(p -> -s.podRestarts[p])
                .thenComparingInt(p -> -s.podId[p]));
        for (int i = 0; i < Math.min(count, candidates.size()); i++) {
            int p = candidates.get(i);
            if (s.podReady[p]) {
                s.disruptions++;
            }
            s.deletePod(p);
        }
    }
}
