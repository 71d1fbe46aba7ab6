package dev.leviathan.engine.execute.docs;

import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Adds tasks to the text of a backlog without re-serialising it: the new tasks are inserted
 * after the last task of the {@code tasks:} sequence (or of the top-level list), written in the
 * file's own indentation, list style and line endings, so every byte outside the inserted part
 * is kept, comments included. The YAML is parsed only to find where the tasks are.
 */
final class BacklogAppend {

    /** Why the tasks could not be added to this text. */
    static final class CannotAppend extends Exception {
        CannotAppend(String message) {
            super(message);
        }
    }

    private static final int MAX_CODE_POINTS = 8 * 1024 * 1024;
    private static final List<String> LIST_KEYS = List.of("allowed_paths", "acceptance_criteria", "labels",
            "dependencies");

    /**
     * How the file writes its tasks.
     *
     * @param dashCol the column of the {@code -} before each task
     * @param keyOffset from the dash to the task's keys ({@code "- id"} is 2)
     * @param step the indentation of a mapping inside a task, and of a block scalar's lines
     * @param listOffset from a key to the dashes of its block list (0: the dashes are under the key)
     * @param flowLists lists written {@code [a, b]}
     * @param blankBetween a blank line between tasks
     * @param flowItems tasks written {@code - {id: a, ...}}
     */
    record Style(int dashCol, int keyOffset, int step, int listOffset, boolean flowLists, boolean blankBetween,
            boolean flowItems, String newline) {

        static final Style NEW_FILE = new Style(2, 2, 2, 2, false, true, false, "\n");
    }

    private BacklogAppend() {
    }

    /** A new backlog file holding only the proposals. */
    static String create(List<Proposal> proposals, String header) {
        StringBuilder out = new StringBuilder(header).append("tasks:\n");
        for (int i = 0; i < proposals.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(blockItem(proposals.get(i), Style.NEW_FILE));
        }
        return out.toString();
    }

