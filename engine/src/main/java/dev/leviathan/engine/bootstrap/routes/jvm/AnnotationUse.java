package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.List;

/**
 * An annotation as written: {@code name} dotted as in the source ({@code GetMapping} or
 * {@code org.springframework.web.bind.annotation.GetMapping}), {@code line} of its {@code @}, and
 * the tokens between its parentheses (null when it has none). Arguments are parsed only for the
 * few annotations that matter, since generated code carries huge documentation annotations.
 */
record AnnotationUse(String name, int line, List<Token> arguments) {

    String simpleName() {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
