package dev.leviathan.engine.bootstrap.routes.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for the Python expressions in {@code tokens[pos, end)}. Precedence
 * follows Python's grammar so spans come out right; only the node kinds of {@link Expr} are
 * kept, everything else becomes {@link Expr.Opaque}. Malformed input throws {@link ParseFailure},
 * which callers turn into "skip this statement".
 */
final class ExprParser {

    /** Thrown for input that is not a Python expression; carries no stack trace (it is control flow). */
    static final class ParseFailure extends RuntimeException {
        ParseFailure() {
            super(null, null, false, false);
        }
    }

    private static final int MAX_DEPTH = 150;
    static final Set<String> KEYWORDS = Set.of("and", "as", "assert", "async", "await", "break", "class", "continue",
            "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
            "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield");
    private static final Set<String> COMPARISONS = Set.of("<", ">", "==", ">=", "<=", "!=", "<>", "in", "is");

    private final String src;
    private final List<Token> tokens;
    private final int end;
    private int pos;
    private int depth;

    ExprParser(String src, List<Token> tokens, int from, int to) {
        this.src = src;
        this.tokens = tokens;
        this.pos = from;
        this.end = to;
    }

    boolean atEnd() {
        return pos >= end;
    }

    Token peek() {
        return pos < end ? tokens.get(pos) : null;
    }

    boolean peekIs(String s) {
        Token t = peek();
        return t != null && t.is(s);
    }

    Token next() {
        if (pos >= end) {
            throw new ParseFailure();
        }
        return tokens.get(pos++);
    }

    void expect(String s) {
        if (!peekIs(s)) {
            throw new ParseFailure();
        }
        pos++;
    }

    private int lastEnd() {
        return tokens.get(pos - 1).end();
    }

    /** A comma-separated list as a tuple when there is a comma ({@code a, b = ...}, {@code return x, y}). */
    Expr testList() {
        Token first = peek();
        Expr e = starOrTest();
        if (!peekIs(",")) {
            return e;
        }
        List<Expr> items = new ArrayList<>();
        items.add(e);
        while (peekIs(",")) {
            pos++;
            if (atEnd() || peekIs("=") || peekIs(")") || peekIs(":") || isAugmentedAssign(peek())) {
                break;
            }
            items.add(starOrTest());
        }
        return new Expr.Seq(Expr.SeqKind.TUPLE, List.copyOf(items), first.start(), lastEnd(), first.line());
    }

    static boolean isAugmentedAssign(Token t) {
        return t != null && t.kind() == Token.Kind.OP && t.text().length() >= 2 && t.text().endsWith("=")
                && !t.text().equals("==") && !t.text().equals("<=") && !t.text().equals(">=") && !t.text().equals("!=");
    }

    private Expr starOrTest() {
        if (peekIs("*")) {
            Token star = next();
            Expr v = orTest();
            return new Expr.Starred(v, star.start(), v.end(), star.line());
        }
        return test();
    }

    Expr test() {
        enter();
        try {
            Token first = peek();
            if (first != null && first.is("lambda") && first.isName()) {
                pos++;
                skipUntilColonAtDepthZero();
                expect(":");
                Expr body = test();
                return new Expr.Lambda(first.start(), body.end(), first.line());
            }
            if (first != null && first.is("yield") && first.isName()) {
                pos++;
                while (!atEnd() && !peekIs(")") && !peekIs("]") && !peekIs("}")) {
                    skipOne();
                }
                return new Expr.Opaque(first.start(), lastEnd(), first.line());
            }
            Expr e = orTest();
            if (peekIs("if") && peek().isName()) {
                pos++;
                orTest();
                expect("else");
                Expr alt = test();
                return new Expr.Conditional(e, alt, e.start(), alt.end(), e.line());
            }
            if (peekIs(":=")) {
                pos++;
                Expr v = test();
                return new Expr.Opaque(e.start(), v.end(), e.line());
            }
            return e;
        } finally {
            depth--;
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            depth--;
            throw new ParseFailure();
        }
    }

    private void skipUntilColonAtDepthZero() {
        while (!atEnd() && !peekIs(":")) {
            skipOne();
        }
    }

