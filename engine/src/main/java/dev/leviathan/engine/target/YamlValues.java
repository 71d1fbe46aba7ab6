package dev.leviathan.engine.target;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Typed reads of single YAML nodes. Each read either returns the value or reports what is wrong
 * (with a hint) and returns empty, so a reader can carry on and find the next problem.
 */
final class YamlValues {

    private YamlValues() {
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    /** What a node is, for "expected X, found Y" messages. */
    static String describe(Node node) {
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        Tag tag = node.getTag();
        if (tag.equals(Tag.NULL)) {
            return "nothing (null)";
        }
        if (tag.equals(Tag.BOOL)) {
            return "the boolean " + ((ScalarNode) node).getValue();
        }
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            return "the number " + ((ScalarNode) node).getValue();
        }
        return "the text \"" + ((ScalarNode) node).getValue() + "\"";
    }

    /** Any non-null scalar, as written: a text field may hold {@code 2024} or {@code 1.10}. */
    static Optional<String> text(Node node, FieldPath path, Problems problems) {
        if (node instanceof ScalarNode scalar && !isNull(node)) {
            return Optional.of(scalar.getValue());
        }
        problems.error(node, path, "expected text, found " + describe(node),
                node instanceof ScalarNode ? "write a value or remove the field" : "write a single value in quotes");
        return Optional.empty();
    }

    /** Only YAML's {@code true} and {@code false}: in YAML 1.2 {@code yes}, {@code on} and {@code "true"} are text. */
    static Optional<Boolean> bool(Node node, FieldPath path, Problems problems) {
        if (node instanceof ScalarNode scalar && node.getTag().equals(Tag.BOOL)) {
            return Optional.of(Boolean.parseBoolean(scalar.getValue().toLowerCase(java.util.Locale.ROOT)));
        }
        problems.error(node, path, "expected true or false, found " + describe(node),
                "use true or false, without quotes");
        return Optional.empty();
    }

    /** A whole number between {@code min} and {@code max}. */
    static Optional<Long> integer(Node node, FieldPath path, Problems problems, long min, long max) {
        if (!(node instanceof ScalarNode scalar) || !node.getTag().equals(Tag.INT)) {
            boolean quoted = node instanceof ScalarNode s && s.getTag().equals(Tag.STR)
                    && s.getValue().strip().matches("[-+]?[0-9]+");
            problems.error(node, path, "expected a whole number, found " + describe(node),
                    quoted ? "remove the quotes" : "write a number such as " + Math.max(min, 1));
            return Optional.empty();
        }
        BigInteger value = parseInt(scalar.getValue());
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            problems.error(node, path, "must be between " + min + " and " + max + ", found " + scalar.getValue(),
                    "use a value from " + min + " to " + max);
            return Optional.empty();
        }
        return Optional.of(value.longValueExact());
    }

    /** A finite non-negative decimal number (whole or not). */
    static Optional<BigDecimal> decimal(Node node, FieldPath path, Problems problems) {
        if (node instanceof ScalarNode scalar
                && (node.getTag().equals(Tag.INT) || node.getTag().equals(Tag.FLOAT))) {
            String text = scalar.getValue();
            BigDecimal value = null;
            if (node.getTag().equals(Tag.INT)) {
                value = new BigDecimal(parseInt(text));
            } else if (!text.toLowerCase(java.util.Locale.ROOT).matches(".*(inf|nan).*")) {
                value = new BigDecimal(text);
            }
            if (value != null && value.signum() >= 0) {
                return Optional.of(value.stripTrailingZeros());
            }
        }
        problems.error(node, path, "expected a number of zero or more, found " + describe(node),
                "write a number such as 2.50");
        return Optional.empty();
    }

    static BigInteger parseInt(String text) {
        String digits = text.replace("_", "");
        boolean negative = digits.startsWith("-");
        if (digits.startsWith("-") || digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        BigInteger value;
        if (digits.startsWith("0x")) {
            value = new BigInteger(digits.substring(2), 16);
        } else if (digits.startsWith("0o")) {
            value = new BigInteger(digits.substring(2), 8);
        } else {
            value = new BigInteger(digits);
        }
        return negative ? value.negate() : value;
    }

    /** A list's items; {@code null} counts as an empty list. */
    static Optional<List<Node>> list(Node node, FieldPath path, Problems problems) {
        if (isNull(node)) {
            return Optional.of(List.of());
        }
        if (node instanceof SequenceNode sequence) {
            return Optional.of(sequence.getValue());
        }
        String hint = node instanceof ScalarNode scalar
                ? "write it as a list: [" + scalar.getValue() + "] or one \"- item\" per line"
                : "write it as a list, one \"- item\" per line";
        problems.error(node, path, "expected a list, found " + describe(node), hint);
        return Optional.empty();
    }

    /** A list of text items; items that are not text are reported and skipped. */
    static List<String> textList(Node node, FieldPath path, Problems problems) {
        List<String> out = new ArrayList<>();
        List<Node> items = list(node, path, problems).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            text(items.get(i), path.index(i), problems).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    static Optional<YamlMap> mapping(Node node, FieldPath path, Problems problems) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(YamlMap.of(mapping, path, problems));
        }
        problems.error(node, path, "expected a mapping (key: value lines), found " + describe(node),
                "indent the fields under this key");
        return Optional.empty();
    }

    /** One of a fixed set of words, matched exactly. */
    static <E> Optional<E> choice(Node node, FieldPath path, Problems problems, String what, Map<String, E> byWord) {
        Optional<String> word = text(node, path, problems);
        if (word.isEmpty()) {
            return Optional.empty();
        }
        E value = byWord.get(word.get());
        if (value != null) {
            return Optional.of(value);
        }
        problems.error(node, path, "'" + word.get() + "' is not a valid " + what,
                suggestion(word.get(), byWord.keySet(), "use one of"));
        return Optional.empty();
    }

    /** "did you mean 'x'? Use one of: a, b" or "use one of: a, b". */
    static String suggestion(String word, Collection<String> known, String lead) {
        String all = lead + ": " + String.join(", ", known);
        return EditDistance.closest(word, known)
                .map(best -> "did you mean '" + best + "'? " + Character.toUpperCase(all.charAt(0)) + all.substring(1))
                .orElse(all);
    }
}
