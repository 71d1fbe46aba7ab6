package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.List;

/**
 * One token of Java or Kotlin source; comments and whitespace never become tokens.
 *
 * @param text the identifier (without Kotlin backticks), the symbol, the number as written, or for
 *     strings and chars the decoded value of their literal parts
 * @param start offset of the first character in the file
 * @param end offset after the last character
 * @param line 1-based line of the first character
 * @param endLine 1-based line of the last character (differs from {@code line} for text blocks)
 * @param parts for strings only: literal text and Kotlin template expressions, in order
 */
record Token(Kind kind, String text, int start, int end, int line, int endLine, List<StringPart> parts) {

    enum Kind { IDENT, STRING, CHAR, NUMBER, SYMBOL }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean isWord(String word) {
        return kind == Kind.IDENT && text.equals(word);
    }

    boolean isIdent() {
        return kind == Kind.IDENT;
    }

    /** True for a string without template expressions: its value is {@link #text()}. */
    boolean isPlainString() {
        return kind == Kind.STRING && parts.stream().allMatch(StringPart.Text.class::isInstance);
    }
}