    /** Skips one token, or a whole bracketed group when it opens one. */
    void skipOne() {
        Token t = next();
        if (t.is("(") || t.is("[") || t.is("{")) {
            int d = 1;
            while (d > 0 && !atEnd()) {
                Token u = next();
                if (u.kind() == Token.Kind.OP) {
                    if (u.is("(") || u.is("[") || u.is("{")) {
                        d++;
                    } else if (u.is(")") || u.is("]") || u.is("}")) {
                        d--;
                    }
                }
            }
        }
    }

    private Expr orTest() {
        Expr e = andTest();
        while (peekIs("or") && peek().isName()) {
            pos++;
            Expr r = andTest();
            e = new Expr.Opaque(e.start(), r.end(), e.line());
        }
        return e;
    }

    private Expr andTest() {
        Expr e = notTest();
        while (peekIs("and") && peek().isName()) {
            pos++;
            Expr r = notTest();
            e = new Expr.Opaque(e.start(), r.end(), e.line());
        }
        return e;
    }

    private Expr notTest() {
        if (peekIs("not") && peek().isName()) {
            Token t = next();
            enter();
            try {
                Expr v = notTest();
                return new Expr.Opaque(t.start(), v.end(), t.line());
            } finally {
                depth--;
            }
        }
        return comparison();
    }

    private Expr comparison() {
        Expr e = bitOr();
        while (true) {
            Token t = peek();
            if (t == null || t.kind() == Token.Kind.STRING) {
                return e;
            }
            if (COMPARISONS.contains(t.text())) {
                pos++;
                if (t.is("is") && peekIs("not")) {
                    pos++;
                }
            } else if (t.is("not") && pos + 1 < end && tokens.get(pos + 1).is("in")) {
                pos += 2;
            } else {
                return e;
            }
            Expr r = bitOr();
            e = new Expr.Opaque(e.start(), r.end(), e.line());
        }
    }

    private Expr bitOr() {
        Expr e = arith();
        while (true) {
            Token t = peek();
            if (t == null || t.kind() != Token.Kind.OP
                    || !(t.is("|") || t.is("^") || t.is("&") || t.is("<<") || t.is(">>"))) {
                return e;
            }
            pos++;
            Expr r = arith();
            e = new Expr.Opaque(e.start(), r.end(), e.line());
        }
    }

    private Expr arith() {
        Expr e = term();
        while (true) {
            Token t = peek();
            if (t == null || t.kind() != Token.Kind.OP || !(t.is("+") || t.is("-"))) {
                return e;
            }
            pos++;
            Expr r = term();
            e = new Expr.BinOp(t.text(), e, r, e.start(), r.end(), e.line());
        }
    }

    private Expr term() {
        Expr e = factor();
        while (true) {
            Token t = peek();
            if (t == null || t.kind() != Token.Kind.OP
                    || !(t.is("*") || t.is("/") || t.is("%") || t.is("//") || t.is("@"))) {
                return e;
            }
            pos++;
            Expr r = factor();
            e = new Expr.BinOp(t.text(), e, r, e.start(), r.end(), e.line());
        }
    }

    private Expr factor() {
        Token t = peek();
        if (t != null && t.kind() == Token.Kind.OP && (t.is("-") || t.is("+") || t.is("~"))) {
            pos++;
            enter();
            try {
                Expr v = factor();
                return new Expr.Opaque(t.start(), v.end(), t.line());
            } finally {
                depth--;
            }
        }
        return power();
    }

    private Expr power() {
        Token t = peek();
        if (t != null && t.is("await") && t.isName()) {
            pos++;
            Expr v = primary();
            return new Expr.Opaque(t.start(), v.end(), t.line());
        }
        Expr e = primary();
        if (peekIs("**")) {
            pos++;
            Expr r = factor();
            return new Expr.Opaque(e.start(), r.end(), e.line());
        }
        return e;
    }

