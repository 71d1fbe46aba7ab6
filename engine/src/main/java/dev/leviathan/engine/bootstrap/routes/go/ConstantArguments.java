package dev.leviathan.engine.bootstrap.routes.go;

import dev.leviathan.engine.bootstrap.routes.go.Ast.Assign;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Binary;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Block;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Call;
import dev.leviathan.engine.bootstrap.routes.go.Ast.CaseClause;
import dev.leviathan.engine.bootstrap.routes.go.Ast.DeclStmt;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Ellipsis;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Expr;
import dev.leviathan.engine.bootstrap.routes.go.Ast.ExprStmt;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Ident;
import dev.leviathan.engine.bootstrap.routes.go.Ast.If;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Param;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Paren;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Return;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Selector;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Stmt;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Switch;
import dev.leviathan.engine.bootstrap.routes.go.Ast.TypeAssert;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Unary;
import dev.leviathan.engine.bootstrap.routes.go.Ast.ValueSpec;
import dev.leviathan.engine.bootstrap.routes.go.RouteAnalysis.Frame;
import dev.leviathan.engine.bootstrap.routes.go.Value.Bound;
import dev.leviathan.engine.bootstrap.routes.go.Value.IntVal;
import dev.leviathan.engine.bootstrap.routes.go.Value.ListVal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs a string helper for one call site whose arguments include constants, following only the
 * branch each {@code if}/{@code switch} takes for them: cfssl's {@code v1APIPath(p)} prefixes
 * {@code p} unless it starts with {@code /}, step-ca's {@code GetUnescapedPathSuffix(typ, …)}
 * switches on a link type. The function's one analysis has to follow every branch, so its result
 * is unknown (returns that differ) or a mix of branches. Straight-line code only: a loop, a
 * condition or a case the constants do not decide, or a body ending without a return gives up
 * (null), leaving the call to the one analysis.
 */
final class ConstantArguments {

    private static final int MAX_DEPTH = 8;
    private static final int MAX_STEPS = 400;

    private final RouteAnalysis analysis;
    private int depth;
    private int steps;

    ConstantArguments(RouteAnalysis analysis) {
        this.analysis = analysis;
    }

    /** A value a branch can be decided on: a known string or an integer constant. */
    static boolean isConstant(Value v) {
        return v instanceof IntVal || v instanceof Str s && s.literalText() != null;
    }

    /** What {@code c} returns for these arguments (and receiver, for a method), or null when not decided. */
    Value result(Callable c, Value receiver, List<Value> args) {
        if (c.body == null || depth >= MAX_DEPTH) {
            return null;
        }
        if (depth == 0) {
            steps = 0;
        }
        depth++;
        try {
            Scope scope = new Scope(c.closure);
            if (c.receiver != null && c.receiver.name() != null && receiver != null) {
                scope.define(c.receiver.name(), new Bound(receiver, null));
            }
            List<Param> params = c.type.params();
            for (int i = 0; i < params.size(); i++) {
                Value v;
                if (i == params.size() - 1 && params.get(i).type() instanceof Ellipsis) {
                    List<Bound> rest = new ArrayList<>();
                    for (int j = i; j < args.size(); j++) {
                        rest.add(new Bound(args.get(j), null));
                    }
                    v = new ListVal(List.copyOf(rest));
                } else {
                    v = i < args.size() ? args.get(i) : Value.UNKNOWN;
                }
                if (params.get(i).name() != null) {
                    scope.define(params.get(i).name(), new Bound(v, null));
                }
            }
            Outcome o = block(new Frame(c, c.unit, scope), c.body.statements());
            return o instanceof Returned r ? r.value() : null;
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        } finally {
            depth--;
        }
    }

    private sealed interface Outcome permits Next, Returned, GaveUp {
    }

    private record Next() implements Outcome {
    }

    private record Returned(Value value) implements Outcome {
    }

    private record GaveUp() implements Outcome {
    }

    private static final Outcome NEXT = new Next();
    private static final Outcome GAVE_UP = new GaveUp();

    private Outcome block(Frame f, List<Stmt> statements) {
        for (Stmt s : statements) {
            Outcome o = statement(f, s);
            if (!(o instanceof Next)) {
                return o;
            }
        }
        return NEXT;
    }

    private Outcome statement(Frame f, Stmt s) {
        if (++steps > MAX_STEPS) {
            return GAVE_UP;
        }
        return switch (s) {
            // A call made for its effect (logging) changes no string the helper returns.
            case ExprStmt e -> NEXT;
            case Block b -> block(f.child(), b.statements());
            case Assign a -> assign(f, a);
            case DeclStmt d -> declare(f, d);
            case Return r -> r.results().isEmpty() ? GAVE_UP : new Returned(analysis.eval(f, r.results().get(0)));
            case If i -> {
                Frame g = f.child();
                if (i.init() != null && !(statement(g, i.init()) instanceof Next)) {
                    yield GAVE_UP;
                }
                Boolean taken = condition(g, i.condition());
                if (taken == null) {
                    yield GAVE_UP;
                }
                if (taken) {
                    yield block(g.child(), i.then().statements());
                }
                yield i.otherwise() == null ? NEXT : statement(g, i.otherwise());
            }
            case Switch sw -> switchStatement(f, sw);
            default -> GAVE_UP;
        };
    }

