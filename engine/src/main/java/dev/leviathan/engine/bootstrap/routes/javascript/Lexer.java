package dev.leviathan.engine.bootstrap.routes.javascript;

import dev.leviathan.engine.bootstrap.routes.javascript.Token.Kind;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * Splits JavaScript / TypeScript source into tokens. It never fails: unterminated strings end at
 * the line end, a {@code /} that cannot be closed as a regular expression on its line is a
 * division, and a {@code <} that does not open a well-formed JSX element is a less-than. Every
 * decision looks a bounded distance ahead except JSX, whose failed attempts are capped per file,
 * so the time stays linear in the file size.
 */
final class Lexer {

    /** Keywords after which an expression starts, so a {@code /} opens a regular expression. */
    private static final Set<String> KEYWORDS_BEFORE_EXPRESSION = Set.of("return", "typeof", "instanceof", "in",
            "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await", "extends");

    /** One-character punctuators, interned so the hot path allocates nothing. */
    private static final String[] SINGLE = new String[128];

    static {
        for (char c = 0; c < SINGLE.length; c++) {
            SINGLE[c] = String.valueOf(c).intern();
        }
    }

    private static final int MAX_JSX_FAILURES = 16;
    private static final int MAX_JSX_DEPTH = 48;

    private final String src;
    private final int length;
    private final boolean jsx;
    private final boolean record;
    private final int depth;
    private final List<Token> tokens;
    /** Open braces: set bit = the brace is a template substitution {@code ${}. */
    private final BitSet braceIsTemplate = new BitSet();
    private int braceDepth;
    private int pos;
    private boolean newline;
    private Token last;
    private int jsxFailures;
    /** For a nested lexer skipping a JSX expression container: the offset just past its closing brace. */
    private int stoppedAt = -1;

    private Lexer(String src, int start, boolean jsx, boolean record, int depth) {
        this.src = src;
        this.length = src.length();
        this.pos = start;
        this.jsx = jsx;
        this.record = record;
        this.depth = depth;
        this.tokens = record ? new ArrayList<>(Math.max(16, (length - start) / 5)) : List.of();
    }

    /**
     * The tokens of {@code src}, ending with one {@link Kind#EOF} token.
     *
     * @param jsx whether {@code <} in expression position may open a JSX element (false for
     *     {@code .ts}, where it is a type assertion)
     */
    static List<Token> tokenize(String src, boolean jsx) {
        Lexer lexer = new Lexer(src, 0, jsx, true, 0);
        if (src.startsWith("#!")) {
            while (lexer.pos < lexer.length && !isLineTerminator(src.charAt(lexer.pos))) {
                lexer.pos++;
            }
        }
        lexer.run(false);
        return lexer.tokens;
    }

    private void run(boolean stopAtUnmatchedBrace) {
        while (true) {
            skipTrivia();
            if (pos >= length) {
                if (record) {
                    tokens.add(new Token(Kind.EOF, "", length, length, true));
                }
                return;
            }
            if (stopAtUnmatchedBrace && braceDepth == 0 && src.charAt(pos) == '}') {
                stoppedAt = pos + 1;
                return;
            }
            Token token = scan();
            if (record) {
                tokens.add(token);
            }
            last = token;
            newline = false;
        }
    }

