package dev.leviathan.engine.execute.scope;

import dev.leviathan.engine.target.AllowedPath;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Text for operator messages. A path is quoted with its control, invisible and undecodable
 * characters written as {@code \}{@code uXXXX}, so a right-to-left override in a file name cannot
 * reorder the message it appears in, and a newline cannot forge another line of a log.
 */
final class DisplayText {

    private DisplayText() {
    }

    static String quote(String text) {
        return "'" + escape(text) + "'";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean unpairedSurrogate = cp <= 0xFFFF && Character.isSurrogate((char) cp);
            if (UnicodeForm.isControl(cp) || UnicodeForm.isInvisible(cp) || unpairedSurrogate) {
                out.append(cp > 0xFFFF ? String.format(Locale.ROOT, "\\U%08X", cp)
                        : String.format(Locale.ROOT, "\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** {@code U+043E CYRILLIC SMALL LETTER O}. */
    static String character(int cp) {
        String name = Character.getName(cp);
        return String.format(Locale.ROOT, "U+%04X", cp) + (name == null ? "" : " " + name);
    }

    static String allowedPaths(List<AllowedPath> allowed) {
        if (allowed.isEmpty()) {
            return "the task has none";
        }
        return allowed.stream().map(a -> escape(a.value())).collect(Collectors.joining(", "));
    }

    static String size(long bytes) {
        if (bytes >= 1024L * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        if (bytes >= 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return bytes + " bytes";
    }
}
