package dev.leviathan.engine.bootstrap.routes.javascript;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The variables a loop's statements assign by name ({@code s += part}, {@code i++}), not looking
 * into the functions they define: those run when called, not once per iteration.
 */
final class LoopAssignments {

    private LoopAssignments() {
    }

    static Set<String> names(Stmt body) {
        Set<String> names = new LinkedHashSet<>();
        of(body, names);
        return names;
    }

    static void of(Stmt s, Set<String> names) {
        switch (s) {
            case null -> {
            }
            case Stmt.VarDecl v -> {
                for (Stmt.Declarator d : v.declarators()) {
                    if (d.init() != null) {
                        of(d.init(), names);
                    }
                }
            }
            case Stmt.ExprStmt e -> of(e.expression(), names);
            case Stmt.Block b -> all(b.body(), names);
            case Stmt.If i -> {
                of(i.test(), names);
                of(i.then(), names);
                of(i.otherwise(), names);
            }
            case Stmt.Loop l -> {
                of(l.init(), names);
                of(l.test(), names);
                of(l.update(), names);
                of(l.body(), names);
            }
            case Stmt.ForEach fe -> {
                of(fe.iterable(), names);
                of(fe.body(), names);
            }
            case Stmt.Return r -> of(r.value(), names);
            case Stmt.Throw t -> of(t.value(), names);
            case Stmt.Try t -> {
                of(t.block(), names);
                of(t.handler(), names);
                of(t.finalizer(), names);
            }
            case Stmt.Switch sw -> {
                of(sw.discriminant(), names);
                for (Stmt.Case c : sw.cases()) {
                    all(c.body(), names);
                }
            }
            default -> {
                // declarations, imports, exports, jumps: no assignment that a loop repeats
            }
        }
    }

    private static void all(List<Stmt> body, Set<String> names) {
        for (Stmt s : body) {
            of(s, names);
        }
    }

    static void of(Expr e, Set<String> names) {
        switch (e) {
            case null -> {
            }
            case Expr.Assign a -> {
                if (a.target() instanceof Expr.Name n) {
                    names.add(n.name());
                } else {
                    of(a.target(), names);
                }
                of(a.value(), names);
            }
            case Expr.Unary u -> {
                if ((u.operator().equals("++") || u.operator().equals("--")) && u.operand() instanceof Expr.Name n) {
                    names.add(n.name());
                } else {
                    of(u.operand(), names);
                }
            }
            case Expr.Binary b -> {
                of(b.left(), names);
                of(b.right(), names);
            }
            case Expr.Conditional c -> {
                of(c.test(), names);
                of(c.then(), names);
                of(c.otherwise(), names);
            }
            case Expr.Sequence sq -> sq.expressions().forEach(x -> of(x, names));
            case Expr.Call c -> {
                of(c.callee(), names);
                c.arguments().forEach(x -> of(x, names));
            }
            case Expr.New n -> {
                of(n.callee(), names);
                n.arguments().forEach(x -> of(x, names));
            }
            case Expr.Member m -> {
                of(m.object(), names);
                of(m.computed(), names);
            }
            case Expr.Spread sp -> of(sp.argument(), names);
            case Expr.ArrayLit a -> a.elements().forEach(x -> of(x, names));
            case Expr.TemplateLit t -> t.exprs().forEach(x -> of(x, names));
            default -> {
                // literals, names, functions, classes: nothing assigned
            }
        }
    }
}