    private void skipTrivia() {
        while (pos < length) {
            char c = src.charAt(pos);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                newline = true;
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\u00A0' || c == '\uFEFF'
                    || (c > 127 && Character.isSpaceChar(c))) {
                pos++;
            } else if (c == '/' && pos + 1 < length && src.charAt(pos + 1) == '/') {
                pos += 2;
                while (pos < length && !isLineTerminator(src.charAt(pos))) {
                    pos++;
                }
            } else if (c == '/' && pos + 1 < length && src.charAt(pos + 1) == '*') {
                int close = src.indexOf("*/", pos + 2);
                int end = close < 0 ? length : close + 2;
                for (int i = pos; i < end; i++) {
                    if (isLineTerminator(src.charAt(i))) {
                        newline = true;
                        break;
                    }
                }
                pos = end;
            } else {
                return;
            }
        }
    }

    private Token scan() {
        int start = pos;
        char c = src.charAt(pos);
        if (isIdentifierStart(c) || (c == '\\' && pos + 1 < length && src.charAt(pos + 1) == 'u')) {
            return name(Kind.NAME, start, start);
        }
        if (c == '#' && pos + 1 < length && isIdentifierStart(src.charAt(pos + 1))) {
            return name(Kind.PRIVATE_NAME, start, start + 1);
        }
        if (isDigit(c) || (c == '.' && pos + 1 < length && isDigit(src.charAt(pos + 1)))) {
            return number(start);
        }
        switch (c) {
            case '"', '\'' -> {
                return string(start, c);
            }
            case '`' -> {
                pos++;
                return templatePart(start, true);
            }
            case '{' -> {
                pushBrace(false);
                pos++;
                return token(Kind.PUNCT, "{", start);
            }
            case '}' -> {
                if (braceDepth > 0) {
                    boolean template = braceIsTemplate.get(braceDepth - 1);
                    braceDepth--;
                    if (template) {
                        pos++;
                        return templatePart(start, false);
                    }
                }
                pos++;
                return token(Kind.PUNCT, "}", start);
            }
            case '/' -> {
                if (regexAllowed()) {
                    int end = regexEnd(pos);
                    if (end > 0) {
                        pos = end;
                        return token(Kind.REGEX, src.substring(start, end), start);
                    }
                }
            }
            case '<' -> {
                if (jsx && jsxFailures < MAX_JSX_FAILURES && depth < MAX_JSX_DEPTH && regexAllowed()
                        && pos + 1 < length && (isIdentifierStart(src.charAt(pos + 1)) || src.charAt(pos + 1) == '>')) {
                    int end = jsxElement(pos, 0);
                    if (end > 0) {
                        pos = end;
                        return token(Kind.JSX, "", start);
                    }
                    jsxFailures++;
                }
            }
            default -> {
                // punctuator below
            }
        }
        return punctuator(start);
    }

    private Token token(Kind kind, String text, int start) {
        return new Token(kind, text, start, pos, newline);
    }

    private Token name(Kind kind, int start, int from) {
        pos = from;
        StringBuilder escaped = null;
        while (pos < length) {
            char c = src.charAt(pos);
            if (c == '\\' && pos + 1 < length && src.charAt(pos + 1) == 'u') {
                // a unicode escape in an identifier: rare, decoded so the name compares equal
                if (escaped == null) {
                    escaped = new StringBuilder(src.substring(start, pos));
                }
                int[] decoded = unicodeEscape(pos + 2);
                escaped.appendCodePoint(decoded[0]);
                pos = decoded[1];
            } else if (isIdentifierPart(c)) {
                if (escaped != null) {
                    escaped.append(c);
                }
                pos++;
            } else {
                break;
            }
        }
        String text = escaped != null ? escaped.toString() : src.substring(start, pos);
        return token(kind, text, start);
    }

    private Token number(int start) {
        pos++;
        while (pos < length) {
            char c = src.charAt(pos);
            if (isIdentifierPart(c) || c == '.') {
                pos++;
            } else if ((c == '+' || c == '-') && (src.charAt(pos - 1) == 'e' || src.charAt(pos - 1) == 'E')
                    && !src.startsWith("0x", start) && !src.startsWith("0X", start)) {
                pos++;
            } else {
                break;
            }
        }
        return token(Kind.NUMBER, src.substring(start, pos), start);
    }

    private Token string(int start, char quote) {
        pos++;
        StringBuilder value = new StringBuilder();
        while (pos < length) {
            char c = src.charAt(pos);
            if (c == quote) {
                pos++;
                break;
            }
            if (c == '\n' || c == '\r') {
                break;
            }
            if (c == '\\') {
                escape(value);
            } else {
                value.append(c);
                pos++;
            }
        }
        return token(Kind.STRING, value.toString(), start);
    }

    /** Scans from just after {@code `} or the {@code }} closing a substitution. */
    private Token templatePart(int start, boolean head) {
        StringBuilder value = new StringBuilder();
        while (pos < length) {
            char c = src.charAt(pos);
            if (c == '`') {
                pos++;
                return token(head ? Kind.TEMPLATE : Kind.TEMPLATE_TAIL, value.toString(), start);
            }
            if (c == '$' && pos + 1 < length && src.charAt(pos + 1) == '{') {
                pos += 2;
                pushBrace(true);
                return token(head ? Kind.TEMPLATE_HEAD : Kind.TEMPLATE_MIDDLE, value.toString(), start);
            }
            if (c == '\\') {
                escape(value);
            } else {
                value.append(c);
                pos++;
            }
        }
        return token(head ? Kind.TEMPLATE : Kind.TEMPLATE_TAIL, value.toString(), start);
    }

    private void pushBrace(boolean template) {
        braceIsTemplate.set(braceDepth, template);
        braceDepth++;
    }

    /** Decodes one escape sequence starting at the backslash under {@code pos}. */
    private void escape(StringBuilder value) {
        pos++;
        if (pos >= length) {
            return;
        }
        char c = src.charAt(pos);
        pos++;
        switch (c) {
            case 'n' -> value.append('\n');
            case 't' -> value.append('\t');
            case 'r' -> value.append('\r');
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 'v' -> value.append('\u000B');
            case '0' -> value.append('\0');
            case 'x' -> {
                int code = hex(pos, 2);
                if (code >= 0) {
                    value.append((char) code);
                    pos += 2;
                } else {
                    value.append('x');
                }
            }
            case 'u' -> {
                int[] decoded = unicodeEscape(pos);
                value.appendCodePoint(decoded[0]);
                pos = decoded[1];
            }
            case '\r' -> {
                if (pos < length && src.charAt(pos) == '\n') {
                    pos++;
                }
            }
            case '\n', '\u2028', '\u2029' -> {
                // line continuation
            }
            default -> value.append(c);
        }
    }

    /** {@code [code point, end offset]} of {@code XXXX} or {@code {X...}} starting at {@code from}. */
    private int[] unicodeEscape(int from) {
        if (from < length && src.charAt(from) == '{') {
            int close = src.indexOf('}', from);
            if (close > from && close - from <= 7) {
                try {
                    int code = Integer.parseInt(src.substring(from + 1, close), 16);
                    if (Character.isValidCodePoint(code)) {
                        return new int[] {code, close + 1};
                    }
                } catch (NumberFormatException e) {
                    // not an escape: fall through and keep the letter
                }
            }
            return new int[] {'u', from};
        }
        int code = hex(from, 4);
        return code >= 0 ? new int[] {code, from + 4} : new int[] {'u', from};
    }

    private int hex(int from, int digits) {
        if (from + digits > length) {
            return -1;
        }
        int code = 0;
        for (int i = from; i < from + digits; i++) {
            int d = Character.digit(src.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            code = code * 16 + d;
        }
        return code;
    }

    private boolean regexAllowed() {
        if (last == null) {
            return true;
        }
        return switch (last.kind()) {
            case NUMBER, STRING, TEMPLATE, TEMPLATE_TAIL, REGEX, JSX, PRIVATE_NAME -> false;
            case NAME -> KEYWORDS_BEFORE_EXPRESSION.contains(last.text());
            case PUNCT -> !(last.text().equals(")") || last.text().equals("]") || last.text().equals("++")
                    || last.text().equals("--"));
            default -> true;
        };
    }

    /** The end of a regular expression literal starting at {@code start}, or -1 if the line ends first. */
    private int regexEnd(int start) {
        int p = start + 1;
        boolean inClass = false;
        while (p < length) {
            char c = src.charAt(p);
            if (isLineTerminator(c)) {
                return -1;
            }
            if (c == '\\') {
                p += 2;
                continue;
            }
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                }
            } else if (c == '[') {
                inClass = true;
            } else if (c == '/') {
                break;
            }
            p++;
        }
        if (p >= length) {
            return -1;
        }
        p++;
        while (p < length && isIdentifierPart(src.charAt(p))) {
            p++;
        }
        return p;
    }

    private Token punctuator(int start) {
        char c = src.charAt(pos);
        char c1 = at(pos + 1);
        char c2 = at(pos + 2);
        String p = switch (c) {
            case '>' -> c1 == '>' ? (c2 == '>' ? (at(pos + 3) == '=' ? ">>>=" : ">>>") : (c2 == '=' ? ">>=" : ">>"))
                    : (c1 == '=' ? ">=" : ">");
            case '<' -> c1 == '<' ? (c2 == '=' ? "<<=" : "<<") : (c1 == '=' ? "<=" : "<");
            case '=' -> c1 == '=' ? (c2 == '=' ? "===" : "==") : (c1 == '>' ? "=>" : "=");
            case '!' -> c1 == '=' ? (c2 == '=' ? "!==" : "!=") : "!";
            case '*' -> c1 == '*' ? (c2 == '=' ? "**=" : "**") : (c1 == '=' ? "*=" : "*");
            case '&' -> c1 == '&' ? (c2 == '=' ? "&&=" : "&&") : (c1 == '=' ? "&=" : "&");
            case '|' -> c1 == '|' ? (c2 == '=' ? "||=" : "||") : (c1 == '=' ? "|=" : "|");
            // `a?.5:b` is a conditional, not optional chaining
            case '?' -> c1 == '?' ? (c2 == '=' ? "??=" : "??") : (c1 == '.' && !isDigit(c2) ? "?." : "?");
            case '.' -> c1 == '.' && c2 == '.' ? "..." : ".";
            case '+' -> c1 == '+' ? "++" : (c1 == '=' ? "+=" : "+");
            case '-' -> c1 == '-' ? "--" : (c1 == '=' ? "-=" : "-");
            case '/' -> c1 == '=' ? "/=" : "/";
            case '%' -> c1 == '=' ? "%=" : "%";
            case '^' -> c1 == '=' ? "^=" : "^";
            default -> c < SINGLE.length ? SINGLE[c] : String.valueOf(c);
        };
        pos += p.length();
        return token(Kind.PUNCT, p, start);
    }

    private char at(int p) {
        return p < length ? src.charAt(p) : '\0';
    }

    // ---- JSX: scanned as one opaque token; -1 when the text is not a well-formed element

    private int jsxElement(int p, int nesting) {
        if (nesting > MAX_JSX_DEPTH) {
            return -1;
        }
        p++;
        p = skipJsxSpace(p);
        if (p < length && src.charAt(p) == '>') {
            return jsxChildren(p + 1, nesting);
        }
        int nameStart = p;
        while (p < length && isJsxNamePart(src.charAt(p))) {
            p++;
        }
        if (p == nameStart) {
            return -1;
        }
        boolean first = true;
        while (true) {
            p = skipJsxSpace(p);
            if (p >= length) {
                return -1;
            }
            char c = src.charAt(p);
            if (c == '/') {
                return p + 1 < length && src.charAt(p + 1) == '>' ? p + 2 : -1;
            }
            if (c == '>') {
                return jsxChildren(p + 1, nesting);
            }
            if (c == '{') {
                p = skipContainer(p);
                if (p < 0) {
                    return -1;
                }
            } else if (isIdentifierStart(c)) {
                int attrStart = p;
                while (p < length && isJsxNamePart(src.charAt(p))) {
                    p++;
                }
                if (first && src.startsWith("extends", attrStart) && p - attrStart == 7) {
                    return -1; // `<T extends X>(…) =>`: a generic arrow function in .tsx
                }
                p = skipJsxSpace(p);
                if (p < length && src.charAt(p) == '=') {
                    p = skipJsxSpace(p + 1);
                    if (p >= length) {
                        return -1;
                    }
                    char v = src.charAt(p);
                    if (v == '"' || v == '\'') {
                        int close = src.indexOf(v, p + 1);
                        if (close < 0) {
                            return -1;
                        }
                        p = close + 1;
                    } else if (v == '{') {
                        p = skipContainer(p);
                    } else if (v == '<') {
                        p = jsxElement(p, nesting + 1);
                    } else {
                        return -1;
                    }
                    if (p < 0) {
                        return -1;
                    }
                }
            } else {
                return -1;
            }
            first = false;
        }
    }

    private int jsxChildren(int p, int nesting) {
        while (p < length) {
            char c = src.charAt(p);
            if (c == '<') {
                if (p + 1 < length && src.charAt(p + 1) == '/') {
                    int close = src.indexOf('>', p + 2);
                    return close < 0 ? -1 : close + 1;
                }
                p = jsxElement(p, nesting + 1);
                if (p < 0) {
                    return -1;
                }
            } else if (c == '{') {
                p = skipContainer(p);
                if (p < 0) {
                    return -1;
                }
            } else {
                p++;
            }
        }
        return -1;
    }

    /** Skips a JSX expression container {@code {…}} by lexing its JavaScript; -1 if unclosed. */
    private int skipContainer(int open) {
        Lexer inner = new Lexer(src, open + 1, jsx, false, depth + 1);
        inner.run(true);
        jsxFailures += inner.jsxFailures;
        return inner.stoppedAt;
    }

    private int skipJsxSpace(int p) {
        while (p < length) {
            char c = src.charAt(p);
            if (Character.isWhitespace(c)) {
                p++;
            } else if (c == '/' && p + 1 < length && src.charAt(p + 1) == '*') {
                int close = src.indexOf("*/", p + 2);
                if (close < 0) {
                    return length;
                }
                p = close + 2;
            } else {
                return p;
            }
        }
        return p;
    }

    private static boolean isJsxNamePart(char c) {
        return isIdentifierPart(c) || c == '-' || c == ':' || c == '.';
    }

    static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$'
                || (c > 127 && Character.isJavaIdentifierStart(c));
    }

    static boolean isIdentifierPart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$'
                || (c > 127 && Character.isJavaIdentifierPart(c) && !Character.isIdentifierIgnorable(c));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    }
}
