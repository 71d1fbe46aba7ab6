package dev.leviathan.engine.aegis.scenario;

import java.util.List;
import java.util.Optional;

/**
 * One AEGIS-K8s scenario, as {@code shared/AEGIS-SCENARIOS.md} defines it, parsed and checked: every
 * reference resolves, every unit is converted (cpu in millicores, memory in MiB, time in ticks), every
 * default is filled in. The simulator trusts it.
 *
 * @param nodes node groups already expanded into single nodes, in file order
 * @param services the declared Services followed by one default Service per workload no declared Service
 *     selects, so every workload is reachable through exactly the Services listed here
 * @param expected what {@code aegis eval} scores against; empty when the file has no {@code expected}
 */
public record Scenario(
        String id,
        String description,
        long seed,
        int ticks,
        List<NodeSpec> nodes,
        List<WorkloadSpec> workloads,
        List<HpaSpec> hpas,
        List<ServiceSpec> services,
        List<QuotaSpec> quotas,
        List<PdbSpec> pdbs,
        List<NetworkPolicySpec> networkPolicies,
        List<TrafficSpec> traffic,
        List<ChaosSpec> chaos,
        List<Objective> objectives,
        Optional<Expected> expected) {

    /** Simulated seconds per tick. */
    public static final int SECONDS_PER_TICK = 10;

    public Scenario {
        nodes = List.copyOf(nodes);
        workloads = List.copyOf(workloads);
        hpas = List.copyOf(hpas);
        services = List.copyOf(services);
        quotas = List.copyOf(quotas);
        pdbs = List.copyOf(pdbs);
        networkPolicies = List.copyOf(networkPolicies);
        traffic = List.copyOf(traffic);
        chaos = List.copyOf(chaos);
        objectives = List.copyOf(objectives);
    }

    public Optional<WorkloadSpec> workload(String name) {
        return workloads.stream().filter(w -> w.name().equals(name)).findFirst();
    }

    public Optional<NodeSpec> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** The same scenario run for another seed: everything else, including {@code expected}, stays. */
    public Scenario withSeed(long newSeed) {
        return new Scenario(id, description, newSeed, ticks, nodes, workloads, hpas, services, quotas, pdbs,
                networkPolicies, traffic, chaos, objectives, expected);
    }
}
