package dev.leviathan.engine.bootstrap.classify;

import java.util.Objects;

/**
 * Reads the title of a document from its text, in the way of its format (chosen by the path's
 * extension, in any case):
 * <ul>
 *   <li>Markdown ({@code .md}, {@code .markdown}, {@code .mdx}, {@code .rmd}, {@code .qmd}…):
 *       front matter {@code title}, else the first ATX, setext or HTML heading ({@link MarkdownTitle});</li>
 *   <li>reStructuredText ({@code .rst}): the first section title ({@link RestTitle});</li>
 *   <li>AsciiDoc ({@code .adoc}, {@code .asciidoc}): the document title, else the first section
 *       ({@link AsciiDocTitle});</li>
 *   <li>Org, POD, RDoc, Textile: their heading syntax ({@link LightMarkupTitle});</li>
 *   <li>anything else (plain text, extension-less READMEs): the first line with a letter or digit,
 *       when shorter than 120 characters ({@link PlainTitle}).</li>
 * </ul>
 * Inline markup is reduced to the text a reader sees ({@link InlineMarkup}) and the title is cut
 * at 200 characters. When the format yields no title, the title is the file name (last path
 * segment, extension kept). Only the first 64 KiB of text are read. Never throws on content.
 */
public final class DocTitleReader {

    /**
     * The title of the document at {@code path} whose text is {@code text} (null counts as empty).
     */
    public String title(String path, String text) {
        Objects.requireNonNull(path, "path");
        PathParts p = PathParts.of(path);
        TextLines lines = TextLines.of(text);
        String title = switch (p.ext()) {
            case "md", "markdown", "mdown", "mkd", "mkdn", "mdwn", "mkdown", "ronn", "mdc", "livemd", "mdx", "rmd",
                    "qmd" -> MarkdownTitle.read(lines);
            case "rst" -> RestTitle.read(lines);
            case "adoc", "asciidoc" -> AsciiDocTitle.read(lines);
            case "org" -> LightMarkupTitle.org(lines);
            case "pod" -> LightMarkupTitle.pod(lines);
            case "rdoc" -> LightMarkupTitle.rdoc(lines);
            case "textile" -> LightMarkupTitle.textile(lines);
            default -> PlainTitle.read(lines);
        };
        return title == null || title.isEmpty() ? p.name() : title;
    }
}
