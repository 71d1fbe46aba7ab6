package dev.leviathan.engine.aegis.sim;

import static dev.leviathan.engine.aegis.sim.SimulationSteps.node;
import static dev.leviathan.engine.aegis.sim.SimulationSteps.runTo;
import static dev.leviathan.engine.aegis.sim.SimulationSteps.workload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.aegis.scenario.ActionType;
import dev.leviathan.engine.aegis.scenario.ChaosSpec;
import dev.leviathan.engine.aegis.scenario.ProbeKind;
import dev.leviathan.engine.aegis.scenario.Taint;
import dev.leviathan.engine.aegis.scenario.TaintEffect;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every action of the contract takes effect at the tick its receipt names (submit tick + its delay in
 * {@link ActionCatalogue}) and not a tick earlier; an action that cannot apply is rejected with a reason
 * and changes nothing.
 */
class ActionCatalogueTest {

    private static final Taint DEDICATED = new Taint("dedicated", "batch", TaintEffect.NO_SCHEDULE);

    /** {@link TestScenarios#webAndApiWithControls()}, run 5 ticks. */
    private static Simulation cluster() {
        return runTo(Simulation.start(TestScenarios.webAndApiWithControls().build()), 5);
    }

    private static Simulation cluster(ChaosSpec chaos) {
        return runTo(Simulation.start(TestScenarios.webAndApiWithControls().chaos(chaos).build()), 5);
    }

    /**
     * Submits {@code action}, checks its receipt, and checks {@code applied} holds neither before it was
     * submitted nor after any tick before its effect tick, and holds once the effect tick has run.
     */
    private static void assertTakesEffectAtItsDelay(Simulation sim, Action action, Predicate<Simulation> applied) {
        assertThat(applied.test(sim)).as("already true before %s was submitted", action).isFalse();
        int submittedAt = sim.tick();
        ActionReceipt receipt = sim.submit(List.of(action)).getFirst();
        assertThat(receipt.accepted()).as("%s accepted", action).isTrue();
        assertThat(receipt.rejection()).isEmpty();
        assertThat(receipt.effectTick()).isEqualTo(submittedAt + ActionCatalogue.delayTicks(action.type()));
        while (sim.tick() < receipt.effectTick()) {
            sim.step();
            assertThat(applied.test(sim)).as("%s applied after tick %d, before its effect tick %d", action,
                    sim.tick() - 1, receipt.effectTick()).isFalse();
        }
        sim.step();
        assertThat(applied.test(sim)).as("%s applied once tick %d has run", action, receipt.effectTick()).isTrue();
    }

    @Test
    void addNodesWaitsForTheNodeToJoin() {
        assertThat(ActionCatalogue.delayTicks(ActionType.ADD_NODES)).isGreaterThan(1);
        assertTakesEffectAtItsDelay(cluster(), new Action.AddNodes("node-0", 2), sim -> sim.view().nodes().size() == 5);
    }

    @Test
    void addedNodesAreReadyAndLikeTheirTemplate() {
        Simulation sim = cluster();
        sim.submit(List.of(new Action.AddNodes("node-0", 1)));
        runTo(sim, sim.tick() + ActionCatalogue.ADD_NODES_DELAY_TICKS + 1);
        ClusterView.NodeStatus added = sim.view().nodes().get(3);
        ClusterView.NodeStatus template = node(sim, "node-0");
        assertThat(added.name()).startsWith("node-0-");
        assertThat(added.ready()).isTrue();
        assertThat(added.zone()).isEqualTo(template.zone());
        assertThat(added.cpuMillis()).isEqualTo(template.cpuMillis());
        assertThat(added.memoryMib()).isEqualTo(template.memoryMib());
    }

    @Test
    void scaleChangesTheDesiredReplicas() {
        assertTakesEffectAtItsDelay(cluster(), new Action.Scale("api", 6), sim -> workload(sim, "api").desired() == 6);
    }

    @Test
    void raiseMemoryLimitRollsOutTheNewLimit() {
        assertTakesEffectAtItsDelay(cluster(), new Action.RaiseMemoryLimit("web", 1024),
                sim -> workload(sim, "web").limitMemoryMib().equals(OptionalLong.of(1024)));
    }

    @Test
    void raiseCpuLimitRollsOutTheNewLimit() {
        assertTakesEffectAtItsDelay(cluster(), new Action.RaiseCpuLimit("web", 2000),
                sim -> workload(sim, "web").limitCpuMillis().equals(OptionalLong.of(2000)));
    }

    @Test
    void patchHpaChangesTheAutoscalersBounds() {
        assertTakesEffectAtItsDelay(cluster(), new Action.PatchHpa("web", OptionalInt.of(3), OptionalInt.of(12), OptionalInt.of(60)),
                sim -> workload(sim, "web").hpa().orElseThrow().equals(new ClusterView.HpaStatus(3, 12, 60)));
    }

    @Test
    void cordonMarksTheNodeUnschedulable() {
        assertTakesEffectAtItsDelay(cluster(), new Action.Cordon("node-1"), sim -> node(sim, "node-1").cordoned());
    }

