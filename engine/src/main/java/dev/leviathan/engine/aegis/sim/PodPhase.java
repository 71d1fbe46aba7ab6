package dev.leviathan.engine.aegis.sim;

import dev.leviathan.engine.aegis.scenario.Probe;
import dev.leviathan.engine.aegis.scenario.WorkloadSpec;
import java.util.Arrays;

/**
 * Every pod, once per tick: containers start, use cpu and memory for the load they serve, are
 * OOMKilled over their memory limit, crash, are probed, turn ready or unready, and restart with
 * CrashLoopBackOff's doubling delay. Node cpu and memory in use are summed on the way.
 */
final class PodPhase {

    /** A health endpoint answers in this long on an idle, unthrottled pod. */
    static final double PROBE_BASE_MS = 5;
    /** Ticks a failed node takes to be marked NotReady, after which its pods leave the endpoints (40 s). */
    static final int NODE_NOT_READY_TICKS = 4;
    /** CrashLoopBackOff's cap: 300 s. */
    static final int MAX_BACKOFF_TICKS = 30;
    /** How fast a leaking container ({@code missing_limits}) grows: this share of its base usage per tick. */
    static final double LEAK_PER_TICK = 0.02;
    /** Usage jitter from tick to tick. */
    static final double USAGE_NOISE = 0.03;

    private PodPhase() {
    }

    static void run(ClusterState s) {
        int t = s.tick;
        double[] contention = nodeContention(s);
        int running = 0;
        Arrays.fill(s.nodeUsedCpu, 0, s.nodeCount, 0);
        Arrays.fill(s.nodeUsedMemory, 0, s.nodeCount, 0);
        int workloads = s.world.workloads.length;
        double[] throttleSum = new double[workloads];
        int[] throttleCount = new int[workloads];
        Arrays.fill(s.readyCpuUsed, 0);
        Arrays.fill(s.readySlowed, 0);
        Arrays.fill(s.maxMemoryRatio, 0);
        for (int p = 0; p < s.slots; p++) {
            byte phase = s.podPhase[p];
            if (phase == ClusterState.FREE || phase == ClusterState.UNSCHEDULED) {
                continue;
            }
            int node = s.podNode[p];
            int w = s.podWorkload[p];
            if (s.nodeFailed[node]) {
                if (t - s.nodeFailedSince[node] >= NODE_NOT_READY_TICKS) {
                    s.setReady(p, false);
                }
                continue;
            }
            if (s.nodeReadyAt[node] > t) {
                continue;
            }
            Revision rev = s.revision(w, s.podRevision[p]);
            switch (phase) {
                case ClusterState.CREATING -> {
                    if (rev.imagePullFails()) {
                        s.podPhase[p] = ClusterState.IMAGE_PULL_BACKOFF;
                    } else {
                        startContainer(s, p);
                    }
                    continue;
                }
                case ClusterState.IMAGE_PULL_BACKOFF -> {
                    continue;
                }
                case ClusterState.CRASH_BACKOFF -> {
                    if (t < s.podBackoffUntil[p]) {
                        continue;
                    }
                    startContainer(s, p);
                }
                default -> {
                }
            }
            WorkloadSpec spec = s.world.workloads[w];
            if (rev.crashesOnStart() && t > s.podStarted[p]) {
                restart(s, p, ClusterState.TERM_ERROR);
                continue;
            }
            double load = s.podReady[p] ? s.rpsPerPod[w] : 0;
            double noise = Noise.around1(s.seed, t, s.podId[p], USAGE_NOISE);
            int age = t - s.podStarted[p];
            double leak = rev.leaks() ? LEAK_PER_TICK * age : 0;
            double cpu = (spec.usage().cpuMillis() * (1 + leak) + spec.usage().cpuPerRps() * load) * s.cpuFactor[w] * noise;
            double memory = (spec.usage().memoryMib() * (1 + leak) + spec.usage().memoryPerRps() * load)
                    * s.memoryFactor[w] * noise;
            long cpuLimit = rev.cpuLimitOr(0);
            double limitThrottle = 1;
            if (cpuLimit > 0 && cpu > cpuLimit) {
                limitThrottle = cpu / cpuLimit;
                cpu = cpuLimit;
            }
            s.podCpu[p] = cpu;
            s.podMemory[p] = memory;
            running++;
            s.nodeUsedCpu[node] += cpu;
            s.nodeUsedMemory[node] += memory;
            long memoryLimit = rev.memoryLimitOr(0);
            if (memoryLimit > 0) {
                s.maxMemoryRatio[w] = Math.max(s.maxMemoryRatio[w], memory / memoryLimit);
                if (memory > memoryLimit) {
                    s.oomKillsTotal[w]++;
                    restart(s, p, ClusterState.TERM_OOM_KILLED);
                    continue;
                }
            }
            double podThrottle = Math.max(limitThrottle, contention[node]);
            if (probe(s, p, rev, spec, podThrottle)) {
                continue;
            }
            if (s.podReady[p]) {
                throttleSum[w] += podThrottle;
                throttleCount[w]++;
                s.readyCpuUsed[w] += cpu;
                s.readySlowed[w] += s.podSlowed[p] ? 1 : 0;
            }
        }
        s.runningPods = running;
        for (int w = 0; w < workloads; w++) {
            s.throttle[w] = throttleCount[w] == 0 ? 1 : throttleSum[w] / throttleCount[w];
            s.readyMeasured[w] = throttleCount[w];
        }
    }

