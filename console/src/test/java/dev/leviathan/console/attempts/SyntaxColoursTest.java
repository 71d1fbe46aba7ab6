package dev.leviathan.console.attempts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.console.attempts.SyntaxColours.Token;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntaxColoursTest {

    /** The line with each coloured stretch marked as {@code <kind:text>}. */
    private static String marked(String path, String line) {
        SyntaxColours.Language language = SyntaxColours.languageOf(path).orElseThrow();
        List<SyntaxColours.Span> spans = SyntaxColours.spans(language, line);
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (SyntaxColours.Span span : spans) {
            out.append(line, at, span.start()).append('<').append(span.token().name().charAt(0)).append(':')
                    .append(line, span.start(), span.end()).append('>');
            at = span.end();
        }
        return out.append(line.substring(at)).toString();
    }

    @Test
    void javaKeywordsStringsNumbersAndBothCommentKinds() {
        assertThat(marked("src/Main.java", "    return count > 10 ? \"many \\\"ones\\\"\" : null; // few"))
                .isEqualTo("    <K:return> count > <N:10> ? <S:\"many \\\"ones\\\"\"> : <K:null>; <C:// few>");
        assertThat(marked("A.java", "int x = /* why */ 0x1F;"))
                .isEqualTo("<K:int> x = <C:/* why */> <N:0x1F>;");
        assertThat(marked("A.java", "String recordName = v2;")).as("keywords are whole words")
                .isEqualTo("String recordName = v2;");
    }

    @Test
    void pythonHashCommentsAndItsOwnKeywords() {
        assertThat(marked("app/main.py", "def f(x=None):  # the default"))
                .isEqualTo("<K:def> f(x=<K:None>):  <C:# the default>");
        assertThat(marked("app/main.py", "url = 'http://x' # 'quoted'"))
                .as("a hash inside a string is no comment").isEqualTo("url = <S:'http://x'> <C:# 'quoted'>");
    }

    @Test
    void aStringLeftOpenRunsToTheEndOfTheLine() {
        assertThat(marked("a.ts", "const s = `multi")).isEqualTo("<K:const> s = <S:`multi>");
    }

    @Test
    void languagesByNameAndExtension() {
        assertThat(SyntaxColours.languageOf("Dockerfile")).map(SyntaxColours.Language::name).contains("dockerfile");
        assertThat(SyntaxColours.languageOf("build/app.Dockerfile")).map(SyntaxColours.Language::name)
                .contains("dockerfile");
        assertThat(SyntaxColours.languageOf(".github/workflows/ci.YML")).map(SyntaxColours.Language::name)
                .contains("yaml");
        assertThat(SyntaxColours.languageOf("db/V1__init.sql")).map(SyntaxColours.Language::name).contains("sql");
        assertThat(SyntaxColours.languageOf("docs/FAQ.md")).as("prose is left as it is").isEmpty();
        assertThat(SyntaxColours.languageOf("LICENSE")).isEmpty();
        assertThat(SyntaxColours.languageOf(null)).isEmpty();
    }

    @Test
    void sqlKeywordsInAnyCaseAndDashComments() {
        assertThat(marked("q.sql", "SELECT id FROM events where seq > 3 -- newest"))
                .isEqualTo("<K:SELECT> id <K:FROM> events <K:where> seq > <N:3> <C:-- newest>");
    }

    @Test
    void spansNeverOverlapAndStayInTheLine() {
        String line = "if (a == \"b\" && c /* d */) { return 'e' + 42; } // f";
        List<SyntaxColours.Span> spans = SyntaxColours.spans(SyntaxColours.languageOf("x.js").orElseThrow(), line);
        for (int i = 0; i < spans.size(); i++) {
            assertThat(spans.get(i).start()).isLessThan(spans.get(i).end());
            assertThat(spans.get(i).end()).isLessThanOrEqualTo(line.length());
            if (i > 0) {
                assertThat(spans.get(i).start()).isGreaterThanOrEqualTo(spans.get(i - 1).end());
            }
        }
        assertThat(spans.stream().map(SyntaxColours.Span::token).map(Token::name).collect(Collectors.joining(",")))
                .isEqualTo("KEYWORD,STRING,COMMENT,KEYWORD,STRING,NUMBER,COMMENT");
    }
}
