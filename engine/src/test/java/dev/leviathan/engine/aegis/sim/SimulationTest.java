package dev.leviathan.engine.aegis.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.aegis.scenario.ChaosSpec;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SimulationTest {

    private static void run(Simulation sim, int ticks) {
        for (int i = 0; i < ticks; i++) {
            sim.step();
        }
    }

    @Test
    void startsConvergedAndStaysHealthyWithoutChaos() {
        Simulation sim = Simulation.start(TestScenarios.webAndApi().build());
        run(sim, 50);
        TickMetrics m = sim.metrics();
        assertThat(m.workload("web").ready()).isEqualTo(4);
        assertThat(m.workload("api").ready()).isEqualTo(3);
        assertThat(m.workload("web").errorRate()).isLessThan(0.001);
        assertThat(m.workload("api").rps()).isBetween(170.0, 190.0);
        assertThat(m.workload("web").latencyMs()).isBetween(90.0, 130.0);
        assertThat(m.workload("web").restarts()).isZero();
    }

    @Test
    void oomStormOverTheLimitKillsPodsAndRaisesErrors() {
        Simulation sim = Simulation.start(TestScenarios.webAndApi()
                .chaos(new ChaosSpec.OomStorm(10, OptionalInt.empty(), "web", 2.5)).build());
        run(sim, 40);
        TickMetrics m = sim.metrics();
        assertThat(m.workload("web").restarts()).isGreaterThan(4);
        assertThat(m.workload("web").ready()).isLessThan(4);
        assertThat(sim.view().workload("web").orElseThrow().oomKilledPods()).isPositive();
    }

    @Test
    void raisingTheMemoryLimitEndsAnOomStorm() {
        Simulation sim = Simulation.start(TestScenarios.webAndApi()
                .chaos(new ChaosSpec.OomStorm(10, OptionalInt.empty(), "web", 2.5)).build());
        run(sim, 12);
        sim.submit(List.of(new Action.RaiseMemoryLimit("web", 1200)));
        run(sim, 40);
        TickMetrics m = sim.metrics();
        assertThat(m.workload("web").ready()).isEqualTo(4);
        assertThat(m.workload("web").errorRate()).isLessThan(0.01);
    }

    @Test
    void sameSeedGivesTheSameTraceHash() {
        var scenario = TestScenarios.webAndApi().chaos(new ChaosSpec.NodeFailure(20, OptionalInt.of(60), "node-1")).build();
        Simulation a = Simulation.start(scenario);
        Simulation b = Simulation.start(scenario);
        a.runToEnd();
        b.runToEnd();
        assertThat(a.traceHash()).isEqualTo(b.traceHash());
        Simulation c = Simulation.start(scenario.withSeed(8));
        c.runToEnd();
        assertThat(c.traceHash()).isNotEqualTo(a.traceHash());
    }

    @Test
    void forkIsIndependentOfItsParent() {
        Simulation parent = Simulation.start(TestScenarios.webAndApi().build());
        run(parent, 10);
        Simulation reference = parent.fork();
        Simulation fork = parent.fork();
        fork.submit(List.of(new Action.Scale("web", 0), new Action.Drain("node-0")));
        run(fork, 30);
        run(parent, 30);
        run(reference, 30);
        assertThat(parent.traceHash()).isEqualTo(reference.traceHash());
        assertThat(fork.traceHash()).isNotEqualTo(parent.traceHash());
    }
}
