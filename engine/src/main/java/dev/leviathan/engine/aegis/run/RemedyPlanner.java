package dev.leviathan.engine.aegis.run;

import dev.leviathan.engine.aegis.scenario.ActionType;
import dev.leviathan.engine.aegis.scenario.ChaosSpec;
import dev.leviathan.engine.aegis.scenario.DiagnosisName;
import dev.leviathan.engine.aegis.scenario.HpaSpec;
import dev.leviathan.engine.aegis.scenario.Labels;
import dev.leviathan.engine.aegis.scenario.NetworkPolicySpec;
import dev.leviathan.engine.aegis.scenario.ProbeKind;
import dev.leviathan.engine.aegis.scenario.QuotaSpec;
import dev.leviathan.engine.aegis.scenario.Scenario;
import dev.leviathan.engine.aegis.scenario.ServiceSpec;
import dev.leviathan.engine.aegis.scenario.TrafficSpec;
import dev.leviathan.engine.aegis.scenario.WorkloadSpec;
import dev.leviathan.engine.aegis.sim.Action;
import dev.leviathan.engine.aegis.sim.ClusterView;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Turns a remedy's name into a concrete action for a diagnosis: which workload, node, policy, Service
 * or quota it acts on, and with what numbers. It may read the whole scenario, chaos included, so it is
 * what the oracle knows; a policy that must not know the future should not use it.
 */
public final class RemedyPlanner {

    /** Head-room the oracle leaves above what it computes is needed. */
    static final double HEADROOM = 1.3;

    private static final Map<DiagnosisName, Set<ActionType>> TYPICAL = Map.ofEntries(
            Map.entry(DiagnosisName.MEMORY_LIMIT_TOO_LOW, EnumSet.of(ActionType.RAISE_MEMORY_LIMIT, ActionType.SET_LIMITS)),
            Map.entry(DiagnosisName.CPU_LIMIT_TOO_LOW, EnumSet.of(ActionType.RAISE_CPU_LIMIT, ActionType.SET_LIMITS)),
            Map.entry(DiagnosisName.CAPACITY_EXHAUSTED, EnumSet.of(ActionType.SCALE, ActionType.ADD_NODES, ActionType.PATCH_HPA)),
            Map.entry(DiagnosisName.HPA_MAX_TOO_LOW, EnumSet.of(ActionType.PATCH_HPA, ActionType.SCALE)),
            Map.entry(DiagnosisName.NODE_LOST, EnumSet.of(ActionType.ADD_NODES, ActionType.SCALE, ActionType.DRAIN, ActionType.CORDON)),
            Map.entry(DiagnosisName.NODE_DRAINED, EnumSet.of(ActionType.UNCORDON, ActionType.ADD_NODES)),
            Map.entry(DiagnosisName.ZONE_LOST, EnumSet.of(ActionType.ADD_NODES, ActionType.SCALE)),
            Map.entry(DiagnosisName.PROBE_MISCONFIGURED, EnumSet.of(ActionType.FIX_PROBE)),
            Map.entry(DiagnosisName.NETWORK_POLICY_BLOCKING, EnumSet.of(ActionType.DELETE_NETWORK_POLICY, ActionType.ALLOW_TRAFFIC)),
            Map.entry(DiagnosisName.BAD_ROLLOUT, EnumSet.of(ActionType.ROLLBACK)),
            Map.entry(DiagnosisName.IMAGE_PULL_FAILURE, EnumSet.of(ActionType.ROLLBACK)),
            Map.entry(DiagnosisName.UNSCHEDULABLE_TAINT, EnumSet.of(ActionType.REMOVE_TAINT, ActionType.ADD_NODES)),
            Map.entry(DiagnosisName.DEPENDENCY_DEGRADED, EnumSet.of(ActionType.RESTART, ActionType.SCALE)),
            Map.entry(DiagnosisName.SERVICE_MISCONFIGURED, EnumSet.of(ActionType.FIX_SERVICE)),
            Map.entry(DiagnosisName.QUOTA_EXHAUSTED, EnumSet.of(ActionType.RAISE_QUOTA)),
            Map.entry(DiagnosisName.SCALED_TO_ZERO, EnumSet.of(ActionType.SCALE)),
            Map.entry(DiagnosisName.NOISY_NEIGHBOUR, EnumSet.of(ActionType.SET_LIMITS, ActionType.ROLLBACK, ActionType.DRAIN)),
            Map.entry(DiagnosisName.HPA_MISCONFIGURED, EnumSet.of(ActionType.PATCH_HPA)),
            Map.entry(DiagnosisName.PDB_BLOCKS_DRAIN, EnumSet.of(ActionType.RELAX_PDB)),
            Map.entry(DiagnosisName.HEALTHY, EnumSet.of(ActionType.NOOP)));

