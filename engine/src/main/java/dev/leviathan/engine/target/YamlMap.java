package dev.leviathan.engine.target;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * A YAML mapping read field by field. Every read reports a wrong value and returns empty, so readers collect all problems in one pass. A
 * field whose value is {@code null} (written as {@code key:} or {@code key: ~}) counts as absent.
 */
final class YamlMap {

    private final MappingNode node;
    private final FieldPath path;
    private final Problems problems;
    private final Map<String, NodeTuple> entries;

    private YamlMap(MappingNode node, FieldPath path, Problems problems, Map<String, NodeTuple> entries) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        this.entries = entries;
    }

    /**
     * Duplicate and non-text keys were already reported for the whole document by
     * {@link YamlDocument}; here the first of two equal keys wins and non-text keys are skipped.
     */
    static YamlMap of(MappingNode node, FieldPath path, Problems problems) {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && !YamlValues.isNull(key)) {
                entries.putIfAbsent(key.getValue(), tuple);
            }
        }
        return new YamlMap(node, path, problems, entries);
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
    Collection<String> keys() {
        return entries.keySet();
    }

    /** Reports every key not in {@code known}, suggesting the closest known one. */
    void allowOnly(List<String> known) {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            if (!known.contains(entry.getKey())) {
                problems.error(entry.getValue().getKeyNode(), pathOf(entry.getKey()),
                        "unknown field '" + entry.getKey() + "'",
                        EditDistance.closest(entry.getKey(), known)
                                .map(best -> "did you mean '" + best + "'?")
                                .orElse("known fields: " + String.join(", ", known)));
            }
        }
    }

    /** The key node (for positions) of a field that is present, even if null. */
    Optional<Node> keyNode(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getKeyNode);
    }

    /** The value of a field that is present and not null. */
    Optional<Node> get(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || YamlValues.isNull(tuple.getValueNode())) {
            return Optional.empty();
        }
        return Optional.of(tuple.getValueNode());
    }

    boolean has(String key) {
        return get(key).isPresent();
    }

    Optional<String> text(String key) {
        return get(key).flatMap(value -> YamlValues.text(value, pathOf(key), problems));
    }

    /** Text that must be present and not blank; reports it missing at the mapping. */
    Optional<String> requiredText(String key, String hint) {
        if (!has(key)) {
            missing(key, hint);
            return Optional.empty();
        }
        Optional<String> value = text(key);
        if (value.isPresent() && value.get().isBlank()) {
            problems.error(get(key).orElseThrow(), pathOf(key), key + " must not be empty", hint);
            return Optional.empty();
        }
        return value;
    }

    void missing(String key, String hint) {
        Optional<Node> written = keyNode(key);
        problems.error(written.orElse(node), pathOf(key),
                written.isPresent() ? "'" + key + "' has no value" : "missing required field '" + key + "'", hint);
    }

    Optional<Boolean> bool(String key) {
        return get(key).flatMap(value -> YamlValues.bool(value, pathOf(key), problems));
    }

    boolean bool(String key, boolean fallback) {
        return bool(key).orElse(fallback);
    }

    Optional<Long> integer(String key, long min, long max) {
        return get(key).flatMap(value -> YamlValues.integer(value, pathOf(key), problems, min, max));
    }

    Optional<Integer> smallInteger(String key, int min) {
        return integer(key, min, Integer.MAX_VALUE).map(Long::intValue);
    }

    Optional<BigDecimal> decimal(String key) {
        return get(key).flatMap(value -> YamlValues.decimal(value, pathOf(key), problems));
    }

    List<String> textList(String key) {
        return get(key).map(value -> YamlValues.textList(value, pathOf(key), problems)).orElse(List.of());
    }

    Optional<List<Node>> list(String key) {
        return get(key).flatMap(value -> YamlValues.list(value, pathOf(key), problems));
    }

    Optional<YamlMap> map(String key) {
        return get(key).flatMap(value -> YamlValues.mapping(value, pathOf(key), problems));
    }

    <E> Optional<E> choice(String key, String what, Map<String, E> byWord) {
        return get(key).flatMap(value -> YamlValues.choice(value, pathOf(key), problems, what, byWord));
    }

    /** A free-form mapping Leviathan keeps but does not interpret; empty if absent. */
    Map<String, Object> plainMap(String key) {
        return map(key).map(PlainValues::of).orElse(Map.of());
    }
}
