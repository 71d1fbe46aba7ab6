package dev.leviathan.engine.aegis.sim;

import dev.leviathan.engine.aegis.scenario.HpaSpec;
import dev.leviathan.engine.aegis.scenario.NodeSpec;
import dev.leviathan.engine.aegis.scenario.Scenario;
import dev.leviathan.engine.aegis.scenario.Taint;
import dev.leviathan.engine.aegis.scenario.WorkloadSpec;
import java.util.Arrays;
import java.util.List;

/**
 * The whole simulated cluster at one tick, as flat arrays so that a tick is a few passes over primitives
 * and a {@link #fork()} is a handful of array copies. Pods live in slots; a freed slot is reused by the
 * next pod, so slot order, and with it every iteration, depends only on what happened before.
 *
 * <p>Fields are package-private on purpose: the tick phases in this package read and write them
 * directly; everything outside reads through {@link ClusterView}.
 */
final class ClusterState {

    // Pod phases.
    static final byte FREE = 0;
    static final byte UNSCHEDULED = 1;
    static final byte CREATING = 2;
    static final byte IMAGE_PULL_BACKOFF = 3;
    static final byte RUNNING = 4;
    static final byte CRASH_BACKOFF = 5;

    // Why a container last stopped.
    static final byte TERM_NONE = 0;
    static final byte TERM_OOM_KILLED = 1;
    static final byte TERM_ERROR = 2;
    static final byte TERM_LIVENESS = 3;
    static final byte TERM_EVICTED = 4;

    // Why a pod is unscheduled.
    static final byte PENDING_NONE = 0;
    static final byte PENDING_INSUFFICIENT_CPU = 1;
    static final byte PENDING_INSUFFICIENT_MEMORY = 2;
    static final byte PENDING_TAINT = 3;
    static final byte PENDING_SELECTOR = 4;
    static final byte PENDING_NO_NODE = 5;

    final World world;
    long seed;
    int tick;

    // ---- pods (slots) ----
    int slots;
    int live;
    int[] freeList;
    int freeCount;
    int nextPodId;
    int runningPods;
    int[] podId;
    int[] podWorkload;
    int[] podRevision;
    int[] podNode;
    int[] podOrdinal;
    byte[] podPhase;
    byte[] podLastTermination;
    byte[] podPendingReason;
    boolean[] podReady;
    boolean[] podSlowed;
    int[] podCreated;
    int[] podStarted;
    int[] podBackoffUntil;
    /** CrashLoopBackOff's doubling step, reset once a container has run {@link PodPhase#BACKOFF_RESET_TICKS}. */
    byte[] podBackoffStep;
    int[] podRestarts;
    int[] podReadinessFailures;
    int[] podLivenessFailures;
    double[] podCpu;
    double[] podMemory;

    // ---- nodes ----
    int nodeCount;
    NodeSpec[] nodeSpec;
    boolean[] nodeCordoned;
    boolean[] nodeDraining;
    boolean[] nodeFailed;
    int[] nodeFailedSince;
    int[] nodeReadyAt;
    Taint[][] nodeTaints;
    long[] nodeAllocCpu;
    long[] nodeAllocMemory;
    double[] nodeUsedCpu;
    double[] nodeUsedMemory;
    int[] nodesByName;
    int addedNodes;

    // ---- workloads ----
    int[] desired;
    Revision[][] revisions;
    int[] currentRevision;
    int[] previousRevision;
    double[] memoryFactor;
    double[] cpuFactor;
    double[] trafficFactor;
    int[] readinessProbeLatencyMs;
    int[] livenessProbeLatencyMs;
    int[] slowLatencyMs;
    int[] pdbMinAvailable;
    int[] nextOrdinal;
    boolean[] drainBlocked;
    // HPA per workload; hpaMax < 0 means none
    int[] hpaMin;
    int[] hpaMax;
    int[] hpaTarget;
    int[] hpaStabilization;
    int[][] hpaRecommendations;
    // per-tick observations
    int[] readyCount;
    int[] podCount;
    double[] incomingRps;
    double[] rpsPerPod;
    double[] servedRps;
    double[] errorRate;
    double[] latencyMs;
    double[] throttle;
    int[] restartsTotal;
    int[] oomKillsTotal;
    int[] quotaRefusalsTotal;
    int[] evictionsTotal;
    double[] maxMemoryRatio;
    // scratch of the pod phase for the HPA and latency: recomputed every tick, never forked
    double[] readyCpuUsed;
    int[] readySlowed;
    int[] readyMeasured;

