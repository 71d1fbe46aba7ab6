package dev.leviathan.engine.bootstrap.routes.javascript;

import java.util.HashMap;
import java.util.Map;

/** Lexical scope: names to bindings, looked up outwards. Never iterated, so a HashMap is fine. */
final class Scope {

    /** A variable's storage. Imports read their module's export on every access (live bindings). */
    interface Binding {

        Value get();

        void set(Value value);
    }

    static final class Slot implements Binding {

        private Value value;

        Slot(Value value) {
            this.value = value;
        }

        @Override
        public Value get() {
            return value;
        }

        @Override
        public void set(Value value) {
            this.value = value;
        }
    }

    private final Scope parent;
    private final Map<String, Binding> names = new HashMap<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    Binding find(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Binding b = s.names.get(name);
            if (b != null) {
                return b;
            }
        }
        return null;
    }

    /** The binding of {@code name} in this very scope, created (undefined) if absent. */
    Binding declare(String name) {
        return names.computeIfAbsent(name, n -> new Slot(Value.Unknown.UNDEFINED));
    }

    void bind(String name, Binding binding) {
        names.put(name, binding);
    }
}
