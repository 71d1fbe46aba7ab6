package dev.leviathan.engine.bootstrap.ci;

import dev.leviathan.engine.bootstrap.ci.YamlNode.Entry;
import dev.leviathan.engine.bootstrap.ci.YamlNode.Mapping;
import dev.leviathan.engine.bootstrap.ci.YamlNode.Position;
import dev.leviathan.engine.bootstrap.ci.YamlNode.Scalar;
import dev.leviathan.engine.bootstrap.ci.YamlNode.Sequence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Composes the documents of a YAML stream from SnakeYAML Engine's parser events (YAML 1.2: an
 * unquoted {@code on} stays the string "on").
 *
 * <p>We compose ourselves rather than with the engine's Composer because we need what it does not
 * give together: no recursion (so a deeply nested file cannot overflow the stack), duplicate keys
 * found with their position, YAML 1.1 merge keys ({@code <<}) applied as GitLab's Ruby loader
 * applies them, unknown tags ({@code !reference}) kept instead of rejected, and alias bombs
 * refused by the size they expand to rather than by a count of aliases (a real GitLab file may
 * alias one rules block from hundreds of jobs; a bomb expands exponentially).
 */
final class YamlReader {

    /** Deeper than any real CI file; the limit keeps every recursive walk of the tree shallow. */
    static final int MAX_DEPTH = 200;
    /** Nodes of the tree with every alias copied out; a 1 MiB file without aliases has fewer. */
    static final long MAX_WEIGHT = 2_000_000;

    private static final LoadSettings SETTINGS = LoadSettings.builder()
            .setLabel("ci")
            .setCodePointLimit(CiExtractor.MAX_BYTES + 1)
            .setUseMarks(true)
            .build();

    private YamlReader() {
    }

    /** Every document of the stream, in order; a document without content is a null scalar. */
    static List<YamlNode> documents(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try {
            return new Composition().run(new ParserImpl(SETTINGS, new StreamReader(SETTINGS, body)));
        } catch (MarkedYamlEngineException e) {
            throw new CiFileException(describe(e), position(e));
        } catch (ReaderException e) {
            throw new CiFileException(String.format("character U+%04X is not allowed in YAML", e.getCodePoint()),
                    positionOfCodePoint(body, e.getPosition()));
        } catch (YamlEngineException e) {
            throw new CiFileException(e.getMessage(), Position.NONE);
        }
    }

    private static String describe(MarkedYamlEngineException e) {
        String problem = e.getProblem();
        String context = e.getContext();
        if (problem == null || problem.isBlank()) {
            return context == null ? "invalid YAML" : context;
        }
        if (context == null || context.isBlank()) {
            return problem;
        }
        // Where the construct began is often where the mistake is (an unclosed quote or bracket).
        Optional<Position> start = e.getContextMark().map(YamlReader::position);
        if (start.isPresent() && !start.equals(e.getProblemMark().map(YamlReader::position))) {
            Position at = start.get();
            return context + " started at line " + at.line() + ", column " + at.column() + ": " + problem;
        }
        return context + ": " + problem;
    }

    private static Position position(MarkedYamlEngineException e) {
        return e.getProblemMark().or(e::getContextMark).map(YamlReader::position).orElse(Position.NONE);
    }

