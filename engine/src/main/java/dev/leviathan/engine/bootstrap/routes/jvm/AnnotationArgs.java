package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed arguments of one annotation: positional values (Java allows one, Kotlin passes a
 * Java {@code value} array as varargs) and named ones.
 */
record AnnotationArgs(List<Expr> positional, Map<String, Expr> named) {

    static final AnnotationArgs NONE = new AnnotationArgs(List.of(), Map.of());

    static AnnotationArgs of(AnnotationUse annotation, String source) {
        List<Token> tokens = annotation.arguments();
        if (tokens == null || tokens.isEmpty()) {
            return NONE;
        }
        List<Expr> positional = new ArrayList<>();
        Map<String, Expr> named = new LinkedHashMap<>();
        for (List<Token> argument : ExprParser.splitTopLevel(tokens, ",")) {
            if (argument.size() >= 3 && argument.get(0).isIdent() && argument.get(1).isSymbol("=")
                    && !argument.get(2).isSymbol("=")) {
                Expr value = ExprParser.parse(argument.subList(2, argument.size()), source);
                named.putIfAbsent(argument.get(0).text(), value);
            } else if (!argument.isEmpty()) {
                positional.add(ExprParser.parse(argument, source));
            }
        }
        return new AnnotationArgs(List.copyOf(positional), named);
    }

    /** The {@code value} element: named, or the positional values (one, or several as an array). */
    Expr value() {
        Expr explicit = named.get("value");
        if (explicit != null) {
            return explicit;
        }
        if (positional.isEmpty()) {
            return null;
        }
        if (positional.size() == 1) {
            return positional.get(0);
        }
        String raw = positional.get(0).raw() + ", ...";
        return new Expr.Array(positional, raw);
    }

    Expr get(String name) {
        return named.get(name);
    }
}
