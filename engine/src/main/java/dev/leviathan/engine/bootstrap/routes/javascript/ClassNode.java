package dev.leviathan.engine.bootstrap.routes.javascript;

import java.util.List;

/** A class declaration or expression. Compared by identity, like {@link FunctionNode}. */
final class ClassNode {

    enum MemberKind { FIELD, METHOD, ACCESSOR, CONSTRUCTOR, STATIC_BLOCK }

    /**
     * One member. {@code name} is null when computed. A field has its initialiser as
     * {@code value} (or null); a method, accessor or constructor has {@code function}; a static
     * block has {@code block}.
     */
    record Member(MemberKind kind, String name, boolean isStatic, Expr value, FunctionNode function,
            Stmt.Block block) {
    }

    private final String name;
    private final Expr superClass;
    private final List<Member> members;
    private final int start;
    private final int end;

    ClassNode(String name, Expr superClass, List<Member> members, int start, int end) {
        this.name = name;
        this.superClass = superClass;
        this.members = members;
        this.start = start;
        this.end = end;
    }

    String name() {
        return name;
    }

    Expr superClass() {
        return superClass;
    }

    List<Member> members() {
        return members;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }
}