    // ---- services, policies, quotas ----
    int[] serviceTargetPort;
    boolean[] policyInForce;
    boolean[] policyDeleted;
    AllowRule[] allowRules;
    boolean[] edgeBlocked;
    boolean edgesDirty;
    int[] quotaMaxPods;
    long[] quotaCpu;
    long[] quotaMemory;

    // ---- chaos and actions ----
    boolean[] chaosStarted;
    boolean[] chaosEnded;
    ChaosMemo[] chaosMemo;
    PendingAction[] pendingActions;

    // ---- cost and trace ----
    double nodeMinutes;
    double replicaMinutes;
    int disruptions;
    long traceHash;

    private ClusterState(World world) {
        this.world = world;
    }

    static ClusterState initial(Scenario scenario) {
        World world = new World(scenario);
        ClusterState s = new ClusterState(world);
        s.seed = scenario.seed();
        s.tick = 0;
        s.initPods(Math.max(16, scenario.workloads().stream().mapToInt(WorkloadSpec::replicas).sum() * 5 / 4 + 8));
        s.initNodes(scenario.nodes());
        s.initWorkloads();
        s.serviceTargetPort = world.services.length == 0 ? new int[0]
                : Arrays.stream(world.services).mapToInt(sv -> sv.targetPort()).toArray();
        s.policyInForce = new boolean[world.policies.length];
        s.policyDeleted = new boolean[world.policies.length];
        for (int p = 0; p < world.policies.length; p++) {
            s.policyInForce[p] = !world.policies[p].dormantUntilChaos();
        }
        s.allowRules = new AllowRule[0];
        s.edgeBlocked = new boolean[world.edgeFrom.length];
        s.edgesDirty = true;
        s.quotaMaxPods = new int[world.quotas.length];
        s.quotaCpu = new long[world.quotas.length];
        s.quotaMemory = new long[world.quotas.length];
        for (int q = 0; q < world.quotas.length; q++) {
            s.quotaMaxPods[q] = world.quotas[q].maxPods().orElse(Integer.MAX_VALUE);
            s.quotaCpu[q] = world.quotas[q].cpuMillis().orElse(Long.MAX_VALUE);
            s.quotaMemory[q] = world.quotas[q].memoryMib().orElse(Long.MAX_VALUE);
        }
        int chaos = scenario.chaos().size();
        s.chaosStarted = new boolean[chaos];
        s.chaosEnded = new boolean[chaos];
        s.chaosMemo = new ChaosMemo[chaos];
        s.pendingActions = new PendingAction[0];
        return s;
    }

    private void initPods(int capacity) {
        freeList = new int[capacity];
        podId = new int[capacity];
        podWorkload = new int[capacity];
        podRevision = new int[capacity];
        podNode = new int[capacity];
        podOrdinal = new int[capacity];
        podPhase = new byte[capacity];
        podLastTermination = new byte[capacity];
        podPendingReason = new byte[capacity];
        podReady = new boolean[capacity];
        podSlowed = new boolean[capacity];
        podCreated = new int[capacity];
        podStarted = new int[capacity];
        podBackoffUntil = new int[capacity];
        podBackoffStep = new byte[capacity];
        podRestarts = new int[capacity];
        podReadinessFailures = new int[capacity];
        podLivenessFailures = new int[capacity];
        podCpu = new double[capacity];
        podMemory = new double[capacity];
    }

    private void initNodes(List<NodeSpec> nodes) {
        nodeCount = nodes.size();
        nodeSpec = nodes.toArray(NodeSpec[]::new);
        nodeCordoned = new boolean[nodeCount];
        nodeDraining = new boolean[nodeCount];
        nodeFailed = new boolean[nodeCount];
        nodeFailedSince = new int[nodeCount];
        nodeReadyAt = new int[nodeCount];
        nodeTaints = new Taint[nodeCount][];
        for (int n = 0; n < nodeCount; n++) {
            nodeTaints[n] = nodeSpec[n].taints().toArray(Taint[]::new);
        }
        nodeAllocCpu = new long[nodeCount];
        nodeAllocMemory = new long[nodeCount];
        nodeUsedCpu = new double[nodeCount];
        nodeUsedMemory = new double[nodeCount];
        sortNodesByName();
    }

