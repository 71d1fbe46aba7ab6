package dev.leviathan.engine.bootstrap.routes.go;

/**
 * One Go token. {@code value} is the decoded content of a string literal (escapes applied,
 * back-quoted strings verbatim minus carriage returns) and the source text otherwise.
 * Semicolons the lexer inserts at line ends have {@code implicit} set and no source text.
 */
record Token(Kind kind, String value, int line, int start, int end, boolean implicit) {

    enum Kind { IDENT, NUMBER, CHAR, STRING, OP, SEMI, EOF }

    boolean is(String text) {
        return (kind == Kind.OP || kind == Kind.IDENT || kind == Kind.SEMI && !implicit) && value.equals(text);
    }

    boolean isSemi() {
        return kind == Kind.SEMI;
    }
}
