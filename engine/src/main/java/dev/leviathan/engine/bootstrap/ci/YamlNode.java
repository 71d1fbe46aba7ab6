package dev.leviathan.engine.bootstrap.ci;

import java.util.List;
import java.util.Set;

/**
 * A composed YAML node with its aliases already pointing at the anchored node and its merge keys
 * already applied. Aliases share the node they name, so the tree is a DAG: {@link #weight()} is
 * the size the node would have if every alias were copied out, which is what bounds alias bombs.
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {

    /** The GitLab tag that points at another part of the file; kept as text, never resolved. */
    String REFERENCE_TAG = "!reference";

    /** An explicit tag as the parser resolved it ({@code !reference}, {@code tag:yaml.org,2002:str}), or null. */
    String tag();

    Position position();

    /** Nodes in the expanded tree: 1 for a scalar, 1 plus the children's weights for a collection. */
    long weight();

    /** What the node is, for error messages: "a string", "a list", "a mapping", "null". */
    String describe();

    default boolean isReference() {
        return REFERENCE_TAG.equals(tag());
    }

    /** 1-based line and column; 0/0 when a problem concerns the whole file rather than a place in it. */
    record Position(int line, int column) {

        static final Position NONE = new Position(0, 0);
    }

    /**
     * A scalar with its text as written (after YAML unescaping and folding).
     *
     * @param plain true for an unquoted scalar without a tag, the only kind YAML 1.2 resolves to
     *     null, booleans or numbers
     */
    record Scalar(String value, String tag, boolean plain, Position position) implements YamlNode {

        private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
        private static final Set<String> TRUES = Set.of("true", "True", "TRUE");

        @Override
        public long weight() {
            return 1;
        }

        /** YAML 1.2 core schema null: an empty value, {@code ~} or {@code null} unquoted. */
        boolean isNull() {
            return plain && NULLS.contains(value);
        }

        /** YAML 1.2 core schema boolean true. */
        boolean isTrue() {
            return plain && TRUES.contains(value);
        }

        /** The YAML 1.1 merge key {@code <<}, unquoted. */
        boolean isMergeKey() {
            return plain && "<<".equals(value);
        }

        @Override
        public String describe() {
            return isNull() ? "null" : "a string";
        }
    }

    record Sequence(List<YamlNode> items, String tag, Position position, long weight) implements YamlNode {

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A mapping whose keys are unique scalars, in the order the file gives them. */
    record Mapping(List<Entry> entries, String tag, Position position, long weight) implements YamlNode {

        /** The value under {@code key}, or null when the key is absent. */
        YamlNode get(String key) {
            for (Entry entry : entries) {
                if (entry.key().value().equals(key)) {
                    return entry.value();
                }
            }
            return null;
        }

        boolean has(String key) {
            for (Entry entry : entries) {
                if (entry.key().value().equals(key)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    record Entry(Scalar key, YamlNode value) {
    }
}
