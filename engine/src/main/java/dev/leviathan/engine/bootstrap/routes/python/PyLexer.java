package dev.leviathan.engine.bootstrap.routes.python;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Python source into logical lines of tokens. Comments vanish, strings of every kind
 * (prefixes r, b, u, f, t in any case and combination, single and triple quotes, f-strings with
 * nested fields and nested strings) are single tokens, and newlines inside brackets or after a
 * backslash continue the logical line.
 *
 * <p>Broken source never stops it: an unterminated single-quoted string ends at its line's end, a
 * stray closing bracket is ignored, and an unclosed bracket is given up when a line at column 0
 * starts a definition or an import, so one typo does not swallow the rest of the file.
 */
final class PyLexer {

    private static final int MAX_FSTRING_NESTING = 20;

    private final String src;
    private final int n;
    private int pos;
    private int line = 1;
    private int depth;
    private final List<LogicalLine> lines = new ArrayList<>();
    /** The tokens of the logical line being read; reused, its tokens copied out when the line ends. */
    private final List<Token> current = new ArrayList<>(256);
    private int currentIndent;

    private PyLexer(String src, int from, int to) {
        this.src = src;
        this.pos = from;
        this.n = to;
    }

    /** The logical lines of a whole file. */
    static List<LogicalLine> lex(String text) {
        PyLexer lexer = new PyLexer(text, 0, text.length());
        lexer.run();
        return lexer.lines;
    }

    /**
     * The tokens of {@code text[from, to)} read as if inside brackets (so newlines do not end
     * it), with line numbers counted from {@code firstLine}: the expression of an f-string field.
     */
    static List<Token> lexFragment(String text, int from, int to, int firstLine) {
        PyLexer lexer = new PyLexer(text, from, to);
        lexer.line = firstLine;
        lexer.depth = 1;
        lexer.run();
        List<Token> all = new ArrayList<>();
        for (LogicalLine l : lexer.lines) {
            all.addAll(l.tokens());
        }
        return all;
    }

    private void run() {
        boolean atLineStart = depth == 0;
        while (pos < n) {
            if (atLineStart) {
                atLineStart = false;
                int col = 0;
                while (pos < n) {
                    char c = src.charAt(pos);
                    if (c == ' ') {
                        col++;
                    } else if (c == '\t') {
                        col = (col / 8 + 1) * 8;
                    } else if (c != '\f' && c != '\uFEFF') {
                        break;
                    }
                    pos++;
                }
                currentIndent = col;
                continue;
            }
            char c = src.charAt(pos);
            switch (c) {
                case ' ', '\t', '\f', '\uFEFF' -> pos++;
                case '\n', '\r' -> {
                    newline(c);
                    if (depth > 0 && startsDefinitionAtColumnZero()) {
                        depth = 0;
                    }
                    if (depth == 0) {
                        endLogicalLine();
                        atLineStart = true;
                    }
                }
                case '#' -> {
                    while (pos < n && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
                        pos++;
                    }
                }
                case '\\' -> {
                    if (pos + 1 < n && (src.charAt(pos + 1) == '\n' || src.charAt(pos + 1) == '\r')) {
                        pos++;
                        newline(src.charAt(pos));
                    } else {
                        add(Token.Kind.OP, pos, pos + 1, line);
                        pos++;
                    }
                }
                case '"', '\'' -> string(pos, pos, false, false);
                default -> {
                    if (isIdentStart(c)) {
                        name();
                    } else if (isDigit(c) || (c == '.' && pos + 1 < n && isDigit(src.charAt(pos + 1)))) {
                        number();
                    } else {
                        operator();
                    }
                }
            }
        }
        endLogicalLine();
    }

    /** Consumes one line break at {@code pos} ({@code \n}, {@code \r\n} or {@code \r}). */
    private void newline(char c) {
        pos++;
        if (c == '\r' && pos < n && src.charAt(pos) == '\n') {
            pos++;
        }
        line++;
    }

    private boolean startsDefinitionAtColumnZero() {
        return startsWithWord("def") || startsWithWord("class") || startsWithWord("import")
                || startsWithWord("from") || (pos < n && src.charAt(pos) == '@')
                || (src.startsWith("async", pos) && startsWithWordAt(pos + 6, "def") && src.charAt(pos + 5) == ' ');
    }

    private boolean startsWithWord(String w) {
        return startsWithWordAt(pos, w);
    }

    private boolean startsWithWordAt(int at, String w) {
        return at < n && src.startsWith(w, at) && at + w.length() < n && src.charAt(at + w.length()) == ' ';
    }

