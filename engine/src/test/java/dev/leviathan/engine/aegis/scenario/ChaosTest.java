package dev.leviathan.engine.aegis.scenario;

import static dev.leviathan.engine.aegis.scenario.Scenarios.loadWith;
import static dev.leviathan.engine.aegis.scenario.Scenarios.problemWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ChaosTest {

    /** What every chaos type may refer to: an HPA, a quota and a policy (the node, zone and Service exist). */
    private static final String TARGETS = """
            hpas:
              - {workload: web, min: 1, max: 4, cpu_target_percent: 70}
            quotas:
              - {name: team, workloads: [web], max_pods: 10}
            network_policies:
              - {name: web-ingress, selector: {app: web}, allow_from: []}
            """;

    @Test
    void readsEverySeventeenChaosTypeIntoItsRecord() {
        Scenario scenario = loadWith(TARGETS + """
                chaos:
                  - {at: 1, type: node_drain, node: n1}
                  - {at: 2, type: node_failure, node: n1, duration: 5}
                  - {at: 3, type: zone_outage, zone: a}
                  - {at: 4, type: oom_storm, workload: web, factor: 2.2}
                  - {at: 5, type: burst_traffic, workload: web, factor: 3}
                  - {at: 6, type: probe_failure, workload: web, probe: liveness, latency_ms: 1500}
                  - {at: 7, type: netpol_lockout, policy: web-ingress}
                  - {at: 8, type: bad_rollout, workload: web}
                  - {at: 9, type: image_pull_failure, workload: web}
                  - {at: 10, type: node_taint, node: n1, taint: {key: gpu, effect: NoExecute}}
                  - {at: 11, type: cpu_throttle, workload: web, factor: 1.5}
                  - {at: 12, type: dependency_slowdown, workload: web, latency_ms: 900}
                  - {at: 13, type: service_misconfig, service: web, target_port: 9090}
                  - {at: 14, type: quota_squeeze, quota: team, cpu: 500m}
                  - {at: 15, type: scale_to_zero, workload: web}
                  - {at: 16, type: missing_limits, workload: web}
                  - {at: 17, type: hpa_misconfig, workload: web, max: 1, cpu_target_percent: 5}
                """);

        OptionalInt always = OptionalInt.empty();
        assertThat(scenario.chaos()).containsExactly(
                new ChaosSpec.NodeDrain(1, always, "n1"),
                new ChaosSpec.NodeFailure(2, OptionalInt.of(5), "n1"),
                new ChaosSpec.ZoneOutage(3, always, "a"),
                new ChaosSpec.OomStorm(4, always, "web", 2.2),
                new ChaosSpec.BurstTraffic(5, always, "web", 3.0),
                new ChaosSpec.ProbeFailure(6, always, "web", ProbeKind.LIVENESS, 1500),
                new ChaosSpec.NetpolLockout(7, always, "web-ingress"),
                new ChaosSpec.BadRollout(8, always, "web"),
                new ChaosSpec.ImagePullFailure(9, always, "web"),
                new ChaosSpec.NodeTaint(10, always, "n1", new Taint("gpu", "", TaintEffect.NO_EXECUTE)),
                new ChaosSpec.CpuThrottle(11, always, "web", 1.5),
                new ChaosSpec.DependencySlowdown(12, always, "web", 900),
                new ChaosSpec.ServiceMisconfig(13, always, "web", 9090),
                new ChaosSpec.QuotaSqueeze(14, always, "team", OptionalInt.empty(), OptionalLong.of(500),
                        OptionalLong.empty()),
                new ChaosSpec.ScaleToZero(15, always, "web"),
                new ChaosSpec.MissingLimits(16, always, "web"),
                new ChaosSpec.HpaMisconfig(17, always, "web", OptionalInt.of(5), OptionalInt.of(1), OptionalInt.empty()));
        assertThat(scenario.chaos()).extracting(ChaosSpec::type).containsExactly(ChaosType.values());
    }

    @Test
    void rejectsUnknownChaosTypeSuggestingTheClosest() {
        ScenarioProblem p = problemWith("""
                chaos:
                  - {at: 5, type: oom_strom, workload: web, factor: 2}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(9, 19, "chaos[0].type");
        assertThat(p.message()).isEqualTo("'oom_strom' is not a chaos type");
        assertThat(p.hint()).startsWith("did you mean 'oom_storm'? Use one of: node_drain, node_failure, zone_outage")
                .endsWith("missing_limits, hpa_misconfig");
    }

    @Test
    void rejectsChaosWithFieldOfAnotherType() {
        ScenarioProblem p = problemWith("""
                chaos:
                  - {at: 5, type: node_drain, node: n1, factor: 2}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(9, 41, "chaos[0].factor");
        assertThat(p.message()).isEqualTo("'factor' is not a field of chaos type node_drain; it belongs to "
                + "oom_storm, burst_traffic, cpu_throttle");
        assertThat(p.hint()).isEqualTo("chaos type node_drain takes: type, at, duration, node");
    }

    @Test
    void rejectsChaosMissingAFieldItsTypeNeeds() {
        ScenarioProblem p = problemWith("""
                chaos:
                  - {at: 5, type: oom_storm, workload: web}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(9, 5, "chaos[0].factor");
        assertThat(p.message()).isEqualTo("missing required field 'factor'");
        assertThat(p.hint()).startsWith("oom_storm needs workload, factor, like {at: 30, type: oom_storm, workload: web,");
    }

    @Test
    void rejectsProbeFailureOfAProbeThatIsNotReadinessOrLiveness() {
        ScenarioProblem p = problemWith("""
                chaos:
                  - {at: 5, type: probe_failure, workload: web, probe: startup, latency_ms: 2000}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(9, 56, "chaos[0].probe");
        assertThat(p.hint()).isEqualTo("use one of: readiness, liveness");
    }

    @Test
    void rejectsNodeTaintWithoutAnEffect() {
        ScenarioProblem p = problemWith("""
                chaos:
                  - {at: 5, type: node_taint, node: n1, taint: {key: gpu}}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(9, 48, "chaos[0].taint.effect");
        assertThat(p.hint()).isEqualTo("effect is one of NoSchedule, PreferNoSchedule, NoExecute");
    }

    @Test
    void rejectsQuotaSqueezeThatShrinksNothing() {
        ScenarioProblem p = problemWith(TARGETS + """
                chaos:
                  - {at: 5, type: quota_squeeze, quota: team}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(15, 5, "chaos[0]");
        assertThat(p.message()).isEqualTo("quota_squeeze needs at least one of max_pods, cpu, memory");
        assertThat(p.hint()).startsWith("quota_squeeze needs quota and at least one of max_pods, cpu, memory, like");
    }

    @Test
    void rejectsHpaMisconfigThatPatchesNothing() {
        ScenarioProblem p = problemWith(TARGETS + """
                chaos:
                  - {at: 5, type: hpa_misconfig, workload: web}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(15, 5, "chaos[0]");
        assertThat(p.message()).isEqualTo("hpa_misconfig needs at least one of cpu_target_percent, max, min");
    }

    @Test
    void rejectsChaosThatStartsWhenTheRunHasEnded() {
        ScenarioProblem p = problemWith("""
                chaos:
                  - {at: 100, type: bad_rollout, workload: web}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(9, 10, "chaos[0].at");
        assertThat(p.message()).isEqualTo("tick 100 is not within the run (ticks: 100)");
        assertThat(p.hint()).isEqualTo("use a tick from 0 to 99");
    }

    @Test
    void rejectsChaosWithoutAStartTick() {
        ScenarioProblem p = problemWith("""
                chaos:
                  - {type: bad_rollout, workload: web}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(9, 5, "chaos[0].at");
    }

    @Test
    void rejectsZeroDuration() {
        ScenarioProblem p = problemWith("""
                chaos:
                  - {at: 5, type: bad_rollout, workload: web, duration: 0}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(9, 57, "chaos[0].duration");
        assertThat(p.message()).isEqualTo("must be at least 1 tick, found 0");
    }

    @Test
    void acceptsStartAndDurationWrittenAsTime() {
        Scenario scenario = loadWith("""
                chaos:
                  - {at: 5m, type: scale_to_zero, workload: web, duration: 1h}
                """);

        assertThat(scenario.chaos()).containsExactly(new ChaosSpec.ScaleToZero(30, OptionalInt.of(360), "web"));
        assertThat(scenario.chaos().getFirst().endTick()).isEqualTo(390);
    }

    @Test
    void endTickOfAnEventLongerThanAnIntCountsIsTheEndOfTime() {
        ChaosSpec spec = loadWith("chaos: [{at: 50, type: bad_rollout, workload: web, duration: 2147483647}]\n")
                .chaos().getFirst();

        assertThat(spec.endTick()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void acceptsChaosAtTickZero() {
        assertThat(loadWith("chaos: [{at: 0, type: bad_rollout, workload: web}]\n").chaos())
                .containsExactly(new ChaosSpec.BadRollout(0, OptionalInt.empty(), "web"));
    }

    @Test
    void rejectsFactorOfZero() {
        ScenarioProblem p = problemWith("""
                chaos:
                  - {at: 5, type: burst_traffic, workload: web, factor: 0}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(9, 57, "chaos[0].factor");
        assertThat(p.message()).isEqualTo("must be more than 0, found 0");
    }

    @Test
    void marksLockedOutPolicyDormantAndLeavesTheOthersInForce() {
        Scenario scenario = loadWith("""
                network_policies:
                  - {name: locked, selector: {app: web}, allow_from: [{app: nobody}]}
                  - {name: open, selector: {app: web}, allow_from: [{app: web}]}
                chaos:
                  - {at: 50, type: netpol_lockout, policy: locked}
                """);

        assertThat(scenario.networkPolicies()).extracting(NetworkPolicySpec::name, NetworkPolicySpec::dormantUntilChaos)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("locked", true),
                        org.assertj.core.groups.Tuple.tuple("open", false));
    }
}
