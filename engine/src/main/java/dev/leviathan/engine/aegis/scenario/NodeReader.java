package dev.leviathan.engine.aegis.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.snakeyaml.engine.v2.nodes.Node;

/** {@code cluster.nodes}: single nodes and {@code count}/{@code name_prefix} groups, expanded in file order. */
final class NodeReader {

    static final List<String> SINGLE = List.of("name", "zone", "cpu", "memory", "labels", "taints");
    static final List<String> GROUP = List.of("count", "name_prefix", "zone", "cpu", "memory", "labels", "taints");
    static final int MAX_GROUP = 10_000;

    private static final Map<String, TaintEffect> EFFECTS = new LinkedHashMap<>();

    static {
        Arrays.stream(TaintEffect.values()).forEach(e -> EFFECTS.put(e.wireName(), e));
    }

    private NodeReader() {
    }

    static List<NodeSpec> read(YamlMapping top, ReadContext cx) {
        Optional<YamlMapping> cluster = top.required("cluster", Values.mapping(),
                "a scenario needs cluster: {nodes: [{name: node-a, cpu: 4000m, memory: 16Gi}]}");
        if (cluster.isEmpty()) {
            return List.of();
        }
        cluster.get().allowOnly(List.of("nodes"));
        List<Node> items = cluster.get().required("nodes", Values.list(),
                "list the nodes: nodes: [{name: node-a, cpu: 4000m, memory: 16Gi}]").orElse(List.of());
        if (items.isEmpty() && cluster.get().has("nodes")) {
            cluster.get().error("nodes", "a cluster needs at least one node",
                    "add {name: node-a, cpu: 4000m, memory: 16Gi} or a group {count: 3, name_prefix: pool-, cpu: 4, memory: 16Gi}");
        }
        UniqueNames names = UniqueNames.of("node name", cx.problems());
        List<NodeSpec> nodes = new ArrayList<>();
        FieldPath path = cluster.get().pathOf("nodes");
        for (int i = 0; i < items.size(); i++) {
            Values.mapping().read(items.get(i), path.index(i), cx.problems())
                    .ifPresent(entry -> nodes.addAll(entry(entry, names, cx.references())));
        }
        return nodes;
    }

    private static List<NodeSpec> entry(YamlMapping m, UniqueNames names, References references) {
        boolean group = m.keys().contains("count") || m.keys().contains("name_prefix");
        if (group) {
            m.allowOnly(GROUP, "a node group", Map.of("name", List.of("a single node")));
        } else {
            m.allowOnly(SINGLE, "a single node", Map.of("count", List.of("a node group"),
                    "name_prefix", List.of("a node group")));
        }
        Optional<String> name = group ? Optional.empty()
                : m.required("name", Values.name(), "a node needs a name, or count and name_prefix for a group");
        Optional<Integer> count = group ? m.required("count", Values.count(1, MAX_GROUP),
                "a node group needs count: N and name_prefix: p- (nodes p-0 … p-(N-1))") : Optional.empty();
        Optional<String> prefix = group ? m.required("name_prefix", Values.name(),
                "a node group needs count: N and name_prefix: p- (nodes p-0 … p-(N-1))") : Optional.empty();
        String zone = m.optional("zone", Values.text()).orElse("");
        Optional<Long> cpu = m.required("cpu", Values.cpu(true), "a node needs cpu, like cpu: 4000m; " + Units.CPU_FORM);
        Optional<Long> memory = m.required("memory", Values.memory(true),
                "a node needs memory, like memory: 16Gi; " + Units.MEMORY_FORM);
        Optional<SortedMap<String, String>> labels = m.has("labels")
                ? m.optional("labels", Values.labels()) : Optional.of(new java.util.TreeMap<>());
        Optional<List<Taint>> taints = taints(m);
        List<String> expanded = new ArrayList<>();
        name.ifPresent(expanded::add);
        if (count.isPresent() && prefix.isPresent()) {
            for (int i = 0; i < count.get(); i++) {
                expanded.add(prefix.get() + i);
            }
        }
        expanded.forEach(n -> references.declare(References.Kind.NODE, n));
        if (!zone.isEmpty()) {
            references.declare(References.Kind.ZONE, zone);
        }
        if (cpu.isEmpty() || memory.isEmpty() || labels.isEmpty() || taints.isEmpty()) {
            return List.of();
        }
        Node at = m.get(group ? "name_prefix" : "name").orElse(m.node());
        FieldPath path = m.pathOf(group ? "name_prefix" : "name");
        List<NodeSpec> out = new ArrayList<>();
        for (String n : expanded) {
            if (!names.add(n, at, path)) {
                return List.of(); // one report per entry, not one per node of a group
            }
            out.add(new NodeSpec(n, zone, cpu.get(), memory.get(), labels.get(), taints.get()));
        }
        return out;
    }

    private static Optional<List<Taint>> taints(YamlMapping m) {
        Optional<List<Node>> items = m.has("taints") ? m.optional("taints", Values.list()) : Optional.of(List.of());
        if (items.isEmpty()) {
            return Optional.empty();
        }
        List<Taint> taints = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < items.get().size(); i++) {
            Optional<Taint> taint = taint().read(items.get().get(i), m.pathOf("taints").index(i), m.problems());
            ok &= taint.isPresent();
            taint.ifPresent(taints::add);
        }
        return ok ? Optional.of(taints) : Optional.empty();
    }

    /** {@code {key, value?, effect}}, as on a node and in a {@code node_taint} event. */
    static Values.Reader<Taint> taint() {
        return (node, path, problems) -> Values.mapping().read(node, path, problems).flatMap(m -> {
            m.allowOnly(List.of("key", "value", "effect"));
            String example = "a taint is {key: dedicated, value: db, effect: NoSchedule}";
            Optional<String> key = m.required("key", Values.name(), example);
            String value = m.optional("value", Values.text()).orElse("");
            Optional<TaintEffect> effect = m.required("effect", Values.choice("taint effect", EFFECTS),
                    "effect is one of " + String.join(", ", EFFECTS.keySet()));
            return key.isPresent() && effect.isPresent()
                    ? Optional.of(new Taint(key.get(), value, effect.get())) : Optional.empty();
        });
    }

    static Map<String, TaintEffect> effects() {
        return EFFECTS;
    }
}