    /**
     * An oversubscribed node slows every pod on it, by how far over it is: what cpu shares do not isolate
     * (caches, memory bandwidth, I/O) is shared. A node whose memory is nearly full slows every pod on it
     * too, as the kernel reclaims page cache and stalls allocations, from no slowdown at
     * {@value #MEMORY_PRESSURE_START} of its memory to 2.5× when full; the kubelet evicts past full
     * ({@link NodePhase}). Both are measured on last tick's sums, which is when the kernel would have seen them.
     */
    private static double[] nodeContention(ClusterState s) {
        double[] factor = new double[s.nodeCount];
        for (int n = 0; n < s.nodeCount; n++) {
            double used = s.nodeUsedCpu[n];
            long capacity = s.nodeSpec[n].cpuMillis();
            double cpu = used > capacity && capacity > 0 ? used / capacity : 1;
            factor[n] = Math.max(cpu, memoryPressureSlowdown(s.nodeUsedMemory[n], s.nodeSpec[n].memoryMib()));
        }
        return factor;
    }

    static final double MEMORY_PRESSURE_START = 0.85;

    /** 1 below {@link #MEMORY_PRESSURE_START} of the node's memory, then rising linearly to 2.5 when full. */
    static double memoryPressureSlowdown(double usedMib, long capacityMib) {
        if (capacityMib <= 0) {
            return 1;
        }
        double ratio = Math.min(1, usedMib / capacityMib);
        return ratio <= MEMORY_PRESSURE_START ? 1 : 1 + (ratio - MEMORY_PRESSURE_START) * 10;
    }

    /** Runs both probes; true when the liveness probe restarted the container. */
    private static boolean probe(ClusterState s, int p, Revision rev, WorkloadSpec spec, double throttle) {
        int t = s.tick;
        int w = s.podWorkload[p];
        boolean started = t - s.podStarted[p] >= spec.startupTicks();
        double readinessLatency = (s.readinessProbeLatencyMs[w] > 0 ? s.readinessProbeLatencyMs[w] : PROBE_BASE_MS) * throttle;
        double livenessLatency = (s.livenessProbeLatencyMs[w] > 0 ? s.livenessProbeLatencyMs[w] : PROBE_BASE_MS) * throttle;
        if (started) {
            Probe liveness = spec.liveness();
            if (livenessLatency > rev.livenessTimeoutMs()) {
                if (++s.podLivenessFailures[p] >= liveness.failureThreshold()) {
                    restart(s, p, ClusterState.TERM_LIVENESS);
                    return true;
                }
            } else {
                s.podLivenessFailures[p] = 0;
            }
        }
        Probe readiness = spec.readiness();
        if (readinessLatency > rev.readinessTimeoutMs()) {
            s.podReadinessFailures[p]++;
            if (!started || s.podReadinessFailures[p] >= readiness.failureThreshold()) {
                s.setReady(p, false);
            }
        } else {
            s.podReadinessFailures[p] = 0;
            s.setReady(p, started);
        }
        return false;
    }

    static void startContainer(ClusterState s, int p) {
        s.podPhase[p] = ClusterState.RUNNING;
        s.podStarted[p] = s.tick;
        s.podReadinessFailures[p] = 0;
        s.podLivenessFailures[p] = 0;
    }

    /** A container that ran this long without stopping starts its back-off from the beginning (Kubernetes: 10 min). */
    static final int BACKOFF_RESET_TICKS = 60;

    /**
     * The container stops and comes back after CrashLoopBackOff's delay: 1, 2, 4 … ticks, at most 30; the
     * doubling starts over when the container had run {@value #BACKOFF_RESET_TICKS} ticks.
     */
    static void restart(ClusterState s, int p, byte reason) {
        int w = s.podWorkload[p];
        if (s.podStarted[p] >= 0 && s.tick - s.podStarted[p] >= BACKOFF_RESET_TICKS) {
            s.podBackoffStep[p] = 0;
        }
        s.setReady(p, false);
        s.podLastTermination[p] = reason;
        s.podRestarts[p]++;
        s.restartsTotal[w]++;
        int step = s.podBackoffStep[p];
        s.podBackoffStep[p] = (byte) Math.min(step + 1, 5);
        s.podBackoffUntil[p] = s.tick + Math.min(MAX_BACKOFF_TICKS, 1 << step);
        s.podPhase[p] = ClusterState.CRASH_BACKOFF;
        s.podStarted[p] = -1;
        s.podCpu[p] = 0;
        s.podMemory[p] = 0;
    }
}
