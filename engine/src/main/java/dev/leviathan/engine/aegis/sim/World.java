package dev.leviathan.engine.aegis.sim;

import dev.leviathan.engine.aegis.scenario.HpaSpec;
import dev.leviathan.engine.aegis.scenario.Labels;
import dev.leviathan.engine.aegis.scenario.NetworkPolicySpec;
import dev.leviathan.engine.aegis.scenario.PdbSpec;
import dev.leviathan.engine.aegis.scenario.QuotaSpec;
import dev.leviathan.engine.aegis.scenario.Scenario;
import dev.leviathan.engine.aegis.scenario.ServiceSpec;
import dev.leviathan.engine.aegis.scenario.TrafficSpec;
import dev.leviathan.engine.aegis.scenario.WorkloadSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What never changes during a run, indexed once: the scenario, the position of every workload, service,
 * policy and quota, the call graph and the order workloads are evaluated in. Forks share it.
 */
final class World {

    final Scenario scenario;
    final WorkloadSpec[] workloads;
    final ServiceSpec[] services;
    final NetworkPolicySpec[] policies;
    final QuotaSpec[] quotas;
    final Map<String, Integer> workloadIndex = new HashMap<>();
    final Map<String, Integer> serviceIndex = new HashMap<>();
    final Map<String, Integer> policyIndex = new HashMap<>();
    final Map<String, Integer> quotaIndex = new HashMap<>();

    /** The Service that traffic to and calls of each workload go through. */
    final int[] serviceOf;
    /** Quotas each workload counts against. */
    final int[][] quotasOf;
    /** Call edges caller → callee, in workload then {@code depends_on} order. */
    final int[] edgeFrom;
    final int[] edgeTo;
    /** Edges leaving each workload. */
    final int[][] edgesOf;
    /** Workloads ordered so that a callee comes before its callers (cycles broken by file order). */
    final int[] calleesFirst;
    /** External traffic specs per workload. */
    final TrafficSpec[][] trafficOf;

    World(Scenario scenario) {
        this.scenario = scenario;
        workloads = scenario.workloads().toArray(WorkloadSpec[]::new);
        services = scenario.services().toArray(ServiceSpec[]::new);
        policies = scenario.networkPolicies().toArray(NetworkPolicySpec[]::new);
        quotas = scenario.quotas().toArray(QuotaSpec[]::new);
        for (int i = 0; i < workloads.length; i++) {
            workloadIndex.put(workloads[i].name(), i);
        }
        for (int i = 0; i < services.length; i++) {
            serviceIndex.put(services[i].name(), i);
        }
        for (int i = 0; i < policies.length; i++) {
            policyIndex.put(policies[i].name(), i);
        }
        for (int i = 0; i < quotas.length; i++) {
            quotaIndex.put(quotas[i].name(), i);
        }
        serviceOf = new int[workloads.length];
        quotasOf = new int[workloads.length][];
        trafficOf = new TrafficSpec[workloads.length][];
        edgesOf = new int[workloads.length][];
        List<int[]> edges = new ArrayList<>();
        for (int w = 0; w < workloads.length; w++) {
            serviceOf[w] = serviceFor(workloads[w]);
            String name = workloads[w].name();
            quotasOf[w] = java.util.stream.IntStream.range(0, quotas.length)
                    .filter(q -> quotas[q].workloads().contains(name)).toArray();
            trafficOf[w] = scenario.traffic().stream().filter(t -> t.workload().equals(name))
                    .toArray(TrafficSpec[]::new);
            List<Integer> own = new ArrayList<>();
            for (String callee : workloads[w].dependsOn()) {
                Integer to = workloadIndex.get(callee);
                if (to == null) {
                    throw new IllegalArgumentException("workload " + name + " depends on unknown workload " + callee);
                }
                own.add(edges.size());
                edges.add(new int[] {w, to});
            }
            edgesOf[w] = own.stream().mapToInt(Integer::intValue).toArray();
        }
        edgeFrom = edges.stream().mapToInt(e -> e[0]).toArray();
        edgeTo = edges.stream().mapToInt(e -> e[1]).toArray();
        calleesFirst = calleesFirstOrder();
    }

    private int serviceFor(WorkloadSpec workload) {
        Integer named = serviceIndex.get(workload.name());
        if (named != null && services[named].selects(workload.labels())) {
            return named;
        }
        for (int s = 0; s < services.length; s++) {
            if (services[s].selects(workload.labels())) {
                return s;
            }
        }
        throw new IllegalArgumentException("no Service selects workload " + workload.name());
    }

    /** Depth-first post-order over callees, starting from workloads in file order: deterministic, cycle-safe. */
    private int[] calleesFirstOrder() {
        int[] order = new int[workloads.length];
        boolean[] seen = new boolean[workloads.length];
        int[] next = {0};
        for (int w = 0; w < workloads.length; w++) {
            visit(w, seen, order, next);
        }
        return order;
    }

    private void visit(int w, boolean[] seen, int[] order, int[] next) {
        if (seen[w]) {
            return;
        }
        seen[w] = true;
        for (int e : edgesOf[w]) {
            visit(edgeTo[e], seen, order, next);
        }
        order[next[0]++] = w;
    }

    int workload(String name) {
        Integer index = workloadIndex.get(name);
        if (index == null) {
            throw new IllegalArgumentException("unknown workload " + name);
        }
        return index;
    }

    int hpaIndexOf(int w) {
        List<HpaSpec> hpas = scenario.hpas();
        for (int i = 0; i < hpas.size(); i++) {
            if (hpas.get(i).workload().equals(workloads[w].name())) {
                return i;
            }
        }
        return -1;
    }

    int pdbMinAvailable(int w) {
        for (PdbSpec pdb : scenario.pdbs()) {
            if (pdb.workload().equals(workloads[w].name())) {
                return pdb.minAvailable();
            }
        }
        return -1;
    }

    boolean policySelects(int policy, int w) {
        return Labels.matches(policies[policy].selector(), workloads[w].labels());
    }

    static int[] copy(int[] a) {
        return Arrays.copyOf(a, a.length);
    }
}
