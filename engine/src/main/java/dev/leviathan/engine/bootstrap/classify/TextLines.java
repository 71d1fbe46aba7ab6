package dev.leviathan.engine.bootstrap.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of the start of a document: at most the first {@link #MAX_CHARS} characters, a
 * leading byte-order mark dropped, split at {@code \n}, {@code \r\n} and {@code \r}.
 */
final class TextLines {

    /** Titles are looked for in the first 64 KiB only: a title further in is no title. */
    static final int MAX_CHARS = 64 * 1024;

    private TextLines() {
    }

    static List<String> of(String text) {
        List<String> lines = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return lines;
        }
        int end = Math.min(text.length(), MAX_CHARS);
        int start = text.charAt(0) == '\uFEFF' ? 1 : 0;
        int lineStart = start;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(lineStart, i));
                if (c == '\r' && i + 1 < end && text.charAt(i + 1) == '\n') {
                    i++;
                }
                lineStart = i + 1;
            }
        }
        if (lineStart < end) {
            lines.add(text.substring(lineStart, end));
        }
        return lines;
    }

    static boolean isBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!Character.isWhitespace(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Columns of leading indentation, a tab counting to the next multiple of four. */
    static int indent(String line) {
        int columns = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                columns++;
            } else if (c == '\t') {
                columns += 4 - columns % 4;
            } else {
                return columns;
            }
        }
        return columns;
    }

    /** The line without its leading spaces and tabs. */
    static String stripLeading(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(i);
    }

    /** The line without trailing whitespace. */
    static String stripTrailing(String line) {
        int end = line.length();
        while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end);
    }

    /** True when the line (trailing whitespace aside) is {@code c} repeated at least {@code min} times. */
    static boolean isRunOf(String line, char c, int min) {
        String s = stripTrailing(line);
        if (s.length() < min) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != c) {
                return false;
            }
        }
        return true;
    }
}
