package dev.leviathan.engine.bootstrap.routes.python;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Route verbs a repository subclass of a router class defines itself. Sahara's
 * {@code class Rest(flask.Blueprint)} has {@code get(self, rule)} return
 * {@code self._mroute("GET", rule)}, which returns {@code self.route(rule, methods=methods, **kw)},
 * whose decorator adds four rules per view ({@code rule}, {@code rule + ".json"}, and both under
 * {@code "/<tenant_id>"}). A use {@code @rest.get("/clusters")} is followed down that chain of
 * {@code return self.method(...)} calls, each method's parameters bound to the arguments it was
 * called with, to the method that returns a decorator of its own body; the rules that decorator
 * adds on {@code self} are the use's.
 */
final class SubclassRouteMethods {

    /** A rule the decorator adds, and the arguments in force along the chain that reached it. */
    record RuleCall(Expr.Call call, Scope scope, Map<Binding, Resolver.Scoped> env) {
    }

    private static final int MAX_HOPS = 8;

    private final Resolver resolver;

    SubclassRouteMethods(Resolver resolver) {
        this.resolver = resolver;
    }

    /** Whether the class (or a repository base of it) defines the method {@code verb}. */
    boolean defines(Sym.ClassSym cls, String verb) {
        return resolver.member(cls, verb) instanceof Sym.FunctionSym;
    }

    /**
     * The rules {@code use} ({@code @instance.verb(args)}, an instance of {@code cls}) adds,
     * {@code ruleNames} being the calls that add one; null when the chain does not end in such a
     * decorator (the method hands on to the framework's own verb, say), so the use is an ordinary one.
     */
    List<RuleCall> rules(Sym.ClassSym cls, Expr.Call use, Scope useScope, Set<String> ruleNames) {
        Map<Binding, Resolver.Scoped> env = new IdentityHashMap<>();
        Expr.Call call = use;
        Scope callScope = useScope;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            // self.method(...) is the instance's class's method, as Python dispatches it.
            if (!(call.func() instanceof Expr.Attribute a)
                    || !(resolver.member(cls, a.attr()) instanceof Sym.FunctionSym fn)) {
                return null;
            }
            Expr.Call given = withoutSpreadsOfKnownDicts(call, callScope, env);
            env.putAll(CallSites.arguments(fn.def(), fn.body(), CallSites.withSelf(given), callScope));
            Stmt.FunctionDef decorator = returnedDecorator(fn.def());
            if (decorator != null) {
                Scope decoratorBody = fn.body().module.bodyScope(decorator);
                List<RuleCall> rules = new ArrayList<>();
                collect(decorator.body(), decoratorBody, selfName(fn.def()), ruleNames, env, rules);
                return rules.isEmpty() ? null : rules;
            }
            call = returnedSelfCall(fn.def());
            if (call == null) {
                return null;
            }
            callScope = fn.body();
        }
        return null;
    }

    private static String selfName(Stmt.FunctionDef method) {
        return method.params().isEmpty() ? null : method.params().getFirst().name();
    }

    /** The function of its own body {@code method} returns, taking the view as its parameter. */
    private static Stmt.FunctionDef returnedDecorator(Stmt.FunctionDef method) {
        for (Stmt s : method.body()) {
            if (s instanceof Stmt.FunctionDef inner && !inner.params().isEmpty()
                    && DecoratorFactories.returns(method, inner.name())) {
                return inner;
            }
        }
        return null;
    }

    /** The {@code self.other(...)} call {@code method} returns, or null. */
    private static Expr.Call returnedSelfCall(Stmt.FunctionDef method) {
        String self = selfName(method);
        for (Stmt s : method.body()) {
            if (s instanceof Stmt.Return r && r.value() instanceof Expr.Call c && c.func() instanceof Expr.Attribute a
                    && a.value() instanceof Expr.Name n && n.id().equals(self)) {
                return c;
            }
        }
        return null;
    }

    private static void collect(List<Stmt> body, Scope scope, String self, Set<String> ruleNames,
            Map<Binding, Resolver.Scoped> env, List<RuleCall> out) {
        for (Stmt s : body) {
            Expr e = switch (s) {
                case Stmt.ExprStmt x -> x.expr();
                case Stmt.Assign x -> x.value();
                case Stmt.Return x -> x.value();
                case Stmt.ForLoop loop -> {
                    collect(loop.body(), scope, self, ruleNames, env, out);
                    yield null;
                }
                default -> null;
            };
            if (e instanceof Expr.Call c && c.func() instanceof Expr.Attribute a && ruleNames.contains(a.attr())
                    && a.value() instanceof Expr.Name n && n.id().equals(self)) {
                out.add(new RuleCall(c, scope, env));
            }
        }
    }

    /**
     * {@code call} without its {@code **kw} spreads that hold a known dict without {@code methods}
     * (sahara's {@code **kw}, empty or {@code {"file_upload": True}}): what they hold is nothing
     * a route is read from, and a {@code **kwargs} parameter then takes the call's other keywords.
     */
    private Expr.Call withoutSpreadsOfKnownDicts(Expr.Call call, Scope scope, Map<Binding, Resolver.Scoped> env) {
        List<Expr.Keyword> kept = new ArrayList<>();
        for (Expr.Keyword k : call.keywords()) {
            if (k.name() != null || !holdsNoMethods(k.value(), scope, env)) {
                kept.add(k);
            }
        }
        return kept.size() == call.keywords().size() ? call
                : new Expr.Call(call.func(), call.args(), List.copyOf(kept), call.start(), call.end(), call.line());
    }

    private boolean holdsNoMethods(Expr spread, Scope scope, Map<Binding, Resolver.Scoped> env) {
        return resolver.with(env, () -> {
            if (!(resolver.resolve(spread, scope) instanceof Sym.ValueSym v) || !(v.value() instanceof Expr.Dict d)) {
                return false;
            }
            for (Expr key : d.keys()) {
                Resolver.StrVal name = key == null ? null : resolver.string(key, v.scope());
                if (name == null || !name.resolved() || name.text().equals("methods")) {
                    return false;
                }
            }
            return true;
        });
    }
}
