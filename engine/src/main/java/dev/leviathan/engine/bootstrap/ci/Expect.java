package dev.leviathan.engine.bootstrap.ci;

import dev.leviathan.engine.bootstrap.ci.YamlNode.Entry;
import dev.leviathan.engine.bootstrap.ci.YamlNode.Mapping;
import dev.leviathan.engine.bootstrap.ci.YamlNode.Scalar;
import dev.leviathan.engine.bootstrap.ci.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a field of the shape a CI system expects, or fails with the field's path and position.
 * An absent field and an explicit null are the same. Scalars of any YAML type are text, as
 * written ({@code if: false} is "false"). A node tagged {@code !reference} is accepted wherever
 * a value is expected and kept as its text: GitLab resolves it, we do not.
 */
final class Expect {

    /** Longest text kept for a collection rendered as text ({@code !reference [.a, b]}). */
    private static final int MAX_RENDERED = 500;

    private Expect() {
    }

    static boolean absent(YamlNode node) {
        return node == null || node instanceof Scalar scalar && scalar.isNull();
    }

    /** A string, or null when absent. */
    static String text(YamlNode node, String field) {
        if (absent(node)) {
            return null;
        }
        if (node instanceof Scalar scalar) {
            return scalar.value();
        }
        if (node.isReference()) {
            return render(node);
        }
        throw fail(field, "a string", node);
    }

    /** "true", "yes" or "on" in any case (YAML 1.1, as Ruby and Python read it), else false. */
    static boolean flag(YamlNode node, String field) {
        String text = text(node, field);
        return text != null && switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            default -> false;
        };
    }

    /** A string or a list of strings, as a list; empty when absent. Null items are skipped. */
    static List<String> strings(YamlNode node, String field) {
        if (node instanceof Sequence sequence && !node.isReference()) {
            List<String> out = new ArrayList<>(sequence.items().size());
            for (int i = 0; i < sequence.items().size(); i++) {
                String item = text(sequence.items().get(i), field + "[" + i + "]");
                if (item != null) {
                    out.add(item);
                }
            }
            return List.copyOf(out);
        }
        if (node instanceof Mapping && !node.isReference()) {
            throw fail(field, "a string or a list", node);
        }
        String single = text(node, field);
        return single == null ? List.of() : List.of(single);
    }

    /** Like {@link #strings}, but lists nested in the list are flattened into it, as GitLab does. */
    static List<String> flatStrings(YamlNode node, String field) {
        List<String> out = new ArrayList<>();
        flatten(node, field, out);
        return List.copyOf(out);
    }

    private static void flatten(YamlNode node, String field, List<String> out) {
        if (node instanceof Sequence sequence && !node.isReference()) {
            for (int i = 0; i < sequence.items().size(); i++) {
                flatten(sequence.items().get(i), field + "[" + i + "]", out);
            }
            return;
        }
        if (node instanceof Mapping && !node.isReference()) {
            throw fail(field, "a string or a list", node);
        }
        String single = text(node, field);
        if (single != null) {
            out.add(single);
        }
    }

    /** A mapping, or null when absent or a {@code !reference} (whose content we cannot know). */
    static Mapping mapping(YamlNode node, String field) {
        if (absent(node) || node.isReference()) {
            return null;
        }
        if (node instanceof Mapping mapping) {
            return mapping;
        }
        throw fail(field, "a mapping", node);
    }

    /** The keys of a mapping in the file's order; empty when absent or a {@code !reference}. */
    static List<String> keys(YamlNode node, String field) {
        if (absent(node) || node.isReference()) {
            return List.of();
        }
        if (node instanceof Mapping mapping) {
            return keys(mapping);
        }
        throw fail(field, "a mapping", node);
    }

    static List<String> keys(Mapping mapping) {
        List<String> out = new ArrayList<>(mapping.entries().size());
        for (Entry entry : mapping.entries()) {
            out.add(entry.key().value());
        }
        return List.copyOf(out);
    }

    static CiFileException fail(String field, String expected, YamlNode found) {
        return new CiFileException(field + ": expected " + expected + ", found " + found.describe(), found.position());
    }

    /** Flow-style text of a node, cut at {@value #MAX_RENDERED} characters. */
    static String render(YamlNode node) {
        StringBuilder out = new StringBuilder();
        render(node, out);
        return out.length() > MAX_RENDERED ? out.substring(0, MAX_RENDERED) + "…" : out.toString();
    }

    private static void render(YamlNode node, StringBuilder out) {
        if (out.length() > MAX_RENDERED) {
            return;
        }
        if (node.tag() != null && node.tag().startsWith("!") && !node.tag().equals("!")) {
            out.append(node.tag()).append(' ');
        }
        switch (node) {
            case Scalar scalar -> out.append(scalar.value());
            case Sequence sequence -> {
                out.append('[');
                for (int i = 0; i < sequence.items().size() && out.length() <= MAX_RENDERED; i++) {
                    out.append(i == 0 ? "" : ", ");
                    render(sequence.items().get(i), out);
                }
                out.append(']');
            }
            case Mapping mapping -> {
                out.append('{');
                for (int i = 0; i < mapping.entries().size() && out.length() <= MAX_RENDERED; i++) {
                    out.append(i == 0 ? "" : ", ").append(mapping.entries().get(i).key().value()).append(": ");
                    render(mapping.entries().get(i).value(), out);
                }
                out.append('}');
            }
        }
    }
}
