package dev.leviathan.engine.aegis.run;

import dev.leviathan.engine.aegis.scenario.ActionType;
import dev.leviathan.engine.aegis.scenario.DiagnosisName;
import dev.leviathan.engine.aegis.scenario.ProbeKind;
import dev.leviathan.engine.aegis.sim.Action;
import dev.leviathan.engine.aegis.sim.ClusterView;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * Acts at random once something looks wrong: a random action type on a random subject with plausible
 * numbers, drawn from its own generator seeded by the run's seed, at most {@value #MAX_DECISIONS} times
 * a run and {@value #COOLDOWN} ticks apart. The floor any policy must beat.
 */
public final class RandomPolicy implements Policy {

    static final int MAX_DECISIONS = 3;
    static final int COOLDOWN = 30;
    private static final ActionType[] TYPES = ActionType.values();

    private final SplittableRandom random;
    private int decisions;
    private int lastDecision = Integer.MIN_VALUE / 2;

    public RandomPolicy(long seed) {
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public Optional<Decision> observe(Observation observation) {
        if (decisions >= MAX_DECISIONS || observation.tick() - lastDecision < COOLDOWN || !anomalous(observation)) {
            return Optional.empty();
        }
        ClusterView view = observation.view();
        Action action = randomAction(view);
        decisions++;
        lastDecision = observation.tick();
        DiagnosisName[] names = DiagnosisName.values();
        DiagnosisName guess = names[random.nextInt(names.length)];
        return Optional.of(Decision.of(new Diagnosis(guess, subjectOf(action), 1.0 / names.length), List.of(action),
                "a random valid plan"));
    }

    private static boolean anomalous(Observation observation) {
        return observation.metrics().workloads().stream().anyMatch(w -> w.errorRate() > 0.02 || w.availability() < 0.9
                || w.pending() > 0) || observation.metrics().nodesReady() < observation.metrics().nodes();
    }

    private Action randomAction(ClusterView view) {
        List<ClusterView.WorkloadStatus> workloads = view.workloads();
        List<ClusterView.NodeStatus> nodes = view.nodes();
        ClusterView.WorkloadStatus w = workloads.get(random.nextInt(workloads.size()));
        ClusterView.NodeStatus n = nodes.get(random.nextInt(nodes.size()));
        for (int attempt = 0; attempt < 20; attempt++) {
            ActionType type = TYPES[random.nextInt(TYPES.length)];
            Optional<Action> action = switch (type) {
                case SCALE -> Optional.of(new Action.Scale(w.name(), Math.max(1, w.desired() + random.nextInt(-2, 6))));
                case RAISE_MEMORY_LIMIT -> Optional.of(new Action.RaiseMemoryLimit(w.name(),
                        w.limitMemoryMib().orElse(w.requestMemoryMib()) * random.nextInt(2, 4)));
                case RAISE_CPU_LIMIT -> Optional.of(new Action.RaiseCpuLimit(w.name(),
                        w.limitCpuMillis().orElse(w.requestCpuMillis()) * random.nextInt(2, 4)));
                case PATCH_HPA -> w.hpa().map(h -> new Action.PatchHpa(w.name(), OptionalInt.empty(),
                        OptionalInt.of(h.max() + random.nextInt(1, 10)), OptionalInt.empty()));
                case ADD_NODES -> Optional.of(new Action.AddNodes(n.name(), random.nextInt(1, 4)));
                case CORDON -> Optional.of(new Action.Cordon(n.name()));
                case UNCORDON -> Optional.of(new Action.Uncordon(n.name()));
                case DRAIN -> Optional.of(new Action.Drain(n.name()));
                case REMOVE_TAINT -> n.taints().stream().findFirst().map(t -> new Action.RemoveTaint(n.name(), t.key()));
                case FIX_PROBE -> Optional.of(new Action.FixProbe(w.name(),
                        random.nextBoolean() ? ProbeKind.READINESS : ProbeKind.LIVENESS, random.nextInt(1000, 10_000)));
                case DELETE_NETWORK_POLICY -> view.networkPolicies().stream().filter(p -> !p.deleted()).findFirst()
                        .map(p -> new Action.DeleteNetworkPolicy(p.name()));
                case ALLOW_TRAFFIC -> Optional.empty();
                case ROLLBACK -> w.previousRevision() > 0 ? Optional.of(new Action.Rollback(w.name())) : Optional.empty();
                case FIX_SERVICE -> Optional.of(new Action.FixService(w.service(), w.containerPort()));
                case RAISE_QUOTA -> view.quotas().stream().findFirst().map(q -> new Action.RaiseQuota(q.name(),
                        q.maxPods() == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(q.maxPods() * 2),
                        OptionalLong.empty(), OptionalLong.empty()));
                case SET_LIMITS -> Optional.of(new Action.SetLimits(w.name(), Math.max(w.requestCpuMillis(), 500),
                        Math.max(w.requestMemoryMib(), 512)));
                case RELAX_PDB -> w.pdbMinAvailable() > 0
                        ? Optional.of(new Action.RelaxPdb(w.name(), w.pdbMinAvailable() - 1)) : Optional.empty();
                case RESTART -> Optional.of(new Action.Restart(w.name()));
                case NOOP -> Optional.of(new Action.Noop());
            };
            if (action.isPresent()) {
                return action.get();
            }
        }
        return new Action.Restart(w.name());
    }

    private static String subjectOf(Action action) {
        return switch (action) {
            case Action.Scale a -> a.workload();
            case Action.RaiseMemoryLimit a -> a.workload();
            case Action.RaiseCpuLimit a -> a.workload();
            case Action.PatchHpa a -> a.workload();
            case Action.AddNodes a -> a.like();
            case Action.Cordon a -> a.node();
            case Action.Uncordon a -> a.node();
            case Action.Drain a -> a.node();
            case Action.RemoveTaint a -> a.node();
            case Action.FixProbe a -> a.workload();
            case Action.DeleteNetworkPolicy a -> a.policy();
            case Action.AllowTraffic a -> "";
            case Action.Rollback a -> a.workload();
            case Action.FixService a -> a.service();
            case Action.RaiseQuota a -> a.quota();
            case Action.SetLimits a -> a.workload();
            case Action.RelaxPdb a -> a.workload();
            case Action.Restart a -> a.workload();
            case Action.Noop a -> "";
        };
    }
}