    /** {@code existing} with the proposals added after its last task. */
    static String append(String existing, List<Proposal> proposals) throws CannotAppend {
        String bom = existing.startsWith("\uFEFF") ? "\uFEFF" : "";
        String text = existing.substring(bom.length());
        Lines lines = new Lines(text);
        Node root;
        try {
            LoadSettings settings = LoadSettings.builder().setSchema(new CoreSchema()).setUseMarks(true)
                    .setMaxAliasesForCollections(50).setAllowRecursiveKeys(false).setCodePointLimit(MAX_CODE_POINTS)
                    .build();
            root = new Compose(settings).composeString(text)
                    .orElseThrow(() -> new CannotAppend("the backlog is empty"));
        } catch (YamlEngineException e) {
            throw new CannotAppend("the backlog is not valid YAML: " + e.getMessage());
        }
        SequenceNode tasks;
        int parentCol;
        boolean inFlow;
        if (root instanceof MappingNode mapping) {
            NodeTuple entry = mapping.getValue().stream()
                    .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("tasks")).findFirst()
                    .orElseThrow(() -> new CannotAppend("the backlog has no tasks: key"));
            if (!(entry.getValueNode() instanceof SequenceNode sequence)) {
                throw new CannotAppend("the backlog's tasks: is not a list");
            }
            tasks = sequence;
            parentCol = lines.column(entry.getKeyNode().getStartMark());
            inFlow = mapping.getFlowStyle() == FlowStyle.FLOW;
        } else if (root instanceof SequenceNode sequence) {
            tasks = sequence;
            parentCol = -1;
            inFlow = false;
        } else {
            throw new CannotAppend("the backlog is neither a mapping with tasks: nor a list");
        }
        String newline = text.contains("\r\n") ? "\r\n" : text.contains("\r") && !text.contains("\n") ? "\r" : "\n";
        String edited;
        if (tasks.getFlowStyle() == FlowStyle.FLOW) {
            edited = tasks.getValue().isEmpty() && !inFlow
                    ? replaceEmptyFlow(lines, tasks, parentCol, root, proposals, newline)
                    : appendToFlow(lines, tasks, parentCol, proposals, newline);
        } else {
            edited = appendToBlock(lines, tasks, parentCol, proposals, newline);
        }
        return bom + edited;
    }

    // block sequences

    private static String appendToBlock(Lines lines, SequenceNode tasks, int parentCol, List<Proposal> proposals,
            String newline) throws CannotAppend {
        Style style = detect(lines, tasks, parentCol, newline);
        Node last = tasks.getValue().get(tasks.getValue().size() - 1);
        int end = contentEnd(lines, last);
        int lastLine = lines.lineOf(Math.max(0, end - 1));
        for (int i = lastLine + 1; i < lines.count(); i++) {
            if (lines.blank(i)) {
                continue;
            }
            if (lines.indent(i) > style.dashCol()) {
                // Comments (or an alias on its own line) that still belong to the last task.
                lastLine = i;
                continue;
            }
            break;
        }
        int insertAt = lines.next(lastLine);
        StringBuilder added = new StringBuilder();
        if (!lines.endsWithBreak(lastLine)) {
            added.append(newline);
        }
        for (Proposal proposal : proposals) {
            if (style.blankBetween()) {
                added.append(newline);
            }
            added.append(item(proposal, style));
        }
        String text = lines.text();
        return text.substring(0, insertAt) + added + text.substring(insertAt);
    }

    private static Style detect(Lines lines, SequenceNode tasks, int parentCol, String newline) throws CannotAppend {
        List<Node> items = tasks.getValue();
        Node first = items.get(0);
        int dash = dashBefore(lines, first);
        int dashCol = dash - lines.start(lines.lineOf(dash));
        int keyCol = lines.column(first.getStartMark());
        int keyOffset = Math.max(2, keyCol - dashCol);
        boolean flowItems = first instanceof MappingNode m && m.getFlowStyle() == FlowStyle.FLOW;
        int step = -1;
        int listOffset = -1;
        int flowVotes = 0;
        int blockVotes = 0;
        int blankVotes = 0;
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            if (i > 0) {
                int dashLine = lines.lineOf(dashBefore(lines, item));
                if (dashLine > 0 && lines.blank(dashLine - 1)) {
                    blankVotes++;
                }
            }
            if (!(item instanceof MappingNode mapping) || mapping.getFlowStyle() == FlowStyle.FLOW) {
                continue;
            }
            for (NodeTuple tuple : mapping.getValue()) {
                int keyColumn = lines.column(tuple.getKeyNode().getStartMark());
                Node value = tuple.getValueNode();
                boolean listKey = tuple.getKeyNode() instanceof ScalarNode k && LIST_KEYS.contains(k.getValue());
                if (value instanceof SequenceNode list && listKey) {
                    if (list.getFlowStyle() == FlowStyle.FLOW) {
                        flowVotes += list.getValue().isEmpty() ? 0 : 1;
                    } else {
                        blockVotes++;
                        if (listOffset < 0) {
                            int listDash = dashBefore(lines, list.getValue().get(0));
                            listOffset = Math.max(0, listDash - lines.start(lines.lineOf(listDash)) - keyColumn);
                        }
                    }
                } else if (value instanceof MappingNode nested && nested.getFlowStyle() != FlowStyle.FLOW
                        && !nested.getValue().isEmpty() && step < 0) {
                    int nestedCol = lines.column(nested.getValue().get(0).getKeyNode().getStartMark());
                    if (nestedCol > keyColumn) {
                        step = nestedCol - keyColumn;
                    }
                }
            }
        }
        int outer = parentCol >= 0 && dashCol > parentCol ? dashCol - parentCol : -1;
        if (step < 0) {
            step = outer > 0 ? outer : keyOffset;
        }
        if (listOffset < 0) {
            listOffset = parentCol >= 0 ? Math.max(0, dashCol - parentCol) : step;
        }
        boolean blankBetween = items.size() > 1 ? blankVotes * 2 >= items.size() - 1 : false;
        return new Style(dashCol, keyOffset, step, listOffset, flowVotes > blockVotes, blankBetween, flowItems,
                newline);
    }

    /**
     * The offset of the {@code -} that introduces a block sequence item: the first character
     * before the item that is not a space, a line break or part of a comment.
     */
    private static int dashBefore(Lines lines, Node item) throws CannotAppend {
        String text = lines.text();
        int i = lines.offset(item.getStartMark()) - 1;
        while (i >= 0) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\n' || c == '\r') {
                i--;
                continue;
            }
            int line = lines.lineOf(i);
            int hash = commentStart(text, lines.start(line), i + 1);
            if (hash < 0) {
                break;
            }
            // "- # note" or a comment line between the dash and the item: look before the comment.
            i = hash - 1;
        }
        if (i < 0 || text.charAt(i) != '-') {
            throw new CannotAppend("cannot find the '-' of the task at line " + (lines.lineOf(Math.max(0, i + 1)) + 1)
                    + "; write each task as '- id: ...'");
        }
        return i;
    }

    /** The offset of a {@code #} that starts a comment in {@code [from, to)}, or -1. */
    private static int commentStart(String text, int from, int to) {
        char quote = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == from || text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The offset just after the last character that belongs to {@code node}. A block scalar's end
     * mark lies past the blank lines after it; those belong to it only with keep chomping ({@code |+}).
     */
    private static int contentEnd(Lines lines, Node node) {
        String text = lines.text();
        return switch (node) {
            case ScalarNode scalar -> {
                int start = lines.offset(scalar.getStartMark());
                int end = lines.offset(scalar.getEndMark());
                if (keeps(text, start, scalar)) {
                    yield end;
                }
                while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
                yield end;
            }
            case MappingNode mapping -> {
                if (mapping.getFlowStyle() == FlowStyle.FLOW || mapping.getValue().isEmpty()) {
                    yield lines.offset(mapping.getEndMark());
                }
                int end = 0;
                for (NodeTuple tuple : mapping.getValue()) {
                    end = Math.max(end, Math.max(contentEnd(lines, tuple.getKeyNode()),
                            contentEnd(lines, tuple.getValueNode())));
                }
                yield end;
            }
            case SequenceNode sequence -> {
                if (sequence.getFlowStyle() == FlowStyle.FLOW || sequence.getValue().isEmpty()) {
                    yield lines.offset(sequence.getEndMark());
                }
                int end = 0;
                for (Node item : sequence.getValue()) {
                    end = Math.max(end, contentEnd(lines, item));
                }
                yield end;
            }
            default -> lines.offset(node.getEndMark());
        };
    }

    private static boolean keeps(String text, int start, ScalarNode scalar) {
        if (scalar.getScalarStyle() != ScalarStyle.LITERAL && scalar.getScalarStyle() != ScalarStyle.FOLDED) {
            return false;
        }
        for (int i = start + 1; i < text.length() && i < start + 4; i++) {
            char c = text.charAt(i);
            if (c == '+') {
                return true;
            }
            if (c != '-' && !Character.isDigit(c)) {
                return false;
            }
        }
        return false;
    }

    // flow sequences

    /** {@code tasks: []} in a block mapping becomes {@code tasks:} followed by a block list. */
    private static String replaceEmptyFlow(Lines lines, SequenceNode tasks, int parentCol, Node root,
            List<Proposal> proposals, String newline) throws CannotAppend {
        String text = lines.text();
        int open = lines.offset(tasks.getStartMark());
        int close = lines.offset(tasks.getEndMark());
        if (text.charAt(open) != '[' || text.charAt(close - 1) != ']') {
            throw new CannotAppend("cannot find the brackets of the empty task list");
        }
        int step = nestedStep(lines, root, 2);
        int dashCol = parentCol < 0 ? 0 : parentCol + step;
        Style style = new Style(dashCol, 2, step, step, false, true, false, newline);
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < proposals.size(); i++) {
            if (i > 0) {
                items.append(newline);
            }
            items.append(item(proposals.get(i), style));
        }
        int closeLine = lines.lineOf(close - 1);
        int lineEnd = lines.contentEnd(closeLine);
        boolean restBlank = text.substring(close, lineEnd).isBlank();
        int cutFrom = open;
        int cutTo = close;
        if (restBlank) {
            while (cutFrom > 0 && text.charAt(cutFrom - 1) == ' ') {
                cutFrom--;
            }
            cutTo = lineEnd;
        }
        int openLine = lines.lineOf(open);
        if (parentCol < 0 && restBlank && openLine == closeLine && cutFrom == lines.start(openLine)) {
            // A file whose list is just "[]": the tasks take that line.
            int next = lines.next(closeLine);
            return text.substring(0, cutFrom) + items + text.substring(next);
        }
        int insertAt = lines.next(closeLine);
        String before = text.substring(0, cutFrom) + text.substring(cutTo, insertAt);
        String lead = lines.endsWithBreak(closeLine) ? "" : newline;
        return before + lead + items + text.substring(insertAt);
    }

    /** Tasks written in flow style get the new ones, in flow style, after their last one. */
    private static String appendToFlow(Lines lines, SequenceNode tasks, int parentCol, List<Proposal> proposals,
            String newline) throws CannotAppend {
        String text = lines.text();
        int open = lines.offset(tasks.getStartMark());
        int close = lines.offset(tasks.getEndMark()) - 1;
        if (close < 0 || text.charAt(close) != ']') {
            throw new CannotAppend("cannot find the closing bracket of the task list");
        }
        Style style = new Style(0, 2, 2, 2, true, false, true, newline);
        StringBuilder added = new StringBuilder();
        if (tasks.getValue().isEmpty()) {
            for (int i = 0; i < proposals.size(); i++) {
                added.append(i == 0 ? "" : ", ").append(flowItem(proposals.get(i), style));
            }
            return text.substring(0, close) + added + text.substring(close);
        }
        Node first = tasks.getValue().get(0);
        Node last = tasks.getValue().get(tasks.getValue().size() - 1);
        int lastEnd = contentEnd(lines, last);
        boolean multiline = lines.lineOf(open) != lines.lineOf(close);
        int indent = Math.max(lines.column(first.getStartMark()), parentCol + 2);
        for (Proposal proposal : proposals) {
            added.append(multiline ? "," + newline + " ".repeat(indent) : ", ").append(flowItem(proposal, style));
        }
        return text.substring(0, lastEnd) + added + text.substring(lastEnd);
    }

    /** The indentation step of the first block mapping nested in the root ({@code metadata:}), else the fallback. */
    private static int nestedStep(Lines lines, Node root, int fallback) {
        if (root instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getValueNode() instanceof MappingNode nested && nested.getFlowStyle() != FlowStyle.FLOW
                        && !nested.getValue().isEmpty()) {
                    int outer = lines.column(tuple.getKeyNode().getStartMark());
                    int inner = lines.column(nested.getValue().get(0).getKeyNode().getStartMark());
                    if (inner > outer) {
                        return inner - outer;
                    }
                }
            }
        }
        return fallback;
    }

    // writing tasks

    private static String item(Proposal proposal, Style style) {
        return style.flowItems()
                ? " ".repeat(style.dashCol()) + "- " + flowItem(proposal, style) + style.newline()
                : blockItem(proposal, style);
    }

    static String blockItem(Proposal p, Style style) {
        String nl = style.newline();
        int keyCol = style.dashCol() + style.keyOffset();
        String pad = " ".repeat(keyCol);
        StringBuilder out = new StringBuilder();
        out.append(" ".repeat(style.dashCol())).append('-').append(" ".repeat(style.keyOffset() - 1))
                .append("id: ").append(YamlScalars.block(p.id())).append(nl);
        out.append(pad).append("title: ").append(YamlScalars.block(p.title())).append(nl);
        description(out, pad, keyCol + style.step(), p.description(), nl);
        out.append(pad).append("scope: ").append(YamlScalars.block(p.scope())).append(nl);
        out.append(pad).append("priority: ").append(p.priority().word()).append(nl);
        out.append(pad).append("ready: false").append(nl);
        out.append(pad).append("status: pending").append(nl);
        out.append(pad).append("estimated_size: ").append(YamlScalars.block(p.estimatedSize())).append(nl);
        list(out, pad, keyCol + style.listOffset(), "allowed_paths", p.allowedPaths(), style);
        list(out, pad, keyCol + style.listOffset(), "acceptance_criteria", p.acceptanceCriteria(), style);
        list(out, pad, keyCol + style.listOffset(), "labels", p.labels(), style);
        p.executor().ifPresent(docs -> {
            String inner = " ".repeat(keyCol + style.step());
            out.append(pad).append("executor:").append(nl);
            out.append(inner).append("type: ").append(docs.type()).append(nl);
            out.append(inner).append("kind: ").append(docs.kind().word()).append(nl);
            docs.path().ifPresent(path -> out.append(inner).append("path: ").append(YamlScalars.block(path)).append(nl));
        });
        return out.toString();
    }

    /** A literal block ({@code |}) when the text allows one, so a person can read and edit it. */
    private static void description(StringBuilder out, String pad, int contentCol, String description, String nl) {
        String text = YamlScalars.printable(description, true).replace("\t", "    ");
        List<String> rows = text.lines().map(String::stripTrailing).toList();
        boolean literal = !rows.isEmpty() && rows.stream().noneMatch(r -> r.startsWith(" "))
                && !rows.get(0).isEmpty();
        if (!literal) {
            out.append(pad).append("description: ").append(YamlScalars.quoted(description)).append(nl);
            return;
        }
        out.append(pad).append("description: |").append(nl);
        String inner = " ".repeat(contentCol);
        for (String row : rows) {
            out.append(row.isEmpty() ? "" : inner + row).append(nl);
        }
    }

    private static void list(StringBuilder out, String pad, int dashCol, String key, List<String> values, Style style) {
        if (values.isEmpty()) {
            return;
        }
        if (style.flowLists()) {
            out.append(pad).append(key).append(": ").append(flowList(values)).append(style.newline());
            return;
        }
        out.append(pad).append(key).append(':').append(style.newline());
        for (String value : values) {
            out.append(" ".repeat(dashCol)).append("- ").append(YamlScalars.block(value)).append(style.newline());
        }
    }

    private static String flowList(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(YamlScalars.flow(values.get(i)));
        }
        return out.append(']').toString();
    }

    static String flowItem(Proposal p, Style style) {
        StringBuilder out = new StringBuilder("{");
        out.append("id: ").append(YamlScalars.flow(p.id()));
        out.append(", title: ").append(YamlScalars.quoted(p.title()));
        out.append(", description: ").append(YamlScalars.quoted(p.description()));
        out.append(", scope: ").append(YamlScalars.flow(p.scope()));
        out.append(", priority: ").append(p.priority().word());
        out.append(", ready: false, status: pending");
        out.append(", estimated_size: ").append(YamlScalars.flow(p.estimatedSize()));
        out.append(", allowed_paths: ").append(flowList(p.allowedPaths()));
        out.append(", acceptance_criteria: ").append(flowList(p.acceptanceCriteria()));
        out.append(", labels: ").append(flowList(p.labels()));
        p.executor().ifPresent(docs -> out.append(", executor: {type: ").append(docs.type()).append(", kind: ")
                .append(docs.kind().word())
                .append(docs.path().map(path -> ", path: " + YamlScalars.flow(path)).orElse("")).append('}'));
        return out.append('}').toString();
    }

    /** The text split into lines, with offsets; a line break is {@code \r\n}, {@code \n} or {@code \r}. */
    private static final class Lines {

        private final String text;
        private final int[] starts;

        Lines(String text) {
            this.text = text;
            int count = 1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                    count++;
                }
            }
            starts = new int[count];
            int line = 1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                    starts[line++] = i + 1;
                }
            }
        }

        String text() {
            return text;
        }

        /** Lines, counting the empty one after a final line break. */
        int count() {
            return starts.length;
        }

        int start(int line) {
            return starts[line];
        }

        /** The offset after the line's break (the next line's start), or the end of the text. */
        int next(int line) {
            return line + 1 < starts.length ? starts[line + 1] : text.length();
        }

        /** The offset of the line's break (or of the end of the text). */
        int contentEnd(int line) {
            int end = next(line);
            if (end > starts[line] && text.charAt(end - 1) == '\n') {
                end--;
            }
            if (end > starts[line] && text.charAt(end - 1) == '\r') {
                end--;
            }
            return end;
        }

        boolean endsWithBreak(int line) {
            return line + 1 < starts.length;
        }

        boolean blank(int line) {
            return text.substring(starts[line], contentEnd(line)).isBlank();
        }

        int indent(int line) {
            int i = starts[line];
            int end = contentEnd(line);
            while (i < end && text.charAt(i) == ' ') {
                i++;
            }
            return i - starts[line];
        }

        int lineOf(int offset) {
            int low = 0;
            int high = starts.length - 1;
            while (low < high) {
                int mid = (low + high + 1) >>> 1;
                if (starts[mid] <= offset) {
                    low = mid;
                } else {
                    high = mid - 1;
                }
            }
            return low;
        }

        /** A mark's offset: SnakeYAML counts columns in code points. */
        int offset(Optional<Mark> mark) {
            Mark m = mark.orElseThrow(() -> new IllegalStateException("marks are enabled"));
            int line = Math.min(m.getLine(), starts.length - 1);
            int start = starts[line];
            int offset = start;
            for (int column = 0; column < m.getColumn() && offset < text.length(); column++) {
                offset += Character.charCount(text.codePointAt(offset));
            }
            return offset;
        }

        /** A mark's column in characters (the same as code points for the spaces of indentation). */
        int column(Optional<Mark> mark) {
            int offset = offset(mark);
            return offset - starts[lineOf(offset)];
        }
    }
}
