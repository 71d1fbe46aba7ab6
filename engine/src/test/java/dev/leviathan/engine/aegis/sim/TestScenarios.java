package dev.leviathan.engine.aegis.sim;

import dev.leviathan.engine.aegis.scenario.ChaosSpec;
import dev.leviathan.engine.aegis.scenario.HpaSpec;
import dev.leviathan.engine.aegis.scenario.Limits;
import dev.leviathan.engine.aegis.scenario.NetworkPolicySpec;
import dev.leviathan.engine.aegis.scenario.NodeSpec;
import dev.leviathan.engine.aegis.scenario.Objective;
import dev.leviathan.engine.aegis.scenario.PdbSpec;
import dev.leviathan.engine.aegis.scenario.Probe;
import dev.leviathan.engine.aegis.scenario.QuotaSpec;
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
import java.util.OptionalLong;
import java.util.TreeMap;

/** Scenarios built in code for simulator tests, so they do not depend on the YAML loader. */
final class TestScenarios {

    final List<NodeSpec> nodes = new ArrayList<>();
    final List<WorkloadSpec> workloads = new ArrayList<>();
    final List<HpaSpec> hpas = new ArrayList<>();
    final List<ServiceSpec> services = new ArrayList<>();
    final List<QuotaSpec> quotas = new ArrayList<>();
    final List<PdbSpec> pdbs = new ArrayList<>();
    final List<NetworkPolicySpec> policies = new ArrayList<>();
    final List<TrafficSpec> traffic = new ArrayList<>();
    final List<ChaosSpec> chaos = new ArrayList<>();
    final List<Objective> objectives = new ArrayList<>();
    long seed = 7;
    int ticks = 200;

    static TestScenarios cluster(int nodeCount, long cpuMillis, long memoryMib) {
        TestScenarios t = new TestScenarios();
        for (int i = 0; i < nodeCount; i++) {
            t.nodes.add(new NodeSpec("node-" + i, i % 2 == 0 ? "a" : "b", cpuMillis, memoryMib,
                    new TreeMap<>(Map.of("pool", "general")), List.of()));
        }
        return t;
    }

    TestScenarios workload(String name, int replicas, long memoryLimitMib, long memoryUsageMib, double capacityRps,
            List<String> dependsOn) {
        workloads.add(new WorkloadSpec(name, WorkloadKind.DEPLOYMENT, replicas, new Resources(250, 256),
                Limits.of(1000, memoryLimitMib), new Usage(100, memoryUsageMib, 2, 0.5), capacityRps, 2, Probe.DEFAULT,
                Probe.DEFAULT, 50, 8080, new TreeMap<>(), List.of(), dependsOn, new TreeMap<>(Map.of("app", name))));
        return this;
    }

    TestScenarios workload(WorkloadSpec spec) {
        workloads.add(spec);
        return this;
    }

    TestScenarios traffic(String workload, double rps) {
        traffic.add(new TrafficSpec(workload, rps, new TrafficPattern.Constant()));
        return this;
    }

    TestScenarios chaos(ChaosSpec event) {
        chaos.add(event);
        return this;
    }

    TestScenarios hpa(String workload, int min, int max, int cpuTargetPercent) {
        hpas.add(new HpaSpec(workload, min, max, cpuTargetPercent, HpaSpec.DEFAULT_STABILIZATION_TICKS));
        return this;
    }

    TestScenarios quota(String name, int maxPods, String... members) {
        quotas.add(new QuotaSpec(name, List.of(members), OptionalInt.of(maxPods),
                OptionalLong.empty(), OptionalLong.empty()));
        return this;
    }

    TestScenarios pdb(String workload, int minAvailable) {
        pdbs.add(new PdbSpec(workload, minAvailable));
        return this;
    }

    /** An ingress policy on pods labelled {@code app: selectedApp} that lets only {@code app: allowedApp} in. */
    TestScenarios policy(String name, String selectedApp, String allowedApp, boolean dormantUntilChaos) {
        policies.add(new NetworkPolicySpec(name, new TreeMap<>(Map.of("app", selectedApp)),
                List.of(new TreeMap<>(Map.of("app", allowedApp))), dormantUntilChaos));
        return this;
    }

    Scenario build() {
        List<ServiceSpec> all = new ArrayList<>(services);
        for (WorkloadSpec w : workloads) {
            boolean selected = services.stream().anyMatch(s -> s.selects(w.labels()));
            if (!selected) {
                all.add(new ServiceSpec(w.name(), w.labels(), 80, w.port(), false));
            }
        }
        return new Scenario("test", "built in code", seed, ticks, nodes, workloads, hpas, all, quotas, pdbs, policies,
                traffic, chaos, objectives, Optional.empty());
    }

    /** web (4 replicas) calls api (3 replicas), 180 rps at web, three 4-core 16 GiB nodes. */
    static TestScenarios webAndApi() {
        return cluster(3, 4000, 16384)
                .workload("web", 4, 512, 300, 60, List.of("api"))
                .workload("api", 3, 512, 200, 100, List.of())
                .traffic("web", 180);
    }

    /**
     * {@link #webAndApi()} with one of each control a plan can name: an HPA on web, a quota over both, a
     * PodDisruptionBudget on api, a harmless policy in force and a dormant one that locks web out of api
     * from tick 50 to 80.
     */
    static TestScenarios webAndApiWithControls() {
        return webAndApi()
                .hpa("web", 2, 10, 70)
                .quota("team", 20, "web", "api")
                .pdb("api", 2)
                .policy("web-ingress", "web", "api", false)
                .policy("api-lockout", "api", "reporting", true)
                .chaos(new ChaosSpec.NetpolLockout(50, OptionalInt.of(30), "api-lockout"));
    }
}