    private void endLogicalLine() {
        if (!current.isEmpty()) {
            lines.add(new LogicalLine(currentIndent, List.copyOf(current)));
            current.clear();
        }
    }

    private void add(Token.Kind kind, int start, int end, int tokenLine) {
        current.add(new Token(kind, src.substring(start, end), start, end, tokenLine, List.of()));
    }

    private void name() {
        int start = pos;
        while (pos < n && isIdentPart(src.charAt(pos))) {
            pos++;
        }
        if (pos < n && (src.charAt(pos) == '"' || src.charAt(pos) == '\'') && pos - start <= 3) {
            String prefix = src.substring(start, pos);
            if (isStringPrefix(prefix)) {
                String lower = prefix.toLowerCase();
                string(start, pos, lower.indexOf('r') >= 0, lower.indexOf('f') >= 0 || lower.indexOf('t') >= 0);
                return;
            }
        }
        add(Token.Kind.NAME, start, pos, line);
    }

    static boolean isStringPrefix(String p) {
        String lower = p.toLowerCase();
        return switch (lower) {
            case "r", "u", "b", "f", "t", "br", "rb", "fr", "rf", "tr", "rt" -> true;
            default -> false;
        };
    }

    private void number() {
        int start = pos;
        while (pos < n) {
            char c = src.charAt(pos);
            if (isIdentPart(c) || c == '.') {
                pos++;
            } else if ((c == '+' || c == '-') && (src.charAt(pos - 1) == 'e' || src.charAt(pos - 1) == 'E')
                    && !isHex(start)) {
                pos++;
            } else {
                break;
            }
        }
        add(Token.Kind.NUMBER, start, pos, line);
    }

    private boolean isHex(int start) {
        return start + 1 < n && src.charAt(start) == '0' && (src.charAt(start + 1) == 'x' || src.charAt(start + 1) == 'X');
    }

    private static final String[] OPERATORS = {
        "**=", "//=", ">>=", "<<=", "...", "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", "+=", "-=",
        "*=", "/=", "%=", "&=", "|=", "^=", "@=", ":=", "<>",
    };

    /** The operators above by their first character, longest first: a lexer sees an operator every few bytes. */
    private static final String[][] OPERATORS_BY_FIRST = new String[128][];

    static {
        for (int c = 0; c < 128; c++) {
            final char first = (char) c;
            OPERATORS_BY_FIRST[c] = java.util.Arrays.stream(OPERATORS).filter(op -> op.charAt(0) == first)
                    .toArray(String[]::new);
        }
    }

    private void operator() {
        int start = pos;
        char first = src.charAt(pos);
        for (String op : first < 128 ? OPERATORS_BY_FIRST[first] : new String[0]) {
            if (src.startsWith(op, pos) && pos + op.length() <= n) {
                pos += op.length();
                add(Token.Kind.OP, start, pos, line);
                return;
            }
        }
        char c = src.charAt(pos);
        pos++;
        if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if (c == ')' || c == ']' || c == '}') {
            depth = Math.max(0, depth - 1);
        }
        add(Token.Kind.OP, start, pos, line);
    }