    private final Scenario scenario;

    public RemedyPlanner(Scenario scenario) {
        this.scenario = scenario;
    }

    /** Whether the remedy is one that usually treats the diagnosis. */
    public static boolean treats(ActionType remedy, DiagnosisName diagnosis) {
        return TYPICAL.getOrDefault(diagnosis, Set.of()).contains(remedy);
    }

    /** The concrete actions, or none when the remedy does not apply to this subject here. */
    public List<Action> plan(ActionType remedy, DiagnosisName diagnosis, String subject, ClusterView view) {
        Optional<WorkloadSpec> workload = workloadFor(subject);
        return switch (remedy) {
            case NOOP -> List.of();
            case SCALE -> workload.map(w -> List.<Action>of(new Action.Scale(w.name(), replicasFor(w, diagnosis, view))))
                    .orElse(List.of());
            case RAISE_MEMORY_LIMIT -> workload.map(w -> List.<Action>of(new Action.RaiseMemoryLimit(w.name(),
                    Math.max(current(view, w).limitMemoryMib().orElse(0) + 1, memoryNeeded(w))))).orElse(List.of());
            case RAISE_CPU_LIMIT -> workload.map(w -> List.<Action>of(new Action.RaiseCpuLimit(w.name(),
                    Math.max(current(view, w).limitCpuMillis().orElse(0) + 1, cpuNeeded(w))))).orElse(List.of());
            case PATCH_HPA -> workload.flatMap(this::hpaOf).map(h -> List.<Action>of(patchHpa(h, diagnosis))).orElse(List.of());
            case ADD_NODES -> addNodes(diagnosis, subject, view);
            case CORDON -> nodeNamed(subject, view).map(n -> List.<Action>of(new Action.Cordon(n))).orElse(List.of());
            case UNCORDON -> nodeNamed(subject, view).map(n -> List.<Action>of(new Action.Uncordon(n))).orElse(List.of());
            case DRAIN -> nodeNamed(subject, view).map(n -> List.<Action>of(new Action.Drain(n))).orElse(List.of());
            case REMOVE_TAINT -> removeTaint(subject, view);
            case FIX_PROBE -> workload.map(this::fixProbe).orElse(List.of());
            case DELETE_NETWORK_POLICY -> policyFor(subject)
                    .map(p -> List.<Action>of(new Action.DeleteNetworkPolicy(p.name()))).orElse(List.of());
            case ALLOW_TRAFFIC -> policyFor(subject).map(this::allowTraffic).orElse(List.of());
            case ROLLBACK -> workload.map(w -> List.<Action>of(new Action.Rollback(w.name()))).orElse(List.of());
            case FIX_SERVICE -> fixService(subject);
            case RAISE_QUOTA -> raiseQuota(subject);
            case SET_LIMITS -> workload.map(w -> List.<Action>of(setLimits(w))).orElse(List.of());
            case RELAX_PDB -> workload.map(w -> relaxPdb(w, view)).orElse(List.of());
            case RESTART -> workload.map(w -> List.<Action>of(new Action.Restart(w.name()))).orElse(List.of());
        };
    }

    private Optional<WorkloadSpec> workloadFor(String subject) {
        Optional<WorkloadSpec> direct = scenario.workload(subject);
        if (direct.isPresent()) {
            return direct;
        }
        // A Service's or policy's name: the workload it fronts or selects.
        for (ServiceSpec service : scenario.services()) {
            if (service.name().equals(subject)) {
                return scenario.workloads().stream().filter(w -> service.selects(w.labels())).findFirst();
            }
        }
        for (NetworkPolicySpec policy : scenario.networkPolicies()) {
            if (policy.name().equals(subject)) {
                return scenario.workloads().stream().filter(w -> Labels.matches(policy.selector(), w.labels())).findFirst();
            }
        }
        return Optional.empty();
    }

