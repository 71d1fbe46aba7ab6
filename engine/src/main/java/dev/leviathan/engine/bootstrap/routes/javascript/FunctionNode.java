package dev.leviathan.engine.bootstrap.routes.javascript;

import java.util.List;

/**
 * A function, arrow function or method. Compared by identity: the evaluator keys its memo of
 * calls on it. {@code body} is null for a concise arrow ({@code expressionBody} set) and for a
 * TypeScript overload or abstract method (both null).
 */
final class FunctionNode {

    /**
     * One parameter. {@code type} is the dotted name of a simple type annotation ({@code Router},
     * {@code express.Application}) or null; {@code property} marks a TypeScript constructor
     * parameter property ({@code private app: Express}).
     */
    record Param(Expr target, Expr defaultValue, boolean rest, String type, boolean property) {
    }

    private final String name;
    private final List<Param> params;
    private final Stmt.Block body;
    private final Expr expressionBody;
    private final boolean arrow;
    private final int start;
    private final int end;

    FunctionNode(String name, List<Param> params, Stmt.Block body, Expr expressionBody, boolean arrow, int start,
            int end) {
        this.name = name;
        this.params = params;
        this.body = body;
        this.expressionBody = expressionBody;
        this.arrow = arrow;
        this.start = start;
        this.end = end;
    }

    String name() {
        return name;
    }

    List<Param> params() {
        return params;
    }

    Stmt.Block body() {
        return body;
    }

    Expr expressionBody() {
        return expressionBody;
    }

    boolean arrow() {
        return arrow;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }
}
