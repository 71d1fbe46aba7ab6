package dev.leviathan.engine.bootstrap.routes.python;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns logical lines into {@link Stmt}s. Blocks come from indentation: a compound statement's
 * body is the run of following lines indented deeper than its header. A statement that does not
 * parse is skipped alone; the lines around it are still read.
 */
final class PyParser {

    private static final int MAX_NESTING = 100;

    private final String src;
    private final List<LogicalLine> lines;

    private PyParser(String src, List<LogicalLine> lines) {
        this.src = src;
        this.lines = lines;
    }

    static List<Stmt> parse(String text) {
        PyParser parser = new PyParser(text, PyLexer.lex(text));
        List<Stmt> out = new ArrayList<>();
        parser.block(0, parser.lines.size(), out, 0);
        return out;
    }

    /** Parses lines {@code [from, to)} into {@code out}. */
    private void block(int from, int to, List<Stmt> out, int nesting) {
        List<Expr> decorators = new ArrayList<>();
        int i = from;
        while (i < to) {
            LogicalLine line = lines.get(i);
            int bodyEnd = i + 1;
            while (bodyEnd < to && lines.get(bodyEnd).indent() > line.indent()) {
                bodyEnd++;
            }
            List<Token> toks = line.tokens();
            Token first = toks.get(0);
            if (first.is("@") && first.kind() == Token.Kind.OP) {
                Expr decorator = expressionOrNull(toks, 1, toks.size());
                if (decorator != null) {
                    decorators.add(decorator);
                }
                i++;
                continue;
            }
            try {
                compoundOrSimple(line, i, bodyEnd, out, decorators, nesting);
            } catch (ExprParser.ParseFailure unparsable) {
                // Skipping the statement is the recovery: the rest of the file is still read.
            }
            decorators = new ArrayList<>();
            i = bodyEnd;
        }
    }

    private Expr expressionOrNull(List<Token> toks, int from, int to) {
        try {
            ExprParser p = new ExprParser(src, toks, from, to);
            Expr e = p.test();
            return p.atEnd() ? e : null;
        } catch (ExprParser.ParseFailure unparsable) {
            return null;
        }
    }

    private void compoundOrSimple(LogicalLine line, int index, int bodyEnd, List<Stmt> out, List<Expr> decorators,
            int nesting) {
        List<Token> toks = line.tokens();
        Token first = toks.get(0);
        int at = 0;
        if (first.isName() && first.is("async") && toks.size() > 1) {
            at = 1;
        }
        Token head = toks.get(at);
        String word = head.isName() ? head.text() : "";
        switch (word) {
            case "def" -> {
                functionDef(toks, at, index, bodyEnd, out, decorators, nesting);
                return;
            }
            case "class" -> {
                classDef(toks, index, bodyEnd, out, decorators, nesting);
                return;
            }
            case "for" -> {
                forLoop(toks, at, index, bodyEnd, out, nesting);
                return;
            }
            case "elif", "else", "except" -> {
                List<Stmt> branch = body(toks, headerColon(toks, 0), index, bodyEnd, nesting);
                out.add(new Stmt.Alternative(branch.size(), head.line()));
                out.addAll(branch);
                return;
            }
            case "if", "while", "try", "finally", "with" -> {
                transparent(toks, index, bodyEnd, out, nesting);
                return;
            }
            case "match", "case" -> {
                if (isSoftKeywordHeader(toks)) {
                    transparent(toks, index, bodyEnd, out, nesting);
                    return;
                }
            }
            default -> {
            }
        }
        simpleStatements(toks, 0, toks.size(), out);
    }

    private static boolean isSoftKeywordHeader(List<Token> toks) {
        if (toks.size() < 3 || !toks.get(toks.size() - 1).is(":")) {
            return false;
        }
        Token second = toks.get(1);
        return second.kind() != Token.Kind.OP || second.is("(") || second.is("[") || second.is("-")
                || second.is("{") || second.is("*");
    }

