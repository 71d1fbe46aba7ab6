package dev.leviathan.engine.bootstrap.routes.javascript;

import dev.leviathan.engine.bootstrap.routes.javascript.Value.Unknown;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What calls on Express apps, routers and {@code route()} objects mean: verbs declare routes,
 * {@code route(path)} starts a chain, {@code use()} mounts the routers among its arguments. The
 * evaluator hands over each such call with its evaluated arguments; the declarations and mounts
 * go to the {@link RouteLedger}.
 */
final class ExpressCalls {

    /** Calls a method the program itself added to an app ({@code app.crud = function …}). */
    interface AppMethod {

        Value call(Value.Fn method, Value.Router self, List<Value> args);
    }

    private static final int MAX_RAW_LENGTH = 300;
    private static final int MAX_PATHS = 64;

    /**
     * Route methods of Express apps, routers and {@code route()} objects: the lower-case HTTP
     * methods of Node's {@code http.METHODS} that are valid identifiers, {@code all} (every
     * method) and Express 3's {@code del}.
     */
    static final Map<String, String> VERBS = verbs();

    private static Map<String, String> verbs() {
        Map<String, String> verbs = new HashMap<>();
        for (String m : List.of("get", "post", "put", "delete", "patch", "head", "options", "trace", "connect",
                "acl", "bind", "checkout", "copy", "link", "lock", "merge", "mkactivity", "mkcalendar", "mkcol",
                "move", "notify", "propfind", "proppatch", "purge", "rebind", "report", "search", "source",
                "subscribe", "unbind", "unlink", "unlock", "unsubscribe")) {
            verbs.put(m, m.toUpperCase(Locale.ROOT));
        }
        verbs.put("all", "ANY");
        verbs.put("del", "DELETE");
        return Map.copyOf(verbs);
    }

    /** The method of a WebSocket endpoint, as the Python extractor names FastAPI's and Starlette's. */
    static final String WEBSOCKET = "WEBSOCKET";

    /** Methods of apps and routers, besides verbs and {@code use}, that return the app or router. */
    private static final Set<String> CHAINING = Set.of("engine", "enable", "disable", "param");

    private final RouteLedger ledger;

    ExpressCalls(RouteLedger ledger) {
        this.ledger = ledger;
    }

    /** {@code r.key(args)}; {@code keyValue} is the evaluated key of a computed member ({@code r[verb]}). */
    Value onRouter(Value.Router r, String key, Value keyValue, Expr.Member m, List<CallArg> args, ModuleRecord module,
            AppMethod appMethod) {
        int line = module.lines.line(m.propertyStart());
        if (key == null) {
            // OPAQUE: nothing at all is known (a loop over an unknown collection), so no route is claimed
            if (m.computed() != null && args.size() >= 2 && keyValue != Unknown.OPAQUE) {
                // `app[method](path, handler)` with a method the analysis cannot name
                declare(r, "ANY", raw(m.computed(), module), args, m.propertyStart(), line, module);
                return r;
            }
            return Unknown.OPAQUE;
        }
        String method = VERBS.get(key);
        if (method != null) {
            if (args.size() < 2) {
                return Unknown.OPAQUE; // `app.get('env')` reads a setting
            }
            declare(r, method, null, args, m.propertyStart(), line, module);
            return r;
        }
        switch (key) {
            case "route" -> {
                if (args.isEmpty()) {
                    return Unknown.OPAQUE;
                }
                return new Value.RouteHandle(r, pieces(args.get(0), module), line);
            }
            case "use" -> {
                mount(r, args, module);
                return r;
            }
            default -> {
                Value own = r.properties.get(key); // a method the program added: app.resource = function …
                if (own instanceof Value.Fn fn) {
                    return appMethod.call(fn, r, values(args));
                }
                if (key.equals("ws") && args.size() >= 2) {
                    // express-ws's `app.ws(path, handler)` (Express has no `ws` of its own, so a call
                    // means the plugin is applied): a WebSocket endpoint, as FastAPI's `websocket` is
                    declare(r, WEBSOCKET, null, args, m.propertyStart(), line, module);
                    return r;
                }
                // Express's settings methods return the app, so `express().use(…).set(k, v)` chains go on
                // (thelounge keeps the app such a chain ends with); `app.set(k)` reads a setting
                return CHAINING.contains(key) || key.equals("set") && args.size() >= 2 ? r : Unknown.OPAQUE;
            }
        }
    }

    /** {@code router.route(path).key(args)}. */
    Value onRouteHandle(Value.RouteHandle h, String key, Expr.Member m, List<CallArg> args, ModuleRecord module) {
        String method = key == null ? null : VERBS.get(key);
        if (method == null || args.isEmpty()) {
            return Unknown.OPAQUE;
        }
        String handler = handler(args, module);
        for (PathPiece path : h.paths()) {
            ledger.declare(new RouteLedger.Declaration(h.owner(), method, null, path, module.path,
                    m.propertyStart(), h.line(), handler));
        }
        return h;
    }

