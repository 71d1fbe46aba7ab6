package dev.leviathan.engine.target;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Turns the bytes of one target file into a YAML 1.2 node tree (Core schema, so {@code on} and
 * {@code yes} stay strings), refusing input that is too large, not UTF-8, nested too deeply or
 * blown up through aliases — each before it can cost much time or memory.
 */
final class YamlDocument {

    /** Files above this size are refused before parsing. */
    static final int MAX_BYTES = 2 * 1024 * 1024;
    /** Collections nested deeper than this are refused while parsing. */
    static final int MAX_DEPTH = 64;
    /** SnakeYAML's limit on aliases that point at a list or mapping. */
    static final int MAX_COLLECTION_ALIASES = 50;
    /** Values in the document once every alias is expanded. */
    static final int MAX_EXPANDED_VALUES = 200_000;

    private static final Set<Tag> PLAIN_TAGS =
            Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.SEQ, Tag.MAP);

    private YamlDocument() {
    }

    /** The document in {@code content}, or empty if it is empty or has problems (reported). */
    static Optional<Node> parse(byte[] content, Problems problems) {
        if (content.length > MAX_BYTES) {
            problems.errorAt(1, 1, FieldPath.root(), tooLarge(content.length), "split the file or remove unused entries");
            return Optional.empty();
        }
        return decodeUtf8(content, problems).flatMap(text -> compose(text, problems));
    }

    /** As {@link #parse(byte[], Problems)} for text already decoded (its UTF-8 size is what counts). */
    static Optional<Node> parse(String content, Problems problems) {
        long size = utf8Length(content);
        if (size > MAX_BYTES) {
            problems.errorAt(1, 1, FieldPath.root(), tooLarge(size), "split the file or remove unused entries");
            return Optional.empty();
        }
        return compose(content, problems);
    }

    static String tooLarge(long size) {
        return "file is " + size + " bytes, larger than the limit of " + MAX_BYTES + " bytes (2 MiB)";
    }

    private static Optional<String> decodeUtf8(byte[] content, Problems problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (result.isError()) {
            int offset = in.position();
            int[] position = lineAndColumn(out.toString(), Integer.MAX_VALUE);
            problems.errorAt(position[0], position[1], FieldPath.root(),
                    String.format("not valid UTF-8: byte 0x%02X at offset %d", content[offset] & 0xFF, offset),
                    "save the file as UTF-8");
            return Optional.empty();
        }
        return Optional.of(out.toString());
    }

    private static Optional<Node> compose(String text, Problems problems) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel(problems.file())
                .setSchema(new CoreSchema())
                .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
                .setAllowRecursiveKeys(false)
                .setCodePointLimit(MAX_BYTES + 1)
                .setUseMarks(true)
                .build();
        LimitedParser parser = new LimitedParser(new ParserImpl(settings, new StreamReader(settings, text)), MAX_DEPTH);
        Optional<Node> root;
        try {
            root = new Composer(settings, parser).getSingleNode();
        } catch (LimitedParser.TooDeep e) {
            at(e.mark, problems, "collections are nested more than " + MAX_DEPTH + " levels deep",
                    "flatten the structure");
            return Optional.empty();
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
            at(mark, problems, "invalid YAML: " + syntaxMessage(e), syntaxHint(e));
            return Optional.empty();
        } catch (ReaderException e) {
            int[] position = lineAndColumn(text, e.getPosition());
            problems.errorAt(position[0], position[1], FieldPath.root(),
                    String.format("invalid YAML: character U+%04X is not allowed", e.getCodePoint()),
                    "remove the control character");
            return Optional.empty();
        } catch (YamlEngineException e) {
            at(parser.lastMark(), problems, "invalid YAML: " + e.getMessage(), engineHint(e));
            return Optional.empty();
        }
        if (root.isPresent() && !new Expansion(problems).check(root.get())) {
            return Optional.empty();
        }
        return root;
    }

    /** SnakeYAML splits some messages in two ("expected a single document", "but found another"). */
    private static String syntaxMessage(MarkedYamlEngineException e) {
        String problem = String.valueOf(e.getProblem()).strip();
        String context = e.getContext() == null ? "" : e.getContext().strip();
        return problem.startsWith("but ") && !context.isEmpty() ? context + ", " + problem : problem;
    }

    private static String syntaxHint(MarkedYamlEngineException e) {
        String context = e.getContext() == null ? "" : e.getContext().strip();
        if (context.contains("expected a single document")) {
            return "a target file holds one YAML document; remove the extra '---'";
        }
        if (context.isEmpty()) {
            return "check indentation, colons and quotes around this position";
        }
        return e.getContextMark()
                .map(m -> context + " started at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
                .orElse(context);
    }

    private static String engineHint(YamlEngineException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("aliases")) {
            return "at most " + MAX_COLLECTION_ALIASES + " aliases to lists or mappings are allowed; write the values out";
        }
        if (message.contains("Non scalar key")) {
            return "write the key as a plain word";
        }
        return "";
    }

    private static void at(Optional<Mark> mark, Problems problems, String message, String hint) {
        int line = mark.map(m -> m.getLine() + 1).orElse(1);
        int column = mark.map(m -> m.getColumn() + 1).orElse(1);
        problems.errorAt(line, column, FieldPath.root(), message, hint);
    }

    /** 1-based line and column of the code point at {@code index} (or of the end of the text). */
    static int[] lineAndColumn(String text, int index) {
        int line = 1;
        int column = 1;
        int seen = 0;
        for (int i = 0; i < text.length() && seen < index; seen++) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (codePoint == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * Walks the composed tree once per distinct node (aliases share nodes), computing how large and
     * deep it is with every alias expanded, so a "billion laughs" document is refused without ever
     * being expanded. Also refuses tags other than YAML's plain ones.
     */
    private static final class Expansion {

        private final Problems problems;
        private final Map<Node, long[]> sizeAndDepth = new IdentityHashMap<>();
        private final Set<Node> open = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        private boolean failed;

        Expansion(Problems problems) {
            this.problems = problems;
        }

        /** True if the document is within the limits. */
        boolean check(Node root) {
            // Only a backlog may be a list at the top, and its items are named tasks[i] in either
            // shape; naming them the same here keeps every problem's path in one style.
            FieldPath start = root instanceof SequenceNode ? FieldPath.root().field("tasks") : FieldPath.root();
            long[] total = visit(root, start);
            if (failed) {
                return false;
            }
            if (total[0] > MAX_EXPANDED_VALUES) {
                problems.error(root, FieldPath.root(), "the document expands to more than " + MAX_EXPANDED_VALUES
                        + " values through aliases", "remove anchors (&name) and aliases (*name) and write the values out");
                return false;
            }
            if (total[1] > MAX_DEPTH) {
                problems.error(root, FieldPath.root(), "collections are nested more than " + MAX_DEPTH
                        + " levels deep through aliases", "remove anchors (&name) and aliases (*name)");
                return false;
            }
            return true;
        }

        private long[] visit(Node node, FieldPath path) {
            long[] known = sizeAndDepth.get(node);
            if (known != null) {
                return known;
            }
            if (!open.add(node)) {
                problems.error(node, path, "an alias refers to a collection that contains it",
                        "remove the recursive alias");
                failed = true;
                return new long[] {1, 1};
            }
            long size = 1;
            long depth = 0;
            switch (node) {
                case ScalarNode scalar -> checkTag(scalar, path);
                case SequenceNode sequence -> {
                    checkTag(sequence, path);
                    int index = 0;
                    for (Node item : sequence.getValue()) {
                        long[] child = visit(item, path.index(index++));
                        size = Math.min(size + child[0], MAX_EXPANDED_VALUES + 1L);
                        depth = Math.max(depth, child[1]);
                        if (failed) {
                            break;
                        }
                    }
                }
                case MappingNode mapping -> {
                    checkTag(mapping, path);
                    checkKeys(mapping, path);
                    for (NodeTuple tuple : mapping.getValue()) {
                        FieldPath child = tuple.getKeyNode() instanceof ScalarNode key
                                ? path.field(key.getValue()) : path;
                        long[] key = visit(tuple.getKeyNode(), child);
                        long[] value = visit(tuple.getValueNode(), child);
                        size = Math.min(size + key[0] + value[0], MAX_EXPANDED_VALUES + 1L);
                        depth = Math.max(depth, Math.max(key[1], value[1]));
                        if (failed) {
                            break;
                        }
                    }
                }
                default -> {
                }
            }
            open.remove(node);
            long[] result = {size, node instanceof ScalarNode ? 0 : depth + 1};
            sizeAndDepth.put(node, result);
            return result;
        }

        /** Every mapping in the file, including free-form ones: YAML forbids equal keys. */
        private void checkKeys(MappingNode mapping, FieldPath path) {
            Map<String, Node> seen = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node key = tuple.getKeyNode();
                if (!(key instanceof ScalarNode scalar) || key.getTag().equals(Tag.NULL)) {
                    problems.error(key, path, "a key must be text, found " + YamlValues.describe(key),
                            "write the key as a plain word");
                    continue;
                }
                Node first = seen.putIfAbsent(scalar.getValue(), key);
                if (first != null) {
                    problems.error(key, path.field(scalar.getValue()), "duplicate key '" + scalar.getValue()
                            + "', first defined at " + Problems.where(first),
                            "remove one of the two; YAML keeps only one value per key");
                }
            }
        }

        private void checkTag(Node node, FieldPath path) {
            Tag tag = node.getTag();
            if (tag.equals(Tag.ENV_TAG)) {
                // Leviathan never substitutes environment variables: "${X}" is text.
                node.setTag(Tag.STR);
            } else if (!PLAIN_TAGS.contains(tag)) {
                problems.error(node, path, "the tag " + tag.getValue() + " is not supported",
                        "remove the tag; target files hold plain strings, numbers, booleans, lists and mappings");
                failed = true;
            }
        }
    }
}
