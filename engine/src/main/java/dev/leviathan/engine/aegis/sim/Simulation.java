package dev.leviathan.engine.aegis.sim;

import dev.leviathan.engine.aegis.scenario.Scenario;
import dev.leviathan.engine.aegis.scenario.WorkloadKind;
import dev.leviathan.engine.aegis.scenario.WorkloadSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * An AEGIS-K8s cluster being simulated. It starts converged (every pod placed, running and ready), and
 * each {@link #step()} runs one tick in the order of DESIGN.md: chaos, due actions, load and usage,
 * OOM kills and probes, evictions, scheduling, controllers, autoscalers, then latency, errors, cost and
 * the trace hash. Nothing reads a clock or iterates a hash map, and every random draw derives from the
 * seed, so the same scenario and seed give the same trace on any machine.
 */
public final class Simulation {

    private final ClusterState state;
    private long actionSequence;

    private Simulation(ClusterState state, long actionSequence) {
        this.state = state;
        this.actionSequence = actionSequence;
    }

    /** The scenario's cluster at tick 0, already converged. */
    public static Simulation start(Scenario scenario) {
        ClusterState s = ClusterState.initial(scenario);
        warmStart(s);
        return new Simulation(s, 0);
    }

    private static void warmStart(ClusterState s) {
        WorkloadSpec[] workloads = s.world.workloads;
        for (int w = 0; w < workloads.length; w++) {
            for (int i = 0; i < s.desired[w]; i++) {
                s.createPod(w, s.currentRevision[w], s.nextOrdinal[w]++);
            }
        }
        for (int p = 0; p < s.slots; p++) {
            SchedulerPhase.schedule(s, p);
            if (s.podNode[p] >= 0) {
                int w = s.podWorkload[p];
                s.podPhase[p] = ClusterState.RUNNING;
                s.podStarted[p] = -workloads[w].startupTicks() - 1;
                s.setReady(p, true);
            }
        }
        // A StatefulSet whose pod could not be placed keeps only the ordinals below it, as OrderedReady would.
        for (int w = 0; w < workloads.length; w++) {
            if (workloads[w].kind() != WorkloadKind.STATEFUL_SET) {
                continue;
            }
            int firstUnplaced = Integer.MAX_VALUE;
            for (int p = 0; p < s.slots; p++) {
                if (s.podWorkload[p] == w && s.podNode[p] < 0) {
                    firstUnplaced = Math.min(firstUnplaced, s.podOrdinal[p]);
                }
            }
            for (int p = 0; p < s.slots; p++) {
                if (s.podPhase[p] != ClusterState.FREE && s.podWorkload[p] == w && s.podOrdinal[p] > firstUnplaced) {
                    s.deletePod(p);
                }
            }
        }
    }

    public Scenario scenario() {
        return state.world.scenario;
    }

    /** The number of ticks run so far: the next {@link #step()} runs tick {@code tick()}. */
    public int tick() {
        return state.tick;
    }

    public boolean finished() {
        return state.tick >= state.world.scenario.ticks();
    }

    /** Runs one tick. */
    public void step() {
        ClusterState s = state;
        ChaosPhase.run(s);
        ActionPhase.run(s);
        TrafficPhase.distributeLoad(s);
        PodPhase.run(s);
        NodePhase.run(s);
        SchedulerPhase.run(s);
        ControllerPhase.run(s);
        HpaPhase.run(s, s.readyCpuUsed, s.readyMeasured);
        double[] slowedShare = new double[s.desired.length];
        for (int w = 0; w < slowedShare.length; w++) {
            slowedShare[w] = s.readyMeasured[w] == 0 ? 0 : (double) s.readySlowed[w] / s.readyMeasured[w];
        }
        TrafficPhase.measure(s, slowedShare);
        double minutes = dev.leviathan.engine.aegis.scenario.Scenario.SECONDS_PER_TICK / 60.0;
        s.nodeMinutes += s.nodeCount * minutes;
        s.replicaMinutes += s.runningPods * minutes;
        s.traceHash = TraceHash.of(s);
        s.tick++;
    }

    /** Runs ticks until the scenario's end. */
    public void runToEnd() {
        while (!finished()) {
            step();
        }
    }

    /**
     * Checks each action against the cluster now and schedules the valid ones after their delay; a plan
     * is applied action by action, in order.
     */
    public List<ActionReceipt> submit(List<Action> plan) {
        List<ActionReceipt> receipts = new ArrayList<>();
        for (Action action : plan) {
            Optional<String> problem = ActionPhase.problem(state, action);
            int effect = state.tick + ActionCatalogue.delayTicks(action.type());
            if (problem.isPresent()) {
                receipts.add(new ActionReceipt(action, false, effect, problem));
                continue;
            }
            PendingAction[] grown = Arrays.copyOf(state.pendingActions, state.pendingActions.length + 1);
            grown[state.pendingActions.length] = new PendingAction(effect, actionSequence++, action);
            state.pendingActions = grown;
            receipts.add(new ActionReceipt(action, true, effect, Optional.empty()));
        }
        return receipts;
    }

    /** An independent copy with the same seed: stepping it replays exactly what this one would do. */
    public Simulation fork() {
        return new Simulation(state.fork(), actionSequence);
    }

    /** An independent copy whose future random draws come from {@code seed}: another possible future. */
    public Simulation fork(long seed) {
        ClusterState copy = state.fork();
        copy.seed = seed;
        return new Simulation(copy, actionSequence);
    }

    public ClusterView view() {
        return new ClusterView(state);
    }

    /** The chained hash of every tick run so far. */
    public long traceHash() {
        return state.traceHash;
    }

    public String traceHashHex() {
        return HexFormat.of().toHexDigits(state.traceHash);
    }

    /** The last tick's numbers. */
    public TickMetrics metrics() {
        ClusterState s = state;
        List<TickMetrics.WorkloadMetrics> workloads = new ArrayList<>(s.desired.length);
        int[] pending = new int[s.desired.length];
        for (int p = 0; p < s.slots; p++) {
            if (s.podPhase[p] == ClusterState.UNSCHEDULED) {
                pending[s.podWorkload[p]]++;
            }
        }
        for (int w = 0; w < s.desired.length; w++) {
            double availability = (double) s.readyCount[w] / Math.max(1, s.desired[w]);
            if (s.desired[w] == 0) {
                availability = 0;
            }
            workloads.add(new TickMetrics.WorkloadMetrics(s.world.workloads[w].name(), s.desired[w], s.readyCount[w],
                    s.podCount[w], pending[w], s.incomingRps[w], s.errorRate[w], s.latencyMs[w], s.restartsTotal[w],
                    availability));
        }
        int ready = 0;
        for (int n = 0; n < s.nodeCount; n++) {
            ready += s.nodeUp(n) ? 1 : 0;
        }
        return new TickMetrics(s.tick - 1, workloads, s.nodeCount, ready, s.nodeMinutes, s.replicaMinutes, s.traceHash);
    }
}
