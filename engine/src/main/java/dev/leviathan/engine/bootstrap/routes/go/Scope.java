package dev.leviathan.engine.bootstrap.routes.go;

import dev.leviathan.engine.bootstrap.routes.go.Value.Bound;
import java.util.HashMap;
import java.util.Map;

/** Local variables of one block, chained to the enclosing block's scope. */
final class Scope {

    private final Scope parent;
    private final Map<String, Bound> vars = new HashMap<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    Bound lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Bound b = s.vars.get(name);
            if (b != null) {
                return b;
            }
        }
        return null;
    }

    void define(String name, Bound value) {
        vars.put(name, value);
    }

    /** The innermost scope of this chain that defines {@code name}, or null. */
    Scope owner(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            if (s.vars.containsKey(name)) {
                return s;
            }
        }
        return null;
    }

    /** Whether {@code other} is this scope or one it is nested in. */
    boolean within(Scope other) {
        for (Scope s = this; s != null; s = s.parent) {
            if (s == other) {
                return true;
            }
        }
        return false;
    }

    /** Sets a variable this scope itself defines. */
    void rebind(String name, Bound value) {
        vars.put(name, value);
    }

    /** Assigns to the innermost scope that defines {@code name}; false when none does. */
    boolean assign(String name, Bound value) {
        for (Scope s = this; s != null; s = s.parent) {
            if (s.vars.containsKey(name)) {
                s.vars.put(name, value);
                return true;
            }
        }
        return false;
    }
}
