package dev.leviathan.engine.bootstrap.routes.python;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A module, class or function namespace: the bindings its statements make, in source order. */
final class Scope {

    enum Kind { MODULE, CLASS, FUNCTION }

    final Kind kind;
    final Scope parent;
    final PyModule module;
    private final Map<String, List<Binding>> bindings = new HashMap<>();
    final List<Stmt.FromImport> starImports = new ArrayList<>();
    /** The {@code class} statement whose body this is, for a class scope; else null. */
    final Stmt.ClassDef owner;

    Scope(Kind kind, Scope parent, PyModule module) {
        this(kind, parent, module, null);
    }

    Scope(Kind kind, Scope parent, PyModule module, Stmt.ClassDef owner) {
        this.kind = kind;
        this.parent = parent;
        this.module = module;
        this.owner = owner;
    }

    void bind(String name, Binding binding) {
        bindings.computeIfAbsent(name, k -> new ArrayList<>()).add(binding);
    }

    List<Binding> bindings(String name) {
        return bindings.getOrDefault(name, List.of());
    }

    /** The names bound here, in no particular order. */
    java.util.Set<String> names() {
        return bindings.keySet();
    }

    boolean binds(String name) {
        return bindings.containsKey(name);
    }
}
