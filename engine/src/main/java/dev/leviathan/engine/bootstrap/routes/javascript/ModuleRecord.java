package dev.leviathan.engine.bootstrap.routes.javascript;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One source file as a module: its parse (made on first use), its evaluation state and its
 * exports, CommonJS ({@code module.exports}, {@code exports.x}) and ES ({@code export}) alike, with
 * the interop bundlers and TypeScript apply between the two.
 */
final class ModuleRecord {

    enum State { NEW, EVALUATING, DONE }

    /** How an import reads a module's exports. */
    enum ImportKind { DEFAULT, NAMESPACE, NAMED, REQUIRE }

    /** An imported name: reads the export when used, so cycles and late exports resolve. */
    record ImportBinding(ModuleRecord module, ImportKind kind, String name) implements Scope.Binding {

        @Override
        public Value get() {
            return switch (kind) {
                case DEFAULT -> module.defaultExport();
                case NAMESPACE -> new Value.Namespace(module);
                case NAMED -> module.exportOf(name);
                case REQUIRE -> module.requireValue();
            };
        }

        @Override
        public void set(Value value) {
            // imports are read-only
        }
    }

    /** {@code export *} chains are followed through this many modules per lookup. */
    private static final int MAX_REEXPORT_MODULES = 256;
    /** Re-exports can form cycles ({@code export {x} from './b'} both ways): reads nest this deep at most. */
    private static final int MAX_READ_NESTING = 32;

    final String path;
    final String source;
    final Parser.Dialect dialect;
    State state = State.NEW;
    LineIndex lines;
    Scope scope;
    final Value.Obj cjsExports = new Value.Obj(null);
    Value moduleExports = cjsExports;
    final Map<String, Scope.Binding> esmExports = new HashMap<>();
    final List<ModuleRecord> starExports = new ArrayList<>();
    private int reading;

    ModuleRecord(String path, String source, Parser.Dialect dialect) {
        this.path = path;
        this.source = source;
        this.dialect = dialect;
    }

    Value exportOf(String name) {
        return exportOf(name, new HashSet<>());
    }

    /** {@code visited}: the modules this lookup went through, so diamond-shaped barrel files are read once. */
    private Value exportOf(String name, Set<ModuleRecord> visited) {
        if (reading > MAX_READ_NESTING || !visited.add(this)) {
            return Value.Unknown.OPAQUE;
        }
        reading++;
        try {
            return readExport(name, visited);
        } finally {
            reading--;
        }
    }

    private Value readExport(String name, Set<ModuleRecord> visited) {
        Scope.Binding b = esmExports.get(name);
        if (b != null) {
            return b.get();
        }
        if (name.equals("default")) {
            return defaultExport();
        }
        if (visited.size() < MAX_REEXPORT_MODULES) {
            for (ModuleRecord star : starExports) {
                Value v = star.exportOf(name, visited);
                if (v != Value.Unknown.OPAQUE) {
                    return v;
                }
            }
        }
        return switch (moduleExports) {
            case Value.Obj o -> o.properties.getOrDefault(name, Value.Unknown.OPAQUE);
            case Value.ClassVal c -> c.statics.getOrDefault(name, Value.Unknown.OPAQUE);
            default -> Value.Unknown.OPAQUE;
        };
    }

    /** {@code import x from}: the ES default export, else (interop) the CommonJS module value. */
    Value defaultExport() {
        Scope.Binding b = esmExports.get("default");
        if (b != null) {
            if (reading > MAX_READ_NESTING) {
                return Value.Unknown.OPAQUE;
            }
            reading++;
            try {
                return b.get();
            } finally {
                reading--;
            }
        }
        if (moduleExports instanceof Value.Obj o && o.properties.containsKey("default")) {
            return o.properties.get("default");
        }
        if (moduleExports != cjsExports || !cjsExports.properties.isEmpty()) {
            return moduleExports;
        }
        return Value.Unknown.OPAQUE;
    }

    /** {@code require(…)}: the CommonJS value, or the namespace of an ES module. */
    Value requireValue() {
        if (moduleExports != cjsExports) {
            return moduleExports;
        }
        if (!esmExports.isEmpty() || !starExports.isEmpty()) {
            return new Value.Namespace(this);
        }
        return cjsExports;
    }
}
