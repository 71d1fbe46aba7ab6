package dev.leviathan.engine.bootstrap.routes.javascript;

/**
 * One lexical token. {@code text} is the identifier, the punctuator, the cooked value of a string
 * or template part, or the literal source of a number or regular expression; offsets index the
 * source text.
 */
record Token(Kind kind, String text, int start, int end, boolean newlineBefore) {

    enum Kind {
        NAME, PRIVATE_NAME, NUMBER, STRING,
        /** A template literal without substitutions. */
        TEMPLATE,
        /** {@code `text${}, }text${}, }text`}: the parts of a template literal with substitutions. */
        TEMPLATE_HEAD, TEMPLATE_MIDDLE, TEMPLATE_TAIL,
        REGEX, PUNCT,
        /** A whole JSX element or fragment: opaque to the parser. */
        JSX,
        EOF
    }

    boolean isPunct(String punct) {
        return kind == Kind.PUNCT && text.equals(punct);
    }

    boolean isName(String name) {
        return kind == Kind.NAME && text.equals(name);
    }
}