    private void declare(Value.Router owner, String method, String methodRaw, List<CallArg> args, int offset, int line,
            ModuleRecord module) {
        CallArg path = args.get(0);
        Value pathValue = path.value();
        if (pathValue instanceof Value.Fn || pathValue instanceof Value.Router || pathValue instanceof Value.ClassVal
                || pathValue instanceof Value.Obj) {
            return; // not a path: `router.get(auth, handler)` is no route
        }
        if (owner.kind == Value.Router.Kind.STAND_IN
                && (!looksLikePath(pathValue) || !looksLikeHandler(args.get(args.size() - 1).value()))) {
            return;
        }
        String handler = handler(args, module);
        for (PathPiece piece : pieces(path, module)) {
            ledger.declare(new RouteLedger.Declaration(owner, method, methodRaw, piece, module.path, offset, line,
                    handler));
        }
    }

    /** For stand-ins, which may be wrong about being routers: the first argument must read as a path. */
    private static boolean looksLikePath(Value v) {
        return switch (v) {
            case Value.Text t -> t.known().startsWith("/") || t.known().startsWith("*");
            case Value.Pattern p -> true;
            case Value.Arr a -> !a.elements.isEmpty() && looksLikePath(a.elements.get(0));
            default -> false;
        };
    }

    private static boolean looksLikeHandler(Value v) {
        return !(v instanceof Value.Text || v instanceof Value.Scalar || v instanceof Value.Pattern
                || (v instanceof Value.Obj o && o.ofClass == null));
    }

    private void mount(Value.Router parent, List<CallArg> args, ModuleRecord module) {
        if (args.isEmpty()) {
            return;
        }
        int from = 0;
        List<PathPiece> prefixes = null;
        if (isPrefix(args.get(0).value())) {
            prefixes = pieces(args.get(0), module);
            from = 1;
        }
        List<Value.Router> children = new ArrayList<>();
        for (CallArg arg : args.subList(from, args.size())) {
            collectRouters(arg.value(), children, 0);
        }
        for (Value.Router child : children) {
            if (prefixes == null) {
                ledger.mount(new RouteLedger.Mount(parent, null, child, module.path, args.get(0).source() == null
                        ? 0 : args.get(0).source().start()));
            } else {
                for (PathPiece prefix : prefixes) {
                    ledger.mount(new RouteLedger.Mount(parent, prefix, child, module.path,
                            args.get(0).source() == null ? 0 : args.get(0).source().start()));
                }
            }
        }
    }

    private static boolean isPrefix(Value v) {
        return switch (v) {
            case Value.Text t -> true;
            case Value.Pattern p -> true;
            case Value.Arr a -> !a.elements.isEmpty() && a.elements.stream()
                    .allMatch(e -> e instanceof Value.Text || e instanceof Value.Pattern);
            default -> v == Unknown.MAYBE_TEXT;
        };
    }

    private void collectRouters(Value v, List<Value.Router> out, int nesting) {
        switch (v) {
            case Value.Router r -> {
                out.add(r);
                for (Value.Router alternative : r.alternatives) {
                    if (!out.contains(alternative)) {
                        out.add(alternative);
                    }
                }
            }
            case Value.Arr a -> {
                if (nesting < 3) {
                    for (Value e : a.elements) {
                        collectRouters(e, out, nesting + 1);
                    }
                }
            }
            case Value.Namespace ns -> {
                if (nesting < 3) {
                    collectRouters(ns.module().defaultExport(), out, nesting + 1);
                }
            }
            default -> {
                // middleware, not a router
            }
        }
    }

    private List<PathPiece> pieces(CallArg arg, ModuleRecord module) {
        Value v = arg.value();
        if (v instanceof Value.Arr arr) {
            List<PathPiece> out = new ArrayList<>();
            boolean literal = arg.source() instanceof Expr.ArrayLit lit && lit.elements().size() == arr.elements.size();
            for (int k = 0; k < arr.elements.size() && k < MAX_PATHS; k++) {
                Expr source = literal ? ((Expr.ArrayLit) arg.source()).elements().get(k) : arg.source();
                out.add(piece(arr.elements.get(k), source == null ? "" : raw(source, module)));
            }
            return out;
        }
        return List.of(piece(v, arg.source() == null ? "" : raw(arg.source(), module)));
    }

    private static PathPiece piece(Value v, String raw) {
        return switch (v) {
            // A gap left by an unknown part may double a slash ('/' + id + '/items'): one is kept.
            case Value.Text t -> new PathPiece(t.complete() ? t.known() : t.known().replaceAll("/{2,}", "/"),
                    t.complete(), false, t.complete() ? null : t.raw() != null ? t.raw() : raw, t.fallback());
            case Value.Pattern p -> new PathPiece(p.literal(), true, true, null);
            case Value.Scalar s -> new PathPiece(s.text(), true, false, null);
            default -> new PathPiece("", false, false, raw);
        };
    }

    /** The source text of {@code e} as written, capped: what a route names as its raw expression. */
    static String raw(Expr e, ModuleRecord module) {
        String source = module.source;
        int start = Math.max(0, Math.min(e.start(), source.length()));
        int end = Math.max(start, Math.min(e.end(), source.length()));
        String text = source.substring(start, end);
        return text.length() > MAX_RAW_LENGTH ? text.substring(0, MAX_RAW_LENGTH) : text;
    }

    private static String handler(List<CallArg> args, ModuleRecord module) {
        CallArg last = args.get(args.size() - 1);
        return last.source() == null ? HandlerName.ANONYMOUS : HandlerName.of(last.source(), module.source);
    }

    private static List<Value> values(List<CallArg> args) {
        List<Value> values = new ArrayList<>(args.size());
        for (CallArg a : args) {
            values.add(a.value());
        }
        return values;
    }
}