    private Expr primary() {
        enter();
        try {
            Expr e = atom();
            while (true) {
                Token t = peek();
                if (t == null || t.kind() != Token.Kind.OP) {
                    return e;
                }
                if (t.is(".")) {
                    pos++;
                    Token name = next();
                    if (!name.isName()) {
                        throw new ParseFailure();
                    }
                    e = new Expr.Attribute(e, name.text(), e.start(), name.end(), e.line());
                } else if (t.is("(")) {
                    e = call(e);
                } else if (t.is("[")) {
                    e = subscript(e);
                } else {
                    return e;
                }
            }
        } finally {
            depth--;
        }
    }

    /** {@code value[index]}; a slice, several indices or anything unreadable inside is opaque. */
    private Expr subscript(Expr value) {
        int open = pos;
        try {
            pos++;
            Expr index = test();
            if (peekIs("]")) {
                pos++;
                return new Expr.Subscript(value, index, value.start(), lastEnd(), value.line());
            }
        } catch (ParseFailure notOneIndex) {
            // fall through: skipped as one bracketed unit below
        }
        pos = open;
        skipOne();
        return new Expr.Opaque(value.start(), lastEnd(), value.line());
    }

    private Expr call(Expr func) {
        expect("(");
        List<Expr> args = new ArrayList<>();
        List<Expr.Keyword> keywords = new ArrayList<>();
        while (!peekIs(")")) {
            if (atEnd()) {
                throw new ParseFailure();
            }
            Token t = peek();
            if (t.is("*") && t.kind() == Token.Kind.OP) {
                pos++;
                Expr v = test();
                args.add(new Expr.Starred(v, t.start(), v.end(), t.line()));
            } else if (t.is("**")) {
                pos++;
                keywords.add(new Expr.Keyword(null, test()));
            } else if (t.isName() && pos + 1 < end && tokens.get(pos + 1).is("=")) {
                pos += 2;
                keywords.add(new Expr.Keyword(t.text(), test()));
            } else {
                Expr v = test();
                if (peekIs("for") || (peekIs("async") && peek().isName())) {
                    while (!atEnd() && !peekIs(")") && !peekIs(",")) {
                        skipOne();
                    }
                    v = new Expr.Opaque(v.start(), lastEnd(), v.line());
                }
                args.add(v);
            }
            if (peekIs(",")) {
                pos++;
            } else if (!peekIs(")")) {
                throw new ParseFailure();
            }
        }
        pos++;
        return new Expr.Call(func, List.copyOf(args), List.copyOf(keywords), func.start(), lastEnd(), func.line());
    }

    private Expr atom() {
        Token t = next();
        switch (t.kind()) {
            case NAME -> {
                if (KEYWORDS.contains(t.text())) {
                    throw new ParseFailure();
                }
                return new Expr.Name(t.text(), t.start(), t.end(), t.line());
            }
            case NUMBER -> {
                return new Expr.Opaque(t.start(), t.end(), t.line());
            }
            case STRING -> {
                return strings(t);
            }
            default -> {
            }
        }
        return switch (t.text()) {
            case "(" -> parenthesized(t);
            case "[" -> bracketed(t, "]", Expr.SeqKind.LIST);
            case "{" -> braced(t);
            case "..." -> new Expr.Opaque(t.start(), t.end(), t.line());
            default -> throw new ParseFailure();
        };
    }

    private Expr parenthesized(Token open) {
        if (peekIs(")")) {
            pos++;
            return new Expr.Seq(Expr.SeqKind.TUPLE, List.of(), open.start(), lastEnd(), open.line());
        }
        Expr first = starOrTest();
        if (peekIs(")")) {
            pos++;
            return first;
        }
        if (peekIs("for") || peekIs("async")) {
            skipToClose(")");
            return new Expr.Opaque(open.start(), lastEnd(), open.line());
        }
        List<Expr> items = new ArrayList<>();
        items.add(first);
        while (peekIs(",")) {
            pos++;
            if (peekIs(")")) {
                break;
            }
            items.add(starOrTest());
        }
        expect(")");
        return new Expr.Seq(Expr.SeqKind.TUPLE, List.copyOf(items), open.start(), lastEnd(), open.line());
    }