    static Position position(Mark mark) {
        return new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static Position positionOfCodePoint(String text, int codePointIndex) {
        int line = 1;
        int column = 1;
        int seen = 0;
        for (int i = 0; i < text.length() && seen < codePointIndex; seen++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Position(line, column);
    }

    /** One pass over one stream's events; holds the state of the documents being built. */
    private static final class Composition {

        private final List<YamlNode> documents = new ArrayList<>();
        private final Deque<Frame> open = new ArrayDeque<>();
        private final Map<String, YamlNode> anchors = new HashMap<>();
        /** Anchors of collections still open: an alias to one of them would make the tree cyclic. */
        private final Map<String, Integer> anchorsBeingBuilt = new HashMap<>();
        private YamlNode root;

        List<YamlNode> run(ParserImpl parser) {
            while (parser.hasNext()) {
                Event event = parser.next();
                switch (event.getEventId()) {
                    case DocumentStart -> {
                        anchors.clear();
                        root = null;
                    }
                    case DocumentEnd -> documents.add(root == null ? emptyDocument(event) : root);
                    case Scalar -> scalar((ScalarEvent) event);
                    case Alias -> alias((AliasEvent) event);
                    case SequenceStart, MappingStart -> start((CollectionStartEvent) event);
                    case SequenceEnd, MappingEnd -> end();
                    default -> {
                        // stream start/end and comments carry nothing we keep
                    }
                }
            }
            return documents;
        }

        private static YamlNode emptyDocument(Event event) {
            return new Scalar("", null, true, event.getStartMark().map(YamlReader::position).orElse(Position.NONE));
        }

        private void scalar(ScalarEvent event) {
            Optional<String> tag = event.getTag();
            boolean plain = event.getScalarStyle() == ScalarStyle.PLAIN && tag.isEmpty();
            Scalar node = new Scalar(event.getValue(), tag.orElse(null), plain, positionOf(event));
            event.getAnchor().ifPresent(anchor -> anchors.put(anchor.getValue(), node));
            add(node);
        }

        private void alias(AliasEvent event) {
            String name = event.getAlias().getValue();
            if (anchorsBeingBuilt.containsKey(name)) {
                throw new CiFileException("alias *" + name + " refers to a node that contains it (a recursive alias)",
                        positionOf(event));
            }
            YamlNode target = anchors.get(name);
            if (target == null) {
                throw new CiFileException("alias *" + name + " refers to no anchor &" + name + " defined before it",
                        positionOf(event));
            }
            add(target);
        }

        private void start(CollectionStartEvent event) {
            if (open.size() >= MAX_DEPTH) {
                throw new CiFileException("the YAML nests deeper than " + MAX_DEPTH + " levels", positionOf(event));
            }
            String anchor = event.getAnchor().map(Anchor::getValue).orElse(null);
            if (anchor != null) {
                anchorsBeingBuilt.merge(anchor, 1, Integer::sum);
            }
            open.push(new Frame(event.getEventId() == Event.ID.MappingStart, event.getTag().orElse(null), anchor,
                    positionOf(event)));
        }

        private void end() {
            Frame frame = open.pop();
            YamlNode node = frame.mapping ? mapping(frame) : new Sequence(List.copyOf(frame.children), frame.tag,
                    frame.position, frame.weight);
            if (frame.anchor != null) {
                anchorsBeingBuilt.computeIfPresent(frame.anchor, (name, count) -> count == 1 ? null : count - 1);
                anchors.put(frame.anchor, node);
            }
            add(node);
        }

        private void add(YamlNode node) {
            Frame parent = open.peek();
            if (parent == null) {
                root = node;
                return;
            }
            parent.children.add(node);
            parent.weight += node.weight();
            if (parent.weight > MAX_WEIGHT) {
                throw new CiFileException("the YAML's aliases expand to more than " + MAX_WEIGHT
                        + " nodes (an alias bomb?)", parent.position);
            }
        }

        private static Mapping mapping(Frame frame) {
            List<YamlNode> children = frame.children;
            boolean merges = false;
            for (int i = 0; i < children.size(); i += 2) {
                if (!(children.get(i) instanceof Scalar key)) {
                    throw new CiFileException("a mapping key must be a string, found " + children.get(i).describe(),
                            children.get(i).position());
                }
                merges |= key.isMergeKey();
            }
            return merges ? merged(frame) : plain(frame);
        }

        private static Mapping plain(Frame frame) {
            List<YamlNode> children = frame.children;
            Map<String, Position> seen = new HashMap<>();
            List<Entry> entries = new ArrayList<>(children.size() / 2);
            for (int i = 0; i < children.size(); i += 2) {
                Scalar key = (Scalar) children.get(i);
                rejectDuplicate(seen, key);
                entries.add(new Entry(key, children.get(i + 1)));
            }
            return new Mapping(List.copyOf(entries), frame.tag, frame.position, frame.weight);
        }

        /**
         * Merge keys as Ruby's Psych applies them (GitLab reads its files with Psych): at the place
         * of the {@code <<}, the merged mappings' keys are set, overriding keys set before it; keys
         * after it override them; with a list of mappings the first one wins. A key keeps the place
         * where it was first set. Only keys written in this mapping can be duplicates.
         */
        private static Mapping merged(Frame frame) {
            List<YamlNode> children = frame.children;
            Map<String, Position> seen = new HashMap<>();
            LinkedHashMap<String, Entry> result = new LinkedHashMap<>();
            for (int i = 0; i < children.size(); i += 2) {
                Scalar key = (Scalar) children.get(i);
                YamlNode value = children.get(i + 1);
                if (!key.isMergeKey()) {
                    rejectDuplicate(seen, key);
                    result.put(key.value(), new Entry(key, value));
                    continue;
                }
                LinkedHashMap<String, Entry> fromMerge = new LinkedHashMap<>();
                for (Mapping source : mergeSources(value)) {
                    for (Entry entry : source.entries()) {
                        fromMerge.putIfAbsent(entry.key().value(), entry);
                    }
                }
                result.putAll(fromMerge);
            }
            long weight = 1;
            for (Entry entry : result.values()) {
                weight += 1 + entry.value().weight();
            }
            return new Mapping(List.copyOf(result.values()), frame.tag, frame.position, weight);
        }

        private static List<Mapping> mergeSources(YamlNode value) {
            if (value instanceof Mapping mapping) {
                return List.of(mapping);
            }
            if (value instanceof Sequence sequence) {
                List<Mapping> sources = new ArrayList<>(sequence.items().size());
                for (YamlNode item : sequence.items()) {
                    if (!(item instanceof Mapping mapping)) {
                        throw new CiFileException("a merge key << takes a mapping or a list of mappings, found a list"
                                + " holding " + item.describe(), item.position());
                    }
                    sources.add(mapping);
                }
                return sources;
            }
            throw new CiFileException("a merge key << takes a mapping or a list of mappings, found "
                    + value.describe(), value.position());
        }

        private static void rejectDuplicate(Map<String, Position> seen, Scalar key) {
            Position first = seen.putIfAbsent(key.value(), key.position());
            if (first != null) {
                throw new CiFileException("duplicate key \"" + key.value() + "\" (first at line " + first.line() + ")",
                        key.position());
            }
        }

        private static Position positionOf(Event event) {
            return event.getStartMark().map(YamlReader::position).orElse(Position.NONE);
        }
    }

    /** A collection whose end event has not come yet. */
    private static final class Frame {

        final boolean mapping;
        final String tag;
        final String anchor;
        final Position position;
        final List<YamlNode> children = new ArrayList<>();
        long weight = 1;

        Frame(boolean mapping, String tag, String anchor, Position position) {
            this.mapping = mapping;
            this.tag = tag;
            this.anchor = anchor;
            this.position = position;
        }
    }
}
