package dev.leviathan.engine.bootstrap.classify;


/**
 * The title of a plain text file: its first line that has a letter or digit, trimmed. Banner
 * lines of punctuation or box drawing ({@code =====}, {@code +----+}) and reST explicit markup
 * ({@code .. _label:}, {@code .. module:: x}, common in {@code .txt} files written in reST) are
 * passed over, and a
 * Markdown-style heading mark is dropped ({@code # Project} is {@code Project}: extension-less
 * READMEs are often Markdown). A first line of {@link #MAX_LENGTH} characters or more is prose,
 * not a title: there is none.
 */
final class PlainTitle {

    /** A first line this long or longer is a sentence, not a title. */
    static final int MAX_LENGTH = 120;

    private PlainTitle() {
    }

    static String read(TextLines lines) {
        for (int i = 0; lines.has(i); i++) {
            String line = lines.get(i);
            String text = line.trim();
            if (!hasLetterOrDigit(text)) {
                continue;
            }
            if (line.startsWith(".. ")) {
                // reST in a .txt (Django's docs): a label or directive, with its indented body.
                while (lines.has(i + 1) && (TextLines.isBlank(lines.get(i + 1))
                        || TextLines.indent(lines.get(i + 1)) > 0)) {
                    i++;
                }
                continue;
            }
            if (text.charAt(0) == '#') {
                String heading = MarkdownTitle.atxText(text);
                if (heading != null && !heading.isEmpty()) {
                    text = heading;
                }
            }
            String title = InlineMarkup.finish(text);
            return title.codePointCount(0, title.length()) >= MAX_LENGTH ? null : title;
        }
        return null;
    }

    private static boolean hasLetterOrDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
