package dev.leviathan.engine.target;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Free-form values (contract {@code versioning}, policy {@code code_style}, backlog
 * {@code metadata}) as plain Java: String, Long or BigInteger, BigDecimal, Boolean, null, List and
 * Map with String keys in file order. These never travel inside the engine as typed data.
 */
final class PlainValues {

    private PlainValues() {
    }

    static Map<String, Object> of(YamlMap map) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : map.keys()) {
            out.put(key, map.get(key).map(PlainValues::of).orElse(null));
        }
        return Collections.unmodifiableMap(out);
    }

    static Object of(Node node) {
        return switch (node) {
            case SequenceNode sequence -> {
                List<Object> out = new ArrayList<>();
                for (Node item : sequence.getValue()) {
                    out.add(of(item));
                }
                yield Collections.unmodifiableList(out);
            }
            case MappingNode mapping -> {
                Map<String, Object> out = new LinkedHashMap<>();
                mapping.getValue().stream()
                        .filter(t -> t.getKeyNode() instanceof ScalarNode)
                        .forEach(t -> out.putIfAbsent(((ScalarNode) t.getKeyNode()).getValue(), of(t.getValueNode())));
                yield Collections.unmodifiableMap(out);
            }
            case ScalarNode scalar -> scalar(scalar);
            default -> null;
        };
    }

    private static Object scalar(ScalarNode scalar) {
        Tag tag = scalar.getTag();
        String text = scalar.getValue();
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        if (tag.equals(Tag.BOOL)) {
            return Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT));
        }
        if (tag.equals(Tag.INT)) {
            BigInteger value = YamlValues.parseInt(text);
            return value.bitLength() < 64 ? (Object) value.longValueExact() : value;
        }
        if (tag.equals(Tag.FLOAT)) {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                return text; // .inf and .nan: kept as written
            }
        }
        return text;
    }
}
