package dev.leviathan.engine.aegis.scenario;

import java.util.Collections;
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
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Composes a scenario's text into a YAML 1.2 node tree (Core schema: {@code on} and {@code yes} stay
 * text) whose every node keeps its line and column. Syntax errors, equal keys in one mapping, and files
 * too large or too deep are reported, not thrown.
 */
final class YamlTree {

    /** Scenarios are a few hundred lines; anything beyond this is not one. */
    static final int MAX_CODE_POINTS = 1024 * 1024;
    static final int MAX_DEPTH = 32;
    static final int MAX_COLLECTION_ALIASES = 50;

    private YamlTree() {
    }

    /** The document's root, or empty when the text is empty or not YAML (reported). */
    static Optional<Node> compose(String text, Problems problems) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (body.codePointCount(0, body.length()) > MAX_CODE_POINTS) {
            problems.errorAt(1, 1, FieldPath.root(), "the file is larger than " + MAX_CODE_POINTS + " characters",
                    "a scenario is a few hundred lines; split it into several scenarios");
            return Optional.empty();
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel(problems.file())
                .setSchema(new CoreSchema())
                .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
                .setAllowRecursiveKeys(false)
                .setCodePointLimit(MAX_CODE_POINTS + 1)
                .setUseMarks(true)
                .build();
        NestingGuard parser = new NestingGuard(new ParserImpl(settings, new StreamReader(settings, body)), MAX_DEPTH);
        Optional<Node> root;
        try {
            root = new Composer(settings, parser).getSingleNode();
        } catch (NestingGuard.TooDeep e) {
            at(e.mark, problems, "lists and mappings are nested more than " + MAX_DEPTH + " levels deep",
                    "no scenario field nests that deep; check the indentation");
            return Optional.empty();
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
            at(mark, problems, "invalid YAML: " + syntaxMessage(e), syntaxHint(e));
            return Optional.empty();
        } catch (ReaderException e) {
            problems.errorAt(1, 1, FieldPath.root(),
                    String.format("invalid YAML: character U+%04X is not allowed", e.getCodePoint()),
                    "remove the control character");
            return Optional.empty();
        } catch (YamlEngineException e) {
            at(parser.lastMark(), problems, "invalid YAML: " + e.getMessage(), "");
            return Optional.empty();
        }
        root.ifPresent(node -> new KeyCheck(problems).visit(node, FieldPath.root()));
        return root;
    }

    private static String syntaxMessage(MarkedYamlEngineException e) {
        String problem = String.valueOf(e.getProblem()).strip();
        String context = e.getContext() == null ? "" : e.getContext().strip();
        return problem.startsWith("but ") && !context.isEmpty() ? context + ", " + problem : problem;
    }

    private static String syntaxHint(MarkedYamlEngineException e) {
        String context = e.getContext() == null ? "" : e.getContext().strip();
        if (context.contains("expected a single document")) {
            return "a scenario file holds one YAML document; remove the extra '---'";
        }
        if (context.isEmpty()) {
            return "check indentation, colons and quotes around this position";
        }
        return e.getContextMark()
                .map(m -> context + " started at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
                .orElse(context);
    }

    private static void at(Optional<Mark> mark, Problems problems, String message, String hint) {
        problems.errorAt(mark.map(m -> m.getLine() + 1).orElse(1), mark.map(m -> m.getColumn() + 1).orElse(1),
                FieldPath.root(), message, hint);
    }

    /** Every mapping, free-form ones included: YAML forbids two equal keys, and keys must be text. */
    private static final class KeyCheck {

        private final Problems problems;
        private final Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());

        KeyCheck(Problems problems) {
            this.problems = problems;
        }

        void visit(Node node, FieldPath path) {
            if (!seen.add(node)) {
                return;
            }
            switch (node) {
                case SequenceNode sequence -> {
                    for (int i = 0; i < sequence.getValue().size(); i++) {
                        visit(sequence.getValue().get(i), path.index(i));
                    }
                }
                case MappingNode mapping -> {
                    Map<String, Node> first = new HashMap<>();
                    for (NodeTuple tuple : mapping.getValue()) {
                        if (!(tuple.getKeyNode() instanceof ScalarNode key) || Values.isNull(key)) {
                            problems.error(tuple.getKeyNode(), path, "a key must be text, found "
                                    + Values.describe(tuple.getKeyNode()), "write the key as a plain word");
                            continue;
                        }
                        FieldPath child = path.field(key.getValue());
                        Node earlier = first.putIfAbsent(key.getValue(), key);
                        if (earlier != null) {
                            problems.error(key, child, "duplicate key '" + key.getValue() + "', first at "
                                    + Problems.where(earlier), "remove one of the two; YAML keeps one value per key");
                        }
                        visit(tuple.getValueNode(), child);
                    }
                }
                default -> {
                }
            }
        }
    }
}
