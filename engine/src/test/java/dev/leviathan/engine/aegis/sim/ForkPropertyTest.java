package dev.leviathan.engine.aegis.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.aegis.scenario.ActionType;
import dev.leviathan.engine.aegis.scenario.NodeSpec;
import dev.leviathan.engine.aegis.scenario.ProbeKind;
import dev.leviathan.engine.aegis.scenario.Scenario;
import dev.leviathan.engine.aegis.scenario.ScenarioFile;
import dev.leviathan.engine.aegis.scenario.ScenarioSuite;
import dev.leviathan.engine.aegis.scenario.WorkloadSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Property tests of {@link Simulation#fork()} without a property library: each case is drawn from its
 * own seed (a scenario, a number of ticks to run the parent, and a random sequence of valid and invalid
 * actions and steps for the fork), so a failing case is reproduced by its seed alone:
 * {@code -Daegis.forkCase=<seed>} runs only that case.
 */
class ForkPropertyTest {

    private static final int CASES = 200;
    private static final long MASTER_SEED = 0x1E7A_7A5L;
    private static final String NO_SUCH = "no-such-name";

    private static List<Scenario> scenarios;

    @BeforeAll
    static void loadScenarios() {
        List<Scenario> all = new ArrayList<>();
        for (ScenarioFile file : ScenarioSuite.load(Path.of("../scenarios/smoke"))) {
            all.add(file.scenario());
        }
        all.add(TestScenarios.webAndApi().build());
        all.add(TestScenarios.webAndApiWithControls().build());
        scenarios = List.copyOf(all);
    }

    /** One step a case applies to a fork. */
    sealed interface Op {
        void applyTo(Simulation sim);
    }

    record Submit(List<Action> plan) implements Op {
        public void applyTo(Simulation sim) {
            sim.submit(plan);
        }
    }

    record Steps(int count) implements Op {
        public void applyTo(Simulation sim) {
            for (int i = 0; i < count && !sim.finished(); i++) {
                sim.step();
            }
        }
    }

    /** A case: everything it does follows from its seed. */
    record Case(long seed, Scenario scenario, int parentTicks, List<Op> ops) {

        static Case draw(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            Scenario scenario = scenarios.get(random.nextInt(scenarios.size()));
            int parentTicks = random.nextInt(0, 80);
            List<Op> ops = new ArrayList<>();
            int count = random.nextInt(1, 12);
            for (int i = 0; i < count; i++) {
                if (random.nextInt(3) == 0) {
                    ops.add(new Steps(random.nextInt(1, 15)));
                } else {
                    List<Action> plan = new ArrayList<>();
                    int actions = random.nextInt(1, 4);
                    for (int a = 0; a < actions; a++) {
                        plan.add(randomAction(random, scenario));
                    }
                    ops.add(new Submit(plan));
                }
            }
            ops.add(new Steps(random.nextInt(1, 30)));
            return new Case(seed, scenario, parentTicks, List.copyOf(ops));
        }

        Simulation parent() {
            Simulation parent = Simulation.start(scenario);
            new Steps(parentTicks).applyTo(parent);
            return parent;
        }

        void applyTo(Simulation fork) {
            for (Op op : ops) {
                op.applyTo(fork);
            }
        }

        String describe() {
            return "case seed " + seed + " (rerun with -Daegis.forkCase=" + seed + "), scenario " + scenario.id()
                    + ", parent run " + parentTicks + " ticks, fork ops " + ops;
        }
    }

    private static List<Case> cases() {
        String only = System.getProperty("aegis.forkCase");
        if (only != null) {
            return List.of(Case.draw(Long.parseLong(only)));
        }
        SplittableRandom master = new SplittableRandom(MASTER_SEED);
        return Stream.generate(master::nextLong).limit(CASES).map(Case::draw).toList();
    }

    @Test
    void forkLeavesTheParentsViewAndHashAsTheyWere() {
        for (Case c : cases()) {
            Simulation parent = c.parent();
            ClusterSnapshot before = ClusterSnapshot.of(parent);
            c.applyTo(parent.fork());
            assertThat(ClusterSnapshot.of(parent)).as(c.describe()).isEqualTo(before);
        }
    }

    @Test
    void parentContinuesExactlyAsARunThatWasNeverForked() {
        for (Case c : cases()) {
            Simulation parent = c.parent();
            Simulation fork = parent.fork();
            c.applyTo(fork);
            int end = Math.min(c.scenario().ticks(), fork.tick() + 10);
            new Steps(end - parent.tick()).applyTo(parent);
            Simulation unforked = Simulation.start(c.scenario());
            new Steps(end).applyTo(unforked);
            assertThat(parent.traceHashHex()).as(c.describe()).isEqualTo(unforked.traceHashHex());
            assertThat(ClusterSnapshot.of(parent)).as(c.describe()).isEqualTo(ClusterSnapshot.of(unforked));
        }
    }

    @Test
    void twoForksGivenTheSameActionsEndInTheSameState() {
        for (Case c : cases()) {
            Simulation parent = c.parent();
            Simulation first = parent.fork();
            Simulation second = parent.fork();
            c.applyTo(first);
            c.applyTo(second);
            assertThat(ClusterSnapshot.of(second)).as(c.describe()).isEqualTo(ClusterSnapshot.of(first));
        }
    }

    @Test
    void forksWithOtherSeedsRunAndLeaveTheParentUntouched() {
        for (Case c : cases()) {
            Simulation parent = c.parent();
            ClusterSnapshot before = ClusterSnapshot.of(parent);
            Simulation one = parent.fork(c.seed());
            Simulation other = parent.fork(c.seed() + 1);
            c.applyTo(one);
            c.applyTo(other);
            assertThat(one.tick()).as(c.describe()).isEqualTo(other.tick()).isGreaterThan(parent.tick());
            assertThat(ClusterSnapshot.of(parent)).as(c.describe()).isEqualTo(before);
        }
    }

    /**
     * The properties above would hold trivially if the drawn actions never changed a fork or were all
     * rejected: this checks the generator covers every action type, both outcomes, and forks that diverge.
     */
    @Test
    void generatedCasesCoverEveryActionTypeBothOutcomesAndDivergingForks() {
        Set<ActionType> types = EnumSet.noneOf(ActionType.class);
        int accepted = 0;
        int rejected = 0;
        int diverged = 0;
        for (Case c : cases()) {
            Simulation parent = c.parent();
            Simulation fork = parent.fork();
            Simulation untouched = parent.fork();
            for (Op op : c.ops()) {
                if (op instanceof Submit submit) {
                    for (ActionReceipt receipt : fork.submit(submit.plan())) {
                        types.add(receipt.action().type());
                        if (receipt.accepted()) {
                            accepted++;
                        } else {
                            rejected++;
                            assertThat(receipt.rejection()).as(c.describe()).isPresent();
                        }
                    }
                } else {
                    op.applyTo(fork);
                }
            }
            new Steps(fork.tick() - untouched.tick()).applyTo(untouched);
            diverged += fork.traceHash() != untouched.traceHash() ? 1 : 0;
        }
        assertThat(types).containsExactlyInAnyOrder(ActionType.values());
        assertThat(accepted).isGreaterThan(CASES);
        assertThat(rejected).isGreaterThan(CASES / 2);
        assertThat(diverged).isGreaterThan(CASES / 2);
    }

    // ---- the action generator: every Action record, names from the scenario or unknown, values in and out of range

    private static Action randomAction(SplittableRandom r, Scenario scenario) {
        return switch (r.nextInt(19)) {
            case 0 -> new Action.Scale(workload(r, scenario), r.nextInt(-2, 12));
            case 1 -> new Action.RaiseMemoryLimit(workload(r, scenario), r.nextLong(0, 4096));
            case 2 -> new Action.RaiseCpuLimit(workload(r, scenario), r.nextLong(0, 4000));
            case 3 -> new Action.PatchHpa(workload(r, scenario), maybeInt(r, -1, 6), maybeInt(r, 0, 12),
                    maybeInt(r, 0, 1200));
            case 4 -> new Action.AddNodes(node(r, scenario), r.nextInt(-1, 4));
            case 5 -> new Action.Cordon(node(r, scenario));
            case 6 -> new Action.Uncordon(node(r, scenario));
            case 7 -> new Action.Drain(node(r, scenario));
            case 8 -> new Action.RemoveTaint(node(r, scenario), pick(r, List.of("dedicated", "gpu", NO_SUCH)));
            case 9 -> new Action.FixProbe(workload(r, scenario), r.nextBoolean() ? ProbeKind.READINESS : ProbeKind.LIVENESS,
                    r.nextInt(-100, 5000));
            case 10 -> new Action.DeleteNetworkPolicy(name(r, scenario.networkPolicies().stream().map(p -> p.name()).toList()));
            case 11 -> new Action.AllowTraffic(labels(r, scenario), labels(r, scenario));
            case 12 -> new Action.Rollback(workload(r, scenario));
            case 13 -> new Action.FixService(name(r, scenario.services().stream().map(s -> s.name()).toList()),
                    r.nextBoolean() ? r.nextInt(-1, 70_000) : pick(r, List.of(8080, 5432, 80)));
            case 14 -> new Action.RaiseQuota(name(r, scenario.quotas().stream().map(q -> q.name()).toList()),
                    maybeInt(r, 0, 40), maybeLong(r, 0, 40_000), maybeLong(r, 0, 80_000));
            case 15 -> new Action.SetLimits(workload(r, scenario), r.nextLong(0, 3000), r.nextLong(0, 3000));
            case 16 -> new Action.RelaxPdb(workload(r, scenario), r.nextInt(-1, 5));
            case 17 -> new Action.Restart(workload(r, scenario));
            default -> new Action.Noop();
        };
    }

    private static String workload(SplittableRandom r, Scenario scenario) {
        return name(r, scenario.workloads().stream().map(WorkloadSpec::name).toList());
    }

    private static String node(SplittableRandom r, Scenario scenario) {
        return name(r, scenario.nodes().stream().map(NodeSpec::name).toList());
    }

    /** A name from the scenario nine times in ten, an unknown one otherwise (or always, when it has none). */
    private static String name(SplittableRandom r, List<String> names) {
        return names.isEmpty() || r.nextInt(10) == 0 ? NO_SUCH : pick(r, names);
    }

    private static SortedMap<String, String> labels(SplittableRandom r, Scenario scenario) {
        WorkloadSpec w = pick(r, scenario.workloads());
        return r.nextInt(5) == 0 ? new TreeMap<>(Map.of("app", NO_SUCH)) : w.labels();
    }

    private static <T> T pick(SplittableRandom r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    private static OptionalInt maybeInt(SplittableRandom r, int from, int to) {
        return r.nextBoolean() ? OptionalInt.of(r.nextInt(from, to)) : OptionalInt.empty();
    }

    private static OptionalLong maybeLong(SplittableRandom r, long from, long to) {
        return r.nextBoolean() ? OptionalLong.of(r.nextLong(from, to)) : OptionalLong.empty();
    }
}