    void sortNodesByName() {
        Integer[] order = new Integer[nodeCount];
        for (int n = 0; n < nodeCount; n++) {
            order[n] = n;
        }
        Arrays.sort(order, (a, b) -> nodeSpec[a].name().compareTo(nodeSpec[b].name()));
        nodesByName = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    private void initWorkloads() {
        int w = world.workloads.length;
        desired = new int[w];
        revisions = new Revision[w][];
        currentRevision = new int[w];
        previousRevision = new int[w];
        memoryFactor = new double[w];
        cpuFactor = new double[w];
        trafficFactor = new double[w];
        readinessProbeLatencyMs = new int[w];
        livenessProbeLatencyMs = new int[w];
        slowLatencyMs = new int[w];
        pdbMinAvailable = new int[w];
        nextOrdinal = new int[w];
        drainBlocked = new boolean[w];
        hpaMin = new int[w];
        hpaMax = new int[w];
        hpaTarget = new int[w];
        hpaStabilization = new int[w];
        hpaRecommendations = new int[w][];
        readyCount = new int[w];
        podCount = new int[w];
        incomingRps = new double[w];
        rpsPerPod = new double[w];
        servedRps = new double[w];
        errorRate = new double[w];
        latencyMs = new double[w];
        throttle = new double[w];
        restartsTotal = new int[w];
        oomKillsTotal = new int[w];
        quotaRefusalsTotal = new int[w];
        evictionsTotal = new int[w];
        maxMemoryRatio = new double[w];
        readyCpuUsed = new double[w];
        readySlowed = new int[w];
        readyMeasured = new int[w];
        for (int i = 0; i < w; i++) {
            WorkloadSpec spec = world.workloads[i];
            desired[i] = spec.replicas();
            revisions[i] = new Revision[] {Revision.initial(spec)};
            currentRevision[i] = 1;
            pdbMinAvailable[i] = world.pdbMinAvailable(i);
            latencyMs[i] = spec.latencyMs();
            throttle[i] = 1;
            int h = world.hpaIndexOf(i);
            if (h >= 0) {
                HpaSpec hpa = world.scenario.hpas().get(h);
                hpaMin[i] = hpa.min();
                hpaMax[i] = hpa.max();
                hpaTarget[i] = hpa.cpuTargetPercent();
                hpaStabilization[i] = Math.max(1, hpa.stabilizationTicks());
                hpaRecommendations[i] = new int[hpaStabilization[i]];
                Arrays.fill(hpaRecommendations[i], spec.replicas());
            } else {
                hpaMax[i] = -1;
                hpaRecommendations[i] = new int[0];
            }
        }
    }

    /** An independent copy: nothing done to the fork reaches this state, and the other way round. */
    ClusterState fork() {
        ClusterState f = new ClusterState(world);
        f.seed = seed;
        f.tick = tick;
        f.slots = slots;
        f.live = live;
        f.freeList = freeList.clone();
        f.freeCount = freeCount;
        f.nextPodId = nextPodId;
        f.runningPods = runningPods;
        f.podId = podId.clone();
        f.podWorkload = podWorkload.clone();
        f.podRevision = podRevision.clone();
        f.podNode = podNode.clone();
        f.podOrdinal = podOrdinal.clone();
        f.podPhase = podPhase.clone();
        f.podLastTermination = podLastTermination.clone();
        f.podPendingReason = podPendingReason.clone();
        f.podReady = podReady.clone();
        f.podSlowed = podSlowed.clone();
        f.podCreated = podCreated.clone();
        f.podStarted = podStarted.clone();
        f.podBackoffUntil = podBackoffUntil.clone();
        f.podBackoffStep = podBackoffStep.clone();
        f.podRestarts = podRestarts.clone();
        f.podReadinessFailures = podReadinessFailures.clone();
        f.podLivenessFailures = podLivenessFailures.clone();
        f.podCpu = podCpu.clone();
        f.podMemory = podMemory.clone();
        f.nodeCount = nodeCount;
        f.nodeSpec = nodeSpec.clone();
        f.nodeCordoned = nodeCordoned.clone();
        f.nodeDraining = nodeDraining.clone();
        f.nodeFailed = nodeFailed.clone();
        f.nodeFailedSince = nodeFailedSince.clone();
        f.nodeReadyAt = nodeReadyAt.clone();
        f.nodeTaints = nodeTaints.clone(); // inner arrays are never written, only replaced
        f.nodeAllocCpu = nodeAllocCpu.clone();
        f.nodeAllocMemory = nodeAllocMemory.clone();
        f.nodeUsedCpu = nodeUsedCpu.clone();
        f.nodeUsedMemory = nodeUsedMemory.clone();
        f.nodesByName = nodesByName.clone();
        f.addedNodes = addedNodes;
        f.desired = desired.clone();
        f.revisions = revisions.clone(); // inner arrays are never written, only replaced
        f.currentRevision = currentRevision.clone();
        f.previousRevision = previousRevision.clone();
        f.memoryFactor = memoryFactor.clone();
        f.cpuFactor = cpuFactor.clone();
        f.trafficFactor = trafficFactor.clone();
        f.readinessProbeLatencyMs = readinessProbeLatencyMs.clone();
        f.livenessProbeLatencyMs = livenessProbeLatencyMs.clone();
        f.slowLatencyMs = slowLatencyMs.clone();
        f.pdbMinAvailable = pdbMinAvailable.clone();
        f.nextOrdinal = nextOrdinal.clone();
        f.drainBlocked = drainBlocked.clone();
        f.hpaMin = hpaMin.clone();
        f.hpaMax = hpaMax.clone();
        f.hpaTarget = hpaTarget.clone();
        f.hpaStabilization = hpaStabilization.clone();
        f.hpaRecommendations = new int[hpaRecommendations.length][];
        for (int i = 0; i < hpaRecommendations.length; i++) {
            f.hpaRecommendations[i] = hpaRecommendations[i].clone();
        }
        f.readyCount = readyCount.clone();
        f.podCount = podCount.clone();
        f.incomingRps = incomingRps.clone();
        f.rpsPerPod = rpsPerPod.clone();
        f.servedRps = servedRps.clone();
        f.errorRate = errorRate.clone();
        f.latencyMs = latencyMs.clone();
        f.throttle = throttle.clone();
        f.restartsTotal = restartsTotal.clone();
        f.oomKillsTotal = oomKillsTotal.clone();
        f.quotaRefusalsTotal = quotaRefusalsTotal.clone();
        f.evictionsTotal = evictionsTotal.clone();
        f.maxMemoryRatio = maxMemoryRatio.clone();
        f.readyCpuUsed = new double[readyCpuUsed.length];
        f.readySlowed = new int[readySlowed.length];
        f.readyMeasured = new int[readyMeasured.length];
        f.serviceTargetPort = serviceTargetPort.clone();
        f.policyInForce = policyInForce.clone();
        f.policyDeleted = policyDeleted.clone();
        f.allowRules = allowRules.clone();
        f.edgeBlocked = edgeBlocked.clone();
        f.edgesDirty = edgesDirty;
        f.quotaMaxPods = quotaMaxPods.clone();
        f.quotaCpu = quotaCpu.clone();
        f.quotaMemory = quotaMemory.clone();
        f.chaosStarted = chaosStarted.clone();
        f.chaosEnded = chaosEnded.clone();
        f.chaosMemo = chaosMemo.clone();
        f.pendingActions = pendingActions.clone();
        f.nodeMinutes = nodeMinutes;
        f.replicaMinutes = replicaMinutes;
        f.disruptions = disruptions;
        f.traceHash = traceHash;
        return f;
    }

    // ---- pods ----

    Revision revision(int w, int number) {
        for (Revision r : revisions[w]) {
            if (r.number() == number) {
                return r;
            }
        }
        throw new IllegalStateException("workload " + world.workloads[w].name() + " has no revision " + number);
    }

    Revision current(int w) {
        return revision(w, currentRevision[w]);
    }

    /** Makes a template change the workload's current revision; the controller rolls pods over to it. */
    void rollOut(int w, Revision next) {
        Revision[] old = revisions[w];
        Revision[] grown = Arrays.copyOf(old, old.length + 1);
        grown[old.length] = next;
        revisions[w] = grown;
        previousRevision[w] = currentRevision[w];
        currentRevision[w] = next.number();
    }

    int nextRevisionNumber(int w) {
        int max = 0;
        for (Revision r : revisions[w]) {
            max = Math.max(max, r.number());
        }
        return max + 1;
    }

    int createPod(int w, int revisionNumber, int ordinal) {
        int slot;
        if (freeCount > 0) {
            slot = freeList[--freeCount];
        } else {
            if (slots == podId.length) {
                growPods(podId.length * 3 / 2 + 8);
            }
            slot = slots++;
        }
        podId[slot] = nextPodId++;
        podWorkload[slot] = w;
        podRevision[slot] = revisionNumber;
        podNode[slot] = -1;
        podOrdinal[slot] = ordinal;
        podPhase[slot] = UNSCHEDULED;
        podLastTermination[slot] = TERM_NONE;
        podPendingReason[slot] = PENDING_NONE;
        podReady[slot] = false;
        podSlowed[slot] = false;
        podCreated[slot] = tick;
        podStarted[slot] = -1;
        podBackoffUntil[slot] = 0;
        podBackoffStep[slot] = 0;
        podRestarts[slot] = 0;
        podReadinessFailures[slot] = 0;
        podLivenessFailures[slot] = 0;
        podCpu[slot] = 0;
        podMemory[slot] = 0;
        live++;
        podCount[w]++;
        return slot;
    }

    void bind(int slot, int node) {
        Revision r = revision(podWorkload[slot], podRevision[slot]);
        podNode[slot] = node;
        podPhase[slot] = CREATING;
        podPendingReason[slot] = PENDING_NONE;
        nodeAllocCpu[node] += r.requests().cpuMillis();
        nodeAllocMemory[node] += r.requests().memoryMib();
    }

    void deletePod(int slot) {
        int node = podNode[slot];
        if (node >= 0) {
            Revision r = revision(podWorkload[slot], podRevision[slot]);
            nodeAllocCpu[node] -= r.requests().cpuMillis();
            nodeAllocMemory[node] -= r.requests().memoryMib();
        }
        if (podReady[slot]) {
            readyCount[podWorkload[slot]]--;
        }
        podCount[podWorkload[slot]]--;
        podPhase[slot] = FREE;
        podReady[slot] = false;
        podNode[slot] = -1;
        freeList[freeCount++] = slot;
        live--;
    }

    void setReady(int slot, boolean ready) {
        if (podReady[slot] != ready) {
            podReady[slot] = ready;
            readyCount[podWorkload[slot]] += ready ? 1 : -1;
        }
    }

    private void growPods(int capacity) {
        freeList = Arrays.copyOf(freeList, capacity);
        podId = Arrays.copyOf(podId, capacity);
        podWorkload = Arrays.copyOf(podWorkload, capacity);
        podRevision = Arrays.copyOf(podRevision, capacity);
        podNode = Arrays.copyOf(podNode, capacity);
        podOrdinal = Arrays.copyOf(podOrdinal, capacity);
        podPhase = Arrays.copyOf(podPhase, capacity);
        podLastTermination = Arrays.copyOf(podLastTermination, capacity);
        podPendingReason = Arrays.copyOf(podPendingReason, capacity);
        podReady = Arrays.copyOf(podReady, capacity);
        podSlowed = Arrays.copyOf(podSlowed, capacity);
        podCreated = Arrays.copyOf(podCreated, capacity);
        podStarted = Arrays.copyOf(podStarted, capacity);
        podBackoffUntil = Arrays.copyOf(podBackoffUntil, capacity);
        podBackoffStep = Arrays.copyOf(podBackoffStep, capacity);
        podRestarts = Arrays.copyOf(podRestarts, capacity);
        podReadinessFailures = Arrays.copyOf(podReadinessFailures, capacity);
        podLivenessFailures = Arrays.copyOf(podLivenessFailures, capacity);
        podCpu = Arrays.copyOf(podCpu, capacity);
        podMemory = Arrays.copyOf(podMemory, capacity);
    }

    // ---- nodes ----

    int addNode(NodeSpec spec, int readyAt) {
        int n = nodeCount++;
        nodeSpec = Arrays.copyOf(nodeSpec, nodeCount);
        nodeCordoned = Arrays.copyOf(nodeCordoned, nodeCount);
        nodeDraining = Arrays.copyOf(nodeDraining, nodeCount);
        nodeFailed = Arrays.copyOf(nodeFailed, nodeCount);
        nodeFailedSince = Arrays.copyOf(nodeFailedSince, nodeCount);
        nodeReadyAt = Arrays.copyOf(nodeReadyAt, nodeCount);
        nodeTaints = Arrays.copyOf(nodeTaints, nodeCount);
        nodeAllocCpu = Arrays.copyOf(nodeAllocCpu, nodeCount);
        nodeAllocMemory = Arrays.copyOf(nodeAllocMemory, nodeCount);
        nodeUsedCpu = Arrays.copyOf(nodeUsedCpu, nodeCount);
        nodeUsedMemory = Arrays.copyOf(nodeUsedMemory, nodeCount);
        nodeSpec[n] = spec;
        nodeReadyAt[n] = readyAt;
        nodeTaints[n] = spec.taints().toArray(Taint[]::new);
        sortNodesByName();
        return n;
    }

    int node(String name) {
        for (int n = 0; n < nodeCount; n++) {
            if (nodeSpec[n].name().equals(name)) {
                return n;
            }
        }
        return -1;
    }

    /** A node the scheduler may use and whose pods run: provisioned and not failed. */
    boolean nodeUp(int n) {
        return !nodeFailed[n] && nodeReadyAt[n] <= tick;
    }
}
