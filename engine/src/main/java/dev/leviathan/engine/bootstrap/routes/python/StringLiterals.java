package dev.leviathan.engine.bootstrap.routes.python;

/** Decodes the text of Python string literals: prefixes, quotes and backslash escapes. */
final class StringLiterals {

    private StringLiterals() {
    }

    /** The parts of one string token's text. */
    record Literal(boolean raw, boolean formatted, int bodyStart, int bodyEnd) {
    }

    /** Where the body of a string token lies within its text, and how it is to be read. */
    static Literal parse(String tokenText) {
        int q = 0;
        while (q < tokenText.length() && tokenText.charAt(q) != '"' && tokenText.charAt(q) != '\'') {
            q++;
        }
        String prefix = tokenText.substring(0, q).toLowerCase();
        boolean raw = prefix.indexOf('r') >= 0;
        boolean formatted = prefix.indexOf('f') >= 0 || prefix.indexOf('t') >= 0;
        if (q >= tokenText.length()) {
            return new Literal(raw, formatted, q, q);
        }
        char quote = tokenText.charAt(q);
        boolean triple = tokenText.startsWith(String.valueOf(quote).repeat(3), q);
        int quoteLength = triple ? 3 : 1;
        int bodyStart = q + quoteLength;
        int bodyEnd = tokenText.length();
        String closing = String.valueOf(quote).repeat(quoteLength);
        if (bodyEnd - bodyStart >= quoteLength && tokenText.endsWith(closing) && bodyEnd - quoteLength >= bodyStart) {
            bodyEnd -= quoteLength;
        }
        return new Literal(raw, formatted, bodyStart, Math.max(bodyStart, bodyEnd));
    }

    /**
     * The value of literal text {@code s} (a plain string's body, or a stretch of an f-string
     * between fields), with escapes decoded unless {@code raw}, and doubled braces undone when
     * {@code formatted}.
     */
    static String decode(String s, boolean raw, boolean formatted) {
        if (formatted) {
            s = s.replace("{{", "{").replace("}}", "}");
        }
        if (raw || s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                i++;
                continue;
            }
            char e = s.charAt(i + 1);
            i += 2;
            switch (e) {
                case '\n' -> { }
                case '\r' -> {
                    if (i < s.length() && s.charAt(i) == '\n') {
                        i++;
                    }
                }
                case '\\', '\'', '"' -> out.append(e);
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000b');
                case 'x' -> i = hex(s, i, 2, out, e);
                case 'u' -> i = hex(s, i, 4, out, e);
                case 'U' -> i = hex(s, i, 8, out, e);
                default -> {
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        int digits = 1;
                        while (digits < 3 && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7') {
                            value = value * 8 + (s.charAt(i) - '0');
                            i++;
                            digits++;
                        }
                        out.append((char) value);
                    } else {
                        // Unknown escapes (and \N{...}) stay as written, as Python keeps unknown ones.
                        out.append('\\').append(e);
                    }
                }
            }
        }
        return out.toString();
    }

    private static int hex(String s, int i, int digits, StringBuilder out, char escape) {
        int cp = 0;
        for (int k = 0; k < digits; k++) {
            int d = i + k < s.length() ? Character.digit(s.charAt(i + k), 16) : -1;
            if (d < 0) {
                out.append('\\').append(escape);
                return i;
            }
            cp = cp * 16 + d;
        }
        if (!Character.isValidCodePoint(cp)) {
            out.append('\\').append(escape);
            return i;
        }
        out.appendCodePoint(cp);
        return i + digits;
    }
}