    /** The index of the header's colon: the first {@code :} outside brackets (and outside lambdas). */
    private static int headerColon(List<Token> toks, int from) {
        int d = 0;
        int lambdas = 0;
        for (int i = from; i < toks.size(); i++) {
            Token t = toks.get(i);
            if (t.kind() == Token.Kind.NAME && t.is("lambda") && d == 0) {
                lambdas++;
            } else if (t.kind() == Token.Kind.OP) {
                switch (t.text()) {
                    case "(", "[", "{" -> d++;
                    case ")", "]", "}" -> d = Math.max(0, d - 1);
                    case ":" -> {
                        if (d == 0) {
                            if (lambdas == 0) {
                                return i;
                            }
                            lambdas--;
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return -1;
    }

    /** The body of a compound statement: what follows its colon on the same line, else its indented block. */
    private List<Stmt> body(List<Token> toks, int colon, int index, int bodyEnd, int nesting) {
        List<Stmt> body = new ArrayList<>();
        if (nesting >= MAX_NESTING) {
            return body;
        }
        if (colon >= 0 && colon + 1 < toks.size()) {
            simpleStatements(toks, colon + 1, toks.size(), body);
        } else {
            block(index + 1, bodyEnd, body, nesting + 1);
        }
        return body;
    }

    private void transparent(List<Token> toks, int index, int bodyEnd, List<Stmt> out, int nesting) {
        out.addAll(body(toks, headerColon(toks, 0), index, bodyEnd, nesting));
    }

    private void functionDef(List<Token> toks, int at, int index, int bodyEnd, List<Stmt> out, List<Expr> decorators,
            int nesting) {
        Token def = toks.get(at);
        if (at + 2 >= toks.size() || !toks.get(at + 1).isName() || !toks.get(at + 2).is("(")) {
            throw new ExprParser.ParseFailure();
        }
        String name = toks.get(at + 1).text();
        int close = matching(toks, at + 2);
        List<Stmt.Param> params = params(toks, at + 3, close);
        int colon = headerColon(toks, close + 1);
        out.add(new Stmt.FunctionDef(name, List.copyOf(decorators), params, body(toks, colon, index, bodyEnd, nesting),
                def.line()));
    }

    private void classDef(List<Token> toks, int index, int bodyEnd, List<Stmt> out, List<Expr> decorators,
            int nesting) {
        if (toks.size() < 2 || !toks.get(1).isName()) {
            throw new ExprParser.ParseFailure();
        }
        String name = toks.get(1).text();
        List<Expr> bases = new ArrayList<>();
        int after = 2;
        if (toks.size() > 2 && toks.get(2).is("(")) {
            int close = matching(toks, 2);
            // "Name(bases...)" reads exactly like a call, so the call parser does the arguments.
            ExprParser p = new ExprParser(src, toks, 1, close + 1);
            if (p.test() instanceof Expr.Call call) {
                for (Expr base : call.args()) {
                    if (!(base instanceof Expr.Starred)) {
                        bases.add(base);
                    }
                }
            }
            after = close + 1;
        }
        int colon = headerColon(toks, after);
        out.add(new Stmt.ClassDef(name, List.copyOf(decorators), List.copyOf(bases),
                body(toks, colon, index, bodyEnd, nesting), toks.get(0).line()));
    }

    private void forLoop(List<Token> toks, int at, int index, int bodyEnd, List<Stmt> out, int nesting) {
        int colon = headerColon(toks, at);
        int in = -1;
        int d = 0;
        for (int i = at + 1; i < (colon < 0 ? toks.size() : colon); i++) {
            Token t = toks.get(i);
            if (t.kind() == Token.Kind.OP && (t.is("(") || t.is("[") || t.is("{"))) {
                d++;
            } else if (t.kind() == Token.Kind.OP && (t.is(")") || t.is("]") || t.is("}"))) {
                d--;
            } else if (d == 0 && t.isName() && t.is("in")) {
                in = i;
                break;
            }
        }
        List<Stmt> body = body(toks, colon, index, bodyEnd, nesting);
        if (in < 0 || colon < 0) {
            out.addAll(body);
            return;
        }
        ExprParser targetParser = new ExprParser(src, toks, at + 1, in);
        Expr target = targetParser.testList();
        ExprParser iterParser = new ExprParser(src, toks, in + 1, colon);
        Expr iterable = iterParser.testList();
        out.add(new Stmt.ForLoop(target, iterable, body, toks.get(0).line()));
    }

    private int matching(List<Token> toks, int open) {
        int d = 0;
        for (int i = open; i < toks.size(); i++) {
            Token t = toks.get(i);
            if (t.kind() != Token.Kind.OP) {
                continue;
            }
            if (t.is("(") || t.is("[") || t.is("{")) {
                d++;
            } else if (t.is(")") || t.is("]") || t.is("}")) {
                d--;
                if (d == 0) {
                    return i;
                }
            }
        }
        throw new ExprParser.ParseFailure();
    }

    private List<Stmt.Param> params(List<Token> toks, int from, int to) {
        List<Stmt.Param> params = new ArrayList<>();
        ExprParser p = new ExprParser(src, toks, from, to);
        while (!p.atEnd()) {
            Token t = p.next();
            boolean keywords = t.is("**");
            if (t.is("*") || t.is("**")) {
                if (p.atEnd() || p.peekIs(",")) {
                    skipComma(p);
                    continue;
                }
                t = p.next();
            }
            if (t.is("/")) {
                skipComma(p);
                continue;
            }
            if (!t.isName()) {
                throw new ExprParser.ParseFailure();
            }
            Expr annotation = null;
            Expr defaultValue = null;
            if (p.peekIs(":")) {
                p.next();
                annotation = p.test();
            }
            if (p.peekIs("=")) {
                p.next();
                defaultValue = p.test();
            }
            params.add(new Stmt.Param(t.text(), annotation, defaultValue, t.line(), keywords));
            skipComma(p);
        }
        return List.copyOf(params);
    }

    private static void skipComma(ExprParser p) {
        if (p.peekIs(",")) {
            p.next();
        } else if (!p.atEnd()) {
            throw new ExprParser.ParseFailure();
        }
    }

    /** Simple statements separated by {@code ;} in {@code toks[from, to)}. */
    private void simpleStatements(List<Token> toks, int from, int to, List<Stmt> out) {
        int start = from;
        int d = 0;
        for (int i = from; i <= to; i++) {
            if (i < to) {
                Token t = toks.get(i);
                if (t.kind() != Token.Kind.OP) {
                    continue;
                }
                if (t.is("(") || t.is("[") || t.is("{")) {
                    d++;
                    continue;
                } else if (t.is(")") || t.is("]") || t.is("}")) {
                    d = Math.max(0, d - 1);
                    continue;
                } else if (!(t.is(";") && d == 0)) {
                    continue;
                }
            }
            if (i > start) {
                try {
                    Stmt s = simple(toks, start, i);
                    if (s != null) {
                        out.add(s);
                    }
                } catch (ExprParser.ParseFailure unparsable) {
                    // One bad simple statement does not hide its neighbours on the line.
                }
            }
            start = i + 1;
        }
    }

    private Stmt simple(List<Token> toks, int from, int to) {
        Token first = toks.get(from);
        if (first.isName()) {
            switch (first.text()) {
                case "import" -> {
                    return importStmt(toks, from + 1, to, first.line());
                }
                case "from" -> {
                    return fromImport(toks, from + 1, to, first.line());
                }
                case "return" -> {
                    ExprParser p = new ExprParser(src, toks, from + 1, to);
                    return new Stmt.Return(p.atEnd() ? null : p.testList(), first.line());
                }
                case "pass", "break", "continue", "global", "nonlocal", "del", "assert", "raise", "yield", "def",
                        "class", "if", "elif", "else", "while", "for", "try", "except", "finally", "with",
                        "lambda", "async", "await" -> {
                    return null;
                }
                default -> {
                }
            }
        }
        ExprParser p = new ExprParser(src, toks, from, to);
        Expr e = p.testList();
        if (p.atEnd()) {
            return new Stmt.ExprStmt(e, first.line());
        }
        Token t = p.peek();
        if (t.is(":")) {
            p.next();
            p.test();
            Expr value = null;
            if (p.peekIs("=")) {
                p.next();
                value = p.testList();
            }
            return new Stmt.Assign(List.of(e), value, first.line());
        }
        if (t.is("=")) {
            List<Expr> targets = new ArrayList<>();
            Expr value = e;
            while (p.peekIs("=")) {
                p.next();
                targets.add(value);
                value = p.testList();
            }
            return new Stmt.Assign(List.copyOf(targets), value, first.line());
        }
        if (ExprParser.isAugmentedAssign(t)) {
            p.next();
            return new Stmt.AugAssign(e, t.text(), p.testList(), first.line());
        }
        return null;
    }

    private Stmt importStmt(List<Token> toks, int from, int to, int line) {
        List<Stmt.ImportedName> names = new ArrayList<>();
        int i = from;
        while (i < to) {
            StringBuilder dotted = new StringBuilder();
            while (i < to && (toks.get(i).isName() || toks.get(i).is("."))) {
                if (toks.get(i).isName() && toks.get(i).is("as")) {
                    break;
                }
                dotted.append(toks.get(i).text());
                i++;
            }
            String alias = null;
            if (i + 1 < to && toks.get(i).is("as") && toks.get(i + 1).isName()) {
                alias = toks.get(i + 1).text();
                i += 2;
            }
            if (!dotted.isEmpty()) {
                names.add(new Stmt.ImportedName(dotted.toString(), alias));
            }
            if (i < to && !toks.get(i).is(",")) {
                break;
            }
            i++;
        }
        return new Stmt.Import(List.copyOf(names), line);
    }

    private Stmt fromImport(List<Token> toks, int from, int to, int line) {
        int i = from;
        int level = 0;
        while (i < to && (toks.get(i).is(".") || toks.get(i).is("..."))) {
            level += toks.get(i).text().length();
            i++;
        }
        StringBuilder module = new StringBuilder();
        while (i < to && !(toks.get(i).isName() && toks.get(i).is("import"))) {
            module.append(toks.get(i).text());
            i++;
        }
        if (i >= to) {
            throw new ExprParser.ParseFailure();
        }
        i++;
        List<Stmt.ImportedName> names = new ArrayList<>();
        boolean star = false;
        while (i < to) {
            Token t = toks.get(i);
            if (t.is("*")) {
                star = true;
            } else if (t.isName()) {
                String alias = null;
                if (i + 2 < to && toks.get(i + 1).is("as") && toks.get(i + 2).isName()) {
                    alias = toks.get(i + 2).text();
                    i += 2;
                }
                names.add(new Stmt.ImportedName(t.text(), alias));
            }
            i++;
        }
        return new Stmt.FromImport(level, module.toString(), List.copyOf(names), star, line);
    }
}
