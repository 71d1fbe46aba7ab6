package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits Java or Kotlin source into {@link Token}s. Comments vanish (Kotlin block comments nest,
 * Java ones do not); strings, text blocks, Kotlin raw strings and char literals become single
 * tokens with their decoded value, so nothing inside them is ever mistaken for code. Kotlin
 * template expressions ({@code ${...}}) are lexed recursively into {@link StringPart.Code}.
 * One pass, linear in the input; never throws on malformed text (an unterminated string ends at
 * its line's end, an unterminated comment or text block at the end of the file).
 */
final class JvmLexer {

    /** Kotlin templates nested deeper than this are skipped as text: no real code gets close. */
    private static final int MAX_TEMPLATE_NESTING = 16;

    private final String src;
    private final int n;
    private final boolean kotlin;
    private final int[] lineStarts;
    private int pos;

    private JvmLexer(String src, Dialect dialect) {
        this.src = src;
        this.n = src.length();
        this.kotlin = dialect == Dialect.KOTLIN;
        this.lineStarts = lineStarts(src);
    }

    static List<Token> lex(String src, Dialect dialect) {
        JvmLexer lexer = new JvmLexer(src, dialect);
        if (lexer.kotlin && src.startsWith("#!")) {
            lexer.skipLine();
        }
        return lexer.tokens(0, false);
    }

    private List<Token> tokens(int nesting, boolean inTemplate) {
        List<Token> out = new ArrayList<>();
        int braces = 0;
        while (pos < n) {
            char c = src.charAt(pos);
            if (c <= ' ' || c == '\u00A0' || c == '\uFEFF' || Character.isWhitespace(c)) {
                pos++;
                continue;
            }
            int start = pos;
            char next = pos + 1 < n ? src.charAt(pos + 1) : '\0';
            if (c == '/' && next == '/') {
                skipLine();
            } else if (c == '/' && next == '*') {
                skipBlockComment();
            } else if (c == '"') {
                out.add(string(nesting));
            } else if (c == '\'') {
                out.add(charLiteral());
            } else if (c == '`' && kotlin) {
                out.add(backtickIdentifier());
            } else if (c == '{') {
                braces++;
                pos++;
                out.add(token(Token.Kind.SYMBOL, "{", start, pos, List.of()));
            } else if (c == '}') {
                pos++;
                if (inTemplate && braces == 0) {
                    return out;
                }
                braces--;
                out.add(token(Token.Kind.SYMBOL, "}", start, pos, List.of()));
            } else if ((c == '-' && next == '>') || (c == ':' && next == ':')) {
                pos += 2;
                out.add(token(Token.Kind.SYMBOL, src.substring(start, pos), start, pos, List.of()));
            } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(next))) {
                out.add(number());
            } else if (Character.isJavaIdentifierStart(src.codePointAt(pos))) {
                out.add(identifier());
            } else {
                pos += Character.charCount(src.codePointAt(pos));
                out.add(token(Token.Kind.SYMBOL, src.substring(start, pos), start, pos, List.of()));
            }
        }
        return out;
    }

    private void skipLine() {
        while (pos < n && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
            pos++;
        }
    }

    private void skipBlockComment() {
        pos += 2;
        if (!kotlin) {
            int close = src.indexOf("*/", pos);
            pos = close < 0 ? n : close + 2;
            return;
        }
        int depth = 1;
        while (pos < n && depth > 0) {
            if (src.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (src.startsWith("*/", pos)) {
                depth--;
                pos += 2;
            } else {
                pos++;
            }
        }
    }

    private Token identifier() {
        int start = pos;
        pos += Character.charCount(src.codePointAt(pos));
        while (pos < n) {
            int cp = src.codePointAt(pos);
            if (!Character.isJavaIdentifierPart(cp) || (kotlin && cp == '$')) {
                break;
            }
            pos += Character.charCount(cp);
        }
        return token(Token.Kind.IDENT, src.substring(start, pos), start, pos, List.of());
    }

    private Token backtickIdentifier() {
        int start = pos++;
        int contentStart = pos;
        while (pos < n && src.charAt(pos) != '`' && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
            pos++;
        }
        String name = src.substring(contentStart, pos);
        if (pos < n && src.charAt(pos) == '`') {
            pos++;
        }
        return token(Token.Kind.IDENT, name, start, pos, List.of());
    }

    private Token number() {
        int start = pos;
        while (pos < n) {
            char c = src.charAt(pos);
            boolean digitAfterDot = c == '.' && pos + 1 < n && Character.isDigit(src.charAt(pos + 1));
            if (!(Character.isLetterOrDigit(c) || c == '_' || digitAfterDot)) {
                break;
            }
            pos++;
        }
        return token(Token.Kind.NUMBER, src.substring(start, pos), start, pos, List.of());
    }

    private Token charLiteral() {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        if (pos < n && src.charAt(pos) == '\\') {
            pos = decodeEscape(src, pos, value, kotlin);
        } else if (pos < n && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
            int cp = src.codePointAt(pos);
            value.appendCodePoint(cp);
            pos += Character.charCount(cp);
        }
        if (pos < n && src.charAt(pos) == '\'') {
            pos++;
            String text = value.toString();
            return token(Token.Kind.CHAR, text, start, pos, List.of(new StringPart.Text(text)));
        }
        // Not a char literal after all (broken source): the quote is a lone symbol.
        pos = start + 1;
        return token(Token.Kind.SYMBOL, "'", start, pos, List.of());
    }

    private Token string(int nesting) {
        int start = pos;
        if (src.startsWith("\"\"\"", pos)) {
            return kotlin ? rawString(nesting) : textBlock();
        }
        pos++;
        List<StringPart> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (pos < n) {
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                break;
            }
            if (c == '\n' || c == '\r') {
                break;
            }
            if (c == '\\') {
                pos = decodeEscape(src, pos, text, kotlin);
            } else if (kotlin && c == '$' && startsTemplate()) {
                flush(text, parts);
                parts.add(template(nesting));
            } else {
                text.append(c);
                pos++;
            }
        }
        return stringToken(start, text, parts);
    }

    /** A Kotlin {@code """raw"""} string: no escapes, templates still apply. */
    private Token rawString(int nesting) {
        int start = pos;
        pos += 3;
        List<StringPart> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (pos < n) {
            char c = src.charAt(pos);
            if (c == '"' && src.startsWith("\"\"\"", pos)) {
                // Extra quotes before the closing three belong to the content.
                while (pos + 3 < n && src.charAt(pos + 3) == '"') {
                    text.append('"');
                    pos++;
                }
                pos += 3;
                break;
            }
            if (c == '$' && startsTemplate()) {
                flush(text, parts);
                parts.add(template(nesting));
            } else {
                text.append(c);
                pos++;
            }
        }
        return stringToken(start, text, parts);
    }

    /** A Java text block: incidental indentation stripped, then escapes decoded. */
    private Token textBlock() {
        int start = pos;
        int i = pos + 3;
        int close = -1;
        while (i < n) {
            char c = src.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"' && src.startsWith("\"\"\"", i)) {
                close = i;
                break;
            } else {
                i++;
            }
        }
        String raw = src.substring(pos + 3, close < 0 ? n : close);
        pos = close < 0 ? n : close + 3;
        String value = textBlockValue(raw);
        return token(Token.Kind.STRING, value, start, pos, List.of(new StringPart.Text(value)));
    }

    private boolean startsTemplate() {
        if (pos + 1 >= n) {
            return false;
        }
        char next = src.charAt(pos + 1);
        return next == '{' || next == '_' || Character.isLetter(next);
    }

    private StringPart.Code template(int nesting) {
        if (src.charAt(pos + 1) != '{') {
            int start = ++pos;
            while (pos < n && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                pos++;
            }
            Token name = token(Token.Kind.IDENT, src.substring(start, pos), start, pos, List.of());
            return new StringPart.Code(List.of(name), start, pos);
        }
        pos += 2;
        int start = pos;
        if (nesting >= MAX_TEMPLATE_NESTING) {
            int close = src.indexOf('}', pos);
            pos = close < 0 ? n : close + 1;
            return new StringPart.Code(List.of(), start, Math.max(start, pos - 1));
        }
        List<Token> inner = tokens(nesting + 1, true);
        int end = pos > start && src.charAt(pos - 1) == '}' ? pos - 1 : pos;
        return new StringPart.Code(List.copyOf(inner), start, end);
    }

    private static void flush(StringBuilder text, List<StringPart> parts) {
        if (!text.isEmpty()) {
            parts.add(new StringPart.Text(text.toString()));
            text.setLength(0);
        }
    }

    private Token stringToken(int start, StringBuilder text, List<StringPart> parts) {
        flush(text, parts);
        StringBuilder literal = new StringBuilder();
        for (StringPart part : parts) {
            if (part instanceof StringPart.Text t) {
                literal.append(t.value());
            }
        }
        return token(Token.Kind.STRING, literal.toString(), start, pos, List.copyOf(parts));
    }

    private Token token(Token.Kind kind, String text, int start, int end, List<StringPart> parts) {
        return new Token(kind, text, start, end, lineOf(start), lineOf(Math.max(start, end - 1)), parts);
    }

    private int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    private static int[] lineStarts(String src) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= src.length() || src.charAt(i + 1) != '\n'))) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /**
     * Decodes the escape starting at {@code s[i] == '\\'} into {@code out}; returns the index
     * after it. Unknown escapes keep the escaped character.
     */
    static int decodeEscape(CharSequence s, int i, StringBuilder out, boolean kotlin) {
        if (i + 1 >= s.length()) {
            return i + 1;
        }
        char e = s.charAt(i + 1);
        switch (e) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 's' -> out.append(kotlin ? 's' : ' ');
            case '\n' -> {
                // Java text block line continuation: the line break disappears.
            }
            case 'u' -> {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) == 'u') {
                    j++;
                }
                if (j + 4 <= s.length() && isHex(s, j, j + 4)) {
                    out.append((char) Integer.parseInt(s.subSequence(j, j + 4).toString(), 16));
                    return j + 4;
                }
                out.append('u');
            }
            default -> {
                if (!kotlin && e >= '0' && e <= '7') {
                    int j = i + 1;
                    int limit = Math.min(s.length(), j + (e <= '3' ? 3 : 2));
                    int value = 0;
                    while (j < limit && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
                        value = value * 8 + (s.charAt(j) - '0');
                        j++;
                    }
                    out.append((char) value);
                    return j;
                }
                out.append(e);
            }
        }
        return i + 2;
    }

    private static boolean isHex(CharSequence s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The value of a Java text block body (between the delimiters), as javac computes it. */
    static String textBlockValue(String raw) {
        String content = raw.replace("\r\n", "\n").replace('\r', '\n');
        int firstBreak = content.indexOf('\n');
        content = firstBreak < 0 ? content : content.substring(firstBreak + 1);
        String[] lines = content.split("\n", -1);
        int last = lines.length - 1;
        boolean closingOnOwnLine = lines[last].isBlank();
        int indent = Integer.MAX_VALUE;
        for (int i = 0; i <= last; i++) {
            if (!lines[i].isBlank() || i == last) {
                indent = Math.min(indent, leadingWhitespace(lines[i]));
            }
        }
        StringBuilder stripped = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            if (i == last && closingOnOwnLine) {
                break;
            }
            String line = lines[i];
            stripped.append(line.isBlank() ? "" : line.substring(Math.min(indent, line.length())).stripTrailing());
            if (i < last) {
                stripped.append('\n');
            }
        }
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < stripped.length(); ) {
            if (stripped.charAt(i) == '\\') {
                i = decodeEscape(stripped, i, value, false);
            } else {
                value.append(stripped.charAt(i++));
            }
        }
        return value.toString();
    }

    private static int leadingWhitespace(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }
}
