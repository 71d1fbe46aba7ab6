package dev.leviathan.engine.bootstrap.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the marked-up text of a heading into the plain text a reader sees. Each format keeps
 * what a renderer would show: link and role texts, code contents, emphasised words; it drops
 * the marks, URLs, images (unless one image is all there is: then its alt text), HTML tags and
 * comments. Whitespace runs become one space, the result is trimmed and cut at
 * {@link #MAX_TITLE} characters.
 *
 * <p>Input is cut at {@link #MAX_INPUT} characters first, so that bracket matching stays cheap
 * on pathological lines.
 */
final class InlineMarkup {

    /** The longest title given; longer headings are cut (at a code point boundary). */
    static final int MAX_TITLE = 200;

    /** Heading text beyond this is not looked at. */
    static final int MAX_INPUT = 1000;

    private static final Map<String, String> ENTITIES = Map.ofEntries(Map.entry("amp", "&"), Map.entry("lt", "<"),
            Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", " "),
            Map.entry("copy", "©"), Map.entry("reg", "®"), Map.entry("trade", "™"), Map.entry("mdash", "—"),
            Map.entry("ndash", "–"), Map.entry("hellip", "…"), Map.entry("laquo", "«"), Map.entry("raquo", "»"),
            Map.entry("middot", "·"), Map.entry("bull", "•"), Map.entry("rarr", "→"), Map.entry("larr", "←"),
            Map.entry("times", "×"), Map.entry("rsquo", "’"), Map.entry("lsquo", "‘"), Map.entry("rdquo", "”"),
            Map.entry("ldquo", "“"), Map.entry("emsp", " "), Map.entry("ensp", " "), Map.entry("thinsp", " "));

    /** AsciiDoc's built-in character attributes. */
    private static final Map<String, String> ASCIIDOC_BUILTINS = Map.ofEntries(Map.entry("nbsp", " "),
            Map.entry("sp", " "), Map.entry("empty", ""), Map.entry("amp", "&"), Map.entry("lt", "<"),
            Map.entry("gt", ">"), Map.entry("startsb", "["), Map.entry("endsb", "]"), Map.entry("vbar", "|"),
            Map.entry("caret", "^"), Map.entry("asterisk", "*"), Map.entry("tilde", "~"),
            Map.entry("apos", "'"), Map.entry("backslash", "\\"), Map.entry("backtick", "`"),
            Map.entry("plus", "+"), Map.entry("zwsp", ""), Map.entry("quot", "\""));

    private InlineMarkup() {
    }

    // ---------------------------------------------------------------- Markdown

    static String markdown(String text) {
        List<String> alts = new ArrayList<>();
        String plain = finish(markdownInline(cut(text), alts, 0));
        // One image is a logo standing for the title; several are badges, which name nothing.
        if (plain.isEmpty() && alts.size() == 1) {
            return alts.get(0);
        }
        return plain;
    }

    private static String markdownInline(String s, List<String> alts, int depth) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n && isAsciiPunctuation(s.charAt(i + 1))) {
                out.append(s.charAt(i + 1));
                i += 2;
            } else if (c == '`') {
                i = codeSpan(s, i, out);
            } else if (c == '!' && i + 1 < n && s.charAt(i + 1) == '[' && depth < 8) {
                int[] link = link(s, i + 1);
                if (link == null) {
                    out.append(c);
                    i++;
                } else {
                    alts.add(finish(markdownInline(s.substring(i + 2, link[0]), new ArrayList<>(), depth + 1)));
                    i = link[1];
                }
            } else if (c == '[' && depth < 8) {
                int[] link = link(s, i);
                if (link == null) {
                    out.append(c);
                    i++;
                } else {
                    out.append(markdownInline(s.substring(i + 1, link[0]), alts, depth + 1));
                    i = link[1];
                }
            } else if (c == '<') {
                i = angle(s, i, out);
            } else if (c == '&') {
                i = entity(s, i, out);
            } else if (c == '*' || c == '_' || c == '~') {
                int end = runEnd(s, i);
                boolean drop = c == '~' ? end - i >= 2 && flanks(s, i, end) : c == '*' ? flanks(s, i, end)
                        : opensOrCloses(s, i, end);
                if (!drop) {
                    out.append(s, i, end);
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * A link or image at {@code open} (a {@code [}): {@code [text](url)} or {@code [text][ref]}.
     * Returns the index of the closing {@code ]} of the text and the index after the whole link,
     * or null when what follows the brackets makes no link.
     */
    private static int[] link(String s, int open) {
        int close = matching(s, open, '[', ']');
        if (close < 0 || close + 1 >= s.length()) {
            return null;
        }
        char next = s.charAt(close + 1);
        if (next == '(') {
            int end = matching(s, close + 1, '(', ')');
            return end < 0 ? null : new int[] {close, end + 1};
        }
        if (next == '[') {
            int end = s.indexOf(']', close + 2);
            return end < 0 ? null : new int[] {close, end + 1};
        }
        return null;
    }

    private static int matching(String s, int open, char opening, char closing) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == opening) {
                depth++;
            } else if (c == closing) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** A code span: its content verbatim; an unmatched backtick run stays as it is. */
    private static int codeSpan(String s, int start, StringBuilder out) {
        int runEnd = runEnd(s, start);
        int length = runEnd - start;
        int search = runEnd;
        while (search < s.length()) {
            int found = s.indexOf('`', search);
            if (found < 0) {
                break;
            }
            int foundEnd = runEnd(s, found);
            if (foundEnd - found == length) {
                String content = s.substring(runEnd, found);
                if (content.length() >= 2 && content.startsWith(" ") && content.endsWith(" ")
                        && !TextLines.isBlank(content)) {
                    content = content.substring(1, content.length() - 1);
                }
                out.append(content);
                return foundEnd;
            }
            search = foundEnd;
        }
        out.append(s, start, runEnd);
        return runEnd;
    }

    /** {@code <https://x>} keeps its URL; HTML tags and comments go ({@code <br>} becomes a space). */
    private static int angle(String s, int start, StringBuilder out) {
        if (s.startsWith("<!--", start)) {
            int end = s.indexOf("-->", start + 4);
            return end < 0 ? s.length() : end + 3;
        }
        int close = s.indexOf('>', start + 1);
        if (close < 0) {
            out.append('<');
            return start + 1;
        }
        String inside = s.substring(start + 1, close);
        if (inside.startsWith("http://") || inside.startsWith("https://") || inside.startsWith("mailto:")) {
            out.append(inside.startsWith("mailto:") ? inside.substring(7) : inside);
            return close + 1;
        }
        if (!inside.isEmpty() && (Character.isLetter(inside.charAt(0)) || inside.charAt(0) == '/')) {
            String tag = inside.toLowerCase(Locale.ROOT);
            if (tag.startsWith("br")) {
                out.append(' ');
            }
            return close + 1;
        }
        out.append('<');
        return start + 1;
    }

    /** {@code &amp;}, {@code &#8217;}, {@code &#x2014;}; anything else stays. */
    static int entity(String s, int start, StringBuilder out) {
        int semi = s.indexOf(';', start + 1);
        if (semi < 0 || semi - start > 10) {
            out.append('&');
            return start + 1;
        }
        String name = s.substring(start + 1, semi);
        if (name.startsWith("#")) {
            try {
                int codePoint = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                if (Character.isValidCodePoint(codePoint) && codePoint != 0) {
                    out.appendCodePoint(codePoint);
                    return semi + 1;
                }
            } catch (NumberFormatException notANumber) {
                // Not a character reference: the text stays as written.
            }
            out.append('&');
            return start + 1;
        }
        String value = ENTITIES.get(name);
        if (value == null) {
            out.append('&');
            return start + 1;
        }
        out.append(value);
        return semi + 1;
    }

    /** Text of an HTML fragment: tags and comments dropped, entities decoded. */
    static String html(String fragment) {
        StringBuilder out = new StringBuilder(fragment.length());
        int i = 0;
        while (i < fragment.length()) {
            char c = fragment.charAt(i);
            if (c == '<') {
                i = angle(fragment, i, out);
            } else if (c == '&') {
                i = entity(fragment, i, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return finish(out.toString());
    }

    // ---------------------------------------------------------------- reStructuredText

    static String rst(String text) {
        String s = cut(text);
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n) {
                out.append(s.charAt(i + 1));
                i += 2;
            } else if (c == '`' && s.startsWith("``", i)) {
                int end = s.indexOf("``", i + 2);
                if (end < 0) {
                    out.append(s, i, i + 2);
                    i += 2;
                } else {
                    out.append(s, i + 2, end);
                    i = end + 2;
                }
            } else if (c == ':' && roleEnd(s, i) > 0) {
                i = roleEnd(s, i);
            } else if (c == '`') {
                int end = s.indexOf('`', i + 1);
                if (end < 0) {
                    out.append(c);
                    i++;
                } else {
                    out.append(interpretedText(s.substring(i + 1, end)));
                    i = end + 1;
                    while (i < n && s.charAt(i) == '_') {
                        i++;
                    }
                }
            } else if (c == '*' || c == '|') {
                int end = runEnd(s, i);
                if (!flanks(s, i, end)) {
                    out.append(s, i, end);
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return finish(out.toString());
    }

    /** After {@code :role:} directly followed by a backtick, the index of that backtick; else -1. */
    private static int roleEnd(String s, int start) {
        int i = start + 1;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '-'
                || s.charAt(i) == '_' || s.charAt(i) == '.' || s.charAt(i) == '+')) {
            i++;
        }
        if (i > start + 1 && i + 1 < s.length() && s.charAt(i) == ':' && s.charAt(i + 1) == '`') {
            return i + 1;
        }
        return -1;
    }

    /** {@code text <target>} shows {@code text}; {@code <target>} alone shows the target. */
    private static String interpretedText(String inside) {
        String trimmed = inside.trim();
        if (trimmed.endsWith(">")) {
            int open = trimmed.lastIndexOf('<');
            if (open > 0) {
                return trimmed.substring(0, open).trim();
            }
            if (open == 0) {
                return trimmed.substring(1, trimmed.length() - 1);
            }
        }
        return trimmed;
    }

    // ---------------------------------------------------------------- AsciiDoc

    static String asciidoc(String text, Map<String, String> attributes) {
        String s = resolveAttributes(cut(text), attributes);
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n && isAsciiPunctuation(s.charAt(i + 1))) {
                out.append(s.charAt(i + 1));
                i += 2;
            } else if (c == '<' && s.startsWith("<<", i)) {
                int end = s.indexOf(">>", i + 2);
                if (end < 0) {
                    out.append(c);
                    i++;
                } else {
                    String inside = s.substring(i + 2, end);
                    int comma = inside.indexOf(',');
                    out.append(comma >= 0 ? inside.substring(comma + 1).trim() : inside.trim());
                    i = end + 2;
                }
            } else if (Character.isLetter(c) && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))
                    && macroEnd(s, i) > 0) {
                int end = macroEnd(s, i);
                int colon = s.indexOf(':', i);
                int bracket = s.indexOf('[', colon);
                out.append(macroText(s.substring(i, colon).toLowerCase(Locale.ROOT),
                        s.substring(colon + 1, bracket), s.substring(bracket + 1, end - 1)));
                i = end;
            } else if (c == '&') {
                i = entity(s, i, out);
            } else if (c == '*' || c == '_' || c == '`') {
                int end = runEnd(s, i);
                if (!opensOrCloses(s, i, end)) {
                    out.append(s, i, end);
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return finish(out.toString());
    }

    private static String resolveAttributes(String s, Map<String, String> attributes) {
        if (s.indexOf('{') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int close = c == '{' ? s.indexOf('}', i + 1) : -1;
            if (close > i + 1 && close - i < 64) {
                String name = s.substring(i + 1, close);
                String value = attributes.get(name);
                if (value == null) {
                    value = ASCIIDOC_BUILTINS.get(name);
                }
                if (value != null) {
                    out.append(value);
                    i = close + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /**
     * The index after an inline macro starting at {@code start}: {@code link:url[text]},
     * {@code xref:doc.adoc[text]}, {@code image:logo.png[alt]}, {@code https://host/x[text]},
     * {@code kbd:[Ctrl+C]}; -1 when none starts there.
     */
    private static int macroEnd(String s, int start) {
        int i = start;
        while (i < s.length() && Character.isLetter(s.charAt(i)) && i - start < 12) {
            i++;
        }
        if (i >= s.length() || s.charAt(i) != ':') {
            return -1;
        }
        int bracket = i + 1;
        while (bracket < s.length() && s.charAt(bracket) != '[' && !Character.isWhitespace(s.charAt(bracket))) {
            bracket++;
        }
        if (bracket >= s.length() || s.charAt(bracket) != '[') {
            return -1;
        }
        int close = s.indexOf(']', bracket + 1);
        return close < 0 ? -1 : close + 1;
    }

    /** What a reader sees of macro {@code name:target[label]}. */
    private static String macroText(String name, String target, String label) {
        String text = label.trim();
        if (text.startsWith("\"")) {
            int quote = text.indexOf('"', 1);
            text = quote < 0 ? text.substring(1) : text.substring(1, quote);
        } else if (text.indexOf(',') >= 0 && !name.equals("kbd")) {
            text = text.substring(0, text.indexOf(',')).trim();
        }
        return switch (name) {
            case "image", "icon", "footnote", "footnoteref", "anchor", "indexterm" -> "";
            case "kbd", "btn", "pass", "menu" -> text;
            case "link", "mailto", "xref" -> text.isEmpty() ? target : text;
            case "http", "https", "ftp", "irc", "file" -> text.isEmpty() ? name + ":" + target : text;
            default -> name + ":" + target + "[" + label + "]";
        };
    }

    // ---------------------------------------------------------------- Org

    static String org(String text) {
        String s = cut(text);
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '[' && s.startsWith("[[", i)) {
                int end = s.indexOf("]]", i + 2);
                if (end < 0) {
                    out.append(c);
                    i++;
                } else {
                    String inside = s.substring(i + 2, end);
                    int split = inside.indexOf("][");
                    out.append(split >= 0 ? inside.substring(split + 2) : inside);
                    i = end + 2;
                }
            } else if (c == '*' || c == '/' || c == '_' || c == '=' || c == '~' || c == '+') {
                int end = runEnd(s, i);
                if (end - i != 1 || !opensOrCloses(s, i, end)) {
                    out.append(s, i, end);
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return finish(withoutOrgTags(out.toString()));
    }

    /** {@code Title   :tag1:tag2:} is {@code Title}. */
    private static String withoutOrgTags(String s) {
        String trimmed = TextLines.stripTrailing(s);
        if (!trimmed.endsWith(":")) {
            return s;
        }
        int space = Math.max(trimmed.lastIndexOf(' '), trimmed.lastIndexOf('\t'));
        String last = trimmed.substring(space + 1);
        if (space < 0 || last.length() < 3 || last.charAt(0) != ':') {
            return s;
        }
        for (int i = 0; i < last.length(); i++) {
            char c = last.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == ':' || c == '_' || c == '@' || c == '#' || c == '%')) {
                return s;
            }
        }
        return trimmed.substring(0, space);
    }

    // ---------------------------------------------------------------- common

    /** Whitespace runs to one space, trimmed, cut at {@link #MAX_TITLE} characters. */
    static String finish(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_TITLE + 1));
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B') {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        if (out.length() > MAX_TITLE) {
            int cut = MAX_TITLE;
            if (Character.isHighSurrogate(out.charAt(cut - 1))) {
                cut--;
            }
            out.setLength(cut);
            return TextLines.stripTrailing(out.toString());
        }
        return out.toString();
    }

    private static String cut(String s) {
        if (s.length() <= MAX_INPUT) {
            return s;
        }
        int end = MAX_INPUT;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    private static int runEnd(String s, int start) {
        char c = s.charAt(start);
        int end = start;
        while (end < s.length() && s.charAt(end) == c) {
            end++;
        }
        return end;
    }

    /** A delimiter run that touches text on at least one side (CommonMark's left- or right-flanking). */
    private static boolean flanks(String s, int start, int end) {
        return leftFlanking(s, start, end) || rightFlanking(s, start, end);
    }

    /** Like {@link #flanks}, but never inside a word: {@code snake_case} keeps its underscore. */
    private static boolean opensOrCloses(String s, int start, int end) {
        boolean left = leftFlanking(s, start, end);
        boolean right = rightFlanking(s, start, end);
        char before = start > 0 ? s.charAt(start - 1) : ' ';
        char after = end < s.length() ? s.charAt(end) : ' ';
        return left && (!right || isPunctuation(before)) || right && (!left || isPunctuation(after));
    }

    private static boolean leftFlanking(String s, int start, int end) {
        char before = start > 0 ? s.charAt(start - 1) : ' ';
        char after = end < s.length() ? s.charAt(end) : ' ';
        return !Character.isWhitespace(after)
                && (!isPunctuation(after) || Character.isWhitespace(before) || isPunctuation(before));
    }

    private static boolean rightFlanking(String s, int start, int end) {
        char before = start > 0 ? s.charAt(start - 1) : ' ';
        char after = end < s.length() ? s.charAt(end) : ' ';
        return !Character.isWhitespace(before)
                && (!isPunctuation(before) || Character.isWhitespace(after) || isPunctuation(after));
    }

    private static boolean isPunctuation(char c) {
        if (isAsciiPunctuation(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }

    static boolean isAsciiPunctuation(char c) {
        return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~';
    }
}