    private static ClusterView.WorkloadStatus current(ClusterView view, WorkloadSpec w) {
        return view.workload(w.name()).orElseThrow();
    }

    private double externalPeak(WorkloadSpec w) {
        double peak = 0;
        for (int t = 0; t < scenario.ticks(); t++) {
            double rps = 0;
            for (TrafficSpec traffic : scenario.traffic()) {
                if (traffic.workload().equals(w.name())) {
                    rps += traffic.rpsAt(t);
                }
            }
            for (ChaosSpec chaos : scenario.chaos()) {
                if (chaos instanceof ChaosSpec.BurstTraffic b && b.workload().equals(w.name()) && b.at() <= t
                        && t < b.endTick()) {
                    rps *= b.factor();
                }
            }
            peak = Math.max(peak, rps);
        }
        return peak;
    }

    /** The most requests per second the workload can receive in this scenario: its traffic plus its callers'. */
    double peakDemand(WorkloadSpec w) {
        return peakDemand(w, new HashSet<>());
    }

    private double peakDemand(WorkloadSpec w, Set<String> visiting) {
        if (!visiting.add(w.name())) {
            return 0;
        }
        double demand = externalPeak(w);
        for (WorkloadSpec caller : scenario.workloads()) {
            if (caller.dependsOn().contains(w.name())) {
                demand += peakDemand(caller, visiting);
            }
        }
        visiting.remove(w.name());
        return demand;
    }

    int replicasNeeded(WorkloadSpec w) {
        return (int) Math.ceil(peakDemand(w) / Math.max(1e-9, w.capacityRps()) * HEADROOM);
    }

    private int replicasFor(WorkloadSpec w, DiagnosisName diagnosis, ClusterView view) {
        if (diagnosis == DiagnosisName.SCALED_TO_ZERO) {
            return Math.max(1, Math.max(w.replicas(), replicasNeeded(w)));
        }
        return Math.max(current(view, w).desired() + 1, replicasNeeded(w));
    }

    private double perPodRps(WorkloadSpec w) {
        return peakDemand(w) / Math.max(1, Math.max(w.replicas(), replicasNeeded(w) / HEADROOM));
    }

    private double factorProduct(WorkloadSpec w, Class<? extends ChaosSpec> type) {
        double product = 1;
        for (ChaosSpec chaos : scenario.chaos()) {
            if (type.isInstance(chaos)) {
                if (chaos instanceof ChaosSpec.OomStorm o && o.workload().equals(w.name())) {
                    product *= Math.max(1, o.factor());
                }
                if (chaos instanceof ChaosSpec.CpuThrottle c && c.workload().equals(w.name())) {
                    product *= Math.max(1, c.factor());
                }
            }
        }
        return product;
    }

    long memoryNeeded(WorkloadSpec w) {
        double usage = w.usage().memoryMib() + w.usage().memoryPerRps() * perPodRps(w);
        return (long) Math.ceil(usage * factorProduct(w, ChaosSpec.OomStorm.class) * HEADROOM);
    }

    long cpuNeeded(WorkloadSpec w) {
        double usage = w.usage().cpuMillis() + w.usage().cpuPerRps() * perPodRps(w);
        return (long) Math.ceil(usage * factorProduct(w, ChaosSpec.CpuThrottle.class) * HEADROOM);
    }

    private Optional<HpaSpec> hpaOf(WorkloadSpec w) {
        return scenario.hpas().stream().filter(h -> h.workload().equals(w.name())).findFirst();
    }

    private Action patchHpa(HpaSpec declared, DiagnosisName diagnosis) {
        WorkloadSpec w = scenario.workload(declared.workload()).orElseThrow();
        if (diagnosis == DiagnosisName.HPA_MISCONFIGURED) {
            return new Action.PatchHpa(w.name(), OptionalInt.of(declared.min()),
                    OptionalInt.of(Math.max(declared.max(), replicasNeeded(w))), OptionalInt.of(declared.cpuTargetPercent()));
        }
        return new Action.PatchHpa(w.name(), OptionalInt.empty(),
                OptionalInt.of(Math.max(declared.max() + 1, replicasNeeded(w))), OptionalInt.empty());
    }

