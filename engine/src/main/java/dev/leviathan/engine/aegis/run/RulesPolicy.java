package dev.leviathan.engine.aegis.run;

import dev.leviathan.engine.aegis.scenario.DiagnosisName;
import dev.leviathan.engine.aegis.scenario.ProbeKind;
import dev.leviathan.engine.aegis.scenario.TaintEffect;
import dev.leviathan.engine.aegis.sim.Action;
import dev.leviathan.engine.aegis.sim.ClusterView;
import dev.leviathan.engine.aegis.sim.ClusterView.WorkloadStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A fixed symptom → playbook table, as a rule-based analyzer would run it: the first rule whose symptom
 * has held for {@value #PERSISTENCE} ticks fires its playbook, then rests for {@value #COOLDOWN} ticks
 * on that subject. It reads only what an operator sees and never weighs alternatives, so look-alike
 * faults fool it.
 */
public final class RulesPolicy implements Policy {

    static final int PERSISTENCE = 3;
    static final int COOLDOWN = 30;

    private record Finding(DiagnosisName diagnosis, String subject, List<Action> actions, String rule) {
        String key() {
            return diagnosis.wireName() + "/" + subject;
        }
    }

    private final Map<String, Integer> seenSince = new HashMap<>();
    private final Map<String, Integer> firedAt = new HashMap<>();
    private final Map<String, Integer> peakDesired = new HashMap<>();

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public Optional<Decision> observe(Observation observation) {
        ClusterView view = observation.view();
        int tick = observation.tick();
        List<WorkloadStatus> workloads = view.workloads();
        for (WorkloadStatus w : workloads) {
            peakDesired.merge(w.name(), w.desired(), Math::max);
        }
        Map<String, Finding> findings = new LinkedHashMap<>();
        for (Finding f : detect(view, workloads)) {
            findings.putIfAbsent(f.key(), f);
        }
        seenSince.keySet().retainAll(findings.keySet());
        for (Finding f : findings.values()) {
            int since = seenSince.computeIfAbsent(f.key(), k -> tick);
            Integer fired = firedAt.get(f.key());
            boolean rested = fired == null || tick - fired >= COOLDOWN;
            if (tick - since + 1 >= PERSISTENCE && rested && !f.actions().isEmpty()) {
                firedAt.put(f.key(), tick);
                return Optional.of(Decision.of(new Diagnosis(f.diagnosis(), f.subject(), 0.6), f.actions(), "rule " + f.rule()));
            }
        }
        return Optional.empty();
    }

    private List<Finding> detect(ClusterView view, List<WorkloadStatus> workloads) {
        List<Finding> found = new ArrayList<>();
        for (WorkloadStatus w : workloads) {
            if (w.imagePullBackOff() > 0) {
                found.add(new Finding(DiagnosisName.IMAGE_PULL_FAILURE, w.name(), List.of(new Action.Rollback(w.name())),
                        "ImagePullBackOff → rollback"));
            }
            if (w.oomKilledPods() > 0 && w.limitMemoryMib().isPresent()) {
                found.add(new Finding(DiagnosisName.MEMORY_LIMIT_TOO_LOW, w.name(),
                        List.of(new Action.RaiseMemoryLimit(w.name(), w.limitMemoryMib().getAsLong() * 2)),
                        "OOMKilled → double the memory limit"));
            }
            if (w.crashLooping() > 0 && w.oomKilledPods() == 0 && w.livenessKilledPods() == 0 && w.previousRevision() > 0) {
                found.add(new Finding(DiagnosisName.BAD_ROLLOUT, w.name(), List.of(new Action.Rollback(w.name())),
                        "CrashLoopBackOff after a rollout → rollback"));
            }
            if (w.desired() == 0 && peakDesired.getOrDefault(w.name(), 0) > 0) {
                found.add(new Finding(DiagnosisName.SCALED_TO_ZERO, w.name(),
                        List.of(new Action.Scale(w.name(), peakDesired.get(w.name()))), "zero replicas → scale back"));
            }
            if (w.ready() > 0 && w.endpoints() == 0) {
                found.add(new Finding(DiagnosisName.SERVICE_MISCONFIGURED, w.service(),
                        List.of(new Action.FixService(w.service(), w.containerPort())), "no endpoints → point the Service at the pods"));
            }
            if (w.quotaRefusals() > 0 && w.pods() < w.desired()) {
                found.add(quotaFinding(view, w));
            }
            if (w.drainBlocked() && w.pdbMinAvailable() > 0) {
                found.add(new Finding(DiagnosisName.PDB_BLOCKS_DRAIN, w.name(),
                        List.of(new Action.RelaxPdb(w.name(), w.pdbMinAvailable() - 1)), "drain blocked → relax the PDB"));
            }
            if (w.livenessKilledPods() > 0) {
                found.add(new Finding(DiagnosisName.PROBE_MISCONFIGURED, w.name(),
                        List.of(new Action.FixProbe(w.name(), ProbeKind.LIVENESS, w.livenessTimeoutMs() * 3)),
                        "liveness restarts → lengthen the probe timeout"));
            }
            if (w.runningUnready() > 0 && w.crashLooping() == 0 && w.ready() < w.desired()) {
                found.add(new Finding(DiagnosisName.PROBE_MISCONFIGURED, w.name(),
                        List.of(new Action.FixProbe(w.name(), ProbeKind.READINESS, w.readinessTimeoutMs() * 3)),
                        "running but unready → lengthen the readiness timeout"));
            }
        }
        for (ClusterView.EdgeStatus edge : view.edges()) {
            if (edge.blocked()) {
                for (String policy : edge.blockingPolicies()) {
                    found.add(new Finding(DiagnosisName.NETWORK_POLICY_BLOCKING, policy,
                            List.of(new Action.DeleteNetworkPolicy(policy)), "calls blocked → delete the policy"));
                }
            }
        }
        for (WorkloadStatus w : workloads) {
            if (w.pending() > 0 && w.pendingReason().equals("untolerated taint")) {
                List<Action> removals = new ArrayList<>();
                for (ClusterView.NodeStatus node : view.nodes()) {
                    node.taints().stream().filter(t -> t.effect() != TaintEffect.PREFER_NO_SCHEDULE).findFirst()
                            .ifPresent(t -> removals.add(new Action.RemoveTaint(node.name(), t.key())));
                }
                found.add(new Finding(DiagnosisName.UNSCHEDULABLE_TAINT, w.name(), removals, "pending on taints → remove them"));
            }
            if (w.pending() > 0 && w.pendingReason().startsWith("Insufficient")) {
                found.add(addNodes(view, w, DiagnosisName.CAPACITY_EXHAUSTED, "pending for capacity → add nodes"));
            }
        }
        for (ClusterView.NodeStatus node : view.nodes()) {
            if (!node.ready()) {
                found.add(new Finding(DiagnosisName.NODE_LOST, node.name(),
                        likeNode(view).map(like -> List.<Action>of(new Action.AddNodes(like, 1))).orElse(List.of()),
                        "node NotReady → replace it"));
            }
            if (node.cordoned() && !node.draining() && workloads.stream().anyMatch(w -> w.ready() < w.desired())) {
                found.add(new Finding(DiagnosisName.NODE_DRAINED, node.name(), List.of(new Action.Uncordon(node.name())),
                        "cordoned while short of pods → uncordon"));
            }
        }
        for (WorkloadStatus w : workloads) {
            double capacityShare = w.errorRate();
            if (capacityShare > 0.05 && w.ready() > 0 && w.endpoints() > 0 && w.throttle() < 1.3) {
                if (w.hpa().isPresent() && w.desired() >= w.hpa().get().max()) {
                    found.add(new Finding(DiagnosisName.HPA_MAX_TOO_LOW, w.name(), List.of(new Action.PatchHpa(w.name(),
                            OptionalInt.empty(), OptionalInt.of(w.hpa().get().max() * 2), OptionalInt.empty())),
                            "errors at HPA max → double the max"));
                } else if (w.hpa().isEmpty() && w.dependsOn().isEmpty()) {
                    found.add(new Finding(DiagnosisName.CAPACITY_EXHAUSTED, w.name(),
                            List.of(new Action.Scale(w.name(), (int) Math.ceil(w.desired() * 1.5))), "errors → scale out"));
                }
            }
            if (w.throttle() > 1.3 && w.limitCpuMillis().isPresent()) {
                found.add(new Finding(DiagnosisName.CPU_LIMIT_TOO_LOW, w.name(),
                        List.of(new Action.RaiseCpuLimit(w.name(), w.limitCpuMillis().getAsLong() * 2)), "throttled → double the cpu limit"));
            }
        }
        for (ClusterView.EdgeStatus edge : view.edges()) {
            if (!edge.blocked() && edge.calleeLatencyMs() > 800) {
                found.add(new Finding(DiagnosisName.DEPENDENCY_DEGRADED, edge.to(), List.of(new Action.Restart(edge.to())),
                        "slow dependency → restart it"));
            }
        }
        return found;
    }

    private Finding quotaFinding(ClusterView view, WorkloadStatus w) {
        for (ClusterView.QuotaStatus quota : view.quotas()) {
            if (quota.refusals() > 0) {
                return new Finding(DiagnosisName.QUOTA_EXHAUSTED, w.name(), List.of(new Action.RaiseQuota(quota.name(),
                        quota.maxPods() == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(quota.maxPods() * 2),
                        quota.cpuMillis() == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(quota.cpuMillis() * 2),
                        quota.memoryMib() == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(quota.memoryMib() * 2))),
                        "creations refused → double the quota");
            }
        }
        return new Finding(DiagnosisName.QUOTA_EXHAUSTED, w.name(), List.of(), "creations refused");
    }

    private Finding addNodes(ClusterView view, WorkloadStatus w, DiagnosisName diagnosis, String rule) {
        Optional<ClusterView.NodeStatus> like = view.nodes().stream().filter(n -> n.ready() && !n.cordoned()).findFirst();
        if (like.isEmpty()) {
            return new Finding(diagnosis, w.name(), List.of(), rule);
        }
        long cpu = Math.max(1, like.get().cpuMillis());
        int count = (int) Math.ceil((double) w.pending() * w.requestCpuMillis() / cpu);
        return new Finding(diagnosis, w.name(), List.of(new Action.AddNodes(like.get().name(), Math.max(1, Math.min(10, count)))), rule);
    }

    private static Optional<String> likeNode(ClusterView view) {
        return view.nodes().stream().filter(n -> n.ready() && !n.cordoned()).map(ClusterView.NodeStatus::name).findFirst();
    }
}
