package dev.leviathan.engine.aegis.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.snakeyaml.engine.v2.nodes.Node;

/** The objects that bound a workload: {@code hpas}, {@code quotas} and {@code pdbs}. */
final class ControlsReader {

    static final List<String> HPA_FIELDS = List.of("workload", "min", "max", "cpu_target_percent",
            "stabilization_ticks");
    static final List<String> QUOTA_FIELDS = List.of("name", "workloads", "max_pods", "cpu", "memory");
    static final List<String> PDB_FIELDS = List.of("workload", "min_available");

    private ControlsReader() {
    }

    /** At most one HPA per workload, as Kubernetes' controllers would otherwise fight over it. */
    static List<HpaSpec> hpas(YamlMapping top, ReadContext cx) {
        UniqueNames scaled = new UniqueNames("workload", "already has an HPA at",
                "a workload has at most one HPA; merge the two entries", cx.problems());
        return Sections.each(top, "hpas", m -> {
            m.allowOnly(HPA_FIELDS);
            String example = "an HPA is {workload: web, min: 2, max: 10, cpu_target_percent: 70}";
            Optional<String> workload = cx.reference(m, "workload", References.Kind.WORKLOAD, example);
            workload.ifPresent(w -> cx.references().declare(References.Kind.HPA_WORKLOAD, w));
            boolean unique = workload.map(w -> scaled.add(w, m.get("workload").orElseThrow(), m.pathOf("workload")))
                    .orElse(false);
            Optional<Integer> min = m.required("min", Values.count(1, Integer.MAX_VALUE), example);
            Optional<Integer> max = m.required("max", Values.count(1, Integer.MAX_VALUE), example);
            Optional<Integer> target = m.required("cpu_target_percent", Values.count(1, 1000), example);
            int stabilization = m.optional("stabilization_ticks", Values.ticks(0))
                    .orElse(HpaSpec.DEFAULT_STABILIZATION_TICKS);
            if (min.isPresent() && max.isPresent() && max.get() < min.get()) {
                m.error("max", "max " + max.get() + " is less than min " + min.get(), "max must be at least min");
                return Optional.empty();
            }
            if (!unique || min.isEmpty() || max.isEmpty() || target.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new HpaSpec(workload.get(), min.get(), max.get(), target.get(), stabilization));
        });
    }

    static List<QuotaSpec> quotas(YamlMapping top, ReadContext cx) {
        UniqueNames names = UniqueNames.of("quota name", cx.problems());
        return Sections.each(top, "quotas", m -> {
            m.allowOnly(QUOTA_FIELDS);
            String example = "a quota is {name: team-quota, workloads: [web, api], max_pods: 20}";
            Optional<String> name = cx.declaration(m, "name", References.Kind.QUOTA, example);
            boolean unique = name.map(n -> names.add(n, m.get("name").orElseThrow(), m.pathOf("name"))).orElse(false);
            Optional<List<String>> workloads = workloadList(m, cx, example);
            Optional<Integer> maxPods = m.optional("max_pods", Values.count(0, Integer.MAX_VALUE));
            Optional<Long> cpu = m.optional("cpu", Values.cpu(false));
            Optional<Long> memory = m.optional("memory", Values.memory(false));
            if (!m.has("max_pods") && !m.has("cpu") && !m.has("memory")) {
                m.error("a quota needs at least one limit", "give max_pods, cpu or memory (or several)");
                return Optional.empty();
            }
            boolean wrong = m.has("max_pods") && maxPods.isEmpty() || m.has("cpu") && cpu.isEmpty()
                    || m.has("memory") && memory.isEmpty();
            if (!unique || workloads.isEmpty() || wrong) {
                return Optional.empty();
            }
            return Optional.of(new QuotaSpec(name.get(), workloads.get(), optionalInt(maxPods), optionalLong(cpu),
                    optionalLong(memory)));
        });
    }

    private static Optional<List<String>> workloadList(YamlMapping m, ReadContext cx, String example) {
        Optional<List<Node>> items = m.required("workloads", Values.list(), example);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        if (items.get().isEmpty()) {
            m.error("workloads", "a quota needs at least one workload", example);
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.get().size(); i++) {
            Node item = items.get().get(i);
            FieldPath path = m.pathOf("workloads").index(i);
            Values.name().read(item, path, cx.problems()).ifPresent(name -> {
                out.add(name);
                cx.references().expect(References.Kind.WORKLOAD, name, item, path);
            });
        }
        return out.size() == items.get().size() ? Optional.of(out) : Optional.empty();
    }

    static List<PdbSpec> pdbs(YamlMapping top, ReadContext cx) {
        UniqueNames budgeted = new UniqueNames("workload", "already has a PDB at",
                "a workload has at most one PDB; merge the two entries", cx.problems());
        return Sections.each(top, "pdbs", m -> {
            m.allowOnly(PDB_FIELDS);
            String example = "a PDB is {workload: api, min_available: 2}";
            Optional<String> workload = cx.reference(m, "workload", References.Kind.WORKLOAD, example);
            boolean unique = workload.map(w -> budgeted.add(w, m.get("workload").orElseThrow(), m.pathOf("workload")))
                    .orElse(false);
            Optional<Integer> minAvailable = m.required("min_available", Values.count(0, Integer.MAX_VALUE), example);
            return unique && minAvailable.isPresent()
                    ? Optional.of(new PdbSpec(workload.get(), minAvailable.get())) : Optional.empty();
        });
    }

    static OptionalInt optionalInt(Optional<Integer> value) {
        return value.map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    static OptionalLong optionalLong(Optional<Long> value) {
        return value.map(OptionalLong::of).orElse(OptionalLong.empty());
    }
}
