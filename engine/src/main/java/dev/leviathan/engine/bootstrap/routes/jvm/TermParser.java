package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads router-function code from a file's tokens into {@link Term}s: call chains, lambdas (Java
 * and Kotlin), method references, constants, and the statements of lambda bodies. It understands
 * only what routes are written with; anything else becomes {@link Term.Other} and is stepped over
 * one token or one bracketed group at a time (with the declaration reader's bracket table), so
 * broken or unusual code yields fewer terms, never an exception or a loop. Kotlin statements end
 * at a line break unless the next line starts with {@code .} or {@code ?.}.
 */
final class TermParser {

    /** Nesting deeper than any router (lambdas in calls in lambdas) is read as {@link Term.Other}. */
    private static final int MAX_DEPTH = 48;

    private static final Set<String> BRANCH_KEYWORDS = Set.of("if", "else", "for", "while", "do", "try", "catch",
            "finally", "synchronized");

    private final List<Token> t;
    private final int[] match;
    private final boolean kotlin;
    private final String source;
    private int pos;
    private int depth;

    TermParser(List<Token> tokens, int[] match, Dialect dialect, String source) {
        this.t = tokens;
        this.match = match;
        this.kotlin = dialect == Dialect.KOTLIN;
        this.source = source;
    }

    /** The expression starting at {@code t[from]}; {@link #end()} is the index after it. */
    Term expressionAt(int from) {
        pos = from;
        return expression(t.size());
    }

    /** Index after the term last read by {@link #expressionAt}. */
    int end() {
        return pos;
    }

    private List<Term> statements(int from, int to) {
        int saved = pos;
        pos = from;
        List<Term> out = new ArrayList<>();
        while (pos < to) {
            if (t.get(pos).isSymbol(";") || t.get(pos).isSymbol(",")) {
                pos++;
                continue;
            }
            int before = pos;
            Term statement = statement(to);
            if (statement != null && !(statement instanceof Term.Other)) {
                out.add(statement);
            }
            if (pos <= before) {
                pos = before + 1;
            }
        }
        pos = saved;
        return List.copyOf(out);
    }

    private Term statement(int to) {
        Token x = t.get(pos);
        if (x.isWord("return")) {
            pos++;
            if (pos >= to || t.get(pos).isSymbol(";") || isCloser(t.get(pos))) {
                return null;
            }
            Term value = expression(to);
            finishStatement(to);
            return value;
        }
        if (x.kind() == Token.Kind.IDENT && BRANCH_KEYWORDS.contains(x.text())) {
            return branches(to);
        }
        Term local = local(to);
        if (local != null) {
            return local;
        }
        Term value = expression(to);
        finishStatement(to);
        return value;
    }

    /** Steps over what is left of a statement: to its semicolon (Java), or its line's end (Kotlin). */
    private void finishStatement(int to) {
        while (pos < to) {
            Token x = t.get(pos);
            if (x.isSymbol(";")) {
                pos++;
                return;
            }
            if (isCloser(x) || kotlin && pos > 0 && x.line() > t.get(pos - 1).endLine()) {
                return;
            }
            pos = skip(pos);
        }
    }

    private Term branches(int to) {
        int start = pos;
        int line = t.get(pos).line();
        List<List<Term>> blocks = new ArrayList<>();
        while (pos < to && t.get(pos).isIdent() && BRANCH_KEYWORDS.contains(t.get(pos).text())) {
            pos++;
            if (pos < to && t.get(pos).isSymbol("(")) {
                pos = skip(pos);
            }
            if (pos < to && t.get(pos).isWord("if")) {
                continue;
            }
            if (pos < to && t.get(pos).isSymbol("{")) {
                blocks.add(statements(pos + 1, Math.min(closeOf(pos), to)));
                pos = skip(pos);
            } else if (pos < to && !t.get(pos).isSymbol(";") && depth < MAX_DEPTH) {
                depth++;
                Term single = statement(to);
                depth--;
                blocks.add(single == null ? List.of() : List.of(single));
            }
            if (!(pos < to && (t.get(pos).isWord("else") || t.get(pos).isWord("catch")
                    || t.get(pos).isWord("finally")))) {
                break;
            }
        }
        return new Term.Branches(List.copyOf(blocks), startOf(start), endOf(pos), line);
    }

    /**
     * {@code Type<A> name = value}, {@code var name = value}, {@code name = value} (Java);
     * {@code val name: Type = value} (Kotlin); null when the statement is not one.
     */
    private Term local(int to) {
        int k = pos;
        int line = t.get(k).line();
        int nameIndex = -1;
        if (kotlin) {
            if (!(t.get(k).isWord("val") || t.get(k).isWord("var")) || k + 1 >= to || !t.get(k + 1).isIdent()) {
                return assignment(to);
            }
            nameIndex = k + 1;
            k += 2;
            while (k < to && !t.get(k).isSymbol("=") && t.get(k).line() == line && !isCloser(t.get(k))) {
                k = skip(k);
            }
        } else {
            while (k < to && (t.get(k).isWord("final") || t.get(k).isSymbol("@"))) {
                k += t.get(k).isSymbol("@") ? 2 : 1;
            }
            int typeStart = k;
            while (k + 1 < to && t.get(k).isIdent() && t.get(k + 1).isSymbol(".")) {
                k += 2;
            }
            if (k >= to || !t.get(k).isIdent()) {
                return null;
            }
            k++;
            if (k < to && t.get(k).isSymbol("<")) {
                k = angles(k, to);
            }
            while (k + 1 < to && t.get(k).isSymbol("[") && t.get(k + 1).isSymbol("]")) {
                k += 2;
            }
            if (k < to && t.get(k).isIdent() && k > typeStart) {
                nameIndex = k;
                k++;
            } else {
                return assignment(to);
            }
        }
        if (k >= to || !isAssign(k)) {
            return null;
        }
        Token name = t.get(nameIndex);
        int start = pos;
        pos = k + 1;
        if (pos >= to) {
            return null;
        }
        Term value = expression(to);
        finishStatement(to);
        return new Term.Local(name.text(), value, startOf(start), endOf(pos), name.line());
    }

    private Term assignment(int to) {
        int k = pos;
        if (k + 1 < to && t.get(k).isIdent() && isAssign(k + 1)) {
            Token name = t.get(k);
            pos = k + 2;
            if (pos >= to) {
                return null;
            }
            Term value = expression(to);
            finishStatement(to);
            return new Term.Local(name.text(), value, name.start(), endOf(pos), name.line());
        }
        return null;
    }

    /** A lone {@code =}: not part of {@code ==}, {@code !=}, {@code <=}, {@code >=}, {@code +=}... */
    private boolean isAssign(int k) {
        Token x = t.get(k);
        if (!x.isSymbol("=")) {
            return false;
        }
        boolean glued = k + 1 < t.size() && t.get(k + 1).isSymbol("=") && t.get(k + 1).start() == x.end();
        boolean after = k > 0 && t.get(k - 1).kind() == Token.Kind.SYMBOL && t.get(k - 1).end() == x.start()
                && "=!<>+-*/%&|^".contains(t.get(k - 1).text());
        return !glued && !after;
    }

    /**
     * An expression; in Kotlin a line break ends it except before {@code .}/{@code ?.} (infix
     * operators and call brackets must stay on the line of what they follow).
     */
    private Term expression(int to) {
        if (depth >= MAX_DEPTH) {
            return other(to);
        }
        depth++;
        try {
            int start = pos;
            Term left = additive(to);
            while (kotlin && pos < to && (t.get(pos).isWord("and") || t.get(pos).isWord("or"))
                    && t.get(pos).line() == t.get(pos - 1).endLine()) {
                Token op = t.get(pos++);
                if (pos >= to) {
                    break;
                }
                Term right = additive(to);
                left = new Term.Binary(op.text(), left, right, startOf(start), endOf(pos), op.line());
            }
            return left;
        } finally {
            depth--;
        }
    }

    private Term additive(int to) {
        int start = pos;
        Term left = unary(to);
        while (pos < to && t.get(pos).isSymbol("+") && t.get(pos).line() == t.get(pos - 1).endLine()
                && !(pos + 1 < to && (t.get(pos + 1).isSymbol("=") || t.get(pos + 1).isSymbol("+")))) {
            Token op = t.get(pos++);
            if (pos >= to) {
                break;
            }
            Term right = unary(to);
            left = new Term.Binary("+", left, right, startOf(start), endOf(pos), op.line());
        }
        return left;
    }

    private Term unary(int to) {
        Token x = t.get(pos);
        if (x.isSymbol("!") && pos + 1 < to && !t.get(pos + 1).isSymbol("=") && depth < MAX_DEPTH) {
            int start = pos++;
            depth++;
            Term operand = unary(to);
            depth--;
            return new Term.Not(operand, startOf(start), endOf(pos), x.line());
        }
        return postfix(to);
    }

    private Term postfix(int to) {
        int start = pos;
        boolean parenthesized = t.get(pos).isSymbol("(");
        Term term = primary(to);
        while (pos < to && pos > start) {
            Token x = t.get(pos);
            boolean sameLine = x.line() == t.get(pos - 1).endLine();
            int dot = x.isSymbol(".") ? pos
                    : kotlin && x.isSymbol("?") && pos + 1 < to && t.get(pos + 1).isSymbol(".") ? pos + 1 : -1;
            if (dot >= 0) {
                int k = dot + 1;
                if (k < to && t.get(k).isSymbol("<")) {
                    k = angles(k, to);
                }
                if (k >= to || !t.get(k).isIdent()) {
                    break;
                }
                Token name = t.get(k++);
                if (k < to && t.get(k).isSymbol("(") && (!kotlin || t.get(k).line() == name.endLine())) {
                    List<Term> args = arguments(k, to);
                    pos = skip(k);
                    term = new Term.Call(term, name.text(), withTrailingLambda(args, to), startOf(start), endOf(pos),
                            name.line());
                } else if (kotlin && k < to && t.get(k).isSymbol("{") && t.get(k).line() == name.endLine()) {
                    pos = k;
                    term = new Term.Call(term, name.text(), withTrailingLambda(List.of(), to), startOf(start),
                            endOf(pos), name.line());
                } else {
                    pos = k;
                    term = term instanceof Term.Constant c && c.expr() instanceof Expr.Reference r
                            ? reference(r.name() + "." + name.text(), start, name.line())
                            : new Term.Other(startOf(start), endOf(pos), name.line());
                }
                parenthesized = false;
            } else if (x.isSymbol("::") && pos + 1 < to && t.get(pos + 1).isIdent()) {
                Token member = t.get(pos + 1);
                pos += 2;
                term = new Term.MethodRef(member.text(), startOf(start), endOf(pos), member.line());
            } else if (kotlin && x.isSymbol("!") && pos + 1 < to && t.get(pos + 1).isSymbol("!")) {
                pos += 2;
            } else if (kotlin && x.isSymbol("{") && sameLine && (parenthesized || isString(term))) {
                // `"/users" { ... }` and `(GET("/a") and accept(JSON)) { ... }`: RequestPredicate.invoke
                term = new Term.Call(term, "invoke", withTrailingLambda(List.of(), to), startOf(start), endOf(pos),
                        term.line());
                parenthesized = false;
            } else if (x.isSymbol("[")) {
                pos = skip(pos);
                term = new Term.Other(startOf(start), endOf(pos), x.line());
            } else {
                break;
            }
        }
        return term;
    }

    private Term primary(int to) {
        Token x = t.get(pos);
        int start = pos;
        if (!kotlin && x.isIdent() && pos + 1 < to && t.get(pos + 1).isSymbol("->")) {
            pos += 2;
            return javaLambda(List.of(x.text()), start, to, x.line());
        }
        if (x.isSymbol("(")) {
            int close = closeOf(pos);
            if (!kotlin && close + 1 < to && t.get(close + 1).isSymbol("->")) {
                List<String> params = javaParameters(pos + 1, close);
                pos = close + 2;
                return javaLambda(params, start, to, x.line());
            }
            pos++;
            Term inner = pos < Math.min(close, to) ? expression(Math.min(close, to))
                    : new Term.Other(x.start(), x.end(), x.line());
            pos = Math.min(skip(start), to);
            return inner;
        }
        if (kotlin && x.isSymbol("{")) {
            Term lambda = kotlinLambda(pos);
            pos = Math.min(skip(pos), to);
            return lambda;
        }
        if (x.kind() == Token.Kind.STRING || x.kind() == Token.Kind.CHAR || x.kind() == Token.Kind.NUMBER) {
            pos++;
            return new Term.Constant(ExprParser.parse(List.of(x), source), x.start(), x.end(), x.line());
        }
        if (kotlin && x.isSymbol("::") && pos + 1 < to && t.get(pos + 1).isIdent()) {
            Token member = t.get(pos + 1);
            pos += 2;
            return new Term.MethodRef(member.text(), x.start(), member.end(), member.line());
        }
        if (!kotlin && x.isWord("new")) {
            return construction(to);
        }
        if (x.isIdent()) {
            pos++;
            if (pos < to && t.get(pos).isSymbol("(") && (!kotlin || t.get(pos).line() == x.endLine())) {
                List<Term> args = arguments(pos, to);
                pos = Math.min(skip(pos), to);
                return new Term.Call(null, x.text(), withTrailingLambda(args, to), x.start(), endOf(pos), x.line());
            }
            if (kotlin && pos < to && t.get(pos).isSymbol("{") && t.get(pos).line() == x.endLine()) {
                return new Term.Call(null, x.text(), withTrailingLambda(List.of(), to), x.start(), endOf(pos),
                        x.line());
            }
            return reference(x.text(), start, x.line());
        }
        pos = isOpener(x) ? Math.min(skip(pos), to) : pos + 1;
        return new Term.Other(x.start(), endOf(pos), x.line());
    }

    /** {@code new Type<...>(args) { body }}: a value whose insides routes never need. */
    private Term construction(int to) {
        int start = pos++;
        while (pos < to && (t.get(pos).isIdent() || t.get(pos).isSymbol("."))) {
            pos++;
        }
        if (pos < to && t.get(pos).isSymbol("<")) {
            pos = angles(pos, to);
        }
        if (pos < to && (t.get(pos).isSymbol("(") || t.get(pos).isSymbol("["))) {
            pos = Math.min(skip(pos), to);
        }
        if (pos < to && t.get(pos).isSymbol("{")) {
            pos = Math.min(skip(pos), to);
        }
        return new Term.Other(startOf(start), endOf(pos), t.get(start).line());
    }

    private Term reference(String name, int start, int line) {
        String raw = source.substring(startOf(start), endOf(pos));
        return new Term.Constant(new Expr.Reference(name, raw), startOf(start), endOf(pos), line);
    }

    private Term javaLambda(List<String> params, int start, int to, int line) {
        List<Term> body;
        if (pos < to && t.get(pos).isSymbol("{")) {
            body = statements(pos + 1, Math.min(closeOf(pos), to));
            pos = Math.min(skip(pos), to);
        } else if (pos < to) {
            body = List.of(expression(to));
        } else {
            body = List.of();
        }
        return new Term.Lambda(params, body, startOf(start), endOf(pos), line);
    }

    /** The names of {@code (a, b)}, {@code (String a, var b)}: the last identifier of each. */
    private List<String> javaParameters(int from, int to) {
        List<String> names = new ArrayList<>();
        String last = null;
        for (int k = from; k < to; k = skip(k)) {
            Token x = t.get(k);
            if (x.isSymbol(",")) {
                if (last != null) {
                    names.add(last);
                }
                last = null;
            } else if (x.isIdent()) {
                last = x.text();
            }
        }
        if (last != null) {
            names.add(last);
        }
        return List.copyOf(names);
    }

    /** {@code { a, b -> statements }} or {@code { statements }} at {@code t[open]}. */
    private Term kotlinLambda(int open) {
        int close = Math.min(closeOf(open), t.size());
        int arrow = -1;
        for (int k = open + 1; k < close; k++) {
            Token x = t.get(k);
            if (x.isSymbol("->")) {
                arrow = k;
                break;
            }
            if (!(x.isIdent() || x.isSymbol(",") || x.isSymbol(":") || x.isSymbol("<") || x.isSymbol(">")
                    || x.isSymbol(".") || x.isSymbol("?") || x.isSymbol("(") || x.isSymbol(")"))) {
                break;
            }
        }
        List<String> params = new ArrayList<>();
        if (arrow > 0) {
            boolean expectName = true;
            for (int k = open + 1; k < arrow; k++) {
                Token x = t.get(k);
                if (expectName && x.isIdent()) {
                    params.add(x.text());
                    expectName = false;
                } else if (x.isSymbol(",")) {
                    expectName = true;
                }
            }
        }
        List<Term> body = depth < MAX_DEPTH ? statements(arrow > 0 ? arrow + 1 : open + 1, close) : List.of();
        return new Term.Lambda(List.copyOf(params), body, t.get(open).start(), endOf(Math.min(close + 1, t.size())),
                t.get(open).line());
    }

    /** The arguments between {@code t[open] == '('} and its closer; Kotlin {@code name = value} loses its name. */
    private List<Term> arguments(int open, int to) {
        int close = Math.min(closeOf(open), to);
        List<Term> args = new ArrayList<>();
        int saved = pos;
        int from = open + 1;
        int k = from;
        while (k <= close) {
            if (k == close || t.get(k).isSymbol(",")) {
                int first = from;
                if (first + 1 < k && t.get(first).isIdent() && isAssign(first + 1)) {
                    first += 2;
                }
                if (first < k) {
                    pos = first;
                    args.add(depth < MAX_DEPTH ? expression(k) : other(k));
                }
                from = k + 1;
                k = from;
                continue;
            }
            k = skip(k);
        }
        pos = saved;
        return args;
    }

    /** {@code args}, plus the Kotlin lambda that follows on the same line ({@code GET("/a") { ... }}). */
    private List<Term> withTrailingLambda(List<Term> args, int to) {
        if (kotlin && pos < to && t.get(pos).isSymbol("{") && t.get(pos).line() == t.get(pos - 1).endLine()) {
            List<Term> all = new ArrayList<>(args);
            all.add(kotlinLambda(pos));
            pos = Math.min(skip(pos), to);
            return List.copyOf(all);
        }
        return List.copyOf(args);
    }

    private Term other(int to) {
        int start = pos;
        while (pos < to && !t.get(pos).isSymbol(";")) {
            pos = skip(pos);
        }
        return new Term.Other(startOf(start), endOf(Math.max(pos, start + 1)), t.get(Math.min(start, t.size() - 1)).line());
    }

    private static boolean isString(Term term) {
        return term instanceof Term.Constant c && (c.expr() instanceof Expr.Literal || c.expr() instanceof Expr.Concat);
    }

    /** The index after {@code <...>} at {@code t[k]}, or {@code k} when it does not close on the way. */
    private int angles(int k, int to) {
        int level = 0;
        for (int j = k; j < to; j++) {
            Token x = t.get(j);
            if (x.isSymbol("<")) {
                level++;
            } else if (x.isSymbol(">")) {
                if (--level == 0) {
                    return j + 1;
                }
            } else if (!(x.isIdent() || x.isSymbol(",") || x.isSymbol(".") || x.isSymbol("?") || x.isSymbol("[")
                    || x.isSymbol("]") || x.isSymbol("*") || x.isSymbol("&") || x.isSymbol("@"))) {
                return k;
            }
        }
        return k;
    }

    private int startOf(int index) {
        return index < t.size() ? t.get(index).start() : source.length();
    }

    /** The source offset after the token before {@code index}. */
    private int endOf(int index) {
        return index <= 0 ? 0 : t.get(Math.min(index, t.size()) - 1).end();
    }

    private int skip(int i) {
        return match[i] < 0 ? i + 1 : Math.max(i + 1, match[i] + 1);
    }

    private int closeOf(int open) {
        return match[open] < 0 ? t.size() : match[open];
    }

    private static boolean isOpener(Token x) {
        return DeclarationReader.isOpener(x);
    }

    private static boolean isCloser(Token x) {
        return DeclarationReader.isCloser(x);
    }
}
