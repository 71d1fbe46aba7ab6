package dev.leviathan.engine.aegis.sim;

import dev.leviathan.engine.aegis.scenario.Taint;
import dev.leviathan.engine.aegis.scenario.WorkloadKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What an operator of the simulated cluster can see, as {@code kubectl} and a metrics dashboard would
 * show it: node conditions, pod phases and restart reasons, Service endpoints, request rates, errors
 * and latency. It shows symptoms, never causes: no chaos event, no broken flag of a revision. Read it
 * between ticks; it reads the live state.
 */
public final class ClusterView {

    private final ClusterState s;

    ClusterView(ClusterState state) {
        this.s = state;
    }

    public int tick() {
        return s.tick;
    }

    public List<NodeStatus> nodes() {
        List<NodeStatus> nodes = new ArrayList<>(s.nodeCount);
        int[] pods = new int[s.nodeCount];
        for (int p = 0; p < s.slots; p++) {
            if (s.podPhase[p] != ClusterState.FREE && s.podNode[p] >= 0) {
                pods[s.podNode[p]]++;
            }
        }
        for (int n = 0; n < s.nodeCount; n++) {
            var spec = s.nodeSpec[n];
            nodes.add(new NodeStatus(spec.name(), spec.zone(), !s.nodeFailed[n] && s.nodeReadyAt[n] <= s.tick,
                    s.nodeCordoned[n], s.nodeDraining[n], List.of(s.nodeTaints[n]), spec.cpuMillis(), spec.memoryMib(),
                    s.nodeAllocCpu[n], s.nodeAllocMemory[n], s.nodeUsedCpu[n], s.nodeUsedMemory[n], pods[n]));
        }
        return nodes;
    }

    public List<WorkloadStatus> workloads() {
        List<WorkloadStatus> list = new ArrayList<>();
        for (int w = 0; w < s.desired.length; w++) {
            list.add(workload(w));
        }
        return list;
    }

    public Optional<WorkloadStatus> workload(String name) {
        Integer w = s.world.workloadIndex.get(name);
        return w == null ? Optional.empty() : Optional.of(workload(w));
    }

    private WorkloadStatus workload(int w) {
        var spec = s.world.workloads[w];
        Revision rev = s.current(w);
        int pending = 0;
        int crashLooping = 0;
        int imagePull = 0;
        int oomLast = 0;
        int livenessLast = 0;
        int runningUnready = 0;
        int[] pendingReasons = new int[6];
        double memory = 0;
        double cpu = 0;
        int running = 0;
        for (int p = 0; p < s.slots; p++) {
            if (s.podPhase[p] == ClusterState.FREE || s.podWorkload[p] != w) {
                continue;
            }
            switch (s.podPhase[p]) {
                case ClusterState.UNSCHEDULED -> {
                    pending++;
                    pendingReasons[s.podPendingReason[p]]++;
                }
                case ClusterState.CRASH_BACKOFF -> crashLooping++;
                case ClusterState.IMAGE_PULL_BACKOFF -> imagePull++;
                case ClusterState.RUNNING -> {
                    running++;
                    runningUnready += s.podReady[p] ? 0 : 1;
                    memory += s.podMemory[p];
                    cpu += s.podCpu[p];
                }
                default -> {
                }
            }
            if (s.podLastTermination[p] == ClusterState.TERM_OOM_KILLED) {
                oomLast++;
            }
            if (s.podLastTermination[p] == ClusterState.TERM_LIVENESS) {
                livenessLast++;
            }
        }
        String pendingReason = "";
        int most = 0;
        for (int r = 1; r < pendingReasons.length; r++) {
            if (pendingReasons[r] > most) {
                most = pendingReasons[r];
                pendingReason = PodStatus.pendingReason((byte) r);
            }
        }
        Optional<HpaStatus> hpa = s.hpaMax[w] < 0 ? Optional.empty()
                : Optional.of(new HpaStatus(s.hpaMin[w], s.hpaMax[w], s.hpaTarget[w]));
        int service = s.world.serviceOf[w];
        return new WorkloadStatus(spec.name(), spec.kind(), s.desired[w], s.readyCount[w], s.podCount[w], pending,
                pendingReason, crashLooping, imagePull, oomLast, livenessLast, runningUnready, rev.number(), s.previousRevision[w],
                rev.requests().cpuMillis(), rev.requests().memoryMib(), rev.limits().cpuMillis(), rev.limits().memoryMib(),
                rev.readinessTimeoutMs(), rev.livenessTimeoutMs(),
                running == 0 ? 0 : cpu / running, running == 0 ? 0 : memory / running, s.maxMemoryRatio[w],
                s.incomingRps[w], s.errorRate[w], s.latencyMs[w], s.throttle[w], s.restartsTotal[w], s.oomKillsTotal[w],
                s.evictionsTotal[w], s.quotaRefusalsTotal[w], hpa, s.pdbMinAvailable[w], s.drainBlocked[w],
                s.world.services[service].name(), TrafficPhase.endpoints(s, w), spec.port(), spec.dependsOn());
    }

