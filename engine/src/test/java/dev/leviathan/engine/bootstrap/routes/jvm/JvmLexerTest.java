package dev.leviathan.engine.bootstrap.routes.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JvmLexerTest {

    private static List<String> texts(String source, Dialect dialect) {
        return JvmLexer.lex(source, dialect).stream().map(Token::text).toList();
    }

    @Test
    void dropsLineCommentsBlockCommentsAndJavadoc() {
        String source = """
                // @GetMapping("/line")
                /* @GetMapping("/block") */
                /**
                 * Use {@code @GetMapping("/doc")} here.
                 */
                class A {}
                """;

        assertThat(texts(source, Dialect.JAVA)).containsExactly("class", "A", "{", "}");
    }

    @Test
    void javaBlockCommentsEndAtTheFirstClose() {
        assertThat(texts("/* outer /* inner */ class A", Dialect.JAVA)).containsExactly("class", "A");
    }

    @Test
    void kotlinBlockCommentsNest() {
        String source = "/* outer /* inner */ @GetMapping(\"/x\") still comment */ val x = 1";

        assertThat(texts(source, Dialect.KOTLIN)).containsExactly("val", "x", "=", "1");
    }

    @Test
    void decodesJavaStringEscapes() {
        Token string = JvmLexer.lex("\"a\\\"b\\\\c\\td\\u0041\"", Dialect.JAVA).get(0);

        assertThat(string.kind()).isEqualTo(Token.Kind.STRING);
        assertThat(string.text()).isEqualTo("a\"b\\c\tdA");
    }

    @Test
    void stringContainingCommentMarkersAndAnnotationsIsOneToken() {
        List<Token> tokens = JvmLexer.lex("String s = \"// @GetMapping(\\\"/x\\\") /* */\";", Dialect.JAVA);

        assertThat(tokens).extracting(Token::text)
                .containsExactly("String", "s", "=", "// @GetMapping(\"/x\") /* */", ";");
    }

    @Test
    void textBlockStripsIncidentalIndentation() {
        String source = "String s = \"\"\"\n        /users\n          /{id}\n        \"\"\";";
        Token block = JvmLexer.lex(source, Dialect.JAVA).get(3);

        assertThat(block.kind()).isEqualTo(Token.Kind.STRING);
        assertThat(block.text()).isEqualTo("/users\n  /{id}\n");
        assertThat(block.line()).isEqualTo(1);
        assertThat(block.endLine()).isEqualTo(4);
    }

    @Test
    void textBlockWithQuotesAndAnnotationTextStaysOneToken() {
        String source = "String s = \"\"\"\n    @GetMapping(\"/x\") \\\"\"\" \n    \"\"\"; int after;";

        assertThat(texts(source, Dialect.JAVA)).containsExactly("String", "s", "=", "@GetMapping(\"/x\") \"\"\"\n",
                ";", "int", "after", ";");
    }

    @Test
    void kotlinRawStringKeepsBackslashesAndTrailingQuotes() {
        Token raw = JvmLexer.lex("val s = \"\"\"C:\\dir \"quoted\"\"\"\"", Dialect.KOTLIN).get(3);

        assertThat(raw.text()).isEqualTo("C:\\dir \"quoted\"");
    }

    @Test
    void kotlinTemplatesBecomeCodeParts() {
        Token string = JvmLexer.lex("\"$BASE/users/${Paths.ID}\"", Dialect.KOTLIN).get(0);

        assertThat(string.isPlainString()).isFalse();
        assertThat(string.parts()).hasSize(3);
        assertThat(((StringPart.Code) string.parts().get(0)).tokens()).extracting(Token::text).containsExactly("BASE");
        assertThat(((StringPart.Text) string.parts().get(1)).value()).isEqualTo("/users/");
        assertThat(((StringPart.Code) string.parts().get(2)).tokens()).extracting(Token::text)
                .containsExactly("Paths", ".", "ID");
    }

    @Test
    void braceInsideTemplateStringDoesNotEndTheTemplate() {
        List<Token> tokens = JvmLexer.lex("val s = \"a${ map[\"}\"] }b\" ; val t = 1", Dialect.KOTLIN);

        assertThat(tokens).extracting(Token::text).containsExactly("val", "s", "=", "ab", ";", "val", "t", "=", "1");
    }

    @Test
    void escapedDollarInKotlinIsLiteral() {
        Token string = JvmLexer.lex("\"\\${api.base:/v1}/users\"", Dialect.KOTLIN).get(0);

        assertThat(string.isPlainString()).isTrue();
        assertThat(string.text()).isEqualTo("${api.base:/v1}/users");
    }

    @Test
    void dollarInJavaStringIsPlainText() {
        Token string = JvmLexer.lex("\"${api.base}\"", Dialect.JAVA).get(0);

        assertThat(string.isPlainString()).isTrue();
        assertThat(string.text()).isEqualTo("${api.base}");
    }

    @Test
    void charLiteralQuoteDoesNotStartAString() {
        assertThat(texts("char q = '\"'; char e = '\\''; String s = \"x\";", Dialect.JAVA))
                .containsExactly("char", "q", "=", "\"", ";", "char", "e", "=", "'", ";", "String", "s", "=", "x", ";");
    }

    @Test
    void unterminatedStringEndsAtItsLine() {
        List<Token> tokens = JvmLexer.lex("String s = \"broken\nclass A {}", Dialect.JAVA);

        assertThat(tokens).extracting(Token::text).containsExactly("String", "s", "=", "broken", "class", "A", "{", "}");
        assertThat(tokens.get(4).line()).isEqualTo(2);
    }

    @Test
    void unterminatedCommentRunsToTheEnd() {
        assertThat(texts("class A /* never closed @GetMapping", Dialect.JAVA)).containsExactly("class", "A");
    }

    @Test
    void kotlinBacktickNamesAreIdentifiers() {
        List<Token> tokens = JvmLexer.lex("fun `returns {} when empty`() {}", Dialect.KOTLIN);

        assertThat(tokens).extracting(Token::text).containsExactly("fun", "returns {} when empty", "(", ")", "{", "}");
        assertThat(tokens.get(1).kind()).isEqualTo(Token.Kind.IDENT);
    }

    @Test
    void annotationIsAtSignThenName() {
        List<Token> tokens = JvmLexer.lex("@GetMapping(\"/x\")", Dialect.JAVA);

        assertThat(tokens).extracting(Token::kind).containsExactly(Token.Kind.SYMBOL, Token.Kind.IDENT,
                Token.Kind.SYMBOL, Token.Kind.STRING, Token.Kind.SYMBOL);
    }

    @Test
    void countsLinesAcrossCommentsAndWindowsLineEnds() {
        List<Token> tokens = JvmLexer.lex("a\r\n/* one\r\n two */\r\nb\rc", Dialect.JAVA);

        assertThat(tokens).extracting(Token::line).containsExactly(1, 4, 5);
    }

    @Test
    void arrowAndDoubleColonAreSingleSymbols() {
        assertThat(texts("x -> y::z", Dialect.KOTLIN)).containsExactly("x", "->", "y", "::", "z");
    }
}
