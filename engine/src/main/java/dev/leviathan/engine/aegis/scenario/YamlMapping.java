package dev.leviathan.engine.aegis.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * A YAML mapping read field by field. A field written as {@code key:} or {@code key: ~} counts as absent.
 * Equal keys were reported by {@link YamlTree}; here the first one wins.
 */
final class YamlMapping {

    private final MappingNode node;
    private final FieldPath path;
    private final Problems problems;
    private final Map<String, NodeTuple> entries;

    private YamlMapping(MappingNode node, FieldPath path, Problems problems, Map<String, NodeTuple> entries) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        this.entries = entries;
    }

    static YamlMapping of(MappingNode node, FieldPath path, Problems problems) {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && !Values.isNull(key)) {
                entries.putIfAbsent(key.getValue(), tuple);
            }
        }
        return new YamlMapping(node, path, problems, entries);
    }

    Node node() {
        return node;
    }

    FieldPath path() {
        return path;
    }

    FieldPath pathOf(String key) {
        return path.field(key);
    }

    Problems problems() {
        return problems;
    }

    /** The keys as written, in file order. */
    Set<String> keys() {
        return entries.keySet();
    }

    /** Reports every key not in {@code allowed}, suggesting the closest allowed one. */
    void allowOnly(List<String> allowed) {
        allowOnly(allowed, "", Map.of());
    }

    /**
     * As {@link #allowOnly(List)} for a mapping that is one of several variants ({@code what} is e.g.
     * "chaos type node_drain"): a key that belongs to other variants ({@code owners}: key → variants that
     * take it) is reported as such.
     */
    void allowOnly(List<String> allowed, String what, Map<String, List<String>> owners) {
        String lead = what.isEmpty() ? "allowed fields" : what + " takes";
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            String key = entry.getKey();
            if (allowed.contains(key)) {
                continue;
            }
            Node at = entry.getValue().getKeyNode();
            List<String> others = owners.getOrDefault(key, List.of());
            if (!others.isEmpty()) {
                problems.error(at, pathOf(key), "'" + key + "' is not a field of " + what + "; it belongs to "
                        + Closest.list(others), lead + ": " + String.join(", ", allowed));
            } else {
                problems.error(at, pathOf(key), "unknown field '" + key + "'", Closest.hintAll(key, allowed, lead));
            }
        }
    }

    /** The key node of a field that is present, even with a null value. */
    Optional<Node> keyNode(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getKeyNode);
    }

    /** The value of a field that is present and not null. */
    Optional<Node> get(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || Values.isNull(tuple.getValueNode())) {
            return Optional.empty();
        }
        return Optional.of(tuple.getValueNode());
    }

    boolean has(String key) {
        return get(key).isPresent();
    }

    /** The field's value read by {@code reader}; empty when absent or wrong (reported). */
    <T> Optional<T> optional(String key, Values.Reader<T> reader) {
        return get(key).flatMap(value -> reader.read(value, pathOf(key), problems));
    }

    /** As {@link #optional}, reporting an absent field as missing with {@code hint}. */
    <T> Optional<T> required(String key, Values.Reader<T> reader, String hint) {
        if (!has(key)) {
            missing(key, hint);
            return Optional.empty();
        }
        return optional(key, reader);
    }

    void missing(String key, String hint) {
        Optional<Node> written = keyNode(key);
        problems.error(written.orElse(node), pathOf(key),
                written.isPresent() ? "'" + key + "' has no value" : "missing required field '" + key + "'", hint);
    }

    /** A problem with the field's value (or, when it has none, with the mapping). */
    void error(String key, String message, String hint) {
        problems.error(get(key).or(() -> keyNode(key)).orElse(node), pathOf(key), message, hint);
    }

    /** A problem with the mapping as a whole. */
    void error(String message, String hint) {
        problems.error(node, path, message, hint);
    }
}