    private Expr bracketed(Token open, String close, Expr.SeqKind kind) {
        List<Expr> items = new ArrayList<>();
        while (!peekIs(close)) {
            if (atEnd()) {
                throw new ParseFailure();
            }
            Expr item = starOrTest();
            if (peekIs("for") || peekIs("async")) {
                skipToClose(close);
                return new Expr.Opaque(open.start(), lastEnd(), open.line());
            }
            items.add(item);
            if (peekIs(",")) {
                pos++;
            } else if (!peekIs(close)) {
                throw new ParseFailure();
            }
        }
        pos++;
        return new Expr.Seq(kind, List.copyOf(items), open.start(), lastEnd(), open.line());
    }

    private Expr braced(Token open) {
        if (peekIs("}")) {
            pos++;
            return new Expr.Opaque(open.start(), lastEnd(), open.line());
        }
        int save = pos;
        if (!peekIs("**")) {
            starOrTest();
            if (!peekIs(":")) {
                pos = save;
                return bracketed(open, "}", Expr.SeqKind.SET);
            }
            pos = save;
            Expr dict = dict(open);
            if (dict != null) {
                return dict;
            }
            pos = save;
        }
        skipToClose("}");
        return new Expr.Opaque(open.start(), lastEnd(), open.line());
    }

    /** {@code {k: v, ...}} after the brace; null (nothing consumed that matters) for any other dict. */
    private Expr dict(Token open) {
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (!peekIs("}")) {
            if (atEnd() || peekIs("**")) {
                return null;
            }
            Expr key = test();
            if (!peekIs(":")) {
                return null;
            }
            pos++;
            Expr value = test();
            if (peekIs("for") || peekIs("async")) {
                return null;
            }
            keys.add(key);
            values.add(value);
            if (peekIs(",")) {
                pos++;
            } else if (!peekIs("}")) {
                return null;
            }
        }
        pos++;
        return new Expr.Dict(List.copyOf(keys), List.copyOf(values), open.start(), lastEnd(), open.line());
    }

    /** Skips to just past the bracket that closes the group we are in. */
    private void skipToClose(String close) {
        while (!atEnd() && !peekIs(close)) {
            skipOne();
        }
        expect(close);
    }

    /** One or more adjacent string tokens: Python concatenates them into one literal. */
    private Expr strings(Token first) {
        List<Expr.StrPart> parts = new ArrayList<>();
        addStringParts(first, parts);
        Token last = first;
        while (peek() != null && peek().kind() == Token.Kind.STRING) {
            last = next();
            addStringParts(last, parts);
        }
        return new Expr.Str(List.copyOf(parts), first.start(), last.end(), first.line());
    }

    private void addStringParts(Token t, List<Expr.StrPart> parts) {
        StringLiterals.Literal lit = StringLiterals.parse(t.text());
        String text = t.text();
        if (!lit.formatted()) {
            parts.add(new Expr.Text(StringLiterals.decode(text.substring(lit.bodyStart(), lit.bodyEnd()), lit.raw(),
                    false)));
            return;
        }
        int cursor = t.start() + lit.bodyStart();
        int bodyEnd = t.start() + lit.bodyEnd();
        for (Token.Field f : t.fields()) {
            if (f.open() > cursor) {
                parts.add(new Expr.Text(StringLiterals.decode(src.substring(cursor, Math.min(f.open(), bodyEnd)),
                        lit.raw(), true)));
            }
            parts.add(new Expr.Field(fieldExpr(f, t), f.formatted()));
            cursor = f.close();
        }
        if (cursor < bodyEnd) {
            parts.add(new Expr.Text(StringLiterals.decode(src.substring(cursor, bodyEnd), lit.raw(), true)));
        }
    }

    private Expr fieldExpr(Token.Field f, Token t) {
        int line = t.line() + countNewlines(t.start(), f.open());
        List<Token> inner = PyLexer.lexFragment(src, f.open() + 1, f.exprEnd(), line);
        if (inner.isEmpty() || depth > MAX_DEPTH / 2) {
            return null;
        }
        ExprParser p = new ExprParser(src, inner, 0, inner.size());
        p.depth = depth;
        try {
            Expr e = p.testList();
            return p.atEnd() ? e : null;
        } catch (ParseFailure unparsable) {
            return null;
        }
    }

    private int countNewlines(int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (src.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }
}
