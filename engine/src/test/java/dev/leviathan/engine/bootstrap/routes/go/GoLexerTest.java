package dev.leviathan.engine.bootstrap.routes.go;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GoLexerTest {

    private static List<String> values(String src) {
        return GoLexer.tokenize(src).stream().filter(t -> t.kind() != Token.Kind.EOF)
                .map(t -> t.kind() == Token.Kind.SEMI ? (t.implicit() ? "⏎" : ";") : t.kind() + ":" + t.value())
                .toList();
    }

    @Test
    void decodesEscapesInInterpretedStrings() {
        assertThat(values("\"a\\tb\\\"c\\u00e9\\x41\\101\"")).containsExactly("STRING:a\tb\"céAA", "⏎");
    }

    @Test
    void keepsRawStringsVerbatimAcrossLinesWithoutCarriageReturns() {
        List<Token> tokens = GoLexer.tokenize("x := `GET /a\r\n// not a comment \\n`\ny");
        assertThat(tokens.get(2).value()).isEqualTo("GET /a\n// not a comment \\n");
        assertThat(tokens.get(4).line()).isEqualTo(3);
    }

    @Test
    void readsRunesIncludingQuoteEscapes() {
        assertThat(values("'\\'' '\"' 'x'")).containsExactly("CHAR:'", "CHAR:\"", "CHAR:x", "⏎");
    }

    @Test
    void dropsLineAndBlockComments() {
        assertThat(values("a // r.GET(\"/x\", h)\n/* r.GET(\"/y\") */ b")).containsExactly("IDENT:a", "⏎", "IDENT:b",
                "⏎");
    }

    @Test
    void insertsSemicolonsOnlyAfterTokensThatEndAStatement() {
        assertThat(values("return\nx++\nf(\na,\n)\nif x {\n}")).containsExactly(
                "IDENT:return", "⏎", "IDENT:x", "OP:++", "⏎", "IDENT:f", "OP:(", "IDENT:a", "OP:,", "OP:)", "⏎",
                "IDENT:if", "IDENT:x", "OP:{", "OP:}", "⏎");
    }

    @Test
    void treatsAMultiLineBlockCommentAsANewline() {
        assertThat(values("a /* one\ntwo */ b")).containsExactly("IDENT:a", "⏎", "IDENT:b", "⏎");
    }

    @Test
    void readsLongestOperatorsAndNumbers() {
        assertThat(values("x &^= 0x1p-2 + 1e+3 ... <-ch")).containsExactly("IDENT:x", "OP:&^=", "NUMBER:0x1p-2",
                "OP:+", "NUMBER:1e+3", "OP:...", "OP:<-", "IDENT:ch", "⏎");
    }

    @Test
    void endsAnUnterminatedStringAtTheLineEnd() {
        List<Token> tokens = GoLexer.tokenize("s := \"open\nnext");
        assertThat(tokens.get(2).value()).isEqualTo("open");
        assertThat(tokens.get(4).value()).isEqualTo("next");
    }

    @Test
    void countsLinesForTokensAfterRawStrings() {
        List<Token> tokens = GoLexer.tokenize("a\n`x\ny\nz` b\nc");
        assertThat(tokens).filteredOn(t -> t.kind() == Token.Kind.IDENT).extracting(Token::line)
                .containsExactly(1, 4, 5);
    }
}
