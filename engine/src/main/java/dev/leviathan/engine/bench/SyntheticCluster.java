package dev.leviathan.engine.bench;

import dev.leviathan.engine.aegis.scenario.ChaosSpec;
import dev.leviathan.engine.aegis.scenario.Limits;
import dev.leviathan.engine.aegis.scenario.NodeSpec;
import dev.leviathan.engine.aegis.scenario.Probe;
import dev.leviathan.engine.aegis.scenario.Resources;
import dev.leviathan.engine.aegis.scenario.Scenario;
import dev.leviathan.engine.aegis.scenario.ServiceSpec;
import dev.leviathan.engine.aegis.scenario.TrafficPattern;
import dev.leviathan.engine.aegis.scenario.TrafficSpec;
import dev.leviathan.engine.aegis.scenario.Usage;
import dev.leviathan.engine.aegis.scenario.WorkloadKind;
import dev.leviathan.engine.aegis.scenario.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A generated cluster for the simulator benchmarks: {@code nodes} nodes of 16 cores and 64 GiB in three
 * zones, workloads of 50 replicas each in call chains of four, traffic on every chain's head at about
 * 60% of its capacity, a burst and a node failure on the way so restarts and rescheduling are exercised.
 */
final class SyntheticCluster {

    static final int REPLICAS = 50;

    private SyntheticCluster() {
    }

    static Scenario of(int nodeCount, int podCount, int ticks) {
        List<NodeSpec> nodes = new ArrayList<>();
        for (int n = 0; n < nodeCount; n++) {
            nodes.add(new NodeSpec(String.format("node-%04d", n), "zone-" + (n % 3), 16_000, 65_536,
                    new TreeMap<>(Map.of("pool", "general")), List.of()));
        }
        int workloadCount = Math.max(1, podCount / REPLICAS);
        List<WorkloadSpec> workloads = new ArrayList<>();
        List<ServiceSpec> services = new ArrayList<>();
        List<TrafficSpec> traffic = new ArrayList<>();
        for (int w = 0; w < workloadCount; w++) {
            String name = String.format("svc-%04d", w);
            List<String> dependsOn = w % 4 != 3 && w + 1 < workloadCount ? List.of(String.format("svc-%04d", w + 1)) : List.of();
            TreeMap<String, String> labels = new TreeMap<>(Map.of("app", name));
            workloads.add(new WorkloadSpec(name, WorkloadKind.DEPLOYMENT, REPLICAS, new Resources(250, 256),
                    Limits.of(1000, 768), new Usage(80, 200, 1.5, 0.5), 100, 2, Probe.DEFAULT, Probe.DEFAULT, 40, 8080,
                    new TreeMap<>(), List.of(), dependsOn, labels));
            services.add(new ServiceSpec(name, labels, 80, 8080, false));
            if (w % 4 == 0) {
                traffic.add(new TrafficSpec(name, REPLICAS * 100 * 0.6, new TrafficPattern.Constant()));
            }
        }
        List<ChaosSpec> chaos = List.of(
                new ChaosSpec.BurstTraffic(50, OptionalInt.of(100), workloads.getFirst().name(), 1.5),
                new ChaosSpec.NodeFailure(80, OptionalInt.of(200), nodes.getFirst().name()));
        return new Scenario("bench-" + nodeCount + "-" + podCount, "generated for leviathanctl bench aegis", 42, ticks,
                nodes, workloads, List.of(), services, List.of(), List.of(), List.of(), traffic, chaos, List.of(),
                Optional.empty());
    }
}
