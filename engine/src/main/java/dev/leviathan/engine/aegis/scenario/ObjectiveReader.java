package dev.leviathan.engine.aegis.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** {@code objectives}: what a run must achieve, each of one {@code type} with that type's fields. */
final class ObjectiveReader {

    private static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("availability", List.of("workload", "min_ready_ratio", "from"));
        FIELDS.put("error_rate", List.of("workload", "max", "from"));
        FIELDS.put("latency", List.of("workload", "max_ms", "from"));
        FIELDS.put("cost", List.of("max_nodes", "max_node_minutes"));
    }

    private static final Map<String, String> EXAMPLES = Map.of(
            "availability", "{type: availability, workload: web, min_ready_ratio: 0.9, from: 90}",
            "error_rate", "{type: error_rate, workload: web, max: 0.02, from: 90}",
            "latency", "{type: latency, workload: web, max_ms: 300, from: 90}",
            "cost", "{type: cost, max_nodes: 8} (and/or max_node_minutes)");

    private ObjectiveReader() {
    }

    static List<Objective> read(YamlMapping top, ReadContext cx) {
        return Sections.each(top, "objectives", m -> one(m, cx));
    }

    private static Optional<Objective> one(YamlMapping m, ReadContext cx) {
        Map<String, String> types = new LinkedHashMap<>();
        FIELDS.keySet().forEach(t -> types.put(t, t));
        Optional<String> type = m.required("type", Values.choice("objective type", types),
                "an objective needs a type: " + String.join(", ", FIELDS.keySet()));
        if (type.isEmpty()) {
            m.allowOnly(java.util.stream.Stream.concat(java.util.stream.Stream.of("type"),
                    FIELDS.values().stream().flatMap(List::stream)).distinct().toList());
            return Optional.empty();
        }
        m.allowOnly(java.util.stream.Stream.concat(java.util.stream.Stream.of("type"), FIELDS.get(type.get()).stream())
                .toList(), "objective type " + type.get(), owners(type.get()));
        String example = "write it like " + EXAMPLES.get(type.get());
        if (type.get().equals("cost")) {
            return cost(m, example);
        }
        Optional<String> workload = cx.reference(m, "workload", References.Kind.WORKLOAD, example);
        Optional<Integer> from = m.has("from") ? cx.tickOfRun(m, "from", false, example) : Optional.of(0);
        Optional<? extends Objective> objective = switch (type.get()) {
            case "availability" -> m.required("min_ready_ratio", Values.decimal(0, 1), example)
                    .flatMap(r -> workload.flatMap(w -> from.map(f -> new Objective.Availability(w, r, f))));
            case "error_rate" -> m.required("max", Values.decimal(0, 1), example)
                    .flatMap(r -> workload.flatMap(w -> from.map(f -> new Objective.ErrorRate(w, r, f))));
            default -> m.required("max_ms", Values.positive(), example)
                    .flatMap(r -> workload.flatMap(w -> from.map(f -> new Objective.Latency(w, r, f))));
        };
        return objective.map(o -> o);
    }

    private static Optional<Objective> cost(YamlMapping m, String example) {
        if (!m.has("max_nodes") && !m.has("max_node_minutes")) {
            m.error("a cost objective needs at least one of max_nodes, max_node_minutes", example);
            return Optional.empty();
        }
        Optional<Integer> nodes = m.optional("max_nodes", Values.count(0, Integer.MAX_VALUE));
        Optional<Double> minutes = m.optional("max_node_minutes", Values.decimal(0, Double.MAX_VALUE));
        if (m.has("max_nodes") && nodes.isEmpty() || m.has("max_node_minutes") && minutes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Objective.Cost(nodes.map(OptionalInt::of).orElse(OptionalInt.empty()),
                minutes.map(OptionalDouble::of).orElse(OptionalDouble.empty())));
    }

    private static Map<String, List<String>> owners(String self) {
        Map<String, List<String>> owners = new LinkedHashMap<>();
        FIELDS.forEach((type, fields) -> {
            if (!type.equals(self)) {
                fields.forEach(f -> owners.computeIfAbsent(f, k -> new java.util.ArrayList<>()).add(type));
            }
        });
        return owners;
    }
}
