package dev.leviathan.engine.bootstrap.classify;

import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The front matter that static-site generators put before a Markdown document: YAML between
 * {@code ---} lines (closed by {@code ---} or {@code ...}), or TOML between {@code +++} lines
 * (Hugo). Only its top-level {@code title} is wanted.
 */
final class FrontMatter {

    private static final LoadSettings SETTINGS = LoadSettings.builder().setAllowDuplicateKeys(true)
            .setUseMarks(false).setMaxAliasesForCollections(10).build();

    /**
     * @param end index of the closing line, or -1 when the document has no front matter
     * @param title the top-level {@code title}, or null
     */
    record Block(int end, String title) {
    }

    private FrontMatter() {
    }

    static Block read(TextLines lines) {
        if (lines.isEmpty()) {
            return new Block(-1, null);
        }
        String first = TextLines.stripTrailing(lines.get(0));
        boolean yaml = first.equals("---");
        boolean toml = first.equals("+++");
        if (!yaml && !toml) {
            return new Block(-1, null);
        }
        for (int i = 1; lines.has(i); i++) {
            String line = TextLines.stripTrailing(lines.get(i));
            if (yaml && (line.equals("---") || line.equals("..."))) {
                return new Block(i, yamlTitle(lines.range(1, i)));
            }
            if (toml && line.equals("+++")) {
                return new Block(i, tomlTitle(lines.range(1, i)));
            }
        }
        return new Block(-1, null);
    }

    /**
     * The top-level {@code title} of a YAML block, read from the parser's event stream (no tree is
     * built, so deep nesting cannot exhaust the stack). Front matter that is not valid YAML
     * (Liquid tags are common) falls back to reading {@code title:} lines by hand.
     */
    private static String yamlTitle(List<String> lines) {
        String yaml = String.join("\n", lines);
        try {
            int depth = 0;
            boolean expectKey = true;
            boolean wanted = false;
            for (Event event : new Parse(SETTINGS).parseString(yaml)) {
                switch (event.getEventId()) {
                    case MappingStart, SequenceStart -> {
                        if (depth == 0 && event.getEventId() == Event.ID.SequenceStart) {
                            return null;
                        }
                        if (depth == 1) {
                            if (!expectKey && wanted) {
                                return null;
                            }
                            wanted = false;
                            expectKey = !expectKey;
                        }
                        depth++;
                    }
                    case MappingEnd, SequenceEnd -> depth--;
                    case Scalar, Alias -> {
                        if (depth == 1) {
                            if (expectKey) {
                                wanted = event instanceof ScalarEvent scalar && scalar.getValue().equals("title");
                            } else if (wanted) {
                                return event instanceof ScalarEvent scalar ? blankToNull(scalar.getValue()) : null;
                            }
                            expectKey = !expectKey;
                        }
                    }
                    case DocumentEnd -> {
                        return null;
                    }
                    default -> {
                    }
                }
            }
            return null;
        } catch (YamlEngineException notYaml) {
            return titleLine(lines, ':');
        }
    }

    private static String tomlTitle(List<String> lines) {
        return titleLine(lines, '=');
    }

    /** {@code title: "X"} (or {@code title = 'X'}) at the start of a line; quotes removed. */
    private static String titleLine(List<String> lines, char separator) {
        for (String line : lines) {
            if (!line.startsWith("title")) {
                continue;
            }
            String rest = TextLines.stripLeading(line.substring(5));
            if (rest.isEmpty() || rest.charAt(0) != separator) {
                continue;
            }
            String value = TextLines.stripTrailing(TextLines.stripLeading(rest.substring(1)));
            if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                    && value.charAt(value.length() - 1) == value.charAt(0)) {
                value = value.substring(1, value.length() - 1);
            }
            return blankToNull(value);
        }
        return null;
    }

    private static String blankToNull(String value) {
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