    public List<PodStatus> pods(String workload) {
        Integer w = s.world.workloadIndex.get(workload);
        if (w == null) {
            return List.of();
        }
        List<PodStatus> pods = new ArrayList<>();
        for (int p = 0; p < s.slots; p++) {
            if (s.podPhase[p] == ClusterState.FREE || s.podWorkload[p] != w) {
                continue;
            }
            pods.add(new PodStatus(workload + "-" + s.podId[p], workload,
                    s.podNode[p] < 0 ? "" : s.nodeSpec[s.podNode[p]].name(), PodStatus.phaseName(s.podPhase[p]),
                    s.podReady[p], s.podRestarts[p], PodStatus.terminationName(s.podLastTermination[p]),
                    s.podPhase[p] == ClusterState.UNSCHEDULED ? PodStatus.pendingReason(s.podPendingReason[p]) : "",
                    s.podCpu[p], s.podMemory[p], s.podRevision[p], s.podId[p]));
        }
        pods.sort(java.util.Comparator.comparingInt(PodStatus::id));
        return pods;
    }

    public List<EdgeStatus> edges() {
        World world = s.world;
        if (s.edgesDirty) {
            TrafficPhase.recomputeBlockedEdges(s);
        }
        List<EdgeStatus> edges = new ArrayList<>();
        for (int e = 0; e < world.edgeFrom.length; e++) {
            int callee = world.edgeTo[e];
            List<String> blocking = new ArrayList<>();
            if (s.edgeBlocked[e]) {
                for (int p = 0; p < world.policies.length; p++) {
                    if (s.policyInForce[p] && world.policySelects(p, callee)) {
                        blocking.add(world.policies[p].name());
                    }
                }
            }
            edges.add(new EdgeStatus(world.workloads[world.edgeFrom[e]].name(), world.workloads[callee].name(),
                    s.edgeBlocked[e], blocking, s.errorRate[callee], s.latencyMs[callee]));
        }
        return edges;
    }

    public List<ServiceStatus> services() {
        List<ServiceStatus> services = new ArrayList<>();
        for (int sv = 0; sv < s.world.services.length; sv++) {
            var spec = s.world.services[sv];
            int endpoints = 0;
            for (int w = 0; w < s.world.workloads.length; w++) {
                if (s.world.serviceOf[w] == sv) {
                    endpoints += TrafficPhase.endpoints(s, w);
                }
            }
            services.add(new ServiceStatus(spec.name(), spec.port(), s.serviceTargetPort[sv], endpoints, spec.declared()));
        }
        return services;
    }

    public List<PolicyStatus> networkPolicies() {
        List<PolicyStatus> policies = new ArrayList<>();
        for (int p = 0; p < s.world.policies.length; p++) {
            policies.add(new PolicyStatus(s.world.policies[p].name(), s.policyInForce[p], s.policyDeleted[p]));
        }
        return policies;
    }

    public List<QuotaStatus> quotas() {
        List<QuotaStatus> quotas = new ArrayList<>();
        for (int q = 0; q < s.world.quotas.length; q++) {
            quotas.add(new QuotaStatus(s.world.quotas[q].name(), s.quotaMaxPods[q], s.quotaCpu[q], s.quotaMemory[q],
                    QuotaLedger.used(s, q, 0), QuotaLedger.used(s, q, 1), QuotaLedger.used(s, q, 2),
                    Arrays.stream(s.world.quotas[q].workloads().toArray(String[]::new))
                            .mapToInt(name -> s.quotaRefusalsTotal[s.world.workload(name)]).sum()));
        }
        return quotas;
    }