    private Outcome assign(Frame f, Assign a) {
        if (a.lhs().size() != a.rhs().size()) {
            return GAVE_UP;
        }
        List<Value> values = new ArrayList<>();
        for (Expr e : a.rhs()) {
            values.add(analysis.eval(f, e));
        }
        for (int i = 0; i < a.lhs().size(); i++) {
            if (!(a.lhs().get(i) instanceof Ident id)) {
                return GAVE_UP;
            }
            Value v = values.get(i);
            switch (a.op()) {
                case ":=" -> f.scope().define(id.name(), new Bound(v, null));
                case "=" -> {
                    if (!id.name().equals("_") && !f.scope().assign(id.name(), new Bound(v, null))) {
                        return GAVE_UP; // a package variable: not this helper's to change
                    }
                }
                case "+=" -> {
                    Bound current = f.scope().lookup(id.name());
                    if (current == null || !(current.value() instanceof Str before) || !(v instanceof Str added)) {
                        return GAVE_UP;
                    }
                    f.scope().assign(id.name(), new Bound(Str.concat(before, added), null));
                }
                default -> {
                    return GAVE_UP;
                }
            }
        }
        return NEXT;
    }

    private Outcome declare(Frame f, DeclStmt d) {
        for (var spec : d.decl().specs()) {
            if (!(spec instanceof ValueSpec v) || v.values().size() != v.names().size()) {
                return GAVE_UP;
            }
            for (int i = 0; i < v.names().size(); i++) {
                f.scope().define(v.names().get(i), new Bound(analysis.eval(f, v.values().get(i)), null));
            }
        }
        return NEXT;
    }

    private Outcome switchStatement(Frame f, Switch sw) {
        Frame g = f.child();
        if (sw.init() != null && !(statement(g, sw.init()) instanceof Next)) {
            return GAVE_UP;
        }
        Object tag = null;
        if (sw.tag() != null) {
            if (!(sw.tag() instanceof ExprStmt e) || e.x() instanceof TypeAssert) {
                return GAVE_UP;
            }
            tag = constant(analysis.eval(g, e.x()));
            if (tag == null) {
                return GAVE_UP;
            }
        }
        CaseClause fallback = null;
        for (CaseClause clause : sw.clauses()) {
            if (clause.expressions() == null) {
                fallback = clause;
                continue;
            }
            if (clause.expressions().isEmpty()) {
                return GAVE_UP; // a select's communication clause
            }
            for (Expr e : clause.expressions()) {
                Boolean hit = tag == null ? condition(g, e) : matches(tag, constant(analysis.eval(g, e)));
                if (hit == null) {
                    return GAVE_UP;
                }
                if (hit) {
                    return block(g.child(), clause.body());
                }
            }
        }
        return fallback == null ? NEXT : block(g.child(), fallback.body());
    }

    private static Boolean matches(Object tag, Object value) {
        return value == null ? null : tag.equals(value);
    }

    /** A condition the constants decide: comparisons, {@code !}, {@code &&}, {@code ||}, {@code strings.HasPrefix}… */
    Boolean condition(Frame f, Expr e) {
        switch (e) {
            case Paren p -> {
                return condition(f, p.x());
            }
            case Ident id when f.scope().lookup(id.name()) == null
                    && (id.name().equals("true") || id.name().equals("false")) -> {
                return id.name().equals("true");
            }
            case Unary u when u.op().equals("!") -> {
                Boolean x = condition(f, u.x());
                return x == null ? null : !x;
            }
            case Binary b when b.op().equals("&&") || b.op().equals("||") -> {
                boolean and = b.op().equals("&&");
                Boolean x = condition(f, b.x());
                if (x != null && x != and) {
                    return x; // false && …, true || …
                }
                Boolean y = condition(f, b.y());
                return x == null || y == null ? (y != null && y != and ? y : null) : y;
            }
            case Binary b when b.op().equals("==") || b.op().equals("!=") -> {
                Object x = constant(analysis.eval(f, b.x()));
                Object y = constant(analysis.eval(f, b.y()));
                return x == null || y == null ? null : Objects.equals(x, y) == b.op().equals("==");
            }
            case Call c -> {
                return stringsPredicate(f, c);
            }
            default -> {
                return null;
            }
        }
    }

    private Boolean stringsPredicate(Frame f, Call c) {
        if (!(c.fun() instanceof Selector sel) || !(sel.x() instanceof Ident pkg) || c.args().size() != 2
                || f.scope().lookup(pkg.name()) != null || !"strings".equals(f.unit().imports().get(pkg.name()))) {
            return null;
        }
        if (!(constant(analysis.eval(f, c.args().get(0))) instanceof String s)
                || !(constant(analysis.eval(f, c.args().get(1))) instanceof String t)) {
            return null;
        }
        return switch (sel.name()) {
            case "HasPrefix" -> s.startsWith(t);
            case "HasSuffix" -> s.endsWith(t);
            case "Contains" -> s.contains(t);
            case "EqualFold" -> s.equalsIgnoreCase(t);
            default -> null;
        };
    }

    /** The string or number a value is, or null when it is not a constant. */
    private static Object constant(Value v) {
        return switch (v) {
            case IntVal i -> i.value();
            case Str s -> s.literalText();
            default -> null;
        };
    }
}