    @Test
    void uncordonMakesACordonedNodeSchedulableAgain() {
        Simulation sim = cluster();
        sim.submit(List.of(new Action.Cordon("node-1")));
        runTo(sim, sim.tick() + 2);
        assertTakesEffectAtItsDelay(sim, new Action.Uncordon("node-1"), s -> !node(s, "node-1").cordoned());
    }

    @Test
    void drainCordonsTheNodeAndEvictsItsPods() {
        Simulation sim = cluster();
        assertTakesEffectAtItsDelay(sim, new Action.Drain("node-2"), s -> node(s, "node-2").cordoned());
        runTo(sim, sim.tick() + 5);
        assertThat(node(sim, "node-2").pods()).isZero();
    }

    @Test
    void removeTaintTakesTheTaintOffTheNode() {
        Simulation sim = cluster(new ChaosSpec.NodeTaint(0, OptionalInt.empty(), "node-2", DEDICATED));
        assertTakesEffectAtItsDelay(sim, new Action.RemoveTaint("node-2", "dedicated"), s -> node(s, "node-2").taints().isEmpty());
    }

    @Test
    void fixProbeRollsOutTheNewTimeout() {
        assertTakesEffectAtItsDelay(cluster(), new Action.FixProbe("web", ProbeKind.READINESS, 3000),
                sim -> workload(sim, "web").readinessTimeoutMs() == 3000);
    }

    @Test
    void deleteNetworkPolicyTakesThePolicyOutOfForce() {
        assertTakesEffectAtItsDelay(cluster(), new Action.DeleteNetworkPolicy("web-ingress"),
                sim -> sim.view().networkPolicies().stream().anyMatch(p -> p.name().equals("web-ingress") && p.deleted() && !p.inForce()));
    }

    @Test
    void allowTrafficOpensAnEdgeAPolicyBlocks() {
        Simulation sim = runTo(cluster(), 52);
        assertThat(sim.view().edges()).singleElement().satisfies(e -> assertThat(e.blocked()).isTrue());
        assertTakesEffectAtItsDelay(sim, new Action.AllowTraffic(new TreeMap<>(Map.of("app", "web")),
                new TreeMap<>(Map.of("app", "api"))), s -> !s.view().edges().getFirst().blocked());
    }

    @Test
    void rollbackMakesThePreviousRevisionCurrent() {
        Simulation sim = cluster();
        sim.submit(List.of(new Action.Restart("web")));
        runTo(sim, sim.tick() + 2);
        assertThat(workload(sim, "web").revision()).isEqualTo(2);
        assertTakesEffectAtItsDelay(sim, new Action.Rollback("web"), s -> workload(s, "web").revision() == 1);
    }

    @Test
    void fixServicePointsTheServiceAtTheGivenPort() {
        Simulation sim = cluster(new ChaosSpec.ServiceMisconfig(0, OptionalInt.empty(), "api", 9999));
        assertTakesEffectAtItsDelay(sim, new Action.FixService("api", 8080),
                s -> s.view().services().stream().anyMatch(v -> v.name().equals("api") && v.targetPort() == 8080));
    }

    @Test
    void raiseQuotaRaisesTheQuota() {
        assertTakesEffectAtItsDelay(cluster(), new Action.RaiseQuota("team", OptionalInt.of(30), OptionalLong.empty(), OptionalLong.empty()),
                sim -> sim.view().quotas().getFirst().maxPods() == 30);
    }

    @Test
    void setLimitsRollsOutBothLimits() {
        assertTakesEffectAtItsDelay(cluster(), new Action.SetLimits("web", 2000, 2048),
                sim -> workload(sim, "web").limitCpuMillis().equals(OptionalLong.of(2000))
                        && workload(sim, "web").limitMemoryMib().equals(OptionalLong.of(2048)));
    }

    @Test
    void relaxPdbLowersTheBudget() {
        assertTakesEffectAtItsDelay(cluster(), new Action.RelaxPdb("api", 1), sim -> workload(sim, "api").pdbMinAvailable() == 1);
    }

    @Test
    void restartRollsOutANewRevisionOfTheSameTemplate() {
        Simulation sim = cluster();
        assertTakesEffectAtItsDelay(sim, new Action.Restart("web"), s -> workload(s, "web").revision() == 2);
        runTo(sim, sim.tick() + 20);
        assertThat(sim.view().pods("web")).allSatisfy(p -> assertThat(p.revision()).isEqualTo(2));
        assertThat(workload(sim, "web").limitMemoryMib()).hasValue(512);
    }

    @Test
    void noopIsAcceptedAtOnceAndChangesNothing() {
        Simulation sim = cluster();
        Simulation without = sim.fork();
        ActionReceipt receipt = sim.submit(List.of(new Action.Noop())).getFirst();
        assertThat(receipt.accepted()).isTrue();
        assertThat(receipt.effectTick()).isEqualTo(sim.tick());
        runTo(sim, 20);
        runTo(without, 20);
        assertThat(ClusterSnapshot.of(sim)).isEqualTo(ClusterSnapshot.of(without));
    }

    // ---- rejections

