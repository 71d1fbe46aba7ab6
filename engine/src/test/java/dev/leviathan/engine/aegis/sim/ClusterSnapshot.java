package dev.leviathan.engine.aegis.sim;

import java.util.List;

/**
 * Everything a {@link ClusterView} and {@link TickMetrics} show of a simulation, as values: two
 * snapshots are equal exactly when an operator could not tell the two clusters apart, tick and trace
 * hash included. Records compare doubles by their bits, so "equal" here means exactly equal.
 */
record ClusterSnapshot(int tick, long traceHash, List<ClusterView.WorkloadStatus> workloads,
        List<List<ClusterView.PodStatus>> pods, List<ClusterView.NodeStatus> nodes,
        List<ClusterView.ServiceStatus> services, List<ClusterView.PolicyStatus> policies,
        List<ClusterView.QuotaStatus> quotas, List<ClusterView.EdgeStatus> edges, TickMetrics metrics,
        double nodeMinutes, double replicaMinutes, int disruptions) {

    static ClusterSnapshot of(Simulation sim) {
        ClusterView view = sim.view();
        List<ClusterView.WorkloadStatus> workloads = view.workloads();
        List<List<ClusterView.PodStatus>> pods = workloads.stream().map(w -> view.pods(w.name())).toList();
        return new ClusterSnapshot(view.tick(), sim.traceHash(), workloads, pods, view.nodes(), view.services(),
                view.networkPolicies(), view.quotas(), view.edges(), sim.metrics(), view.nodeMinutes(),
                view.replicaMinutes(), view.disruptions());
    }
}
