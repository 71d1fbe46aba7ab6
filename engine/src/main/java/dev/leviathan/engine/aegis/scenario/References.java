package dev.leviathan.engine.aegis.scenario;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Names declared in the file, and names that must resolve to one of them. Readers declare a name as soon
 * as they read it, even when the rest of its entry is wrong, so a typo in a workload's memory does not also
 * make every reference to that workload "unknown". {@link #check} runs once everything is read, so a chaos
 * event may name a workload declared below it.
 */
final class References {

    enum Kind { WORKLOAD, NODE, ZONE, POLICY, SERVICE, QUOTA, HPA_WORKLOAD, SUBJECT }

    private record Reference(Kind kind, String name, Node at, FieldPath path) {
    }

    private final Map<Kind, Set<String>> declared = new EnumMap<>(Kind.class);
    private final List<Reference> references = new ArrayList<>();

    void declare(Kind kind, String name) {
        declared.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(name);
    }

    /** The names of one kind, in the order they were declared. */
    List<String> declared(Kind kind) {
        if (kind == Kind.SUBJECT) {
            Set<String> all = new LinkedHashSet<>();
            for (Kind k : List.of(Kind.WORKLOAD, Kind.NODE, Kind.ZONE, Kind.POLICY, Kind.QUOTA, Kind.SERVICE)) {
                all.addAll(declared(k));
            }
            return List.copyOf(all);
        }
        return List.copyOf(declared.getOrDefault(kind, Set.of()));
    }

    void expect(Kind kind, String name, Node at, FieldPath path) {
        references.add(new Reference(kind, name, at, path));
    }

    void check(Problems problems) {
        for (Reference ref : references) {
            switch (ref.kind()) {
                case WORKLOAD -> unknownUnless(Kind.WORKLOAD, ref, problems, "unknown workload", "known workloads");
                case NODE -> unknownUnless(Kind.NODE, ref, problems, "unknown node", "known nodes");
                case ZONE -> unknownUnless(Kind.ZONE, ref, problems, "no node is in zone", "zones of the nodes");
                case POLICY -> unknownUnless(Kind.POLICY, ref, problems, "unknown network policy",
                        "network_policies entries");
                case SERVICE -> unknownUnless(Kind.SERVICE, ref, problems, "unknown service",
                        "services (declared, and one per workload that no declared Service selects)");
                case QUOTA -> unknownUnless(Kind.QUOTA, ref, problems, "unknown quota", "quotas");
                case HPA_WORKLOAD -> {
                    if (!declared(Kind.WORKLOAD).contains(ref.name())) {
                        unknownUnless(Kind.WORKLOAD, ref, problems, "unknown workload", "known workloads");
                    } else if (!declared(Kind.HPA_WORKLOAD).contains(ref.name())) {
                        problems.error(ref.at(), ref.path(), "workload '" + ref.name() + "' has no HPA to misconfigure",
                                "add an entry under hpas for it, or name a workload with one: "
                                        + Closest.list(declared(Kind.HPA_WORKLOAD)));
                    }
                }
                case SUBJECT -> {
                    if (!declared(Kind.SUBJECT).contains(ref.name())) {
                        problems.error(ref.at(), ref.path(),
                                "'" + ref.name() + "' is not a workload, node, zone, network policy, quota or service of this scenario",
                                "a subject names a workload, node, zone or policy (network policy or quota) or a service; "
                                        + Closest.hint(ref.name(), declared(Kind.SUBJECT), "known names"));
                    }
                }
            }
        }
    }

    private void unknownUnless(Kind kind, Reference ref, Problems problems, String message, String lead) {
        List<String> known = declared(kind);
        if (!known.contains(ref.name())) {
            problems.error(ref.at(), ref.path(), message + " '" + ref.name() + "'", Closest.hint(ref.name(), known, lead));
        }
    }
}
