package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.ArrayList;
import java.util.List;

/** Turns the tokens of an annotation argument or a constant's initializer into an {@link Expr}. */
final class ExprParser {

    private static final int MAX_DEPTH = 24;

    private ExprParser() {
    }

    static Expr parse(List<Token> tokens, String source) {
        return parse(tokens, source, 0);
    }

    private static Expr parse(List<Token> tokens, String source, int depth) {
        if (tokens.isEmpty()) {
            return new Expr.Opaque("");
        }
        String raw = source.substring(tokens.get(0).start(), Math.max(tokens.get(0).start(),
                tokens.get(tokens.size() - 1).end()));
        if (depth > MAX_DEPTH) {
            return new Expr.Opaque(raw);
        }
        int size = tokens.size();
        Token first = tokens.get(0);
        Token last = tokens.get(size - 1);
        if (first.isSymbol("(") && last.isSymbol(")") && closer(tokens, 0) == size - 1) {
            return parse(tokens.subList(1, size - 1), source, depth + 1);
        }
        if ((first.isSymbol("{") && last.isSymbol("}") || first.isSymbol("[") && last.isSymbol("]"))
                && closer(tokens, 0) == size - 1) {
            return array(tokens.subList(1, size - 1), raw, source, depth);
        }
        if ((first.isWord("arrayOf") || first.isWord("emptyArray")) && size >= 3 && tokens.get(1).isSymbol("(")
                && last.isSymbol(")") && closer(tokens, 1) == size - 1) {
            return array(tokens.subList(2, size - 1), raw, source, depth);
        }
        if (first.isWord("new") && last.isSymbol("}")) {
            for (int i = 1; i < size; i++) {
                if (tokens.get(i).isSymbol("{")) {
                    return closer(tokens, i) == size - 1 ? array(tokens.subList(i + 1, size - 1), raw, source, depth)
                            : new Expr.Opaque(raw);
                }
            }
        }
        List<List<Token>> terms = splitTopLevel(tokens, "+");
        if (terms.size() > 1) {
            List<Expr> parts = new ArrayList<>();
            for (List<Token> term : terms) {
                if (term.isEmpty()) {
                    return new Expr.Opaque(raw);
                }
                parts.add(parse(term, source, depth + 1));
            }
            return new Expr.Concat(List.copyOf(parts), raw);
        }
        if (size == 1) {
            return switch (first.kind()) {
                case STRING -> string(first, raw, source, depth);
                case CHAR -> new Expr.Literal(first.text(), raw);
                case NUMBER -> new Expr.Literal(number(first.text()), raw);
                case IDENT -> new Expr.Reference(first.text(), raw);
                case SYMBOL -> new Expr.Opaque(raw);
            };
        }
        return dotted(tokens, raw);
    }

    private static Expr array(List<Token> inner, String raw, String source, int depth) {
        List<Expr> elements = new ArrayList<>();
        for (List<Token> element : splitTopLevel(inner, ",")) {
            if (!element.isEmpty()) {
                elements.add(parse(element, source, depth + 1));
            }
        }
        return new Expr.Array(List.copyOf(elements), raw);
    }

    private static Expr string(Token token, String raw, String source, int depth) {
        if (token.isPlainString()) {
            return new Expr.Literal(token.text(), raw);
        }
        List<Expr> parts = new ArrayList<>();
        for (StringPart part : token.parts()) {
            switch (part) {
                case StringPart.Text text -> parts.add(new Expr.Literal(text.value(), text.value()));
                case StringPart.Code code -> parts.add(code.tokens().isEmpty()
                        ? new Expr.Opaque(source.substring(code.start(), code.end()))
                        : parse(code.tokens(), source, depth + 1));
            }
        }
        return new Expr.Concat(List.copyOf(parts), raw);
    }

    private static Expr dotted(List<Token> tokens, String raw) {
        if (tokens.size() % 2 == 0) {
            return new Expr.Opaque(raw);
        }
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            Token x = tokens.get(i);
            if (i % 2 == 0 ? !x.isIdent() : !x.isSymbol(".")) {
                return new Expr.Opaque(raw);
            }
            name.append(x.text());
        }
        return new Expr.Reference(name.toString(), raw);
    }

    private static String number(String text) {
        return text.endsWith("L") || text.endsWith("l") ? text.substring(0, text.length() - 1) : text;
    }

    /** Index of the bracket closing {@code tokens[open]}, or -1. */
    private static int closer(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            Token x = tokens.get(i);
            if (isOpener(x)) {
                depth++;
            } else if (isCloser(x) && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Splits at {@code separator} symbols outside brackets. */
    static List<List<Token>> splitTopLevel(List<Token> tokens, String separator) {
        List<List<Token>> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token x = tokens.get(i);
            if (isOpener(x)) {
                depth++;
            } else if (isCloser(x)) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && x.isSymbol(separator)) {
                parts.add(tokens.subList(start, i));
                start = i + 1;
            }
        }
        parts.add(tokens.subList(start, tokens.size()));
        return parts;
    }

    private static boolean isOpener(Token x) {
        return x.isSymbol("(") || x.isSymbol("[") || x.isSymbol("{");
    }

    private static boolean isCloser(Token x) {
        return x.isSymbol(")") || x.isSymbol("]") || x.isSymbol("}");
    }
}
