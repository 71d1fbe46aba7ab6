package dev.leviathan.engine.bootstrap.routes.javascript;

/**
 * The handler of a route, named from the expression passed as the last argument: a function's
 * name, {@code <anonymous>} for an inline function without one, or the expression text for a
 * reference ({@code users.list}, {@code this.controller.create}). One wrapper call around a single
 * function ({@code asyncHandler(users.list)}) and {@code .bind(…)} are looked through.
 */
final class HandlerName {

    static final String ANONYMOUS = "<anonymous>";
    private static final int MAX_LENGTH = 200;
    /** Wrappers looked through, at most: deeper nesting is named by its text. */
    private static final int MAX_WRAPPERS = 8;

    private HandlerName() {
    }

    static String of(Expr e, String source) {
        return of(e, source, 0);
    }

    private static String of(Expr e, String source, int wrappers) {
        return switch (e) {
            case Expr.FunctionExpr f -> f.function().name() != null ? f.function().name() : ANONYMOUS;
            case Expr.ClassExpr c -> ANONYMOUS;
            case Expr.Name n -> n.name();
            case Expr.This t -> "this";
            case Expr.Spread sp -> of(sp.argument(), source, wrappers); // app[method](url, ...middleware)
            case Expr.Member m -> member(m, source);
            // however long the function it wraps (cube's `catchErrors(async (req, res) => { … })`)
            case Expr.Call c when wrappers < MAX_WRAPPERS -> call(c, source, wrappers + 1);
            case Expr.ArrayLit a -> {
                for (int k = a.elements().size() - 1; k >= 0; k--) {
                    if (a.elements().get(k) != null) {
                        yield of(a.elements().get(k), source, wrappers);
                    }
                }
                yield text(e, source);
            }
            default -> text(e, source);
        };
    }

    private static String call(Expr.Call c, String source, int wrappers) {
        if (c.callee() instanceof Expr.Member m && "bind".equals(m.property())) {
            return of(m.object(), source, wrappers);
        }
        if (c.arguments().size() == 1) {
            Expr only = c.arguments().get(0);
            if (only instanceof Expr.FunctionExpr || only instanceof Expr.Name || only instanceof Expr.Member
                    || only instanceof Expr.Call) {
                return of(only, source, wrappers);
            }
        }
        return text(c, source);
    }

    private static String member(Expr.Member m, String source) {
        String object = switch (m.object()) {
            case Expr.Name n -> n.name();
            case Expr.This t -> "this";
            case Expr.Member inner when inner.end() - inner.start() < MAX_LENGTH -> member(inner, source);
            default -> text(m.object(), source);
        };
        if (m.property() != null) {
            return object + "." + m.property();
        }
        return object + "[" + text(m.computed(), source) + "]";
    }

    /** The source text of {@code e} on one line. */
    static String text(Expr e, String source) {
        int start = Math.max(0, Math.min(e.start(), source.length()));
        int end = Math.max(start, Math.min(e.end(), source.length()));
        String raw = source.substring(start, end);
        StringBuilder sb = new StringBuilder(raw.length());
        boolean space = false;
        for (int k = 0; k < raw.length() && sb.length() < MAX_LENGTH; k++) {
            char c = raw.charAt(k);
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && !sb.isEmpty()) {
                    sb.append(' ');
                }
                space = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
