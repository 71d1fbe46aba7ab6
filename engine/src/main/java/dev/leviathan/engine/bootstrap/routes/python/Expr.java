package dev.leviathan.engine.bootstrap.routes.python;

import java.util.List;

/**
 * A Python expression, parsed only as far as route extraction needs: names, attributes, calls,
 * strings, sequences and {@code +}/{@code %} operations are structured; everything else is
 * {@link Opaque}. Offsets index the file's text, so every node can be shown as written.
 */
sealed interface Expr {

    int start();

    int end();

    int line();

    default String text(String source) {
        return source.substring(start(), end());
    }

    record Name(String id, int start, int end, int line) implements Expr {
    }

    record Attribute(Expr value, String attr, int start, int end, int line) implements Expr {
    }

    /** A keyword argument; {@code name} is null for {@code **kwargs}. */
    record Keyword(String name, Expr value) {
    }

    record Call(Expr func, List<Expr> args, List<Keyword> keywords, int start, int end, int line) implements Expr {

        /** The positional argument at {@code index} or the keyword argument {@code name}, else null. */
        Expr arg(int index, String name) {
            Expr kw = keyword(name);
            if (kw != null) {
                return kw;
            }
            return index >= 0 && index < args.size() && !(args.get(index) instanceof Starred) ? args.get(index) : null;
        }

        Expr keyword(String name) {
            for (Keyword k : keywords) {
                if (name.equals(k.name())) {
                    return k.value();
                }
            }
            return null;
        }
    }

    /** String literals (implicitly concatenated ones are one node), as literal text and f-string fields. */
    record Str(List<StrPart> parts, int start, int end, int line) implements Expr {
    }

    sealed interface StrPart {
    }

    record Text(String text) implements StrPart {
    }

    /** An f-string field; {@code expr} is null when its text could not be parsed. */
    record Field(Expr expr, boolean formatted) implements StrPart {
    }

    enum SeqKind { LIST, TUPLE, SET }

    record Seq(SeqKind kind, List<Expr> elements, int start, int end, int line) implements Expr {
    }

    /** {@code {k: v, ...}}; one with {@code **spread} or a comprehension is {@link Opaque}. */
    record Dict(List<Expr> keys, List<Expr> values, int start, int end, int line) implements Expr {
    }

    record BinOp(String op, Expr left, Expr right, int start, int end, int line) implements Expr {
    }

    record Starred(Expr value, int start, int end, int line) implements Expr {
    }

    /** {@code value[index]} with one index (a slice or several indices are {@link Opaque}). */
    record Subscript(Expr value, Expr index, int start, int end, int line) implements Expr {
    }

    /** {@code lambda ...}: only its span matters (a handler written inline). */
    record Lambda(int start, int end, int line) implements Expr {
    }

    /**
     * {@code body if condition else orElse}: a router made either way
     * ({@code DefaultRouter() if settings.DEBUG else SimpleRouter()}) is still a router.
     */
    record Conditional(Expr body, Expr orElse, int start, int end, int line) implements Expr {
    }

    /** Any other expression: numbers, comparisons, comprehensions, subscripts, dicts... */
    record Opaque(int start, int end, int line) implements Expr {
    }
}
