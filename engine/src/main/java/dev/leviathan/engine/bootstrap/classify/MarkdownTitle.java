package dev.leviathan.engine.bootstrap.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The title of a Markdown document, as CommonMark (and so GitHub) reads it:
 * <ol>
 *   <li>the {@code title} of YAML or TOML front matter, when there is one;</li>
 *   <li>else a Pandoc title block's first line ({@code % Title});</li>
 *   <li>else the first heading of any level, in document order: ATX ({@code ## Title ##}),
 *       setext (a paragraph underlined with {@code ===} or {@code ---}), or an HTML heading in an
 *       HTML block ({@code <h1 align="center">Title</h1>}, whose {@code <img alt>} is used when it
 *       holds only an image).</li>
 * </ol>
 * Fenced code ({@code ```}, {@code ~~~}), indented code, HTML comments, block quotes and list
 * items are skipped, so a {@code # comment} in a shell snippet is never a title. An ATX heading
 * needs a space after its hashes ({@code #hashtag} is a paragraph). Empty headings are passed over.
 */
final class MarkdownTitle {

    /** HTML block tags (CommonMark's type 6 plus the type 1 ones) that start an HTML block. */
    private static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "base", "basefont",
            "blockquote", "body", "caption", "center", "col", "colgroup", "dd", "details", "dialog", "dir", "div",
            "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3",
            "h4", "h5", "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link", "main", "menu",
            "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param", "search", "section", "summary",
            "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul", "pre", "script", "style",
            "textarea", "picture", "source");

    /** An HTML block is searched for a heading up to this many characters. */
    private static final int MAX_HTML_BLOCK = 8192;

    private MarkdownTitle() {
    }

    /** The title, or null when the document has none. */
    static String read(TextLines lines) {
        FrontMatter.Block front = FrontMatter.read(lines);
        if (front.title() != null) {
            String title = InlineMarkup.finish(front.title());
            if (!title.isEmpty()) {
                return title;
            }
        }
        int start = front.end() + 1;
        if (start == 0 && !lines.isEmpty() && lines.get(0).startsWith("% ")) {
            String title = InlineMarkup.markdown(lines.get(0).substring(2));
            if (!title.isEmpty()) {
                return title;
            }
        }
        return firstHeading(lines, start);
    }

    private static String firstHeading(TextLines lines, int start) {
        List<String> paragraph = new ArrayList<>();
        StringBuilder htmlBlock = null;
        boolean inContainer = false;
        char fence = 0;
        int fenceLength = 0;
        boolean inComment = false;
        for (int i = start; lines.has(i); i++) {
            String line = lines.get(i);
            if (fence != 0) {
                if (closesFence(line, fence, fenceLength)) {
                    fence = 0;
                }
                continue;
            }
            if (inComment) {
                inComment = !line.contains("-->");
                continue;
            }
            if (TextLines.isBlank(line)) {
                paragraph.clear();
                htmlBlock = null;
                inContainer = false;
                continue;
            }
            if (htmlBlock != null) {
                if (htmlBlock.length() < MAX_HTML_BLOCK) {
                    htmlBlock.append('\n').append(line);
                    // Only a line that closes a heading can complete one: rescan only then.
                    String title = closesHeading(line) ? htmlHeading(htmlBlock.toString()) : null;
                    if (title != null) {
                        return title;
                    }
                }
                continue;
            }
            int indent = TextLines.indent(line);
            if (indent >= 4) {
                if (!paragraph.isEmpty()) {
                    paragraph.add(line.trim());
                }
                continue;
            }
            String content = TextLines.stripLeading(line);
            char first = content.charAt(0);
            if ((first == '`' || first == '~') && opensFence(content)) {
                fence = first;
                fenceLength = runLength(content, first);
                paragraph.clear();
                continue;
            }
            if (content.startsWith("<!--")) {
                inComment = !content.contains("-->");
                paragraph.clear();
                continue;
            }
            if (first == '#') {
                String heading = atxText(content);
                if (heading != null) {
                    String title = InlineMarkup.markdown(heading);
                    if (!title.isEmpty()) {
                        return title;
                    }
                    paragraph.clear();
                    continue;
                }
            }
            if (!paragraph.isEmpty() && !inContainer && (TextLines.isRunOf(content, '=', 1)
                    || TextLines.isRunOf(content, '-', 1))) {
                String title = InlineMarkup.markdown(String.join(" ", paragraph));
                if (!title.isEmpty()) {
                    return title;
                }
                paragraph.clear();
                continue;
            }
            if (isThematicBreak(content)) {
                paragraph.clear();
                continue;
            }
            if (first == '<' && startsHtmlBlock(content, !paragraph.isEmpty())) {
                String title = htmlHeading(content);
                if (title != null) {
                    return title;
                }
                htmlBlock = new StringBuilder(content);
                paragraph.clear();
                continue;
            }
            if (first == '>' || isListItem(content)) {
                inContainer = true;
                paragraph.clear();
                continue;
            }
            if (inContainer) {
                continue;
            }
            paragraph.add(content.trim());
        }
        return null;
    }

    /** The text of an ATX heading line ({@code ## Title ##}, {@code ## Title {#id}}), or null. */
    static String atxText(String content) {
        int hashes = runLength(content, '#');
        if (hashes > 6 || hashes < content.length() && content.charAt(hashes) != ' '
                && content.charAt(hashes) != '\t') {
            return null;
        }
        String text = TextLines.stripTrailing(content.substring(hashes));
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '#') {
            end--;
        }
        if (end == 0 || text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t') {
            text = text.substring(0, end);
        }
        text = withoutAttributes(TextLines.stripTrailing(text));
        return text.trim();
    }

    /** {@code Title {#anchor}} (kramdown, Pandoc, Hugo) is {@code Title}. */
    private static String withoutAttributes(String text) {
        if (text.endsWith("}")) {
            int open = text.lastIndexOf('{');
            if (open >= 0 && open + 1 < text.length()
                    && (text.charAt(open + 1) == '#' || text.charAt(open + 1) == '.')) {
                return text.substring(0, open);
            }
        }
        return text;
    }

    private static boolean opensFence(String content) {
        char c = content.charAt(0);
        int length = runLength(content, c);
        return length >= 3 && (c == '~' || content.indexOf('`', length) < 0);
    }

    private static boolean closesFence(String line, char fence, int fenceLength) {
        if (TextLines.indent(line) >= 4) {
            return false;
        }
        String content = TextLines.stripTrailing(TextLines.stripLeading(line));
        return content.length() >= fenceLength && TextLines.isRunOf(content, fence, fenceLength);
    }

    private static boolean isThematicBreak(String content) {
        char c = content.charAt(0);
        if (c != '-' && c != '*' && c != '_') {
            return false;
        }
        int count = 0;
        for (int i = 0; i < content.length(); i++) {
            char ch = content.charAt(i);
            if (ch == c) {
                count++;
            } else if (ch != ' ' && ch != '\t') {
                return false;
            }
        }
        return count >= 3;
    }

    private static boolean isListItem(String content) {
        char c = content.charAt(0);
        if (c == '-' || c == '*' || c == '+') {
            return content.length() == 1 || content.charAt(1) == ' ' || content.charAt(1) == '\t';
        }
        int digits = 0;
        while (digits < content.length() && digits < 9 && Character.isDigit(content.charAt(digits))) {
            digits++;
        }
        if (digits == 0 || digits >= content.length()) {
            return false;
        }
        char marker = content.charAt(digits);
        return (marker == '.' || marker == ')')
                && (digits + 1 == content.length() || content.charAt(digits + 1) == ' '
                        || content.charAt(digits + 1) == '\t');
    }

    /**
     * CommonMark's HTML block starts that matter here: a block-level tag ({@code <div>},
     * {@code <p>}, {@code <h1>}…), or a line that is one lone tag such as {@code <img …>} (which
     * cannot interrupt a paragraph). A line like {@code <a name="top"></a>} is a paragraph.
     */
    private static boolean startsHtmlBlock(String content, boolean paragraphOpen) {
        int i = 1;
        if (i < content.length() && content.charAt(i) == '/') {
            i++;
        }
        int nameStart = i;
        while (i < content.length() && Character.isLetterOrDigit(content.charAt(i))) {
            i++;
        }
        if (i == nameStart) {
            return false;
        }
        String name = content.substring(nameStart, i).toLowerCase(Locale.ROOT);
        boolean ends = i == content.length() || content.charAt(i) == ' ' || content.charAt(i) == '>'
                || content.charAt(i) == '/' || content.charAt(i) == '\t';
        if (!ends) {
            return false;
        }
        if (BLOCK_TAGS.contains(name)) {
            return true;
        }
        String trimmed = TextLines.stripTrailing(content);
        return !paragraphOpen && trimmed.endsWith(">") && trimmed.indexOf('<', 1) < 0;
    }

    /** The first complete {@code <h1>}–{@code <h6>} in an HTML block, as text; null when none is. */
    private static String htmlHeading(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        int from = 0;
        while (true) {
            int open = lower.indexOf("<h", from);
            if (open < 0 || open + 3 > lower.length()) {
                return null;
            }
            char level = lower.charAt(open + 2);
            char after = open + 3 < lower.length() ? lower.charAt(open + 3) : ' ';
            if (level < '1' || level > '6' || !(after == '>' || after == ' ' || after == '\n' || after == '\t')) {
                from = open + 2;
                continue;
            }
            int openEnd = lower.indexOf('>', open);
            int close = lower.indexOf("</h" + level, open);
            if (openEnd < 0 || close < 0) {
                return null;
            }
            String inner = html.substring(openEnd + 1, close);
            String text = InlineMarkup.html(inner);
            if (text.isEmpty()) {
                text = InlineMarkup.finish(altText(inner));
            }
            if (!text.isEmpty()) {
                return text;
            }
            from = close + 4;
        }
    }

    private static boolean closesHeading(String line) {
        int at = line.indexOf("</");
        while (at >= 0 && at + 3 < line.length()) {
            char h = line.charAt(at + 2);
            if ((h == 'h' || h == 'H') && line.charAt(at + 3) >= '1' && line.charAt(at + 3) <= '6') {
                return true;
            }
            at = line.indexOf("</", at + 2);
        }
        return false;
    }

    /** The {@code alt} of the first image in an HTML fragment, or "". */
    private static String altText(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        int img = lower.indexOf("<img");
        int alt = img < 0 ? -1 : lower.indexOf("alt=", img);
        if (alt < 0 || alt + 5 > html.length()) {
            return "";
        }
        char quote = html.charAt(alt + 4);
        if (quote != '"' && quote != '\'') {
            return "";
        }
        int end = html.indexOf(quote, alt + 5);
        return end < 0 ? "" : html.substring(alt + 5, end);
    }

    private static int runLength(String s, char c) {
        int n = 0;
        while (n < s.length() && s.charAt(n) == c) {
            n++;
        }
        return n;
    }
}
