package dev.leviathan.engine.bootstrap.routes.python;

import java.util.List;

/**
 * One lexical token of Python source. Offsets index the file's text, so any token or span of
 * tokens can be shown as the source the author wrote.
 *
 * @param fields for f-strings (and t-strings), the replacement fields in source order; empty otherwise
 */
record Token(Kind kind, String text, int start, int end, int line, List<Field> fields) {

    enum Kind { NAME, NUMBER, STRING, OP }

    /**
     * One {@code {...}} replacement field of an f-string.
     *
     * @param open offset of the opening brace
     * @param exprEnd offset just after the expression (at {@code !}, {@code :}, {@code =} or the closing brace)
     * @param close offset just after the closing brace
     * @param formatted true when a conversion, format spec or {@code =} follows the expression, so the
     *     field's text is not simply the expression's value
     */
    record Field(int open, int exprEnd, int close, boolean formatted) {
    }

    boolean is(String s) {
        return kind != Kind.STRING && text.equals(s);
    }

    boolean isName() {
        return kind == Kind.NAME;
    }
}
