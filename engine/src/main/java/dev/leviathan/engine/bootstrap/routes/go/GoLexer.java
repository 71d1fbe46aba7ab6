package dev.leviathan.engine.bootstrap.routes.go;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits Go source into tokens, dropping comments and inserting the semicolons the Go spec puts
 * at line ends. Never fails: an unterminated literal ends at the line end (interpreted strings,
 * runes) or at the end of the text (raw strings), and an unknown character becomes a one-char
 * operator, so broken files still give a token stream the parser can recover from.
 */
final class GoLexer {

    static final Set<String> KEYWORDS = Set.of("break", "case", "chan", "const", "continue", "default",
            "defer", "else", "fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map",
            "package", "range", "return", "select", "struct", "switch", "type", "var");

    private final String src;
    private final List<Token> out = new ArrayList<>();
    private int pos;
    private int line = 1;

    private GoLexer(String src) {
        this.src = src;
    }

    static List<Token> tokenize(String src) {
        GoLexer lexer = new GoLexer(src);
        lexer.run();
        return lexer.out;
    }

    private void run() {
        int n = src.length();
        if (n > 0 && src.charAt(0) == '\uFEFF') {
            pos = 1;
        }
        while (pos < n) {
            char c = src.charAt(pos);
            if (c == '\n') {
                newline();
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == '/' && pos + 1 < n && src.charAt(pos + 1) == '/') {
                while (pos < n && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '/' && pos + 1 < n && src.charAt(pos + 1) == '*') {
                blockComment();
            } else if (isLetter(c)) {
                ident();
            } else if (isDigit(c) || c == '.' && pos + 1 < n && isDigit(src.charAt(pos + 1))) {
                number();
            } else if (c == '"') {
                interpreted();
            } else if (c == '`') {
                raw();
            } else if (c == '\'') {
                rune();
            } else {
                operator();
            }
        }
        if (needsSemicolon()) {
            out.add(new Token(Token.Kind.SEMI, "\n", line, pos, pos, true));
        }
        out.add(new Token(Token.Kind.EOF, "", line, pos, pos, false));
    }

    private void newline() {
        if (needsSemicolon()) {
            out.add(new Token(Token.Kind.SEMI, "\n", line, pos, pos, true));
        }
        line++;
    }

    private boolean needsSemicolon() {
        if (out.isEmpty()) {
            return false;
        }
        Token last = out.get(out.size() - 1);
        return switch (last.kind()) {
            case IDENT -> !KEYWORDS.contains(last.value()) || switch (last.value()) {
                case "break", "continue", "fallthrough", "return" -> true;
                default -> false;
            };
            case NUMBER, CHAR, STRING -> true;
            case OP -> switch (last.value()) {
                case "++", "--", ")", "]", "}" -> true;
                default -> false;
            };
            default -> false;
        };
    }

    private void blockComment() {
        int end = src.indexOf("*/", pos + 2);
        int stop = end < 0 ? src.length() : end + 2;
        boolean sawNewline = false;
        for (int i = pos; i < stop; i++) {
            if (src.charAt(i) == '\n') {
                if (!sawNewline && needsSemicolon()) {
                    out.add(new Token(Token.Kind.SEMI, "\n", line, i, i, true));
                }
                sawNewline = true;
                line++;
            }
        }
        pos = stop;
    }

    private void ident() {
        int start = pos;
        while (pos < src.length() && (isLetter(src.charAt(pos)) || isDigit(src.charAt(pos)))) {
            pos++;
        }
        out.add(new Token(Token.Kind.IDENT, src.substring(start, pos), line, start, pos, false));
    }

    private void number() {
        int start = pos;
        boolean hex = src.startsWith("0x", pos) || src.startsWith("0X", pos);
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (isDigit(c) || isLetter(c) || c == '.') {
                pos++;
            } else if ((c == '+' || c == '-') && pos > start) {
                char prev = Character.toLowerCase(src.charAt(pos - 1));
                if (prev == 'p' || prev == 'e' && !hex) {
                    pos++;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        out.add(new Token(Token.Kind.NUMBER, src.substring(start, pos), line, start, pos, false));
    }

    private void interpreted() {
        int start = pos;
        int startLine = line;
        pos++;
        StringBuilder value = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                break;
            }
            if (c == '\n') {
                break;
            }
            if (c == '\\') {
                escape(value, '"');
            } else {
                value.append(c);
                pos++;
            }
        }
        out.add(new Token(Token.Kind.STRING, value.toString(), startLine, start, pos, false));
    }

    private void raw() {
        int start = pos;
        int startLine = line;
        int end = src.indexOf('`', pos + 1);
        int stop = end < 0 ? src.length() : end;
        StringBuilder value = new StringBuilder(stop - pos);
        for (int i = pos + 1; i < stop; i++) {
            char c = src.charAt(i);
            if (c == '\n') {
                line++;
            }
            if (c != '\r') {
                value.append(c);
            }
        }
        pos = end < 0 ? stop : stop + 1;
        out.add(new Token(Token.Kind.STRING, value.toString(), startLine, start, pos, false));
    }

    private void rune() {
        int start = pos;
        pos++;
        StringBuilder value = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\'') {
                pos++;
                break;
            }
            if (c == '\n') {
                break;
            }
            if (c == '\\') {
                escape(value, '\'');
            } else {
                value.append(c);
                pos++;
            }
        }
        out.add(new Token(Token.Kind.CHAR, value.toString(), line, start, pos, false));
    }

    /** Decodes one escape sequence starting at the backslash under {@code pos}. */
    private void escape(StringBuilder value, char quote) {
        pos++;
        if (pos >= src.length()) {
            return;
        }
        char c = src.charAt(pos);
        switch (c) {
            case 'n' -> simple(value, '\n');
            case 't' -> simple(value, '\t');
            case 'r' -> simple(value, '\r');
            case 'a' -> simple(value, '\u0007');
            case 'b' -> simple(value, '\b');
            case 'f' -> simple(value, '\f');
            case 'v' -> simple(value, '\u000b');
            case '\\' -> simple(value, '\\');
            case 'x' -> numeric(value, 1, 2, 16);
            case 'u' -> numeric(value, 1, 4, 16);
            case 'U' -> numeric(value, 1, 8, 16);
            case '\n' -> value.append('\\');
            default -> {
                if (c >= '0' && c <= '7') {
                    numeric(value, 0, 3, 8);
                } else {
                    simple(value, c == quote ? quote : c);
                }
            }
        }
    }

    private void simple(StringBuilder value, char c) {
        value.append(c);
        pos++;
    }

    private void numeric(StringBuilder value, int skip, int digits, int radix) {
        pos += skip;
        int code = 0;
        int read = 0;
        while (read < digits && pos < src.length() && Character.digit(src.charAt(pos), radix) >= 0) {
            code = code * radix + Character.digit(src.charAt(pos), radix);
            pos++;
            read++;
        }
        if (Character.isValidCodePoint(code)) {
            value.appendCodePoint(code);
        }
    }

    private static final String[] SINGLE = new String[128];

    static {
        for (char c = 0; c < 128; c++) {
            SINGLE[c] = String.valueOf(c);
        }
    }

    private void operator() {
        int length = operatorLength();
        char c = src.charAt(pos);
        String text = length == 1 ? (c < 128 ? SINGLE[c] : String.valueOf(c)) : src.substring(pos, pos + length);
        Token.Kind kind = c == ';' ? Token.Kind.SEMI : Token.Kind.OP;
        out.add(new Token(kind, text, line, pos, pos + length, false));
        pos += length;
    }

    /** The length of the longest operator at {@code pos} (one for any other character). */
    private int operatorLength() {
        char c = src.charAt(pos);
        char d = pos + 1 < src.length() ? src.charAt(pos + 1) : 0;
        char e = pos + 2 < src.length() ? src.charAt(pos + 2) : 0;
        return switch (c) {
            case '<' -> d == '<' ? (e == '=' ? 3 : 2) : (d == '=' || d == '-' ? 2 : 1);
            case '>' -> d == '>' ? (e == '=' ? 3 : 2) : (d == '=' ? 2 : 1);
            case '&' -> d == '^' ? (e == '=' ? 3 : 2) : (d == '&' || d == '=' ? 2 : 1);
            case '.' -> d == '.' && e == '.' ? 3 : 1;
            case '|' -> d == '|' || d == '=' ? 2 : 1;
            case '+' -> d == '+' || d == '=' ? 2 : 1;
            case '-' -> d == '-' || d == '=' ? 2 : 1;
            case '=', '!', '*', '/', '%', '^', ':' -> d == '=' ? 2 : 1;
            default -> 1;
        };
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c > 127 && Character.isLetter(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
