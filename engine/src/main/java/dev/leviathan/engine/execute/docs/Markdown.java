package dev.leviathan.engine.execute.docs;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * GitHub-flavoured Markdown pieces built from values taken out of repositories. Every value is
 * untrusted text: it is flattened to one line (so it can never end a table row, or start a line
 * that looks like a region marker) and then either put in a code span or escaped.
 */
final class Markdown {

    private static final String ESCAPED = "\\`*_[]<>|~&$#";

    private Markdown() {
    }

    /** The value on one line: line breaks, tabs and other control characters become spaces. */
    static String oneLine(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return out.toString();
    }

    /** Prose that renders as written: Markdown's punctuation is backslash-escaped. */
    static String text(String value) {
        String flat = oneLine(value);
        StringBuilder out = new StringBuilder(flat.length() + 8);
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            if (ESCAPED.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A code span outside a table. */
    static String code(String value) {
        return code(value, false);
    }

    /** A code span inside a table cell, where a {@code |} must be escaped even in code. */
    static String cell(String value) {
        return code(value, true);
    }

    private static String code(String value, boolean inTable) {
        String flat = oneLine(value);
        if (flat.isBlank()) {
            return "*(empty)*";
        }
        int longest = 0;
        int run = 0;
        for (int i = 0; i < flat.length(); i++) {
            run = flat.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = flat.charAt(0) == '`' || flat.charAt(flat.length() - 1) == '`'
                || flat.charAt(0) == ' ' && flat.charAt(flat.length() - 1) == ' ';
        String body = inTable ? flat.replace("|", "\\|") : flat;
        return pad ? fence + " " + body + " " + fence : fence + body + fence;
    }

    /** Code spans of the values, separated by commas. */
    static String codes(List<String> values, boolean inTable) {
        return values.stream().map(v -> code(v, inTable)).collect(Collectors.joining(", "));
    }

    /** {@code [`path:line`](relative#Lline)}; a line of 0 or less links the file alone. */
    static String sourceLink(String fromDoc, String path, int line, boolean inTable) {
        String label = line > 0 ? path + ":" + line : path;
        String url = relativeUrl(fromDoc, path) + (line > 0 ? "#L" + line : "");
        return "[" + code(label, inTable) + "](" + url + ")";
    }

    /**
     * The link from the document at {@code fromDoc} to {@code target}, both repository-relative:
     * {@code docs/api.md} to {@code app/main.py} is {@code ../app/main.py}. Characters outside the
     * unreserved set are percent-encoded so spaces and parentheses cannot break the link.
     */
    static String relativeUrl(String fromDoc, String target) {
        String[] from = fromDoc.split("/");
        String[] to = target.split("/");
        int common = 0;
        while (common < from.length - 1 && common < to.length - 1 && from[common].equals(to[common])) {
            common++;
        }
        StringBuilder out = new StringBuilder();
        for (int i = common; i < from.length - 1; i++) {
            out.append("../");
        }
        for (int i = common; i < to.length; i++) {
            if (i > common) {
                out.append('/');
            }
            out.append(encode(to[i]));
        }
        return out.toString();
    }

    private static String encode(String segment) {
        StringBuilder out = new StringBuilder(segment.length());
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    /** {@code 1 route}, {@code 2 routes}. */
    static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
