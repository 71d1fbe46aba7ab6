package dev.leviathan.engine.aegis.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.aegis.scenario.ScenarioFile;
import dev.leviathan.engine.aegis.scenario.ScenarioLoader;
import dev.leviathan.engine.aegis.sim.Simulation;
import dev.leviathan.engine.aegis.sim.TickMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Scenarios nobody wrote by hand: random clusters, workloads and chaos of every type, written only
 * with the contract's fields, in all their optional shapes. Each must load, run under every baseline
 * without an exception, keep the metrics' invariants on every tick, and repeat its trace hash.
 */
class GeneratedScenariosTest {

    private static final String[] CHAOS = {"node_drain", "node_failure", "zone_outage", "oom_storm", "burst_traffic",
            "probe_failure", "netpol_lockout", "bad_rollout", "image_pull_failure", "node_taint", "cpu_throttle",
            "dependency_slowdown", "service_misconfig", "quota_squeeze", "scale_to_zero", "missing_limits", "hpa_misconfig"};

    @Test
    void randomContractScenariosLoadRunUnderEveryBaselineAndRepeat() {
        SplittableRandom random = new SplittableRandom(20261201);
        for (int c = 0; c < 60; c++) {
            long caseSeed = random.nextLong();
            String yaml = generate(new SplittableRandom(caseSeed), c);
            ScenarioFile file = ScenarioLoader.parse(yaml, "generated-" + c + ".yaml");
            for (String policy : Baselines.NAMES) {
                RunSetup setup = new RunSetup("g" + c, file.scenario(), yaml, file.sha256(), file.scenario().seed(), policy);
                List<String> broken = new ArrayList<>();
                RunListener invariants = new RunListener() {
                    @Override
                    public void ticked(TickMetrics m, Simulation simulation) {
                        if (m.nodesReady() > m.nodes()) {
                            broken.add("tick " + m.tick() + ": more nodes ready than exist");
                        }
                        for (TickMetrics.WorkloadMetrics w : m.workloads()) {
                            if (w.ready() > w.pods() || w.errorRate() < 0 || w.errorRate() > 1 || w.latencyMs() < 0
                                    || Double.isNaN(w.latencyMs()) || Double.isNaN(w.rps()) || w.availability() < 0) {
                                broken.add("tick " + m.tick() + ": " + w);
                            }
                        }
                    }
                };
                String context = "case " + c + " (seed " + caseSeed + ") under " + policy + ":\n" + yaml;
                RunResult first = ScenarioRun.run(setup, Baselines.create(policy, file.scenario(), 3).orElseThrow(), invariants);
                RunResult second = ScenarioRun.run(setup, Baselines.create(policy, file.scenario(), 3).orElseThrow(),
                        RunListener.NONE);
                assertThat(broken).as(context).isEmpty();
                assertThat(second.traceHash()).as(context).isEqualTo(first.traceHash());
            }
        }
    }

