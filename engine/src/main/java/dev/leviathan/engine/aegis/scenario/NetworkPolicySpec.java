package dev.leviathan.engine.aegis.scenario;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An ingress NetworkPolicy: once in force, pods its selector matches accept calls only from pods
 * matching one of {@code allowFrom} (the union over every policy that selects them, as in Kubernetes).
 *
 * @param dormantUntilChaos true when a {@code netpol_lockout} event names this policy: it is not in force
 *     until that event applies it
 */
public record NetworkPolicySpec(String name, SortedMap<String, String> selector,
        List<SortedMap<String, String>> allowFrom, boolean dormantUntilChaos) {

    public NetworkPolicySpec {
        selector = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(selector));
        allowFrom = allowFrom.stream()
                .map(m -> java.util.Collections.unmodifiableSortedMap(new TreeMap<>(m)))
                .toList();
    }
}
