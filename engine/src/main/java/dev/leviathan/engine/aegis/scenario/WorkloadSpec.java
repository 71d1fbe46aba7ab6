package dev.leviathan.engine.aegis.scenario;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Deployment or StatefulSet at tick 0, defaults filled in.
 *
 * @param requests when the file gives limits but no requests, the requests equal the limits (Kubernetes)
 * @param usage when the file gives no usage, the pod uses its requests
 * @param capacityRps requests per second one ready pod serves within {@code latencyMs}
 * @param startupTicks ticks from Running to ready when healthy
 * @param readiness the readiness probe; {@link Probe#DEFAULT} when the file declares none
 * @param liveness the liveness probe; {@link Probe#DEFAULT} when the file declares none
 * @param latencyMs per-request latency when healthy
 * @param port the port the app listens on
 * @param dependsOn names of the workloads this one calls, in file order
 * @param labels pod labels; {@code {app: <name>}} when the file gives none
 */
public record WorkloadSpec(
        String name,
        WorkloadKind kind,
        int replicas,
        Resources requests,
        Limits limits,
        Usage usage,
        double capacityRps,
        int startupTicks,
        Probe readiness,
        Probe liveness,
        int latencyMs,
        int port,
        SortedMap<String, String> nodeSelector,
        List<Toleration> tolerations,
        List<String> dependsOn,
        SortedMap<String, String> labels) {

    public WorkloadSpec {
        nodeSelector = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(nodeSelector));
        tolerations = List.copyOf(tolerations);
        dependsOn = List.copyOf(dependsOn);
        labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    public Probe probe(ProbeKind kind) {
        return kind == ProbeKind.READINESS ? readiness : liveness;
    }
}
