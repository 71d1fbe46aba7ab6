package dev.leviathan.engine.bootstrap.routes.javascript;

import java.util.List;

/**
 * An expression, as far as route extraction needs it. Offsets index the source so the
 * extractor can quote an expression it could not resolve. TypeScript-only wrappers
 * ({@code x as T}, {@code x!}, {@code <T>x}) and parentheses leave no node: the inner expression
 * stands for them.
 */
sealed interface Expr {

    int start();

    int end();

    record Name(String name, int start, int end) implements Expr {
    }

    record StringLit(String value, int start, int end) implements Expr {
    }

    /** A template literal: {@code quasis.size() == exprs.size() + 1}. */
    record TemplateLit(List<String> quasis, List<Expr> exprs, int start, int end) implements Expr {
    }

    record TaggedTemplate(Expr tag, TemplateLit template, int start, int end) implements Expr {
    }

    record RegexLit(String text, int start, int end) implements Expr {
    }

    /** A number, {@code true}, {@code false}, {@code null} or {@code undefined}: their text. */
    record Constant(String text, int start, int end) implements Expr {
    }

    /** Holes are {@code null} elements. */
    record ArrayLit(List<Expr> elements, int start, int end) implements Expr {
    }

    record ObjectLit(List<Property> properties, int start, int end) implements Expr {
    }

    /**
     * One object literal member. {@code key} is null when computed; a shorthand member with a
     * default ({@code {a = 1}} in a pattern) has an {@link Assign} value.
     */
    record Property(Kind kind, String key, Expr computedKey, Expr value) {

        enum Kind { INIT, SHORTHAND, METHOD, ACCESSOR, SPREAD }
    }

    record FunctionExpr(FunctionNode function) implements Expr {

        @Override
        public int start() {
            return function.start();
        }

        @Override
        public int end() {
            return function.end();
        }
    }

    record ClassExpr(ClassNode type) implements Expr {

        @Override
        public int start() {
            return type.start();
        }

        @Override
        public int end() {
            return type.end();
        }
    }

    /**
     * {@code object.property} (computed null) or {@code object[computed]} (property null).
     * {@code propertyStart} is where the property name or bracket begins: a route's line.
     */
    record Member(Expr object, String property, Expr computed, int propertyStart, int start, int end)
            implements Expr {
    }

    record Call(Expr callee, List<Expr> arguments, int start, int end) implements Expr {
    }

    record New(Expr callee, List<Expr> arguments, int start, int end) implements Expr {
    }

    /** Arithmetic, comparison and logical operators alike. */
    record Binary(String operator, Expr left, Expr right, int start, int end) implements Expr {
    }

    record Assign(String operator, Expr target, Expr value, int start, int end) implements Expr {
    }

    record Conditional(Expr test, Expr then, Expr otherwise, int start, int end) implements Expr {
    }

    /** Prefix and postfix operators, {@code await}, {@code yield}, {@code typeof}… */
    record Unary(String operator, Expr operand, int start, int end) implements Expr {
    }

    record Sequence(List<Expr> expressions, int start, int end) implements Expr {
    }

    record Spread(Expr argument, int start, int end) implements Expr {
    }

    record This(int start, int end) implements Expr {
    }

    record Super(int start, int end) implements Expr {
    }

    /** Anything the extractor has no use for (JSX, unparsable text): only its extent is kept. */
    record Opaque(int start, int end) implements Expr {
    }
}
