package dev.leviathan.engine.bootstrap.routes.javascript;

import dev.leviathan.engine.bootstrap.routes.javascript.Value.Unknown;

import java.util.List;
import java.util.Map;

/**
 * The helpers tsc, Babel and esbuild emit when they compile ES imports to CommonJS
 * ({@code __importDefault(require('express'))}, {@code _interopRequireWildcard(…)},
 * {@code __exportStar(require('./x'), exports)}), known by name and applied as Node would run
 * them. Their bodies are not evaluated: tsc declares them as {@code (this && this.__importDefault)
 * || function …}, whose value the analysis cannot tell, and Babel's test {@code e.__esModule}
 * would be true of the express module, a value whose members are all known to exist.
 */
final class ModuleInterop {

    /** How a helper wraps a module value. */
    enum Kind {
        /** {@code import x from}: the module itself when it is an ES module, else {@code { default: module }}. */
        DEFAULT,
        /** {@code import * as x}: the module itself when it is an ES module, else its members plus {@code default}. */
        NAMESPACE,
        /** {@code export * from}: copies the module's members onto {@code exports}. */
        EXPORT_STAR
    }

    private static final Map<String, Kind> HELPERS = Map.of(
            "__importDefault", Kind.DEFAULT,
            "_interopRequireDefault", Kind.DEFAULT,
            "__importStar", Kind.NAMESPACE,
            "_interopRequireWildcard", Kind.NAMESPACE,
            "__toESM", Kind.NAMESPACE,
            "__exportStar", Kind.EXPORT_STAR,
            "_exportStar", Kind.EXPORT_STAR);

    private ModuleInterop() {
    }

    /** The helper a callee names, or null. */
    static Kind helper(Expr callee) {
        return callee instanceof Expr.Name n ? HELPERS.get(n.name()) : null;
    }

    static Value apply(Kind kind, List<CallArg> args) {
        Value module = args.isEmpty() ? Unknown.UNDEFINED : args.get(0).value();
        if (kind == Kind.EXPORT_STAR) {
            if (args.size() > 1 && args.get(1).value() instanceof Value.Obj exports) {
                for (Map.Entry<String, Value> entry : Builtins.entries(module)) {
                    if (!entry.getKey().equals("default")) {
                        exports.properties.putIfAbsent(entry.getKey(), entry.getValue());
                    }
                }
                exports.open |= !(module instanceof Value.Obj o) || o.open;
            }
            return Unknown.OPAQUE;
        }
        if (isEsModule(module) || module instanceof Unknown) {
            return module;
        }
        if (kind == Kind.NAMESPACE && module instanceof Value.ExpressModule) {
            return module; // its members are express's, and `default` reads the module itself
        }
        Value.Obj wrapper = new Value.Obj(null);
        if (kind == Kind.NAMESPACE && module instanceof Value.Obj o) {
            wrapper.properties.putAll(o.properties);
            wrapper.open = o.open || o.ofClass != null;
        }
        wrapper.properties.put("default", module);
        return wrapper;
    }

    /** An ES module's namespace, or CommonJS exports compiled from one (they carry {@code __esModule}). */
    private static boolean isEsModule(Value v) {
        return v instanceof Value.Namespace
                || v instanceof Value.Obj o && Truth.of(o.properties.getOrDefault("__esModule", Unknown.UNDEFINED))
                        == Boolean.TRUE;
    }
}
