package dev.leviathan.engine.aegis.sim;

import java.util.List;

/** One tick's numbers, for objectives, recordings and live views. */
public record TickMetrics(int tick, List<WorkloadMetrics> workloads, int nodes, int nodesReady, double nodeMinutes,
        double replicaMinutes, long traceHash) {

    public TickMetrics {
        workloads = List.copyOf(workloads);
    }

    public WorkloadMetrics workload(String name) {
        return workloads.stream().filter(w -> w.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown workload " + name));
    }

    /**
     * @param availability ready / desired replicas (desired at least 1), so a workload scaled to zero is unavailable
     */
    public record WorkloadMetrics(String name, int desired, int ready, int pods, int pending, double rps,
            double errorRate, double latencyMs, int restarts, double availability) {
    }
}
