package dev.leviathan.engine.bootstrap.classify;


/**
 * The title of a reStructuredText document: its first section title, as docutils reads one.
 * A title is a text line under a blank line (or the start) with an underline, optionally with an
 * overline of the same character and length; adornments are one repeated punctuation character.
 * As in docutils, an underline shorter than its title still makes a title when it is at least 4
 * characters long (docutils warns); a shorter one is ordinary text. Explicit markup blocks
 * ({@code .. directive::}, {@code .. comment}, {@code .. |badge| image::}) and indented blocks
 * are skipped.
 */
final class RestTitle {

    private RestTitle() {
    }

    static String read(TextLines lines) {
        boolean afterBlank = true;
        int i = 0;
        while (lines.has(i)) {
            String line = TextLines.stripTrailing(lines.get(i));
            if (line.isEmpty()) {
                afterBlank = true;
                i++;
                continue;
            }
            if (line.startsWith("..") && (line.length() == 2 || line.charAt(2) == ' ')) {
                i++;
                while (lines.has(i) && (TextLines.isBlank(lines.get(i)) || startsIndented(lines.get(i)))) {
                    i++;
                }
                afterBlank = true;
                continue;
            }
            if (startsIndented(line)) {
                afterBlank = false;
                i++;
                continue;
            }
            if (afterBlank && isAdornment(line) && lines.has(i + 2)) {
                String text = TextLines.stripTrailing(lines.get(i + 1));
                String under = TextLines.stripTrailing(lines.get(i + 2));
                String trimmed = text.trim();
                if (!trimmed.isEmpty() && under.equals(line) && width(trimmed) <= line.length()
                        && !isAdornment(trimmed)) {
                    String title = InlineMarkup.rst(trimmed);
                    if (!title.isEmpty()) {
                        return title;
                    }
                }
            }
            if (afterBlank && !isAdornment(line) && lines.has(i + 1)) {
                String under = TextLines.stripTrailing(lines.get(i + 1));
                if (isAdornment(under) && (under.length() >= width(line) || under.length() >= 4)) {
                    String title = InlineMarkup.rst(line.trim());
                    if (!title.isEmpty()) {
                        return title;
                    }
                }
            }
            afterBlank = false;
            i++;
        }
        return null;
    }

    /** Two or more of one ASCII punctuation character, nothing else. */
    static boolean isAdornment(String line) {
        if (line.length() < 2) {
            return false;
        }
        char c = line.charAt(0);
        if (!InlineMarkup.isAsciiPunctuation(c)) {
            return false;
        }
        for (int i = 1; i < line.length(); i++) {
            if (line.charAt(i) != c) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsIndented(String line) {
        return !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
