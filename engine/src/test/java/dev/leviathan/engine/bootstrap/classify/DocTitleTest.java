package dev.leviathan.engine.bootstrap.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DocTitleTest {

    private final DocTitleReader reader = new DocTitleReader();

    @Nested
    class Markdown {

        private String title(String text) {
            return reader.title("docs/page.md", text);
        }

        @Test
        void takesTheFirstAtxHeading() {
            assertThat(title("# Acme API\n\nThe API of Acme.\n\n# Other\n")).isEqualTo("Acme API");
        }

        @Test
        void takesTheFirstHeadingOfAnyLevel() {
            assertThat(title("Some intro paragraph.\n\n### Deep heading\n\n# Later top heading\n"))
                    .isEqualTo("Deep heading");
        }

        @Test
        void dropsTheClosingHashes() {
            assertThat(title("## Install ##\n")).isEqualTo("Install");
        }

        @Test
        void keepsAHashThatIsPartOfTheWord() {
            assertThat(title("# Learning C#\n")).isEqualTo("Learning C#");
        }

        @Test
        void hashtagWithoutSpaceIsNoHeading() {
            assertThat(title("#hashtag\n\n# Real Title\n")).isEqualTo("Real Title");
        }

        @Test
        void frontMatterTitleWins() {
            String text = """
                    ---
                    title: "Getting Started: the basics"
                    sidebar_position: 2
                    ---

                    # Introduction
                    """;

            assertThat(title(text)).isEqualTo("Getting Started: the basics");
        }

        @Test
        void frontMatterWithoutTitleIsSkipped() {
            String text = """
                    ---
                    layout: post
                    tags: [release, java]
                    ---
                    # Hello World
                    """;

            assertThat(title(text)).isEqualTo("Hello World");
        }

        @Test
        void closingFrontMatterLineIsNoSetextUnderline() {
            assertThat(title("---\nlayout: page\n---\nJust a paragraph.\n")).isEqualTo("page.md");
        }

        @Test
        void nestedTitleInFrontMatterIsNotTheTitle() {
            String text = """
                    ---
                    seo:
                      title: Buy now
                    ---
                    # Pricing
                    """;

            assertThat(title(text)).isEqualTo("Pricing");
        }

        @Test
        void blockScalarTitleIsFolded() {
            assertThat(title("---\ntitle: >-\n  A long\n  title\n---\n")).isEqualTo("A long title");
        }

        @Test
        void frontMatterThatIsNoYamlFallsBackToItsTitleLine() {
            String text = """
                    ---
                    title: '{{ site.name }} docs'
                    permalink: [broken
                    ---
                    # Body heading
                    """;

            assertThat(title(text)).isEqualTo("{{ site.name }} docs");
        }

        @Test
        void readsHugoTomlFrontMatter() {
            assertThat(title("+++\ntitle = \"Hugo Page\"\ndate = 2024-01-01\n+++\n# Other\n")).isEqualTo("Hugo Page");
        }

        @Test
        void skipsFencedCode() {
            String text = """
                    ```bash
                    # install the dependencies
                    npm ci
                    ```

                    # Usage
                    """;

            assertThat(title(text)).isEqualTo("Usage");
        }

        @Test
        void skipsTildeFencesAndLongerFences() {
            String text = """
                    ~~~
                    # not a title
                    ~~~
                    ````markdown
                    ```
                    # nor this
                    ```
                    ````
                    ## After the fences
                    """;

            assertThat(title(text)).isEqualTo("After the fences");
        }

        @Test
        void unclosedFenceHidesEverythingAfterIt() {
            assertThat(title("```\n# inside\n")).isEqualTo("page.md");
        }

        @Test
        void skipsHtmlComments() {
            String text = """
                    <!-- markdownlint-disable MD041 -->
                    <!--
                    # Hidden heading
                    -->
                    # Shown heading
                    """;

            assertThat(title(text)).isEqualTo("Shown heading");
        }

        @Test
        void skipsIndentedCode() {
            assertThat(title("    # a comment in code\n\n# Title\n")).isEqualTo("Title");
        }

        @Test
        void readsSetextHeadings() {
            assertThat(title("Acme Toolkit\n============\n\nBody.\n")).isEqualTo("Acme Toolkit");
            assertThat(title("Usage\n-----\n")).isEqualTo("Usage");
        }

        @Test
        void joinsAMultiLineSetextHeading() {
            assertThat(title("Acme\nToolkit\n===\n")).isEqualTo("Acme Toolkit");
        }

        @Test
        void thematicBreakIsNoHeading() {
            assertThat(title("Some text.\n\n---\n\n# Title\n")).isEqualTo("Title");
        }

        @Test
        void listFollowedByRuleIsNoHeading() {
            assertThat(title("- item\n---\n# Title\n")).isEqualTo("Title");
        }

        @Test
        void headingInABlockQuoteIsNotTheTitle() {
            assertThat(title("> # Quoted\n\n# Real\n")).isEqualTo("Real");
        }

        @Test
        void stripsInlineMarkup() {
            assertThat(title("# **Acme** `cli` — [the docs](https://example.com/docs) _fast_ ~~slow~~\n"))
                    .isEqualTo("Acme cli — the docs fast slow");
        }

        @Test
        void dropsBadgesAndImages() {
            assertThat(title("# Acme [![Build](https://ci.example.com/badge.svg)](https://ci.example.com)\n"))
                    .isEqualTo("Acme");
        }

        @Test
        void headingOfOnlyBadgesIsPassedOver() {
            String text = """
                    [![Build](https://ci.example.com/b.svg)](https://ci) [![Coverage](https://cov/c.svg)](https://cov)
                    ---

                    # Acme
                    """;

            assertThat(title(text)).isEqualTo("Acme");
        }

        @Test
        void headingOfOnlyAnImageUsesItsAltText() {
            assertThat(title("# ![Acme](docs/logo.png)\n")).isEqualTo("Acme");
        }

        @Test
        void keepsUnderscoresInsideWordsAndCode() {
            assertThat(title("# my_module_name and the `__init__` method\n"))
                    .isEqualTo("my_module_name and the __init__ method");
        }

        @Test
        void honoursBackslashEscapesAndEntities() {
            assertThat(title("# 1\\. Tom &amp; Jerry \\*draft\\* &#8212; v2\n")).isEqualTo("1. Tom & Jerry *draft* — v2");
        }

        @Test
        void dropsHeadingAttributes() {
            assertThat(title("## Install {#install}\n")).isEqualTo("Install");
        }

        @Test
        void readsAnHtmlHeading() {
            assertThat(title("<h1 align=\"center\">Acme <small>toolkit</small></h1>\n")).isEqualTo("Acme toolkit");
        }

        @Test
        void htmlHeadingOfOnlyAnImageUsesItsAltText() {
            String text = """
                    <h1 align="center">
                      <img src="docs/logo.svg" alt="Acme Logo" width="200">
                    </h1>
                    """;

            assertThat(title(text)).isEqualTo("Acme Logo");
        }

        @Test
        void htmlBlockWithoutHeadingIsPassedOver() {
            String text = """
                    <p align="center">
                      <img src="logo.png" width="120">
                    </p>

                    # Acme
                    """;

            assertThat(title(text)).isEqualTo("Acme");
        }

        @Test
        void headingInsideADivIsFound() {
            assertThat(title("<div align=\"center\">\n\n# Acme\n\n</div>\n")).isEqualTo("Acme");
        }

        @Test
        void inlineAnchorBeforeAHeadingDoesNotHideIt() {
            assertThat(title("<a name=\"top\"></a>\n# Acme\n")).isEqualTo("Acme");
        }

        @Test
        void readsAPandocTitleBlock() {
            assertThat(title("% Acme Manual\n% Jane Doe\n\n# Intro\n")).isEqualTo("Acme Manual");
        }

        @Test
        void passesOverEmptyHeadings() {
            assertThat(title("#\n\n# Real\n")).isEqualTo("Real");
        }

        @Test
        void handlesCarriageReturnsAndAByteOrderMark() {
            assertThat(title("\uFEFF# Title\r\n\r\nBody\r\n")).isEqualTo("Title");
            assertThat(title("Old Mac\r====\r")).isEqualTo("Old Mac");
        }

        @Test
        void documentWithoutHeadingIsNamedAfterItsFile() {
            assertThat(reader.title("docs/notes.md", "Just some text.\n")).isEqualTo("notes.md");
        }

        @Test
        void cutsVeryLongTitles() {
            String heading = "# " + "word ".repeat(100) + "\n";

            assertThat(title(heading)).hasSizeLessThanOrEqualTo(InlineMarkup.MAX_TITLE).startsWith("word word");
        }

        @Test
        void looksOnlyAtTheFirst64KiB() {
            String text = "\n".repeat(70_000) + "# Too late\n";

            assertThat(title(text)).isEqualTo("page.md");
        }

        @Test
        void survivesAMegabyteOnOneLine() {
            String text = "[".repeat(500_000) + "x" + "]".repeat(500_000);

            assertThat(title(text)).isEqualTo("page.md");
            assertThat(title("# " + "[".repeat(500_000))).startsWith("[[[");
        }

        @Test
        void mdxImportsBeforeTheHeadingAreIgnored() {
            String text = """
                    import Tabs from '@theme/Tabs';
                    import TabItem from '@theme/TabItem';

                    # Installation
                    """;

            assertThat(reader.title("website/docs/install.mdx", text)).isEqualTo("Installation");
        }
    }

    @Nested
    class ReStructuredText {

        private String title(String text) {
            return reader.title("docs/index.rst", text);
        }

        @Test
        void readsAnUnderlinedTitle() {
            assertThat(title("Acme\n====\n\nBody.\n")).isEqualTo("Acme");
        }

        @Test
        void readsAnOverlinedAndUnderlinedTitle() {
            assertThat(title("=========\n Acme API\n=========\n\nIntro\n-----\n")).isEqualTo("Acme API");
        }

        @Test
        void skipsDirectivesCommentsAndSubstitutions() {
            String text = """
                    .. _top:

                    .. image:: https://img.shields.io/pypi/v/acme.svg
                       :target: https://pypi.org/project/acme

                    .. This is a comment
                       spanning two lines

                    Acme
                    ####
                    """;

            assertThat(title(text)).isEqualTo("Acme");
        }

        @Test
        void badgeLineBeforeTheTitleIsNoTitle() {
            assertThat(title("|build| |coverage|\n\nAcme\n====\n")).isEqualTo("Acme");
        }

        @Test
        void underlineShorterThanFourAndThanItsTitleIsText() {
            assertThat(title("Introduction\n===\n\nReal Title\n==========\n")).isEqualTo("Real Title");
        }

        @Test
        void shortUnderlineOfFourOrMoreStillMakesATitleAsInDocutils() {
            assertThat(title("Installation Guide\n=====\n")).isEqualTo("Installation Guide");
        }

        @Test
        void stripsInlineMarkup() {
            assertThat(title("``acme`` -- *the* `tool <https://example.com>`_\n==============================\n"))
                    .isEqualTo("acme -- the tool");
        }

        @Test
        void showsTheTextOfARole() {
            assertThat(title(":mod:`acme.core` --- the core\n==============================\n"))
                    .isEqualTo("acme.core --- the core");
        }

        @Test
        void skipsAFieldListAtTheTop() {
            assertThat(title(":orphan:\n:tocdepth: 2\n\nAcme\n====\n")).isEqualTo("Acme");
        }

        @Test
        void transitionIsNoTitle() {
            assertThat(title("Para.\n\n----------\n\nTitle\n=====\n")).isEqualTo("Title");
        }

        @Test
        void skipsLiteralBlocks() {
            assertThat(title("Example::\n\n    Not\n    ===\n\nReal\n====\n")).isEqualTo("Real");
        }

        @Test
        void documentWithoutSectionIsNamedAfterItsFile() {
            assertThat(title("Only a paragraph.\n")).isEqualTo("index.rst");
        }
    }

    @Nested
    class AsciiDoc {

        private String title(String text) {
            return reader.title("docs/guide.adoc", text);
        }

        @Test
        void readsTheDocumentTitle() {
            assertThat(title("= Acme Guide\nJane Doe <jane@example.com>\n:toc: left\n\n== Introduction\n"))
                    .isEqualTo("Acme Guide");
        }

        @Test
        void skipsAttributeEntriesBeforeTheTitle() {
            assertThat(title(":doctype: book\n:toc:\n:icons!:\n\n= Acme Book\n")).isEqualTo("Acme Book");
        }

        @Test
        void replacesAttributeReferences() {
            assertThat(title("= {project-name} Reference{nbsp}Guide\n:project-name: Acme\n"))
                    .isEqualTo("Acme Reference Guide");
        }

        @Test
        void skipsCommentsAndCommentBlocks() {
            assertThat(title("// = Not this\n////\n= Nor this\n////\n= Acme\n")).isEqualTo("Acme");
        }

        @Test
        void takesTheFirstSectionWhenThereIsNoDocumentTitle() {
            assertThat(title("Some preamble.\n\n== Getting Started\n\n=== Details\n")).isEqualTo("Getting Started");
        }

        @Test
        void skipsDelimitedBlocks() {
            assertThat(title("----\n= inside a listing\n----\n\n== Real\n")).isEqualTo("Real");
        }

        @Test
        void acceptsMarkdownStyleTitles() {
            assertThat(title("# Acme\n")).isEqualTo("Acme");
        }

        @Test
        void skipsAnchorsAndBlockAttributes() {
            assertThat(title("[[top]]\n[.lead]\n= Acme\n")).isEqualTo("Acme");
        }

        @Test
        void readsATwoLineTitle() {
            assertThat(title("Acme Guide\n==========\n\nBody\n")).isEqualTo("Acme Guide");
        }

        @Test
        void listingAfterAParagraphIsNoTwoLineTitle() {
            assertThat(title("Run the following command:\n----\n$ acme run\n----\n\n== Real\n")).isEqualTo("Real");
        }

        @Test
        void stripsInlineMarkup() {
            assertThat(title("= *Acme* `cli` and link:https://example.com[the docs] <<intro,Intro>>\n"))
                    .isEqualTo("Acme cli and the docs Intro");
        }

        @Test
        void dropsSymmetricClosingMarks() {
            assertThat(title("== Usage ==\n")).isEqualTo("Usage");
        }
    }

    @Nested
    class OtherFormats {

        @Test
        void readsAnOrgTitleOrFirstHeading() {
            assertThat(reader.title("README.org", "#+TITLE: Acme Notes\n* Intro\n")).isEqualTo("Acme Notes");
            assertThat(reader.title("notes.org", "#+STARTUP: overview\n* [#A] [[https://x.org][Acme]] plans   :work:urgent:\n"))
                    .isEqualTo("Acme plans");
        }

        @Test
        void skipsOrgSourceBlocks() {
            assertThat(reader.title("notes.org", "#+BEGIN_SRC sh\n* not\n#+END_SRC\n* Real\n")).isEqualTo("Real");
        }

        @Test
        void readsThePodName() {
            assertThat(reader.title("lib/Acme/Parser.pod",
                    "=pod\n\n=head1 NAME\n\nAcme::Parser - parse B<things> with L<Acme|Acme::Doc>\n\n=head1 SYNOPSIS\n"))
                    .isEqualTo("Acme::Parser - parse things with Acme");
        }

        @Test
        void readsAnRdocHeading() {
            assertThat(reader.title("README.rdoc", "= Acme\n\n== Usage\n")).isEqualTo("Acme");
        }

        @Test
        void readsATextileHeading() {
            assertThat(reader.title("wiki/Home.textile", "h1. Acme Wiki\n\nWelcome.\n")).isEqualTo("Acme Wiki");
        }
    }

    @Nested
    class PlainText {

        @Test
        void takesTheFirstNonEmptyLineTrimmed() {
            assertThat(reader.title("notes.txt", "\n\n   Acme   Toolkit   \n\nMore text.\n")).isEqualTo("Acme Toolkit");
        }

        @Test
        void passesOverBannerLines() {
            assertThat(reader.title("README.txt", "==========\n   Acme\n==========\n\nIntro\n")).isEqualTo("Acme");
            assertThat(reader.title("README.txt", "+--------+\n| Acme   |\n+--------+\n")).isEqualTo("| Acme |");
        }

        @Test
        void restWrittenInATextFileSkipsItsLabels() {
            String text = """
                    .. _topics-http-urls:

                    ==============
                    URL dispatcher
                    ==============

                    .. module:: django.urls
                       :synopsis: Routing
                    """;

            assertThat(reader.title("docs/topics/http/urls.txt", text)).isEqualTo("URL dispatcher");
        }

        @Test
        void longFirstLineIsNoTitle() {
            assertThat(reader.title("notes.txt", "word ".repeat(30) + "\n")).isEqualTo("notes.txt");
        }

        @Test
        void markdownHeadingInAnExtensionlessReadmeLosesItsMarks() {
            assertThat(reader.title("README", "# Acme\n\nText.\n")).isEqualTo("Acme");
        }

        @Test
        void emptyOrMissingTextIsNamedAfterTheFile() {
            assertThat(reader.title("docs/empty.txt", "")).isEqualTo("empty.txt");
            assertThat(reader.title("docs/empty.md", null)).isEqualTo("empty.md");
            assertThat(reader.title("CHANGELOG", "   \n\n")).isEqualTo("CHANGELOG");
        }
    }
}
