package dev.leviathan.engine.bootstrap.classify;

import java.util.HashMap;
import java.util.Map;

/**
 * The title of an AsciiDoc document: the document title ({@code = Title}, or Markdown-style
 * {@code # Title}, which Asciidoctor accepts), or else the first section title of any level
 * ({@code == Section}), or a two-line title (text underlined with {@code =}, {@code -},
 * {@code ~}, {@code ^} or {@code +} within two characters of its length). Skipped on the way:
 * comments ({@code //} lines and {@code ////} blocks), attribute entries ({@code :toc: left}),
 * block attributes and anchors ({@code [source,java]}, {@code [[id]]}), block titles
 * ({@code .Title}), preprocessor directives ({@code include::}, {@code ifdef::}) and delimited
 * blocks ({@code ----}, {@code ....}, {@code ====}, {@code ****}, {@code ____}, {@code ++++},
 * {@code |===}, fenced code). Attribute references in the title ({@code {project-name}}) are
 * replaced with the values the header gives them.
 */
final class AsciiDocTitle {

    private static final String TWO_LINE_UNDERLINES = "=-~^+";

    private AsciiDocTitle() {
    }

    static String read(TextLines lines) {
        Map<String, String> attributes = new HashMap<>();
        String delimiter = null;
        for (int i = 0; lines.has(i); i++) {
            String line = TextLines.stripTrailing(lines.get(i));
            if (delimiter != null) {
                if (line.equals(delimiter)) {
                    delimiter = null;
                }
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            if (isDelimiter(line)) {
                delimiter = line.startsWith("```") ? "```" : line;
                continue;
            }
            if (line.startsWith("//") || line.startsWith("include::") || line.startsWith("ifdef::")
                    || line.startsWith("ifndef::") || line.startsWith("ifeval::") || line.startsWith("endif::")) {
                continue;
            }
            if (readAttribute(line, attributes)) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                continue;
            }
            String heading = headingText(line);
            if (heading != null) {
                readHeaderAttributes(lines, i + 1, attributes);
                String title = InlineMarkup.asciidoc(heading, attributes);
                if (!title.isEmpty()) {
                    return title;
                }
                continue;
            }
            if (line.charAt(0) == '.' && line.length() > 1 && line.charAt(1) != '.' && line.charAt(1) != ' ') {
                continue;
            }
            if (lines.has(i + 1) && isTwoLineUnderline(line, TextLines.stripTrailing(lines.get(i + 1)))) {
                readHeaderAttributes(lines, i + 2, attributes);
                String title = InlineMarkup.asciidoc(line.trim(), attributes);
                if (!title.isEmpty()) {
                    return title;
                }
            }
        }
        return null;
    }

    /** {@code = Title}, {@code === Section ===}, {@code # Title}: the text, or null. */
    private static String headingText(String line) {
        char c = line.charAt(0);
        if (c != '=' && c != '#') {
            return null;
        }
        int level = 0;
        while (level < line.length() && line.charAt(level) == c) {
            level++;
        }
        if (level > 6 || level >= line.length() || line.charAt(level) != ' ') {
            return null;
        }
        String text = line.substring(level).trim();
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == c) {
            end--;
        }
        if (end < text.length() && end > 0 && text.charAt(end - 1) == ' ') {
            text = text.substring(0, end).trim();
        }
        return text;
    }

    private static boolean isDelimiter(String line) {
        if (line.startsWith("```")) {
            return true;
        }
        if (line.equals("--") || line.startsWith("|===") && TextLines.isRunOf(line.substring(1), '=', 3)) {
            return true;
        }
        if (line.length() < 4) {
            return false;
        }
        char c = line.charAt(0);
        return (c == '-' || c == '.' || c == '=' || c == '*' || c == '_' || c == '+' || c == '/')
                && TextLines.isRunOf(line, c, 4);
    }

    /** {@code Title} over {@code =====}: same character throughout, length within two of the title's. */
    private static boolean isTwoLineUnderline(String text, String under) {
        if (under.length() < 2 || TWO_LINE_UNDERLINES.indexOf(under.charAt(0)) < 0
                || !TextLines.isRunOf(under, under.charAt(0), 2)) {
            return false;
        }
        if (!Character.isLetterOrDigit(text.codePointAt(0)) && text.charAt(0) != '{' && text.charAt(0) != '"') {
            return false;
        }
        int width = text.codePointCount(0, text.length());
        return Math.abs(width - under.length()) <= 2;
    }

    /** Reads {@code :name: value} (and {@code :name!:}, which unsets); false for any other line. */
    private static boolean readAttribute(String line, Map<String, String> attributes) {
        if (line.length() < 3 || line.charAt(0) != ':') {
            return false;
        }
        int close = line.indexOf(':', 1);
        if (close < 2) {
            return false;
        }
        String name = line.substring(1, close);
        boolean unset = name.endsWith("!") || name.startsWith("!");
        String bare = unset ? name.replace("!", "") : name;
        for (int i = 0; i < bare.length(); i++) {
            char c = bare.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                return false;
            }
        }
        if (bare.isEmpty() || close + 1 < line.length() && line.charAt(close + 1) != ' ') {
            return false;
        }
        if (unset) {
            attributes.remove(bare);
        } else {
            attributes.put(bare, line.substring(close + 1).trim());
        }
        return true;
    }

    /** The header lines after the title, up to the first blank line: attributes defined there apply to it. */
    private static void readHeaderAttributes(TextLines lines, int from, Map<String, String> attributes) {
        for (int i = from; lines.has(i) && !TextLines.isBlank(lines.get(i)); i++) {
            readAttribute(TextLines.stripTrailing(lines.get(i)), attributes);
        }
    }
}