    public double nodeMinutes() {
        return s.nodeMinutes;
    }

    public double replicaMinutes() {
        return s.replicaMinutes;
    }

    public int disruptions() {
        return s.disruptions;
    }

    public record NodeStatus(String name, String zone, boolean ready, boolean cordoned, boolean draining,
            List<Taint> taints, long cpuMillis, long memoryMib, long allocatedCpuMillis, long allocatedMemoryMib,
            double usedCpuMillis, double usedMemoryMib, int pods) {
    }

    /**
     * @param oomKilledPods pods whose container last stopped because it was OOMKilled
     * @param livenessKilledPods pods whose container last stopped because its liveness probe failed
     * @param runningUnready pods whose container runs but which are not ready
     * @param maxMemoryRatio the highest memory usage / limit of any running pod this tick
     * @param throttle mean slowdown of the ready pods from cpu limits and node contention (1 = none)
     * @param pdbMinAvailable −1 when the workload has no PodDisruptionBudget
     * @param drainBlocked a drain waited on this workload's PodDisruptionBudget this tick
     */
    public record WorkloadStatus(String name, WorkloadKind kind, int desired, int ready, int pods, int pending,
            String pendingReason, int crashLooping, int imagePullBackOff, int oomKilledPods, int livenessKilledPods,
            int runningUnready, int revision,
            int previousRevision, long requestCpuMillis, long requestMemoryMib, OptionalLong limitCpuMillis,
            OptionalLong limitMemoryMib, int readinessTimeoutMs, int livenessTimeoutMs, double meanCpuMillis,
            double meanMemoryMib, double maxMemoryRatio, double rps, double errorRate, double latencyMs,
            double throttle, int restarts, int oomKills, int evictions, int quotaRefusals, Optional<HpaStatus> hpa,
            int pdbMinAvailable, boolean drainBlocked, String service, int endpoints, int containerPort,
            List<String> dependsOn) {
    }

    public record HpaStatus(int min, int max, int cpuTargetPercent) {
    }

    public record PodStatus(String name, String workload, String node, String phase, boolean ready, int restarts,
            String lastTermination, String pendingReason, double cpuMillis, double memoryMib, int revision, int id) {

        static String phaseName(byte phase) {
            return switch (phase) {
                case ClusterState.UNSCHEDULED -> "Pending";
                case ClusterState.CREATING -> "ContainerCreating";
                case ClusterState.IMAGE_PULL_BACKOFF -> "ImagePullBackOff";
                case ClusterState.RUNNING -> "Running";
                case ClusterState.CRASH_BACKOFF -> "CrashLoopBackOff";
                default -> "Gone";
            };
        }

        static String terminationName(byte reason) {
            return switch (reason) {
                case ClusterState.TERM_OOM_KILLED -> "OOMKilled";
                case ClusterState.TERM_ERROR -> "Error";
                case ClusterState.TERM_LIVENESS -> "LivenessProbeFailed";
                case ClusterState.TERM_EVICTED -> "Evicted";
                default -> "";
            };
        }

        static String pendingReason(byte reason) {
            return switch (reason) {
                case ClusterState.PENDING_INSUFFICIENT_CPU -> "Insufficient cpu";
                case ClusterState.PENDING_INSUFFICIENT_MEMORY -> "Insufficient memory";
                case ClusterState.PENDING_TAINT -> "untolerated taint";
                case ClusterState.PENDING_SELECTOR -> "node selector";
                case ClusterState.PENDING_NO_NODE -> "no schedulable node";
                default -> "";
            };
        }
    }

    /** @param blockingPolicies the policies in force that select the callee and let this caller through none of */
    public record EdgeStatus(String from, String to, boolean blocked, List<String> blockingPolicies, double calleeErrorRate,
            double calleeLatencyMs) {
    }

    public record ServiceStatus(String name, int port, int targetPort, int endpoints, boolean declared) {
    }

    public record PolicyStatus(String name, boolean inForce, boolean deleted) {
    }

    public record QuotaStatus(String name, int maxPods, long cpuMillis, long memoryMib, long usedPods, long usedCpuMillis,
            long usedMemoryMib, int refusals) {
    }
}
