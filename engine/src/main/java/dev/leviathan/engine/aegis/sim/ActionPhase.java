package dev.leviathan.engine.aegis.sim;

import dev.leviathan.engine.aegis.scenario.Limits;
import dev.leviathan.engine.aegis.scenario.NodeSpec;
import dev.leviathan.engine.aegis.scenario.Taint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Actions: checked against the cluster when a plan is submitted, applied when their delay has passed
 * (in the order they were submitted). An action that no longer makes sense when its time comes (its
 * node is gone) is dropped.
 */
final class ActionPhase {

    private ActionPhase() {
    }

    static void run(ClusterState s) {
        if (s.pendingActions.length == 0) {
            return;
        }
        List<PendingAction> later = new ArrayList<>();
        for (PendingAction pending : s.pendingActions) {
            if (pending.effectTick() <= s.tick) {
                if (problem(s, pending.action()).isEmpty()) {
                    apply(s, pending.action());
                }
            } else {
                later.add(pending);
            }
        }
        s.pendingActions = later.toArray(PendingAction[]::new);
    }

    /** Why the action cannot be applied to this cluster, or empty when it can. */
    static Optional<String> problem(ClusterState s, Action action) {
        World world = s.world;
        return switch (action) {
            case Action.Scale a -> unknownWorkload(world, a.workload())
                    .or(() -> a.replicas() < 0 || a.replicas() > 10_000
                            ? Optional.of("replicas must be 0 to 10000, not " + a.replicas()) : Optional.empty());
            case Action.RaiseMemoryLimit a -> unknownWorkload(world, a.workload()).or(() -> {
                long now = s.current(world.workload(a.workload())).memoryLimitOr(0);
                return a.memoryMib() <= now ? Optional.of("memory " + a.memoryMib() + "Mi is no raise over " + now + "Mi")
                        : Optional.empty();
            });
            case Action.RaiseCpuLimit a -> unknownWorkload(world, a.workload()).or(() -> {
                long now = s.current(world.workload(a.workload())).cpuLimitOr(0);
                return a.cpuMillis() <= now ? Optional.of("cpu " + a.cpuMillis() + "m is no raise over " + now + "m")
                        : Optional.empty();
            });
            case Action.PatchHpa a -> unknownWorkload(world, a.workload()).or(() -> {
                int w = world.workload(a.workload());
                if (s.hpaMax[w] < 0) {
                    return Optional.of("workload " + a.workload() + " has no HPA");
                }
                int min = a.min().orElse(s.hpaMin[w]);
                int max = a.max().orElse(s.hpaMax[w]);
                if (min < 1 || max < min) {
                    return Optional.of("HPA bounds must satisfy 1 ≤ min ≤ max, not " + min + ".." + max);
                }
                if (a.cpuTargetPercent().isPresent()
                        && (a.cpuTargetPercent().getAsInt() < 1 || a.cpuTargetPercent().getAsInt() > 1000)) {
                    return Optional.of("cpu_target_percent must be 1 to 1000");
                }
                return Optional.empty();
            });
            case Action.AddNodes a -> s.node(a.like()) < 0 ? Optional.of("unknown node " + a.like())
                    : a.count() < 1 || a.count() > 100 ? Optional.of("count must be 1 to 100, not " + a.count())
                    : Optional.empty();
            case Action.Cordon a -> unknownNode(s, a.node());
            case Action.Uncordon a -> unknownNode(s, a.node());
            case Action.Drain a -> unknownNode(s, a.node());
            case Action.RemoveTaint a -> unknownNode(s, a.node()).or(() ->
                    Arrays.stream(s.nodeTaints[s.node(a.node())]).noneMatch(t -> t.key().equals(a.key()))
                            ? Optional.of("node " + a.node() + " has no taint " + a.key()) : Optional.empty());
            case Action.FixProbe a -> unknownWorkload(world, a.workload())
                    .or(() -> a.timeoutMs() < 1 || a.timeoutMs() > 60_000
                            ? Optional.of("timeout_ms must be 1 to 60000") : Optional.empty());
            case Action.DeleteNetworkPolicy a -> !world.policyIndex.containsKey(a.policy())
                    ? Optional.of("unknown network policy " + a.policy())
                    : s.policyDeleted[world.policyIndex.get(a.policy())]
                            ? Optional.of("network policy " + a.policy() + " is already deleted") : Optional.empty();
            case Action.AllowTraffic a -> java.util.stream.IntStream.range(0, world.workloads.length)
                    .noneMatch(w -> dev.leviathan.engine.aegis.scenario.Labels.matches(a.from(), world.workloads[w].labels()))
                    ? Optional.of("no workload has the labels of from " + a.from())
                    : java.util.stream.IntStream.range(0, world.workloads.length)
                            .noneMatch(w -> dev.leviathan.engine.aegis.scenario.Labels.matches(a.to(), world.workloads[w].labels()))
                            ? Optional.of("no workload has the labels of to " + a.to()) : Optional.empty();
            case Action.Rollback a -> unknownWorkload(world, a.workload()).or(() ->
                    s.previousRevision[world.workload(a.workload())] == 0
                            ? Optional.of("workload " + a.workload() + " has no earlier revision") : Optional.empty());
            case Action.FixService a -> !world.serviceIndex.containsKey(a.service())
                    ? Optional.of("unknown service " + a.service())
                    : a.targetPort() < 1 || a.targetPort() > 65_535 ? Optional.of("target_port must be 1 to 65535")
                    : Optional.empty();
            case Action.RaiseQuota a -> {
                Integer q = world.quotaIndex.get(a.quota());
                if (q == null) {
                    yield Optional.of("unknown quota " + a.quota());
                }
                if (a.maxPods().isEmpty() && a.cpuMillis().isEmpty() && a.memoryMib().isEmpty()) {
                    yield Optional.of("raise_quota needs max_pods, cpu or memory");
                }
                if (a.maxPods().isPresent() && a.maxPods().getAsInt() <= s.quotaMaxPods[q]
                        || a.cpuMillis().isPresent() && a.cpuMillis().getAsLong() <= s.quotaCpu[q]
                        || a.memoryMib().isPresent() && a.memoryMib().getAsLong() <= s.quotaMemory[q]) {
                    yield Optional.of("raise_quota must raise: quota " + a.quota() + " allows " + limit(s.quotaMaxPods[q])
                            + " pods, " + limit(s.quotaCpu[q]) + "m cpu, " + limit(s.quotaMemory[q]) + "Mi memory now");
                }
                yield Optional.empty();
            }
            case Action.SetLimits a -> unknownWorkload(world, a.workload()).or(() -> {
                var requests = s.current(world.workload(a.workload())).requests();
                return a.cpuMillis() < requests.cpuMillis() || a.memoryMib() < requests.memoryMib()
                        ? Optional.of("limits below the requests (" + requests.cpuMillis() + "m, " + requests.memoryMib()
                                + "Mi)") : Optional.empty();
            });
            case Action.RelaxPdb a -> unknownWorkload(world, a.workload()).or(() ->
                    s.pdbMinAvailable[world.workload(a.workload())] < 0
                            ? Optional.of("workload " + a.workload() + " has no PodDisruptionBudget")
                            : a.minAvailable() < 0 ? Optional.of("min_available must be ≥ 0")
                            : a.minAvailable() >= s.pdbMinAvailable[world.workload(a.workload())]
                                    ? Optional.of("relax_pdb must lower min_available, now "
                                            + s.pdbMinAvailable[world.workload(a.workload())])
                                    : Optional.empty());
            case Action.Restart a -> unknownWorkload(world, a.workload());
            case Action.Noop a -> Optional.empty();
        };
    }