    private static String generate(SplittableRandom r, int c) {
        StringBuilder y = new StringBuilder();
        y.append("id: generated-").append(c).append("\nseed: ").append(r.nextInt(1000)).append("\nticks: ")
                .append(60 + r.nextInt(120)).append("\ncluster:\n  nodes:\n");
        int groups = 1 + r.nextInt(3);
        List<String> nodes = new ArrayList<>();
        List<String> zones = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            String zone = "z" + g;
            zones.add(zone);
            if (r.nextBoolean()) {
                int count = 1 + r.nextInt(4);
                y.append("    - {count: ").append(count).append(", name_prefix: g").append(g).append("-, zone: ").append(zone)
                        .append(", cpu: ").append(r.nextBoolean() ? (2 + r.nextInt(6)) : (2000 + 1000 * r.nextInt(6)) + "m")
                        .append(", memory: ").append(4 + r.nextInt(12)).append("Gi}\n");
                for (int i = 0; i < count; i++) {
                    nodes.add("g" + g + "-" + i);
                }
            } else {
                String name = "node-" + g;
                nodes.add(name);
                y.append("    - name: ").append(name).append("\n      zone: ").append(zone)
                        .append("\n      cpu: 4000m\n      memory: ").append(8192 + 1024 * r.nextInt(8))
                        .append("\n      labels: {pool: p").append(g).append("}\n      taints: []\n");
            }
        }
        int workloads = 2 + r.nextInt(3);
        y.append("workloads:\n");
        for (int w = 0; w < workloads; w++) {
            y.append("  - name: w").append(w).append("\n");
            y.append("    kind: ").append(r.nextInt(4) == 0 ? "StatefulSet" : "Deployment").append("\n");
            y.append("    replicas: ").append(1 + r.nextInt(5)).append("\n");
            y.append("    requests: {cpu: ").append(100 + 50 * r.nextInt(6)).append("m, memory: ").append(128 * (1 + r.nextInt(4)))
                    .append("Mi}\n");
            if (r.nextBoolean()) {
                y.append("    limits: {cpu: ").append(r.nextBoolean() ? "1" : "800m").append(", memory: 1Gi}\n");
            }
            y.append("    usage: {cpu: ").append(50 + 10 * r.nextInt(10)).append("m, memory: ").append(100 + 20 * r.nextInt(5))
                    .append("Mi, cpu_per_rps: 1m, memory_per_rps: 0.5Mi}\n");
            y.append("    capacity_rps: ").append(40 + 10 * r.nextInt(8)).append("\n");
            if (r.nextBoolean()) {
                y.append("    startup_ticks: ").append(1 + r.nextInt(3)).append("\n");
                y.append("    probes:\n      readiness: {timeout_ms: 1000, failure_threshold: 3}\n"
                        + "      liveness:  {timeout_ms: 1000, failure_threshold: 5}\n");
            }
            y.append("    latency_ms: ").append(20 + 10 * r.nextInt(10)).append("\n");
            if (r.nextBoolean()) {
                y.append("    port: ").append(8000 + w).append("\n");
            }
            if (w + 1 < workloads && r.nextInt(3) > 0) {
                y.append("    depends_on: [w").append(w + 1).append("]\n");
            }
            y.append("    labels: {app: w").append(w).append("}\n");
        }
        boolean hpa = r.nextBoolean();
        if (hpa) {
            y.append("hpas:\n  - {workload: w0, min: 1, max: ").append(3 + r.nextInt(6)).append(", cpu_target_percent: 70}\n");
        }
        y.append("services:\n  - {name: w1-svc, selector: {app: w1}, port: 80, target_port: ").append(8080).append("}\n");
        y.append("quotas:\n  - {name: q, workloads: [w0, w1], max_pods: ").append(20 + r.nextInt(10)).append("}\n");
        y.append("pdbs:\n  - {workload: w1, min_available: 1}\n");
        y.append("network_policies:\n  - {name: lock, selector: {app: w1}, allow_from: [{app: nobody}]}\n");
        y.append("traffic:\n");
        switch (r.nextInt(3)) {
            case 0 -> y.append("  - {workload: w0, rps: ").append(50 + r.nextInt(150)).append(", pattern: constant}\n");
            case 1 -> y.append("  - {workload: w0, rps: 80, pattern: ramp, to: ").append(100 + r.nextInt(200)).append(", over: 40}\n");
            default -> y.append("  - {workload: w0, rps: 100, pattern: diurnal}\n");
        }
        y.append("chaos:\n");
        int events = 1 + r.nextInt(3);
        for (int e = 0; e < events; e++) {
            String type = CHAOS[r.nextInt(CHAOS.length)];
            if (type.equals("hpa_misconfig") && !hpa) {
                type = "scale_to_zero";
            }
            y.append("  - {at: ").append(5 + r.nextInt(40)).append(", type: ").append(type);
            String workload = "w" + r.nextInt(workloads);
            switch (type) {
                case "node_drain", "node_failure" -> y.append(", node: ").append(nodes.get(r.nextInt(nodes.size())));
                case "zone_outage" -> y.append(", zone: ").append(zones.get(r.nextInt(zones.size())));
                case "oom_storm", "cpu_throttle" -> y.append(", workload: ").append(workload).append(", factor: ").append(2 + r.nextInt(4));
                case "burst_traffic" -> y.append(", workload: w0, factor: ").append(2 + r.nextInt(3));
                case "probe_failure" -> y.append(", workload: ").append(workload).append(", probe: ")
                        .append(r.nextBoolean() ? "readiness" : "liveness").append(", latency_ms: 1500");
                case "netpol_lockout" -> y.append(", policy: lock");
                case "bad_rollout", "image_pull_failure", "scale_to_zero", "missing_limits" ->
                        y.append(", workload: ").append(workload);
                case "node_taint" -> y.append(", node: ").append(nodes.get(r.nextInt(nodes.size())))
                        .append(", taint: {key: k, value: v, effect: ").append(r.nextBoolean() ? "NoSchedule" : "NoExecute").append("}");
                case "dependency_slowdown" -> y.append(", workload: ").append(workload).append(", latency_ms: ").append(500 + r.nextInt(2000));
                case "service_misconfig" -> y.append(", service: w1-svc, target_port: 9999");
                case "quota_squeeze" -> y.append(", quota: q, max_pods: ").append(1 + r.nextInt(4));
                case "hpa_misconfig" -> y.append(", workload: w0, ").append(r.nextBoolean() ? "max: 1" : "cpu_target_percent: 5");
                default -> throw new IllegalStateException(type);
            }
            if (r.nextBoolean()) {
                y.append(", duration: ").append(5 + r.nextInt(40));
            }
            y.append("}\n");
        }
        y.append("objectives:\n  - {type: availability, workload: w0, min_ready_ratio: 0.9, from: 50}\n"
                + "  - {type: error_rate, workload: w0, max: 0.05, from: 50}\n  - {type: cost, max_nodes: 20}\n");
        y.append("expected:\n  diagnosis: {name: healthy}\n  remedies: [noop]\n");
        return y.toString();
    }
}
