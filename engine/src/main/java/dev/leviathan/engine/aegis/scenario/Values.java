package dev.leviathan.engine.aegis.scenario;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Typed reads of one YAML node. A read returns the value, or reports what is wrong with a hint and returns
 * empty, so the reader carries on and finds the next problem.
 */
final class Values {

    /** Reads one node at {@code path}. */
    @FunctionalInterface
    interface Reader<T> {
        Optional<T> read(Node node, FieldPath path, Problems problems);
    }

    private Values() {
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    /** What a node is, for "expected X, found Y". */
    static String describe(Node node) {
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        Tag tag = node.getTag();
        String value = ((ScalarNode) node).getValue();
        if (tag.equals(Tag.NULL)) {
            return "nothing (null)";
        }
        if (tag.equals(Tag.BOOL)) {
            return "the boolean " + value;
        }
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            return "the number " + value;
        }
        return "the text \"" + value + "\"";
    }

    /** Any non-null scalar, as written: a label value may be {@code 2} or {@code true}. */
    static Reader<String> text() {
        return (node, path, problems) -> {
            if (node instanceof ScalarNode scalar && !isNull(node)) {
                return Optional.of(scalar.getValue());
            }
            problems.error(node, path, "expected text, found " + describe(node),
                    node instanceof ScalarNode ? "write a value" : "write a single value, not " + describe(node));
            return Optional.empty();
        };
    }

    /** Text that is not blank. */
    static Reader<String> name() {
        return (node, path, problems) -> text().read(node, path, problems).filter(value -> {
            if (value.isBlank()) {
                problems.error(node, path, "must not be empty", "write a name");
                return false;
            }
            return true;
        });
    }

