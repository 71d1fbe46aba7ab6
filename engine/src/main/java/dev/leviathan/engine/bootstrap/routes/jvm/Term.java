package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.List;

/**
 * An expression or statement of router-function code (Spring's {@code RouterFunctions} builders
 * and Kotlin {@code router {}} DSLs), as far as routes need it: calls with their receivers and
 * arguments, lambdas, method references, constants. Anything else is {@link Other}. Every case
 * records its source span ({@code start}/{@code end} offsets in the file), not its text, so a
 * long chain does not hold a copy of itself at every link; {@code line} is where the case is
 * named (a call's method name).
 */
sealed interface Term {

    int start();

    int end();

    int line();

    /** A literal, a Kotlin template or a (dotted) name: what {@link ExprParser} reads and constants evaluate. */
    record Constant(Expr expr, int start, int end, int line) implements Term {
    }

    /**
     * {@code receiver.name(args)}; {@code receiver} is null for an unqualified call. A Kotlin
     * trailing lambda is the last argument; {@code "/x" { ... }} is a call of {@code invoke}.
     */
    record Call(Term receiver, String name, List<Term> args, int start, int end, int line) implements Term {
    }

    /** Java {@code (a, b) -> ...} or Kotlin {@code { a -> ... }}; {@code body} holds its statements. */
    record Lambda(List<String> params, List<Term> body, int start, int end, int line) implements Term {
    }

    /** {@code h::list}, {@code this::list}, Kotlin {@code ::list}: {@code member} is the method named. */
    record MethodRef(String member, int start, int end, int line) implements Term {
    }

    /** {@code a + b}, and Kotlin's infix {@code a and b} / {@code a or b}. */
    record Binary(String operator, Term left, Term right, int start, int end, int line) implements Term {
    }

    /** Kotlin's {@code !predicate}. */
    record Not(Term operand, int start, int end, int line) implements Term {
    }

    /** A local declaration or assignment: {@code var b = route()}, {@code val api = "/api"}. */
    record Local(String name, Term value, int start, int end, int line) implements Term {
    }

    /** {@code if}/{@code else}/{@code for}/{@code while}/{@code try}: every block, each read as statements. */
    record Branches(List<List<Term>> blocks, int start, int end, int line) implements Term {
    }

    record Other(int start, int end, int line) implements Term {
    }
}
