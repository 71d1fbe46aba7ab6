package dev.leviathan.engine.aegis.sim;

import static dev.leviathan.engine.aegis.sim.SimulationSteps.node;
import static dev.leviathan.engine.aegis.sim.SimulationSteps.runTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.aegis.scenario.ChaosSpec;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The contract lets chaos overlap and end; {@link ChaosPhase} promises that overlapping events combine
 * and that an ended one leaves no trace, so the end of one event must not undo another still running.
 */
class ChaosOverlapTest {

    @Test
    void overlappingBurstsMultiplyAndEndOneByOne() {
        Simulation sim = Simulation.start(TestScenarios.webAndApi()
                .chaos(new ChaosSpec.BurstTraffic(10, OptionalInt.of(10), "web", 2))
                .chaos(new ChaosSpec.BurstTraffic(12, OptionalInt.of(20), "web", 2)).build());
        assertThat(runTo(sim, 15).view().workload("web").orElseThrow().rps()).isBetween(720 * 0.97, 720 * 1.03);
        assertThat(runTo(sim, 25).view().workload("web").orElseThrow().rps()).isBetween(360 * 0.97, 360 * 1.03);
        assertThat(runTo(sim, 35).view().workload("web").orElseThrow().rps()).isBetween(180 * 0.97, 180 * 1.03);
    }

    @Test
    void aServiceMisconfigEndingRestoresThePortTheEarlierOneStillHolds() {
        Simulation sim = Simulation.start(TestScenarios.webAndApi()
                .chaos(new ChaosSpec.ServiceMisconfig(10, OptionalInt.empty(), "api", 9999))
                .chaos(new ChaosSpec.ServiceMisconfig(14, OptionalInt.of(5), "api", 7777)).build());
        runTo(sim, 25);
        assertThat(sim.view().services()).filteredOn(s -> s.name().equals("api")).singleElement()
                .satisfies(s -> assertThat(s.targetPort()).isEqualTo(9999));
    }

    @Test
    void aZoneOutageEndingDoesNotHealANodeThatFailedOnItsOwn() {
        Simulation sim = Simulation.start(TestScenarios.webAndApi()
                .chaos(new ChaosSpec.NodeFailure(10, OptionalInt.empty(), "node-0"))
                .chaos(new ChaosSpec.ZoneOutage(20, OptionalInt.of(10), "a")).build());
        runTo(sim, 35);
        assertThat(node(sim, "node-2").ready()).as("healed with its zone").isTrue();
        assertThat(node(sim, "node-0").ready()).as("its own failure has not ended").isFalse();
    }

    @Test
    void aLockoutEndingDoesNotLiftAnotherLockoutOfTheSamePolicy() {
        Simulation sim = Simulation.start(TestScenarios.webAndApi().policy("api-ingress", "api", "reporting", true)
                .chaos(new ChaosSpec.NetpolLockout(10, OptionalInt.of(10), "api-ingress"))
                .chaos(new ChaosSpec.NetpolLockout(15, OptionalInt.empty(), "api-ingress")).build());
        runTo(sim, 30);
        assertThat(sim.view().edges()).singleElement().satisfies(e -> assertThat(e.blocked()).isTrue());
    }

    @Test
    void aDrainEndingDoesNotUncordonANodeAnotherDrainHolds() {
        Simulation sim = Simulation.start(TestScenarios.webAndApi()
                .chaos(new ChaosSpec.NodeDrain(10, OptionalInt.of(10), "node-0"))
                .chaos(new ChaosSpec.NodeDrain(15, OptionalInt.empty(), "node-0")).build());
        runTo(sim, 30);
        assertThat(node(sim, "node-0").cordoned()).isTrue();
    }

    @Test
    void hpaMisconfigBelowTheMinimumRestoresTheMinimumWhenItEnds() {
        Simulation sim = Simulation.start(TestScenarios.webAndApi().hpa("web", 3, 10, 70)
                .chaos(new ChaosSpec.HpaMisconfig(10, OptionalInt.of(10), "web", OptionalInt.empty(), OptionalInt.of(2),
                        OptionalInt.empty())).build());
        assertThat(runTo(sim, 15).view().workload("web").orElseThrow().hpa()).hasValue(new ClusterView.HpaStatus(2, 2, 70));
        assertThat(runTo(sim, 25).view().workload("web").orElseThrow().hpa()).hasValue(new ClusterView.HpaStatus(3, 10, 70));
    }
}
