package dev.leviathan.engine.aegis.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class FuturesTest {

    private static final int COUNT = 12;
    private static final int TICKS = 40;

    /** A state mid-run, during the scenario's network-policy lockout, so the futures have something to differ on. */
    private static Simulation midRun() {
        Simulation sim = Simulation.start(TestScenarios.webAndApiWithControls().build());
        for (int i = 0; i < 55; i++) {
            sim.step();
        }
        return sim;
    }

    private static final Consumer<Simulation> PLAN = fork -> fork.submit(List.of(
            new Action.DeleteNetworkPolicy("api-lockout"), new Action.Scale("api", 5)));

    private static List<ClusterSnapshot> ends(Simulation from, java.util.concurrent.Executor executor) {
        return Futures.run(from, COUNT, TICKS, PLAN, executor).stream().map(ClusterSnapshot::of).toList();
    }

    @Test
    void severalThreadsGiveTheSameFuturesInTheSameOrderAsOne() {
        Simulation from = midRun();
        List<ClusterSnapshot> oneThread = ends(from, Runnable::run);
        List<ClusterSnapshot> pooled;
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            pooled = ends(from, pool);
        }
        assertThat(pooled).containsExactlyElementsOf(oneThread);
    }

    @Test
    void futuresAreDistinctPossibilitiesEachRunForTheAskedTicks() {
        Simulation from = midRun();
        List<Simulation> ends = Futures.run(from, COUNT, TICKS, PLAN, Runnable::run);
        assertThat(ends).hasSize(COUNT).allSatisfy(end -> assertThat(end.tick()).isEqualTo(from.tick() + TICKS));
        assertThat(ends.stream().mapToLong(Simulation::traceHash).distinct().count()).isEqualTo(COUNT);
        assertThat(ends).allSatisfy(end ->
                assertThat(end.view().networkPolicies()).filteredOn(p -> p.name().equals("api-lockout"))
                        .singleElement().satisfies(p -> assertThat(p.deleted()).isTrue()));
    }

    @Test
    void runningFuturesLeavesTheSourceStateUnchanged() {
        Simulation from = midRun();
        ClusterSnapshot before = ClusterSnapshot.of(from);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            Futures.run(from, COUNT, TICKS, PLAN, pool);
        }
        assertThat(ClusterSnapshot.of(from)).isEqualTo(before);
    }

    @Test
    void futuresStopAtTheScenariosEnd() {
        Simulation from = midRun();
        int left = from.scenario().ticks() - from.tick();
        List<Simulation> ends = Futures.run(from, 3, left + 50, fork -> { }, Runnable::run);
        assertThat(ends).allSatisfy(end -> assertThat(end.finished()).isTrue())
                .allSatisfy(end -> assertThat(end.tick()).isEqualTo(from.scenario().ticks()));
    }
}