    private List<Action> addNodes(DiagnosisName diagnosis, String subject, ClusterView view) {
        List<ClusterView.NodeStatus> nodes = view.nodes();
        Set<String> lost = new HashSet<>();
        for (ClusterView.NodeStatus node : nodes) {
            if (node.name().equals(subject) || node.zone().equals(subject) || !node.ready()) {
                lost.add(node.name());
            }
        }
        Optional<ClusterView.NodeStatus> like = nodes.stream()
                .filter(n -> !lost.contains(n.name()) && !n.cordoned() && n.taints().isEmpty()).findFirst()
                .or(() -> nodes.stream().filter(n -> !lost.contains(n.name())).findFirst())
                .or(() -> nodes.stream().findFirst());
        if (like.isEmpty()) {
            return List.of();
        }
        int count;
        if (diagnosis == DiagnosisName.NODE_LOST || diagnosis == DiagnosisName.ZONE_LOST
                || diagnosis == DiagnosisName.NODE_DRAINED || diagnosis == DiagnosisName.UNSCHEDULABLE_TAINT) {
            count = (int) nodes.stream().filter(n -> n.name().equals(subject) || n.zone().equals(subject)).count();
        } else {
            count = capacityDeficit(like.get(), view);
        }
        return List.of(new Action.AddNodes(like.get().name(), Math.max(1, Math.min(100, count))));
    }

    /** Nodes like {@code like} needed so that every workload's peak replicas fit by requests. */
    private int capacityDeficit(ClusterView.NodeStatus like, ClusterView view) {
        double cpu = 0;
        double memory = 0;
        for (WorkloadSpec w : scenario.workloads()) {
            int replicas = Math.max(current(view, w).desired(), Math.min(replicasNeeded(w),
                    hpaOf(w).map(h -> Math.max(h.max(), replicasNeeded(w))).orElse(replicasNeeded(w))));
            cpu += replicas * (double) w.requests().cpuMillis();
            memory += replicas * (double) w.requests().memoryMib();
        }
        double haveCpu = 0;
        double haveMemory = 0;
        for (ClusterView.NodeStatus node : view.nodes()) {
            if (node.ready() && !node.cordoned()) {
                haveCpu += node.cpuMillis();
                haveMemory += node.memoryMib();
            }
        }
        double byCpu = (cpu * 1.1 - haveCpu) / Math.max(1, like.cpuMillis());
        double byMemory = (memory * 1.1 - haveMemory) / Math.max(1, like.memoryMib());
        return (int) Math.ceil(Math.max(byCpu, byMemory));
    }

    private Optional<String> nodeNamed(String subject, ClusterView view) {
        return view.nodes().stream().map(ClusterView.NodeStatus::name).filter(subject::equals).findFirst();
    }

    private List<Action> removeTaint(String subject, ClusterView view) {
        List<Action> actions = new ArrayList<>();
        for (ChaosSpec chaos : scenario.chaos()) {
            if (chaos instanceof ChaosSpec.NodeTaint t && (t.node().equals(subject) || subject.isEmpty())) {
                actions.add(new Action.RemoveTaint(t.node(), t.taint().key()));
            }
        }
        if (actions.isEmpty()) {
            view.nodes().stream().filter(n -> n.name().equals(subject)).flatMap(n -> n.taints().stream()).findFirst()
                    .ifPresent(t -> actions.add(new Action.RemoveTaint(subject, t.key())));
        }
        return actions.stream().distinct().toList();
    }

    private List<Action> fixProbe(WorkloadSpec w) {
        for (ChaosSpec chaos : scenario.chaos()) {
            if (chaos instanceof ChaosSpec.ProbeFailure p && p.workload().equals(w.name())) {
                return List.of(new Action.FixProbe(w.name(), p.probe(), Math.min(60_000, p.latencyMs() * 2)));
            }
        }
        return List.of(new Action.FixProbe(w.name(), ProbeKind.READINESS, Math.min(60_000, w.readiness().timeoutMs() * 4)));
    }

