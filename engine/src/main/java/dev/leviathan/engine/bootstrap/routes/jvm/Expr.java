package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.List;

/**
 * The few shapes a constant expression takes in an annotation or a constant's initializer.
 * Everything else is {@link Opaque}: reported as written, never guessed at. Every case keeps
 * its source text, which becomes a route's {@code rawExpression} when it cannot be resolved.
 */
sealed interface Expr {

    String raw();

    /** A string, char or number literal; {@code value} is what it contributes to a concatenation. */
    record Literal(String value, String raw) implements Expr {
    }

    /** A name that may denote a constant: {@code BASE}, {@code ApiPaths.USERS}, {@code RequestMethod.GET}. */
    record Reference(String name, String raw) implements Expr {
    }

    /** {@code a + b + ...}, and Kotlin string templates ({@code "$BASE/users"}). */
    record Concat(List<Expr> parts, String raw) implements Expr {
    }

    /** {@code {"a", "b"}}, Kotlin {@code ["a", "b"]} and {@code arrayOf("a", "b")}, and several positional values. */
    record Array(List<Expr> elements, String raw) implements Expr {
    }

    record Opaque(String raw) implements Expr {
    }
}