    /** A whole number from {@code min} to {@code max}, written without quotes. */
    static Reader<Long> integer(long min, long max) {
        return (node, path, problems) -> {
            if (!(node instanceof ScalarNode scalar) || !node.getTag().equals(Tag.INT)) {
                boolean quoted = node instanceof ScalarNode s && s.getTag().equals(Tag.STR)
                        && s.getValue().strip().matches("[-+]?[0-9]+");
                problems.error(node, path, "expected a whole number, found " + describe(node),
                        quoted ? "remove the quotes" : "write a whole number such as " + Math.max(min, 1));
                return Optional.empty();
            }
            BigInteger value = parseInt(scalar.getValue());
            if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
                boolean unbounded = max >= Integer.MAX_VALUE;
                problems.error(node, path, range(String.valueOf(min), String.valueOf(max), unbounded, scalar.getValue()),
                        rangeHint(String.valueOf(min), String.valueOf(max), unbounded));
                return Optional.empty();
            }
            return Optional.of(value.longValueExact());
        };
    }

    static Reader<Integer> count(int min, int max) {
        return map(integer(min, max), Long::intValue);
    }

    /** A finite number (whole or not) from {@code min} to {@code max}. */
    static Reader<Double> decimal(double min, double max) {
        return (node, path, problems) -> {
            boolean number = node instanceof ScalarNode
                    && (node.getTag().equals(Tag.INT) || node.getTag().equals(Tag.FLOAT));
            String text = number ? ((ScalarNode) node).getValue() : "";
            if (!number || text.toLowerCase(Locale.ROOT).matches(".*(inf|nan).*")) {
                problems.error(node, path, "expected a number, found " + describe(node),
                        node instanceof ScalarNode s && s.getTag().equals(Tag.STR) && s.getValue().matches("[-+.0-9]+")
                                ? "remove the quotes" : "write a number such as " + plain(Math.max(min, 1)));
                return Optional.empty();
            }
            double value = node.getTag().equals(Tag.INT) ? parseInt(text).doubleValue() : Double.parseDouble(text);
            if (value < min || value > max) {
                boolean unbounded = max == Double.MAX_VALUE;
                problems.error(node, path, range(plain(min), plain(max), unbounded, text),
                        rangeHint(plain(min), plain(max), unbounded));
                return Optional.empty();
            }
            return Optional.of(value);
        };
    }

    /** A finite number more than zero: a factor or a rate. */
    static Reader<Double> positive() {
        Reader<Double> any = decimal(0, Double.MAX_VALUE);
        return (node, path, problems) -> any.read(node, path, problems).filter(value -> {
            if (value == 0) {
                problems.error(node, path, "must be more than 0, found " + ((ScalarNode) node).getValue(),
                        "write a number such as 1.5");
                return false;
            }
            return true;
        });
    }

    /** Millicores ({@link Units#cpuMillis}); when {@code positive}, zero is refused. */
    static Reader<Long> cpu(boolean positive) {
        return unit(Units::cpuMillis, Units.CPU_FORM, positive ? 1 : 0, "m");
    }

    /** MiB ({@link Units#memoryMib}); when {@code positive}, zero is refused. */
    static Reader<Long> memory(boolean positive) {
        return unit(Units::memoryMib, Units.MEMORY_FORM, positive ? 1 : 0, "Mi");
    }

    /** Ticks ({@link Units#ticks}), at least {@code min}. */
    static Reader<Integer> ticks(int min) {
        return map(unit(text -> (long) Units.ticks(text), Units.TIME_FORM, min, min == 1 ? " tick" : " ticks"),
                Long::intValue);
    }

    static Reader<Double> cpuPerRps() {
        return unit(Units::cpuMillisPerRps, Units.CPU_PER_RPS_FORM);
    }

    static Reader<Double> memoryPerRps() {
        return unit(Units::memoryMibPerRps, Units.MEMORY_PER_RPS_FORM);
    }

    private static Reader<Long> unit(Function<String, Long> convert, String form, long min, String unit) {
        Reader<Long> converted = unit(convert, form);
        return (node, path, problems) -> converted.read(node, path, problems).filter(value -> {
            if (value < min) {
                problems.error(node, path, "must be at least " + min + unit + ", found "
                        + ((ScalarNode) node).getValue(), form);
                return false;
            }
            return true;
        });
    }

    private static <T> Reader<T> unit(Function<String, T> convert, String form) {
        return (node, path, problems) -> {
            if (!(node instanceof ScalarNode scalar) || isNull(node) || node.getTag().equals(Tag.BOOL)) {
                problems.error(node, path, "expected a quantity, found " + describe(node), form);
                return Optional.empty();
            }
            try {
                return Optional.of(convert.apply(scalar.getValue()));
            } catch (IllegalArgumentException e) {
                problems.error(node, path, e.getMessage(), form);
                return Optional.empty();
            }
        };
    }

    /** One of a fixed set of words, matched exactly; a near miss is suggested. */
    static <E> Reader<E> choice(String what, Map<String, E> byWord) {
        return (node, path, problems) -> text().read(node, path, problems).flatMap(word -> {
            E value = byWord.get(word);
            if (value == null) {
                problems.error(node, path, "'" + word + "' is not a " + what,
                        Closest.hintAll(word, List.copyOf(byWord.keySet()), "use one of"));
            }
            return Optional.ofNullable(value);
        });
    }

    /** A list's items; {@code []} and a bare {@code key:} are both empty. */
    static Reader<List<Node>> list() {
        return (node, path, problems) -> {
            if (isNull(node)) {
                return Optional.of(List.of());
            }
            if (node instanceof SequenceNode sequence) {
                return Optional.of(sequence.getValue());
            }
            problems.error(node, path, "expected a list, found " + describe(node),
                    node instanceof ScalarNode scalar && !scalar.getValue().isEmpty()
                            ? "write it as a list: [" + scalar.getValue() + "], or one \"- item\" per line"
                            : "write it as a list: one \"- item\" per line, or [a, b]");
            return Optional.empty();
        };
    }

    static Reader<YamlMapping> mapping() {
        return (node, path, problems) -> {
            if (node instanceof MappingNode mapping) {
                return Optional.of(YamlMapping.of(mapping, path, problems));
            }
            problems.error(node, path, "expected a mapping, found " + describe(node),
                    "write key: value fields, indented under the key or as {key: value, …}");
            return Optional.empty();
        };
    }

    /** A list of text items; items that are not text are reported and left out. */
    static Reader<List<String>> textList() {
        return (node, path, problems) -> list().read(node, path, problems).map(items -> {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                name().read(items.get(i), path.index(i), problems).ifPresent(out::add);
            }
            return List.copyOf(out);
        });
    }

    /** Labels or a selector: a mapping of text to text ({@code {app: web, tier: frontend}}). */
    static Reader<SortedMap<String, String>> labels() {
        return (node, path, problems) -> {
            if (isNull(node)) {
                return Optional.of(new TreeMap<>());
            }
            if (!(node instanceof MappingNode mapping)) {
                problems.error(node, path, "expected labels (a mapping of names to values), found " + describe(node),
                        "write labels as {app: web} or as key: value lines; {} for none");
                return Optional.empty();
            }
            SortedMap<String, String> labels = new TreeMap<>();
            boolean ok = true;
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key) || isNull(key)) {
                    ok = false; // reported by YamlTree
                    continue;
                }
                Optional<String> value = text().read(tuple.getValueNode(), path.field(key.getValue()), problems);
                ok &= value.isPresent();
                value.ifPresent(v -> labels.putIfAbsent(key.getValue(), v));
            }
            return ok ? Optional.of(labels) : Optional.empty();
        };
    }

    static <A, B> Reader<B> map(Reader<A> reader, Function<A, B> f) {
        return (node, path, problems) -> reader.read(node, path, problems).map(f);
    }

    /** YAML 1.2 Core integers: decimal with a sign, {@code 0o17}, {@code 0x1F}. */
    static BigInteger parseInt(String text) {
        String digits = text;
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

    private static String range(String min, String max, boolean unbounded, String found) {
        return (unbounded ? "must be at least " + min : "must be between " + min + " and " + max) + ", found " + found;
    }

    private static String rangeHint(String min, String max, boolean unbounded) {
        return unbounded ? "use " + min + " or more" : "use a value from " + min + " to " + max;
    }

    /** 1 rather than 1.0, 0.5 as 0.5. */
    static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }
}