    private Optional<NetworkPolicySpec> policyFor(String subject) {
        Optional<NetworkPolicySpec> named = scenario.networkPolicies().stream().filter(p -> p.name().equals(subject)).findFirst();
        if (named.isPresent()) {
            return named;
        }
        Optional<WorkloadSpec> workload = scenario.workload(subject);
        return workload.flatMap(w -> scenario.chaos().stream()
                .filter(c -> c instanceof ChaosSpec.NetpolLockout)
                .map(c -> ((ChaosSpec.NetpolLockout) c).policy())
                .flatMap(name -> scenario.networkPolicies().stream().filter(p -> p.name().equals(name)))
                .filter(p -> Labels.matches(p.selector(), w.labels()) || w.dependsOn().stream()
                        .flatMap(d -> scenario.workload(d).stream()).anyMatch(d -> Labels.matches(p.selector(), d.labels())))
                .findFirst());
    }

    private List<Action> allowTraffic(NetworkPolicySpec policy) {
        List<Action> actions = new ArrayList<>();
        for (WorkloadSpec callee : scenario.workloads()) {
            if (!Labels.matches(policy.selector(), callee.labels())) {
                continue;
            }
            for (WorkloadSpec caller : scenario.workloads()) {
                if (caller.dependsOn().contains(callee.name())
                        && policy.allowFrom().stream().noneMatch(from -> Labels.matches(from, caller.labels()))) {
                    actions.add(new Action.AllowTraffic(caller.labels(), callee.labels()));
                }
            }
        }
        return actions.stream().distinct().toList();
    }

    private List<Action> fixService(String subject) {
        for (ChaosSpec chaos : scenario.chaos()) {
            if (chaos instanceof ChaosSpec.ServiceMisconfig m) {
                ServiceSpec service = scenario.services().stream().filter(s -> s.name().equals(m.service())).findFirst()
                        .orElseThrow();
                boolean about = service.name().equals(subject) || scenario.workload(subject)
                        .map(w -> service.selects(w.labels())).orElse(false);
                if (about) {
                    int port = scenario.workloads().stream().filter(w -> service.selects(w.labels()))
                            .mapToInt(WorkloadSpec::port).findFirst().orElse(service.targetPort());
                    return List.of(new Action.FixService(service.name(), port));
                }
            }
        }
        return List.of();
    }

    private List<Action> raiseQuota(String subject) {
        for (QuotaSpec quota : scenario.quotas()) {
            if (quota.name().equals(subject) || quota.workloads().contains(subject)) {
                int pods = quota.workloads().stream().flatMap(n -> scenario.workload(n).stream())
                        .mapToInt(w -> Math.max(w.replicas(), hpaOf(w).map(HpaSpec::max).orElse(replicasNeeded(w))) * 2).sum();
                return List.of(new Action.RaiseQuota(quota.name(),
                        quota.maxPods().isPresent() ? OptionalInt.of(Math.max(quota.maxPods().getAsInt(), pods)) : OptionalInt.empty(),
                        quota.cpuMillis().isPresent() ? OptionalLong.of(quota.cpuMillis().getAsLong() * 2) : OptionalLong.empty(),
                        quota.memoryMib().isPresent() ? OptionalLong.of(quota.memoryMib().getAsLong() * 2) : OptionalLong.empty()));
            }
        }
        return List.of();
    }

    /** The limits the workload was declared with (what a revision without limits dropped), else room above its use. */
    private Action setLimits(WorkloadSpec w) {
        long cpu = w.limits().cpuMillis().orElse(Math.max(w.requests().cpuMillis(),
                (long) Math.ceil((w.usage().cpuMillis() + w.usage().cpuPerRps() * perPodRps(w)) * 2)));
        long memory = w.limits().memoryMib().orElse(Math.max(w.requests().memoryMib(),
                (long) Math.ceil((w.usage().memoryMib() + w.usage().memoryPerRps() * perPodRps(w)) * 1.5)));
        return new Action.SetLimits(w.name(), Math.max(cpu, 1), Math.max(memory, 1));
    }

    private List<Action> relaxPdb(WorkloadSpec w, ClusterView view) {
        int min = current(view, w).pdbMinAvailable();
        if (min < 0) {
            return List.of();
        }
        return List.of(new Action.RelaxPdb(w.name(), Math.max(0, Math.min(min, current(view, w).desired()) - 1)));
    }
}
