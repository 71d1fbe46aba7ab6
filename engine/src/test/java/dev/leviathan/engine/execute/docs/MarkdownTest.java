package dev.leviathan.engine.execute.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void aCodeSpanHoldingBackticksUsesALongerFence() {
        assertThat(Markdown.code("`/hooks/${name}`")).isEqualTo("`` `/hooks/${name}` ``");
        assertThat(Markdown.code("a``b")).isEqualTo("```a``b```");
    }

    @Test
    void aPipeInATableCellIsEscapedEvenInCode() {
        assertThat(Markdown.cell("/a|b")).isEqualTo("`/a\\|b`");
        assertThat(Markdown.code("/a|b")).isEqualTo("`/a|b`");
    }

    @Test
    void aValueCannotBreakTheLineItIsOn() {
        assertThat(Markdown.code("line one\n<!-- leviathan:end routes -->")).isEqualTo(
                "`line one <!-- leviathan:end routes -->`");
        assertThat(Markdown.text("a\r\nb\tc")).isEqualTo("a  b c");
    }

    @Test
    void proseEscapesMarkdownPunctuation() {
        assertThat(Markdown.text("Deploy *prod* [${{ inputs.env }}] <x> a_b")).isEqualTo(
                "Deploy \\*prod\\* \\[\\${{ inputs.env }}\\] \\<x\\> a\\_b");
    }

    @Test
    void linksAreRelativeToTheDocumentAndPercentEncoded() {
        assertThat(Markdown.relativeUrl("docs/api-routes.md", "app/main.py")).isEqualTo("../app/main.py");
        assertThat(Markdown.relativeUrl("docs/api/routes.md", "docs/guide.md")).isEqualTo("../guide.md");
        assertThat(Markdown.relativeUrl("API.md", "web/legacy routes (old).js"))
                .isEqualTo("web/legacy%20routes%20%28old%29.js");
        assertThat(Markdown.relativeUrl("docs/a.md", "docs/sub/b.md")).isEqualTo("sub/b.md");
        assertThat(Markdown.sourceLink("docs/a.md", "src/ä.py", 3, false)).isEqualTo("[`src/ä.py:3`](../src/%C3%A4.py#L3)");
    }
}
