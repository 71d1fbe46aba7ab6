package dev.leviathan.engine.aegis.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Names that must resolve to something declared elsewhere in the file. Readers note each one where they
 * read it; {@link #check} runs once everything is read, so a chaos event may name a workload declared
 * below it.
 */
final class References {

    enum Kind { WORKLOAD, NODE, ZONE, POLICY, SERVICE, QUOTA, HPA_WORKLOAD, SUBJECT }

    /** What the file declares, in file order. */
    record Known(List<String> workloads, List<String> nodes, List<String> zones, List<String> policies,
            List<String> services, List<String> quotas, List<String> hpaWorkloads) {

        /** Everything a diagnosis may be about. */
        List<String> subjects() {
            Set<String> all = new LinkedHashSet<>(workloads);
            all.addAll(nodes);
            all.addAll(zones);
            all.addAll(policies);
            return List.copyOf(all);
        }
    }

    private record Reference(Kind kind, String name, Node at, FieldPath path) {
    }

    private final List<Reference> references = new ArrayList<>();

    void expect(Kind kind, String name, Node at, FieldPath path) {
        references.add(new Reference(kind, name, at, path));
    }

    void check(Known known, Problems problems) {
        for (Reference ref : references) {
            String name = ref.name();
            switch (ref.kind()) {
                case WORKLOAD -> unknownUnless(known.workloads(), ref, problems, "unknown workload", "known workloads");
                case NODE -> unknownUnless(known.nodes(), ref, problems, "unknown node", "known nodes");
                case ZONE -> unknownUnless(known.zones(), ref, problems, "no node is in zone",
                        "zones of the nodes");
                case POLICY -> unknownUnless(known.policies(), ref, problems, "unknown network policy",
                        "network_policies entries");
                case SERVICE -> unknownUnless(known.services(), ref, problems, "unknown service",
                        "services (declared, and one per workload that no declared Service selects)");
                case QUOTA -> unknownUnless(known.quotas(), ref, problems, "unknown quota", "quotas");
                case HPA_WORKLOAD -> {
                    if (!known.workloads().contains(name)) {
                        unknownUnless(known.workloads(), ref, problems, "unknown workload", "known workloads");
                    } else if (!known.hpaWorkloads().contains(name)) {
                        problems.error(ref.at(), ref.path(), "workload '" + name + "' has no HPA to misconfigure",
                                "add an entry under hpas for it, or name a workload with one: "
                                        + Closest.list(known.hpaWorkloads()));
                    }
                }
                case SUBJECT -> {
                    if (!known.subjects().contains(name)) {
                        problems.error(ref.at(), ref.path(),
                                "'" + name + "' is not a workload, node, zone or network policy of this scenario",
                                "a subject names a workload, node, zone or policy; "
                                        + Closest.hint(name, known.subjects(), "known names"));
                    }
                }
            }
        }
    }

    private static void unknownUnless(List<String> known, Reference ref, Problems problems, String message,
            String lead) {
        if (!known.contains(ref.name())) {
            problems.error(ref.at(), ref.path(), message + " '" + ref.name() + "'",
                    Closest.hint(ref.name(), known, lead));
        }
    }
}