    static Stream<Arguments> invalidActions() {
        OptionalInt none = OptionalInt.empty();
        OptionalLong noneL = OptionalLong.empty();
        return Stream.of(
                Arguments.of(new Action.Scale("nope", 2), "unknown workload nope"),
                Arguments.of(new Action.Scale("web", -1), "replicas must be 0 to 10000"),
                Arguments.of(new Action.RaiseMemoryLimit("web", 256), "no raise over 512Mi"),
                Arguments.of(new Action.RaiseCpuLimit("web", 1000), "no raise over 1000m"),
                Arguments.of(new Action.PatchHpa("api", OptionalInt.of(1), none, none), "has no HPA"),
                Arguments.of(new Action.PatchHpa("web", OptionalInt.of(5), OptionalInt.of(3), none), "1 ≤ min ≤ max"),
                Arguments.of(new Action.PatchHpa("web", none, none, OptionalInt.of(0)), "cpu_target_percent"),
                Arguments.of(new Action.AddNodes("nope", 1), "unknown node nope"),
                Arguments.of(new Action.AddNodes("node-0", 0), "count must be 1 to 100"),
                Arguments.of(new Action.Cordon("nope"), "unknown node nope"),
                Arguments.of(new Action.Uncordon("nope"), "unknown node nope"),
                Arguments.of(new Action.Drain("nope"), "unknown node nope"),
                Arguments.of(new Action.RemoveTaint("node-0", "dedicated"), "has no taint dedicated"),
                Arguments.of(new Action.FixProbe("web", ProbeKind.LIVENESS, 0), "timeout_ms must be 1 to 60000"),
                Arguments.of(new Action.DeleteNetworkPolicy("nope"), "unknown network policy nope"),
                Arguments.of(new Action.Rollback("web"), "has no earlier revision"),
                Arguments.of(new Action.FixService("nope", 8080), "unknown service nope"),
                Arguments.of(new Action.FixService("api", 70_000), "target_port must be 1 to 65535"),
                Arguments.of(new Action.RaiseQuota("nope", OptionalInt.of(30), noneL, noneL), "unknown quota nope"),
                Arguments.of(new Action.RaiseQuota("team", none, noneL, noneL), "needs max_pods, cpu or memory"),
                Arguments.of(new Action.SetLimits("web", 100, 100), "limits below the requests"),
                Arguments.of(new Action.RelaxPdb("web", 1), "has no PodDisruptionBudget"),
                Arguments.of(new Action.RelaxPdb("api", -1), "min_available must be ≥ 0"),
                Arguments.of(new Action.Restart("nope"), "unknown workload nope"));
    }

    @ParameterizedTest
    @MethodSource("invalidActions")
    void invalidActionIsRejectedWithAReasonAndChangesNothing(Action action, String reason) {
        Simulation sim = cluster();
        Simulation without = sim.fork();
        ActionReceipt receipt = sim.submit(List.of(action)).getFirst();
        assertThat(receipt.accepted()).isFalse();
        assertThat(receipt.rejection()).hasValueSatisfying(r -> assertThat(r).contains(reason));
        runTo(sim, receipt.effectTick() + 5);
        runTo(without, receipt.effectTick() + 5);
        assertThat(ClusterSnapshot.of(sim)).isEqualTo(ClusterSnapshot.of(without));
    }

    @Test
    void aRejectedActionDoesNotStopTheRestOfItsPlan() {
        Simulation sim = cluster();
        List<ActionReceipt> receipts = sim.submit(List.of(new Action.Scale("nope", 2), new Action.Scale("api", 5)));
        assertThat(receipts).extracting(ActionReceipt::accepted).containsExactly(false, true);
        runTo(sim, receipts.get(1).effectTick() + 1);
        assertThat(workload(sim, "api").desired()).isEqualTo(5);
    }

    @Test
    void anActionThatNoLongerAppliesWhenItsTimeComesIsDropped() {
        Simulation sim = cluster();
        Simulation without = sim.fork();
        List<ActionReceipt> receipts = sim.submit(List.of(new Action.DeleteNetworkPolicy("web-ingress"),
                new Action.DeleteNetworkPolicy("web-ingress")));
        assertThat(receipts).extracting(ActionReceipt::accepted).containsExactly(true, true);
        without.submit(List.of(new Action.DeleteNetworkPolicy("web-ingress")));
        runTo(sim, 15);
        runTo(without, 15);
        assertThat(ClusterSnapshot.of(sim)).isEqualTo(ClusterSnapshot.of(without));
    }

    @Test
    void everyActionTypeOfTheContractHasATestHere() {
        Set<ActionType> tested = EnumSet.noneOf(ActionType.class);
        for (var method : ActionCatalogueTest.class.getDeclaredMethods()) {
            for (ActionType type : ActionType.values()) {
                String[] words = type.wireName().split("_");
                StringBuilder camel = new StringBuilder(words[0]);
                for (int i = 1; i < words.length; i++) {
                    camel.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
                }
                if (method.isAnnotationPresent(Test.class) && method.getName().startsWith(camel.toString())) {
                    tested.add(type);
                }
            }
        }
        assertThat(tested).containsExactlyInAnyOrder(ActionType.values());
    }
}
