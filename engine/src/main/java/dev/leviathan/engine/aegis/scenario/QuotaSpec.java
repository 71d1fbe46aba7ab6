package dev.leviathan.engine.aegis.scenario;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A ResourceQuota over a group of workloads: the pods of those workloads together may not exceed
 * {@code maxPods}, and their requests together may not exceed {@code cpuMillis} / {@code memoryMib}.
 */
public record QuotaSpec(String name, List<String> workloads, OptionalInt maxPods, OptionalLong cpuMillis,
        OptionalLong memoryMib) {

    public QuotaSpec {
        workloads = List.copyOf(workloads);
    }
}
