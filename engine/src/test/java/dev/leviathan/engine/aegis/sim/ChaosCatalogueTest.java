package dev.leviathan.engine.aegis.sim;

import static dev.leviathan.engine.aegis.sim.SimulationSteps.node;
import static dev.leviathan.engine.aegis.sim.SimulationSteps.runTo;
import static dev.leviathan.engine.aegis.sim.SimulationSteps.workload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.aegis.scenario.ChaosSpec;
import dev.leviathan.engine.aegis.scenario.ChaosType;
import dev.leviathan.engine.aegis.scenario.ProbeKind;
import dev.leviathan.engine.aegis.scenario.Taint;
import dev.leviathan.engine.aegis.scenario.TaintEffect;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One test per chaos type of {@code shared/AEGIS-SCENARIOS.md}, showing the symptom its table promises
 * on {@link TestScenarios#webAndApi()} (web calls api; three nodes, zones a, b, a), and, for events with
 * a {@code duration}, that the cluster shows it no more once the event has ended.
 */
class ChaosCatalogueTest {

    private static final Taint MAINTENANCE = new Taint("maintenance", "", TaintEffect.NO_EXECUTE);

    private static OptionalInt lasting(int ticks) {
        return OptionalInt.of(ticks);
    }

    private static Simulation start(TestScenarios scenario, ChaosSpec chaos) {
        return Simulation.start(scenario.chaos(chaos).build());
    }

    private static ClusterView.ServiceStatus service(Simulation sim, String name) {
        return sim.view().services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static Set<String> nodesOfPods(Simulation sim, String workload) {
        return sim.view().pods(workload).stream().map(ClusterView.PodStatus::node).collect(Collectors.toSet());
    }

    @Test
    void everyChaosTypeOfTheContractHasATestHere() {
        Set<ChaosType> tested = EnumSet.noneOf(ChaosType.class);
        for (var method : ChaosCatalogueTest.class.getDeclaredMethods()) {
            for (ChaosType type : ChaosType.values()) {
                String camel = Arrays.stream(type.name().toLowerCase(java.util.Locale.ROOT).split("_"))
                        .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)).collect(Collectors.joining());
                if (method.isAnnotationPresent(Test.class)
                        && method.getName().startsWith(Character.toLowerCase(camel.charAt(0)) + camel.substring(1))) {
                    tested.add(type);
                }
            }
        }
        assertThat(tested).containsExactlyInAnyOrder(ChaosType.values());
    }

    // ---- node_drain

    @Test
    void nodeDrainCordonsTheNodeAndMovesItsPodsElsewhere() {
        Simulation sim = start(TestScenarios.webAndApi(), new ChaosSpec.NodeDrain(10, OptionalInt.empty(), "node-0"));
        assertThat(runTo(sim, 10).view().nodes().get(0).pods()).isPositive();
        runTo(sim, 25);
        assertThat(node(sim, "node-0").cordoned()).isTrue();
        assertThat(node(sim, "node-0").pods()).isZero();
        assertThat(workload(sim, "web").ready()).isEqualTo(4);
        assertThat(workload(sim, "api").ready()).isEqualTo(3);
        assertThat(nodesOfPods(sim, "web")).doesNotContain("node-0");
    }

    @Test
    void nodeDrainEndingUncordonsTheNode() {
        Simulation sim = start(TestScenarios.webAndApi(), new ChaosSpec.NodeDrain(10, lasting(20), "node-0"));
        assertThat(node(runTo(sim, 25), "node-0").cordoned()).isTrue();
        assertThat(node(runTo(sim, 31), "node-0").cordoned()).isFalse();
        assertThat(node(sim, "node-0").draining()).isFalse();
    }

    // ---- node_failure

    @Test
    void nodeFailureMakesTheNodeNotReadyAndItsPodsAreRescheduledAfterTheGracePeriod() {
        Simulation sim = start(TestScenarios.webAndApi(), new ChaosSpec.NodeFailure(10, OptionalInt.empty(), "node-1"));
        runTo(sim, 20);
        assertThat(node(sim, "node-1").ready()).isFalse();
        assertThat(node(sim, "node-1").pods()).as("still bound during the grace period").isPositive();
        assertThat(workload(sim, "web").ready() + workload(sim, "api").ready()).isLessThan(7);
        runTo(sim, 10 + ChaosPhase.NODE_LOST_GRACE_TICKS);
        assertThat(node(sim, "node-1").pods()).as("one tick before the grace period ends").isPositive();
        runTo(sim, 10 + ChaosPhase.NODE_LOST_GRACE_TICKS + 10);
        assertThat(node(sim, "node-1").pods()).isZero();
        assertThat(workload(sim, "web").ready()).isEqualTo(4);
        assertThat(workload(sim, "api").ready()).isEqualTo(3);
    }

    @Test
    void nodeFailureEndingMakesTheNodeReadyAgain() {
        Simulation sim = start(TestScenarios.webAndApi(), new ChaosSpec.NodeFailure(10, lasting(20), "node-1"));
        assertThat(node(runTo(sim, 20), "node-1").ready()).isFalse();
        assertThat(node(runTo(sim, 31), "node-1").ready()).isTrue();
        assertThat(workload(runTo(sim, 40), "web").ready()).isEqualTo(4);
    }

    // ---- zone_outage

    @Test
    void zoneOutageFailsEveryNodeOfTheZoneAndOnlyThose() {
        Simulation sim = start(TestScenarios.webAndApi(), new ChaosSpec.ZoneOutage(10, OptionalInt.empty(), "a"));
        runTo(sim, 15);
        assertThat(sim.view().nodes()).filteredOn(n -> n.zone().equals("a")).hasSize(2)
                .allSatisfy(n -> assertThat(n.ready()).isFalse());
        assertThat(node(sim, "node-1").ready()).isTrue();
        runTo(sim, 10 + ChaosPhase.NODE_LOST_GRACE_TICKS + 10);
        assertThat(nodesOfPods(sim, "web")).containsExactly("node-1");
        assertThat(workload(sim, "web").ready()).isEqualTo(4);
    }

    @Test
    void zoneOutageEndingBringsTheZoneBack() {
        Simulation sim = start(TestScenarios.webAndApi(), new ChaosSpec.ZoneOutage(10, lasting(20), "a"));
        runTo(sim, 31);
        assertThat(sim.view().nodes()).allSatisfy(n -> assertThat(n.ready()).isTrue());
    }

    // ---- oom_storm

    @Test
    void oomStormOomKillsPodsOverTheirLimitAndTheyRestartWithBackoff() {
        Simulation sim = start(TestScenarios.webAndApi(), new ChaosSpec.OomStorm(10, OptionalInt.empty(), "web", 2.5));
        runTo(sim, 30);
        ClusterView.WorkloadStatus web = workload(sim, "web");
        assertThat(web.oomKills()).isGreaterThanOrEqualTo(4);
        assertThat(web.oomKilledPods()).isPositive();
        assertThat(web.ready()).isLessThan(4);
        assertThat(sim.view().pods("web")).anySatisfy(p -> assertThat(p.phase()).isEqualTo("CrashLoopBackOff"));
        assertThat(workload(sim, "api").restarts()).isZero();
    }

    @Test
    void oomStormEndingStopsTheKillsAndTheWorkloadRecovers() {
        Simulation sim = start(TestScenarios.webAndApi(), new ChaosSpec.OomStorm(10, lasting(30), "web", 2.5));
        runTo(sim, 40 + PodPhase.MAX_BACKOFF_TICKS + 10);
        int kills = workload(sim, "web").oomKills();
        runTo(sim, sim.tick() + 30);
        assertThat(workload(sim, "web").oomKills()).isEqualTo(kills);
        assertThat(workload(sim, "web").ready()).isEqualTo(4);
    }

    // ---- burst_traffic

    @Test
    void burstTrafficMultipliesTheWorkloadsRequestRate() {
        Simulation sim = start(TestScenarios.webAndApi(), new ChaosSpec.BurstTraffic(10, OptionalInt.empty(), "web", 3));
        runTo(sim, 20);
        assertThat(workload(sim, "web").rps()).isBetween(3 * 180 * 0.97, 3 * 180 * 1.03);
        assertThat(workload(sim, "web").errorRate()).as("240 rps of capacity for 540").isGreaterThan(0.4);
    }

    @Test
    void burstTrafficEndingReturnsTheRateToNormal() {
        Simulation sim = start(TestScenarios.webAndApi(), new ChaosSpec.BurstTraffic(10, lasting(20), "web", 3));
        runTo(sim, 35);
        assertThat(workload(sim, "web").rps()).isBetween(180 * 0.97, 180 * 1.03);
        assertThat(workload(sim, "web").errorRate()).isLessThan(0.01);
    }

    // ---- probe_failure

    @Test
    void probeFailureTurnsPodsUnreadyThoughTheyKeepRunning() {
        Simulation sim = start(TestScenarios.webAndApi(),
                new ChaosSpec.ProbeFailure(10, OptionalInt.empty(), "web", ProbeKind.READINESS, 2000));
        runTo(sim, 20);
        ClusterView.WorkloadStatus web = workload(sim, "web");
        assertThat(web.ready()).isZero();
        assertThat(web.runningUnready()).isEqualTo(4);
        assertThat(web.restarts()).isZero();
        assertThat(web.errorRate()).isGreaterThan(0.99);
    }

    @Test
    void probeFailureEndingMakesThePodsReadyAgain() {
        Simulation sim = start(TestScenarios.webAndApi(),
                new ChaosSpec.ProbeFailure(10, lasting(20), "web", ProbeKind.READINESS, 2000));
        assertThat(workload(runTo(sim, 20), "web").ready()).isZero();
        assertThat(workload(runTo(sim, 35), "web").ready()).isEqualTo(4);
    }

    // ---- netpol_lockout

    private static TestScenarios webLockedOutOfApi() {
        return TestScenarios.webAndApi().policy("api-ingress", "api", "reporting", true);
    }

    @Test
    void netpolLockoutFailsTheCallersRequestsWhileTheCalleeStaysReady() {
        Simulation sim = start(webLockedOutOfApi(), new ChaosSpec.NetpolLockout(10, OptionalInt.empty(), "api-ingress"));
        assertThat(workload(runTo(sim, 10), "web").errorRate()).isLessThan(0.01);
        runTo(sim, 20);
        assertThat(workload(sim, "web").errorRate()).isGreaterThan(0.99);
        assertThat(workload(sim, "api").ready()).isEqualTo(3);
        assertThat(workload(sim, "web").ready()).isEqualTo(4);
        assertThat(sim.view().edges()).singleElement().satisfies(e -> {
            assertThat(e.blocked()).isTrue();
            assertThat(e.blockingPolicies()).containsExactly("api-ingress");
        });
    }

    @Test
    void netpolLockoutEndingOpensTheEdgeAgain() {
        Simulation sim = start(webLockedOutOfApi(), new ChaosSpec.NetpolLockout(10, lasting(20), "api-ingress"));
        runTo(sim, 35);
        assertThat(sim.view().edges()).singleElement().satisfies(e -> assertThat(e.blocked()).isFalse());
        assertThat(workload(sim, "web").errorRate()).isLessThan(0.01);
    }

    // ---- bad_rollout

    @Test
    void badRolloutMakesANewRevisionWhosePodsCrashLoopWhileOldPodsKeepServing() {
        Simulation sim = start(TestScenarios.webAndApi(), new ChaosSpec.BadRollout(10, OptionalInt.empty(), "web"));
        runTo(sim, 40);
        ClusterView.WorkloadStatus web = workload(sim, "web");
        assertThat(web.revision()).isEqualTo(2);
        assertThat(web.crashLooping()).isPositive();
        assertThat(web.ready()).as("maxUnavailable 25%% keeps three of four").isGreaterThanOrEqualTo(3);
        assertThat(sim.view().pods("web")).filteredOn(ClusterView.PodStatus::ready)
                .allSatisfy(p -> assertThat(p.revision()).isEqualTo(1));
    }

    @Test
    void badRolloutEndingRollsBackToTheRevisionBefore() {
        Simulation sim = start(TestScenarios.webAndApi(), new ChaosSpec.BadRollout(10, lasting(30), "web"));
        runTo(sim, 60);
        ClusterView.WorkloadStatus web = workload(sim, "web");
        assertThat(web.revision()).isEqualTo(1);
        assertThat(web.crashLooping()).isZero();
        assertThat(web.ready()).isEqualTo(4);
    }

    // ---- image_pull_failure

    @Test
    void imagePullFailureMakesANewRevisionWhosePodsCannotPullTheirImage() {
        Simulation sim = start(TestScenarios.webAndApi(), new ChaosSpec.ImagePullFailure(10, OptionalInt.empty(), "web"));
        runTo(sim, 30);
        ClusterView.WorkloadStatus web = workload(sim, "web");
        assertThat(web.revision()).isEqualTo(2);
        assertThat(web.imagePullBackOff()).isPositive();
        assertThat(web.ready()).isGreaterThanOrEqualTo(3);
        assertThat(sim.view().pods("web")).anySatisfy(p -> assertThat(p.phase()).isEqualTo("ImagePullBackOff"));
    }

    @Test
    void imagePullFailureEndingRollsBack() {
        Simulation sim = start(TestScenarios.webAndApi(), new ChaosSpec.ImagePullFailure(10, lasting(20), "web"));
        runTo(sim, 45);
        assertThat(workload(sim, "web").revision()).isEqualTo(1);
        assertThat(workload(sim, "web").imagePullBackOff()).isZero();
        assertThat(workload(sim, "web").ready()).isEqualTo(4);
    }

    // ---- node_taint

    @Test
    void nodeTaintNoExecuteEvictsPodsThatDoNotTolerateIt() {
        Simulation sim = start(TestScenarios.webAndApi(), new ChaosSpec.NodeTaint(10, OptionalInt.empty(), "node-0", MAINTENANCE));
        runTo(sim, 20);
        assertThat(node(sim, "node-0").taints()).containsExactly(MAINTENANCE);
        assertThat(node(sim, "node-0").pods()).isZero();
        assertThat(workload(sim, "web").ready()).isEqualTo(4);
        assertThat(workload(sim, "web").evictions() + workload(sim, "api").evictions()).isPositive();
    }

    @Test
    void nodeTaintNoScheduleKeepsRunningPodsButNewPodsGoElsewhere() {
        Taint noSchedule = new Taint("dedicated", "batch", TaintEffect.NO_SCHEDULE);
        Simulation sim = start(TestScenarios.webAndApi(), new ChaosSpec.NodeTaint(10, OptionalInt.empty(), "node-0", noSchedule));
        int before = node(runTo(sim, 10), "node-0").pods();
        runTo(sim, 12);
        sim.submit(List.of(new Action.Scale("web", 10)));
        runTo(sim, 20);
        assertThat(node(sim, "node-0").pods()).isEqualTo(before);
        assertThat(workload(sim, "web").ready()).isEqualTo(10);
    }

    @Test
    void nodeTaintEndingRemovesTheTaint() {
        Simulation sim = start(TestScenarios.webAndApi(), new ChaosSpec.NodeTaint(10, lasting(10), "node-0", MAINTENANCE));
        assertThat(node(runTo(sim, 15), "node-0").taints()).containsExactly(MAINTENANCE);
        assertThat(node(runTo(sim, 21), "node-0").taints()).isEmpty();
    }

    // ---- cpu_throttle

    @Test
    void cpuThrottleThrottlesPodsAtTheirCpuLimitAndLatencyRises() {
        Simulation sim = start(TestScenarios.webAndApi(), new ChaosSpec.CpuThrottle(10, OptionalInt.empty(), "web", 8));
        double healthy = workload(runTo(sim, 10), "web").latencyMs();
        runTo(sim, 20);
        ClusterView.WorkloadStatus web = workload(sim, "web");
        assertThat(web.meanCpuMillis()).isCloseTo(1000, org.assertj.core.data.Offset.offset(1.0));
        assertThat(web.throttle()).isGreaterThan(1.3);
        assertThat(web.latencyMs()).isGreaterThan(1.3 * healthy);
        assertThat(workload(sim, "api").throttle()).isEqualTo(1.0);
    }

    @Test
    void cpuThrottleEndingEndsTheThrottling() {
        Simulation sim = start(TestScenarios.webAndApi(), new ChaosSpec.CpuThrottle(10, lasting(20), "web", 8));
        runTo(sim, 35);
        assertThat(workload(sim, "web").throttle()).isEqualTo(1.0);
        assertThat(workload(sim, "web").latencyMs()).isLessThan(130);
    }

    // ---- dependency_slowdown

    @Test
    void dependencySlowdownSlowsTheWorkloadAndItsCallersTimeOut() {
        Simulation sim = start(TestScenarios.webAndApi(),
                new ChaosSpec.DependencySlowdown(10, OptionalInt.empty(), "api", 1500));
        runTo(sim, 20);
        assertThat(workload(sim, "api").latencyMs()).isGreaterThanOrEqualTo(1500);
        assertThat(workload(sim, "api").ready()).isEqualTo(3);
        assertThat(workload(sim, "api").errorRate()).isLessThan(0.01);
        assertThat(workload(sim, "web").errorRate()).as("most api answers come after the 1 s timeout").isGreaterThan(0.5);
    }

    @Test
    void dependencySlowdownEndingHealsTheCallers() {
        Simulation sim = start(TestScenarios.webAndApi(), new ChaosSpec.DependencySlowdown(10, lasting(20), "api", 1500));
        runTo(sim, 35);
        assertThat(workload(sim, "api").latencyMs()).isLessThan(100);
        assertThat(workload(sim, "web").errorRate()).isLessThan(0.01);
    }

    // ---- service_misconfig

    @Test
    void serviceMisconfigLeavesTheServiceWithNoEndpoints() {
        Simulation sim = start(TestScenarios.webAndApi(), new ChaosSpec.ServiceMisconfig(10, OptionalInt.empty(), "api", 9999));
        assertThat(service(runTo(sim, 10), "api").endpoints()).isEqualTo(3);
        runTo(sim, 15);
        assertThat(service(sim, "api").targetPort()).isEqualTo(9999);
        assertThat(service(sim, "api").endpoints()).isZero();
        assertThat(workload(sim, "api").ready()).as("the pods are fine; nothing reaches them").isEqualTo(3);
        assertThat(workload(sim, "web").errorRate()).isGreaterThan(0.99);
    }

    @Test
    void serviceMisconfigEndingRestoresTheTargetPort() {
        Simulation sim = start(TestScenarios.webAndApi(), new ChaosSpec.ServiceMisconfig(10, lasting(10), "api", 9999));
        runTo(sim, 25);
        assertThat(service(sim, "api").targetPort()).isEqualTo(8080);
        assertThat(service(sim, "api").endpoints()).isEqualTo(3);
        assertThat(workload(sim, "web").errorRate()).isLessThan(0.01);
    }

    // ---- quota_squeeze

    private static ChaosSpec squeezeTeamTo4Pods(OptionalInt duration) {
        return new ChaosSpec.QuotaSqueeze(10, duration, "team", OptionalInt.of(4), OptionalLong.empty(), OptionalLong.empty());
    }

    @Test
    void quotaSqueezeRefusesNewPodsSoAScaleUpFails() {
        Simulation sim = start(TestScenarios.webAndApi().quota("team", 10, "web"), squeezeTeamTo4Pods(OptionalInt.empty()));
        runTo(sim, 12);
        sim.submit(List.of(new Action.Scale("web", 8)));
        runTo(sim, 25);
        ClusterView.WorkloadStatus web = workload(sim, "web");
        assertThat(web.desired()).isEqualTo(8);
        assertThat(web.pods()).isEqualTo(4);
        assertThat(web.quotaRefusals()).isPositive();
        assertThat(sim.view().quotas()).singleElement().satisfies(q -> {
            assertThat(q.maxPods()).isEqualTo(4);
            assertThat(q.usedPods()).isEqualTo(4);
        });
    }

    @Test
    void quotaSqueezeEndingRestoresTheQuotaAndTheScaleUpProceeds() {
        Simulation sim = start(TestScenarios.webAndApi().quota("team", 10, "web"), squeezeTeamTo4Pods(lasting(20)));
        runTo(sim, 12);
        sim.submit(List.of(new Action.Scale("web", 8)));
        runTo(sim, 40);
        assertThat(sim.view().quotas().get(0).maxPods()).isEqualTo(10);
        assertThat(workload(sim, "web").ready()).isEqualTo(8);
    }

    // ---- scale_to_zero

    @Test
    void scaleToZeroSetsReplicasToZeroAndEveryRequestFails() {
        Simulation sim = start(TestScenarios.webAndApi(), new ChaosSpec.ScaleToZero(10, OptionalInt.empty(), "web"));
        runTo(sim, 15);
        assertThat(workload(sim, "web").desired()).isZero();
        assertThat(workload(sim, "web").pods()).isZero();
        assertThat(sim.metrics().workload("web").availability()).isZero();
        assertThat(workload(sim, "web").errorRate()).isEqualTo(1.0);
    }

    @Test
    void scaleToZeroEndingRestoresTheReplicas() {
        Simulation sim = start(TestScenarios.webAndApi(), new ChaosSpec.ScaleToZero(10, lasting(10), "web"));
        runTo(sim, 30);
        assertThat(workload(sim, "web").desired()).isEqualTo(4);
        assertThat(workload(sim, "web").ready()).isEqualTo(4);
    }

    // ---- missing_limits

    /** One 4 GiB node shared by web (two 1 GiB pods) and api: room for now, none for a leak. */
    private static TestScenarios webAndApiOnOneSmallNode() {
        return TestScenarios.cluster(1, 4000, 4096)
                .workload("web", 2, 1500, 1000, 100, List.of("api"))
                .workload("api", 3, 512, 200, 100, List.of())
                .traffic("web", 100);
    }

    @Test
    void missingLimitsDropsTheLimitsAndTheGrowingPodsSlowTheirNeighbours() {
        Simulation sim = start(webAndApiOnOneSmallNode(), new ChaosSpec.MissingLimits(10, OptionalInt.empty(), "web"));
        double apiLatency = workload(runTo(sim, 10), "api").latencyMs();
        assertThat(workload(sim, "api").throttle()).isEqualTo(1.0);
        runTo(sim, 45);
        ClusterView.WorkloadStatus web = workload(sim, "web");
        assertThat(web.limitMemoryMib()).isEmpty();
        assertThat(web.limitCpuMillis()).isEmpty();
        assertThat(web.meanMemoryMib()).as("past the old 1500Mi limit").isGreaterThan(1500);
        assertThat(workload(sim, "api").throttle()).as("memory pressure on the shared node").isGreaterThan(1.0);
        assertThat(workload(sim, "api").latencyMs()).isGreaterThan(apiLatency);
    }

    @Test
    void missingLimitsEndingRollsBackToTheRevisionWithLimits() {
        Simulation sim = start(webAndApiOnOneSmallNode(), new ChaosSpec.MissingLimits(10, lasting(20), "web"));
        runTo(sim, 45);
        assertThat(workload(sim, "web").limitMemoryMib()).hasValue(1500);
        assertThat(workload(sim, "web").revision()).isEqualTo(1);
    }

    // ---- hpa_misconfig

    private static ChaosSpec capWebHpaAt2(OptionalInt duration) {
        return new ChaosSpec.HpaMisconfig(10, duration, "web", OptionalInt.empty(), OptionalInt.of(2), OptionalInt.empty());
    }

    @Test
    void hpaMisconfigCapsTheAutoscalerTooLow() {
        Simulation sim = start(TestScenarios.webAndApi().hpa("web", 2, 10, 70), capWebHpaAt2(OptionalInt.empty()));
        assertThat(workload(runTo(sim, 10), "web").desired()).isGreaterThan(2);
        runTo(sim, 25);
        ClusterView.WorkloadStatus web = workload(sim, "web");
        assertThat(web.hpa()).hasValue(new ClusterView.HpaStatus(2, 2, 70));
        assertThat(web.desired()).isEqualTo(2);
        assertThat(web.errorRate()).as("120 rps of capacity for 180").isGreaterThan(0.2);
    }

    @Test
    void hpaMisconfigEndingLetsTheAutoscalerScaleBackUp() {
        Simulation sim = start(TestScenarios.webAndApi().hpa("web", 2, 10, 70), capWebHpaAt2(lasting(20)));
        runTo(sim, 60);
        ClusterView.WorkloadStatus web = workload(sim, "web");
        assertThat(web.hpa()).hasValue(new ClusterView.HpaStatus(2, 10, 70));
        assertThat(web.desired()).isGreaterThanOrEqualTo(4);
        assertThat(web.errorRate()).isLessThan(0.02);
    }
}
