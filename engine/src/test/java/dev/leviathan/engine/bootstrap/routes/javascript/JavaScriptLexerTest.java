package dev.leviathan.engine.bootstrap.routes.javascript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.javascript.Token.Kind;

import java.util.List;

import org.junit.jupiter.api.Test;

class JavaScriptLexerTest {

    private static List<Token> lex(String source) {
        return Lexer.tokenize(source, true);
    }

    private static List<String> texts(List<Token> tokens) {
        return tokens.stream().filter(t -> t.kind() != Kind.EOF).map(Token::text).toList();
    }

    private static List<Kind> kinds(List<Token> tokens) {
        return tokens.stream().map(Token::kind).toList();
    }

    @Test
    void decodesStringsOfEveryQuoteKind() {
        List<Token> tokens = lex("'it\\'s' \"say \\\"hi\\\"\" '\\x41\\u0042\\u{43}' 'a\\\nb'");

        assertThat(tokens).filteredOn(t -> t.kind() == Kind.STRING).extracting(Token::text)
                .containsExactly("it's", "say \"hi\"", "ABC", "ab");
    }

    @Test
    void endsAnUnterminatedStringAtTheLineEnd() {
        List<Token> tokens = lex("const a = 'oops\nconst b = 2;");

        assertThat(texts(tokens)).containsExactly("const", "a", "=", "oops", "const", "b", "=", "2", ";");
    }

    @Test
    void splitsTemplateLiteralsAroundNestedSubstitutions() {
        List<Token> tokens = lex("`/api/${v}/users/${ids.map(id => `${id}`).join('}')}/x`");

        assertThat(kinds(tokens)).startsWith(Kind.TEMPLATE_HEAD, Kind.NAME, Kind.TEMPLATE_MIDDLE);
        assertThat(tokens.get(0).text()).isEqualTo("/api/");
        assertThat(tokens.get(2).text()).isEqualTo("/users/");
        assertThat(tokens).filteredOn(t -> t.kind() == Kind.TEMPLATE_TAIL).extracting(Token::text)
                .containsExactly("", "/x");
        assertThat(tokens).filteredOn(t -> t.kind() == Kind.STRING).extracting(Token::text).containsExactly("}");
        assertThat(tokens.get(tokens.size() - 1).kind()).isEqualTo(Kind.EOF);
    }

    @Test
    void keepsBracesInsideSubstitutionsBalanced() {
        List<Token> tokens = lex("x = `a${ {k: 1}.k }b`; y = 1");

        assertThat(tokens).filteredOn(t -> t.kind() == Kind.TEMPLATE_TAIL).extracting(Token::text)
                .containsExactly("b");
        assertThat(texts(tokens)).endsWith(";", "y", "=", "1");
    }

    @Test
    void tellsRegularExpressionsFromDivision() {
        List<Token> tokens = lex("a = b / c / d; r = /ab+c\\/[/]x/gi.test(s); if (x) return /y/; z = (1) / 2");

        assertThat(tokens).filteredOn(t -> t.kind() == Kind.REGEX).extracting(Token::text)
                .containsExactly("/ab+c\\/[/]x/gi", "/y/");
        assertThat(tokens).filteredOn(t -> t.isPunct("/")).hasSize(3);
    }

    @Test
    void treatsASlashThatCannotCloseOnItsLineAsDivision() {
        List<Token> tokens = lex("}\n/ 2;\nconst path = '/users'");

        assertThat(tokens).filteredOn(t -> t.kind() == Kind.REGEX).isEmpty();
        assertThat(tokens).filteredOn(t -> t.kind() == Kind.STRING).extracting(Token::text)
                .containsExactly("/users");
    }

    @Test
    void skipsLineAndBlockComments() {
        List<Token> tokens = lex("a // app.get('/x', h)\n/* router.post('/y')\n */ b /* c */ d");

        assertThat(texts(tokens)).containsExactly("a", "b", "d");
        assertThat(tokens.get(1).newlineBefore()).isTrue();
        assertThat(tokens.get(2).newlineBefore()).isFalse();
    }

    @Test
    void readsAJsxElementAsOneTokenWhateverItsTextHolds() {
        String source = "const v = (\n  <div className=\"a\" onClick={() => go('/x')}>\n"
                + "    Don't app.get('/jsx', h) {items.map(i => <Item key={i} label={`${i}`} />)}\n"
                + "    <>fragment</>\n  </div>\n);\nconst after = '/after';";

        List<Token> tokens = lex(source);

        assertThat(tokens).filteredOn(t -> t.kind() == Kind.JSX).hasSize(1);
        assertThat(tokens).filteredOn(t -> t.kind() == Kind.STRING).extracting(Token::text)
                .containsExactly("/after");
    }

    @Test
    void readsLessThanAsAnOperatorWhereNoElementFits() {
        List<Token> tokens = lex("if (a <b) { c = d < e; }");

        assertThat(tokens).filteredOn(t -> t.kind() == Kind.JSX).isEmpty();
        assertThat(texts(tokens)).containsExactly("if", "(", "a", "<", "b", ")", "{", "c", "=", "d", "<", "e", ";",
                "}");
    }

    @Test
    void leavesTypeScriptAngleBracketsAloneWhenJsxIsOff() {
        List<Token> tokens = Lexer.tokenize("const r = <Router>make(); const m = new Map<string, number>();", false);

        assertThat(tokens).filteredOn(t -> t.kind() == Kind.JSX).isEmpty();
        assertThat(texts(tokens)).contains("<", "Router", ">", "Map", "string", "number");
    }

    @Test
    void readsAGenericArrowFunctionInTsxAsCode() {
        List<Token> tokens = lex("const id = <T,>(x: T) => x; const g = <T extends object>(x: T) => x;");

        assertThat(tokens).filteredOn(t -> t.kind() == Kind.JSX).isEmpty();
    }

    @Test
    void readsPunctuatorsLongestFirst() {
        List<Token> tokens = lex("a ??= b?.c ?? d >>>= 1 === 2 ... x => y a?.5:6");

        assertThat(texts(tokens)).containsExactly("a", "??=", "b", "?.", "c", "??", "d", ">>>=", "1", "===", "2",
                "...", "x", "=>", "y", "a", "?", ".5", ":", "6");
    }

    @Test
    void recordsOffsetsThatSliceTheSource() {
        String source = "router.get('/users/:id', show)";

        List<Token> tokens = lex(source);

        assertThat(tokens).allSatisfy(t -> assertThat(t.end()).isGreaterThanOrEqualTo(t.start()));
        Token path = tokens.get(4);
        assertThat(source.substring(path.start(), path.end())).isEqualTo("'/users/:id'");
    }

    @Test
    void skipsAShebangLine() {
        assertThat(texts(lex("#!/usr/bin/env node\nconst a = 1"))).containsExactly("const", "a", "=", "1");
    }

    @Test
    void readsPrivateNamesAndUnicodeIdentifiers() {
        assertThat(texts(lex("this.#router = café + \\u0061b"))).containsExactly("this", ".", "#router", "=", "café",
                "+", "ab");
    }

    @Test
    void finishesOnUnterminatedInput() {
        for (String broken : List.of("`abc ${ x", "/* never closed", "'", "<div attr={", "a = /", "`${`${`",
                "x = {{{{", "<a><b><c>")) {
            List<Token> tokens = lex(broken);
            assertThat(tokens.get(tokens.size() - 1).kind()).as(broken).isEqualTo(Kind.EOF);
        }
    }
}