    /** Lexes a string literal whose prefix starts at {@code start} and whose quote is at {@code quoteAt}. */
    private void string(int start, int quoteAt, boolean raw, boolean fstring) {
        int startLine = line;
        List<Token.Field> fields = fstring ? new ArrayList<>() : List.of();
        int end = scanString(quoteAt, raw, fstring, fields, 0);
        for (int i = start; i < end; i++) {
            char c = src.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= end || src.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        pos = end;
        current.add(new Token(Token.Kind.STRING, src.substring(start, end), start, end, startLine,
                fields.isEmpty() ? List.of() : List.copyOf(fields)));
    }

    /**
     * Scans a string body from its opening quote; returns the offset just past the closing quote
     * (or where an unterminated string gives up). Top-level replacement fields of an f-string go
     * to {@code fields}; nested ones are only skipped.
     */
    private int scanString(int quoteAt, boolean raw, boolean fstring, List<Token.Field> fields, int nesting) {
        char q = src.charAt(quoteAt);
        boolean triple = quoteAt + 2 < n && src.charAt(quoteAt + 1) == q && src.charAt(quoteAt + 2) == q;
        int p = quoteAt + (triple ? 3 : 1);
        while (p < n) {
            char c = src.charAt(p);
            if (c == '\\') {
                if (p + 1 >= n) {
                    return n;
                }
                char next = src.charAt(p + 1);
                if (fstring && (next == '{' || next == '}')) {
                    p++;
                } else if (fstring && !raw && next == 'N' && p + 2 < n && src.charAt(p + 2) == '{') {
                    int close = src.indexOf('}', p + 3);
                    p = close < 0 || close >= n ? n : close + 1;
                } else if (next == '\r' && p + 2 < n && src.charAt(p + 2) == '\n') {
                    p += 3;
                } else {
                    p += 2;
                }
                continue;
            }
            if (!triple && (c == '\n' || c == '\r')) {
                return p;
            }
            if (c == q) {
                if (!triple) {
                    return p + 1;
                }
                if (p + 2 < n && src.charAt(p + 1) == q && src.charAt(p + 2) == q) {
                    return p + 3;
                }
                p++;
                continue;
            }
            if (fstring && c == '{') {
                if (p + 1 < n && src.charAt(p + 1) == '{') {
                    p += 2;
                    continue;
                }
                int open = p;
                p = scanField(p + 1, q, triple, nesting, fields, open);
                continue;
            }
            p++;
        }
        return n;
    }

    /**
     * Scans one replacement field after its opening brace; returns the offset past its closing
     * brace, or the offset of the enclosing string's closing quote or line end when the field is
     * broken (so the string still ends sensibly).
     */
    private int scanField(int p, char q, boolean triple, int nesting, List<Token.Field> fields, int open) {
        int brackets = 0;
        int exprEnd = -1;
        while (p < n) {
            char c = src.charAt(p);
            if (!triple && (c == '\n' || c == '\r')) {
                return p;
            }
            if (c == '"' || c == '\'') {
                if (c == q && !triple && nesting >= MAX_FSTRING_NESTING) {
                    return p;
                }
                int prefixStart = p;
                while (prefixStart > 0 && p - prefixStart < 2 && Character.isLetter(src.charAt(prefixStart - 1))) {
                    prefixStart--;
                }
                String prefix = src.substring(prefixStart, p).toLowerCase();
                boolean nestedF = isStringPrefix(prefix) && (prefix.indexOf('f') >= 0 || prefix.indexOf('t') >= 0);
                boolean nestedRaw = isStringPrefix(prefix) && prefix.indexOf('r') >= 0;
                if (nesting >= MAX_FSTRING_NESTING) {
                    nestedF = false;
                }
                p = scanString(p, nestedRaw, nestedF, new ArrayList<>(), nesting + 1);
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                brackets++;
            } else if (c == ')' || c == ']') {
                brackets = Math.max(0, brackets - 1);
            } else if (c == '}') {
                if (brackets == 0) {
                    if (exprEnd < 0) {
                        fields.add(new Token.Field(open, p, p + 1, false));
                    } else {
                        fields.add(new Token.Field(open, exprEnd, p + 1, true));
                    }
                    return p + 1;
                }
                brackets--;
            } else if (brackets == 0 && exprEnd < 0 && (c == '!' || c == '=') && p + 1 < n && src.charAt(p + 1) != '='
                    && !(c == '=' && p > 0 && "=!<>".indexOf(src.charAt(p - 1)) >= 0)) {
                exprEnd = p;
            } else if (brackets == 0 && c == ':') {
                if (exprEnd < 0) {
                    exprEnd = p;
                }
                return scanFormatSpec(p + 1, q, triple, nesting, fields, open, exprEnd);
            }
            p++;
        }
        return n;
    }

    /** Scans a format spec (after the field's {@code :}), where quotes are literal text and braces nest fields. */
    private int scanFormatSpec(int p, char q, boolean triple, int nesting, List<Token.Field> fields, int open,
            int exprEnd) {
        while (p < n) {
            char c = src.charAt(p);
            if (!triple && (c == '\n' || c == '\r')) {
                return p;
            }
            if (c == q && (!triple || (p + 2 < n && src.charAt(p + 1) == q && src.charAt(p + 2) == q))) {
                return p;
            }
            if (c == '\\') {
                p += 2;
                continue;
            }
            if (c == '{') {
                p = scanField(p + 1, q, triple, nesting + 1, new ArrayList<>(), p);
                continue;
            }
            if (c == '}') {
                fields.add(new Token.Field(open, exprEnd, p + 1, true));
                return p + 1;
            }
            p++;
        }
        return n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
                || (c > 127 && Character.isUnicodeIdentifierStart(c));
    }

    private static boolean isIdentPart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || isDigit(c)
                || (c > 127 && Character.isUnicodeIdentifierPart(c));
    }
}
