package dev.leviathan.engine.bootstrap.routes.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PythonLexerTest {

    private static List<String> texts(LogicalLine line) {
        return line.tokens().stream().map(Token::text).toList();
    }

    private static String value(String source) {
        List<Stmt> stmts = PyParser.parse("x = " + source + "\n");
        Stmt.Assign assign = (Stmt.Assign) stmts.get(0);
        Expr.Str str = (Expr.Str) assign.value();
        StringBuilder out = new StringBuilder();
        for (Expr.StrPart part : str.parts()) {
            if (part instanceof Expr.Text t) {
                out.append(t.text());
            } else if (part instanceof Expr.Field f) {
                out.append('{').append(f.expr() == null ? "?" : f.expr().text("x = " + source + "\n")).append('}');
            }
        }
        return out.toString();
    }

    @Test
    void commentsProduceNoTokens() {
        List<LogicalLine> lines = PyLexer.lex("# @app.get('/x')\nx = 1  # trailing\n");
        assertThat(lines).hasSize(1);
        assertThat(texts(lines.get(0))).containsExactly("x", "=", "1");
    }

    @Test
    void newlinesInsideBracketsContinueTheLogicalLine() {
        List<LogicalLine> lines = PyLexer.lex("f(\n  a,\n  b,\n)\ny = 2\n");
        assertThat(lines).hasSize(2);
        assertThat(texts(lines.get(0))).containsExactly("f", "(", "a", ",", "b", ",", ")");
        assertThat(lines.get(1).line()).isEqualTo(5);
    }

    @Test
    void backslashContinuesTheLogicalLine() {
        List<LogicalLine> lines = PyLexer.lex("x = 1 + \\\n    2\ny = 3\n");
        assertThat(lines).hasSize(2);
        assertThat(texts(lines.get(0))).containsExactly("x", "=", "1", "+", "2");
    }

    @Test
    void tripleQuotedStringIsOneTokenAndCountsItsLines() {
        List<LogicalLine> lines = PyLexer.lex("'''doc\n@app.get(\"/x\")\n'''\nz = 1\n");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).tokens()).hasSize(1);
        assertThat(lines.get(0).tokens().get(0).kind()).isEqualTo(Token.Kind.STRING);
        assertThat(lines.get(1).line()).isEqualTo(4);
    }

    @Test
    void everyStringPrefixCombinationIsOneStringToken() {
        for (String prefix : List.of("r", "R", "b", "B", "u", "U", "f", "F", "rb", "Rb", "bR", "BR", "fr", "Rf", "rF",
                "t")) {
            List<LogicalLine> lines = PyLexer.lex("x = " + prefix + "'a'\n");
            assertThat(lines.get(0).tokens()).as(prefix).hasSize(3);
            assertThat(lines.get(0).tokens().get(2).kind()).as(prefix).isEqualTo(Token.Kind.STRING);
        }
    }

    @Test
    void rawStringKeepsBackslashesAndAnEscapedQuoteDoesNotEndIt() {
        assertThat(value("r'^a\\d+\\'b$'")).isEqualTo("^a\\d+\\'b$");
    }

    @Test
    void plainStringDecodesEscapes() {
        assertThat(value("'a\\tb\\x41\\u00e9\\\\'")).isEqualTo("a\tbAé\\");
    }

    @Test
    void adjacentLiteralsConcatenate() {
        assertThat(value("'/api' \"/v1\"")).isEqualTo("/api/v1");
    }

    @Test
    void fStringSplitsIntoTextAndFields() {
        assertThat(value("f'{PREFIX}/items/{{item_id}}'")).isEqualTo("{PREFIX}/items/{item_id}");
    }

    @Test
    void fStringFieldMayHoldNestedStringsWithTheSameQuote() {
        List<LogicalLine> lines = PyLexer.lex("x = f\"{d[\"k\"]}/a\"\ny = 1\n");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).tokens().get(2).fields()).hasSize(1);
    }

    @Test
    void fStringFormatSpecMayHoldTheOtherQuoteAsFill() {
        List<LogicalLine> lines = PyLexer.lex("x = f\"{v:'>10}\"\ny = 1\n");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).tokens().get(2).fields().get(0).formatted()).isTrue();
    }

    @Test
    void unterminatedStringEndsAtItsLine() {
        List<LogicalLine> lines = PyLexer.lex("x = 'oops\ny = 2\n");
        assertThat(lines).hasSize(2);
        assertThat(texts(lines.get(1))).containsExactly("y", "=", "2");
    }

    @Test
    void unclosedBracketIsGivenUpAtTheNextDefinition() {
        List<LogicalLine> lines = PyLexer.lex("x = foo(\n\ndef f():\n    pass\n");
        assertThat(lines).hasSize(3);
        assertThat(texts(lines.get(1))).containsExactly("def", "f", "(", ")", ":");
    }

    @Test
    void indentationIsMeasuredWithTabsToMultiplesOfEight() {
        List<LogicalLine> lines = PyLexer.lex("if x:\n\ty = 1\n    z = 2\n");
        assertThat(lines.get(1).indent()).isEqualTo(8);
        assertThat(lines.get(2).indent()).isEqualTo(4);
    }

    @Test
    void crlfLineEndingsCountLinesOnce() {
        List<LogicalLine> lines = PyLexer.lex("a = 1\r\nb = '''x\r\ny'''\r\nc = 3\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2).line()).isEqualTo(4);
    }

    @Test
    void parserSplicesIfBlocksAndKeepsDecorators() {
        String src = """
                if DEBUG:
                    @app.get(
                        "/debug",
                    )
                    async def debug():
                        return 1
                """;
        List<Stmt> stmts = PyParser.parse(src);
        assertThat(stmts).hasSize(1);
        Stmt.FunctionDef def = (Stmt.FunctionDef) stmts.get(0);
        assertThat(def.name()).isEqualTo("debug");
        assertThat(def.decorators()).hasSize(1);
        assertThat(def.decorators().get(0).line()).isEqualTo(2);
    }

    @Test
    void parserSkipsABrokenStatementAndKeepsTheNext() {
        List<Stmt> stmts = PyParser.parse("x = = 1\ny = 'ok'\n");
        assertThat(stmts).hasSize(1);
        assertThat(((Expr.Name) ((Stmt.Assign) stmts.get(0)).targets().get(0)).id()).isEqualTo("y");
    }

    @Test
    void deeplyNestedBracketsDoNotOverflowTheStack() {
        String src = "x = " + "[".repeat(50_000) + "]".repeat(50_000) + "\ny = 'ok'\n";
        List<Stmt> stmts = PyParser.parse(src);
        assertThat(stmts).extracting(Stmt::line).contains(2);
    }

    @Test
    void byteOrderMarkIsNotAToken() {
        List<LogicalLine> lines = PyLexer.lex("\uFEFFfrom flask import Flask\n");
        assertThat(texts(lines.get(0))).containsExactly("from", "flask", "import", "Flask");
        assertThat(lines.get(0).indent()).isZero();
    }
}
