package dev.leviathan.engine.bootstrap.routes.python;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the repository makes instances of a class or of a repository subclass of it: every call of
 * one of them by name, also a call nested in another call's arguments or in a list or dict literal
 * (voltron's {@code DispatcherMiddleware(RootFlaskApp(), {"/api": APIFlaskApp(server=self)})}), which
 * the statement-level call sites of helpers leave out. Flask-Dance's blueprints add their rules in
 * the {@code __init__} of a base class, and only its subclasses are ever made.
 */
final class ClassInstances {

    private static final int MAX_HOPS = 8;

    private final Resolver resolver;
    private final List<Sym.ClassSym> classes = new ArrayList<>();
    private final Map<String, List<Resolver.Scoped>> callsByName = new HashMap<>();

    ClassInstances(Resolver resolver) {
        this.resolver = resolver;
    }

    void addClass(Stmt.ClassDef def, Scope body) {
        classes.add(new Sym.ClassSym(def, body));
    }

    /** The calls in {@code e}: itself when it is one, and those nested in arguments and literals. */
    void addCalls(Expr e, Scope scope) {
        switch (e) {
            case Expr.Call c -> {
                String name = c.func() instanceof Expr.Name n ? n.id()
                        : c.func() instanceof Expr.Attribute a ? a.attr() : null;
                if (name != null) {
                    callsByName.computeIfAbsent(name, k -> new ArrayList<>()).add(new Resolver.Scoped(c, scope));
                }
                c.args().forEach(arg -> addCalls(arg, scope));
                c.keywords().forEach(k -> addCalls(k.value(), scope));
            }
            case Expr.Seq s -> s.elements().forEach(x -> addCalls(x, scope));
            case Expr.Dict d -> d.values().forEach(x -> addCalls(x, scope));
            case Expr.Starred s -> addCalls(s.value(), scope);
            case null, default -> {
            }
        }
    }

    /** The calls that may make an instance of {@code cls}: of its name and of its subclasses' names. */
    List<Resolver.Scoped> of(Sym.ClassSym cls) {
        List<Resolver.Scoped> out = new ArrayList<>(callsByName.getOrDefault(cls.def().name(), List.of()));
        for (Sym.ClassSym other : classes) {
            if (other.def() != cls.def() && derives(other, cls, 0)) {
                out.addAll(callsByName.getOrDefault(other.def().name(), List.of()));
            }
        }
        return out;
    }

    /**
     * The calls that make an instance of {@code cls} with its own {@code __init__}: of the class,
     * and of its subclasses that define no {@code __init__} of their own.
     */
    List<Resolver.Scoped> constructions(Sym.ClassSym cls) {
        List<Resolver.Scoped> out = new ArrayList<>();
        for (Resolver.Scoped call : of(cls)) {
            if (resolver.resolve(((Expr.Call) call.expr()).func(), call.scope()) instanceof Sym.ClassSym made
                    && derives(made, cls, 0) && initialisedBy(made, cls)) {
                out.add(call);
            }
        }
        return out;
    }

    /** Whether no class from {@code made} up to (not including) {@code cls} defines {@code __init__}. */
    private boolean initialisedBy(Sym.ClassSym made, Sym.ClassSym cls) {
        if (made.def() == cls.def()) {
            return true;
        }
        if (made.body().binds("__init__")) {
            return false;
        }
        for (Expr b : made.def().bases()) {
            if (resolver.resolve(b, made.body().parent) instanceof Sym.ClassSym parent && derives(parent, cls, 0)) {
                return initialisedBy(parent, cls);
            }
        }
        return false;
    }

    private boolean derives(Sym.ClassSym sub, Sym.ClassSym base, int hops) {
        if (sub.def() == base.def()) {
            return true;
        }
        if (hops >= MAX_HOPS) {
            return false;
        }
        for (Expr b : sub.def().bases()) {
            if (resolver.resolve(b, sub.body().parent) instanceof Sym.ClassSym parent && derives(parent, base, hops + 1)) {
                return true;
            }
        }
        return false;
    }
}