    private static Optional<String> unknownWorkload(World world, String name) {
        return world.workloadIndex.containsKey(name) ? Optional.empty() : Optional.of("unknown workload " + name);
    }

    private static Optional<String> unknownNode(ClusterState s, String name) {
        return s.node(name) < 0 ? Optional.of("unknown node " + name) : Optional.empty();
    }

    static void apply(ClusterState s, Action action) {
        World world = s.world;
        switch (action) {
            case Action.Scale a -> s.desired[world.workload(a.workload())] = a.replicas();
            case Action.RaiseMemoryLimit a -> {
                int w = world.workload(a.workload());
                s.rollOut(w, s.current(w).withMemoryLimit(s.nextRevisionNumber(w), a.memoryMib()));
            }
            case Action.RaiseCpuLimit a -> {
                int w = world.workload(a.workload());
                s.rollOut(w, s.current(w).withCpuLimit(s.nextRevisionNumber(w), a.cpuMillis()));
            }
            case Action.PatchHpa a -> {
                int w = world.workload(a.workload());
                s.hpaMin[w] = a.min().orElse(s.hpaMin[w]);
                s.hpaMax[w] = a.max().orElse(s.hpaMax[w]);
                s.hpaTarget[w] = a.cpuTargetPercent().orElse(s.hpaTarget[w]);
            }
            case Action.AddNodes a -> {
                NodeSpec like = s.nodeSpec[s.node(a.like())];
                for (int i = 0; i < a.count(); i++) {
                    String name;
                    do {
                        name = like.name() + "-added-" + (++s.addedNodes);
                    } while (s.node(name) >= 0);
                    s.addNode(new NodeSpec(name, like.zone(), like.cpuMillis(), like.memoryMib(), like.labels(),
                            List.of()), s.tick);
                }
            }
            case Action.Cordon a -> s.nodeCordoned[s.node(a.node())] = true;
            case Action.Uncordon a -> {
                int n = s.node(a.node());
                s.nodeCordoned[n] = false;
                NodePhase.cancelDrain(s, n);
            }
            case Action.Drain a -> {
                int n = s.node(a.node());
                s.nodeCordoned[n] = true;
                NodePhase.requestDrain(s, n);
            }
            case Action.RemoveTaint a -> {
                int n = s.node(a.node());
                s.nodeTaints[n] = Arrays.stream(s.nodeTaints[n]).filter(t -> !t.key().equals(a.key()))
                        .toArray(Taint[]::new);
            }
            case Action.FixProbe a -> {
                int w = world.workload(a.workload());
                s.rollOut(w, s.current(w).withProbeTimeout(s.nextRevisionNumber(w), a.probe(), a.timeoutMs()));
            }
            case Action.DeleteNetworkPolicy a -> {
                int p = world.policyIndex.get(a.policy());
                s.policyInForce[p] = false;
                s.policyDeleted[p] = true;
                s.edgesDirty = true;
            }
            case Action.AllowTraffic a -> {
                AllowRule[] grown = Arrays.copyOf(s.allowRules, s.allowRules.length + 1);
                grown[s.allowRules.length] = new AllowRule(a.from(), a.to());
                s.allowRules = grown;
                s.edgesDirty = true;
            }
            case Action.Rollback a -> rollback(s, world.workload(a.workload()));
            case Action.FixService a -> s.serviceTargetPort[world.serviceIndex.get(a.service())] = a.targetPort();
            case Action.RaiseQuota a -> {
                int q = world.quotaIndex.get(a.quota());
                if (a.maxPods().isPresent()) {
                    s.quotaMaxPods[q] = Math.max(s.quotaMaxPods[q], a.maxPods().getAsInt());
                }
                if (a.cpuMillis().isPresent()) {
                    s.quotaCpu[q] = Math.max(s.quotaCpu[q], a.cpuMillis().getAsLong());
                }
                if (a.memoryMib().isPresent()) {
                    s.quotaMemory[q] = Math.max(s.quotaMemory[q], a.memoryMib().getAsLong());
                }
            }
            case Action.SetLimits a -> {
                int w = world.workload(a.workload());
                s.rollOut(w, s.current(w).withLimits(s.nextRevisionNumber(w), Limits.of(a.cpuMillis(), a.memoryMib())));
            }
            case Action.RelaxPdb a -> s.pdbMinAvailable[world.workload(a.workload())] = a.minAvailable();
            case Action.Restart a -> {
                int w = world.workload(a.workload());
                s.rollOut(w, s.current(w).next(s.nextRevisionNumber(w)));
            }
            case Action.Noop a -> {
            }
        }
    }

    /** {@code kubectl rollout undo}: the revision that was current before this one is current again. */
    static void rollback(ClusterState s, int w) {
        int previous = s.previousRevision[w];
        if (previous == 0) {
            return;
        }
        s.previousRevision[w] = s.currentRevision[w];
        s.currentRevision[w] = previous;
    }

    private static String limit(long value) {
        return value >= Integer.MAX_VALUE ? "unlimited" : Long.toString(value);
    }
}
