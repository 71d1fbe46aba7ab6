package dev.leviathan.engine.bootstrap.routes.javascript;

import dev.leviathan.engine.bootstrap.routes.Route;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The route declarations and router mounts the evaluation saw, and the routes they make: each
 * declaration once per chain of mounts leading from a router nobody mounts down to the
 * declaring router. Evaluating the same code twice with the same router (a function called
 * from two places) records a declaration or mount once.
 */
final class RouteLedger {

    static final String FRAMEWORK = "express";

    /** A router mounted under this many distinct chains is reported under the first ones only. */
    private static final int MAX_CHAINS = 64;

    /** {@code router.get('/x', h)}: {@code method} is upper case; {@code methodRaw} is set when it was not static. */
    record Declaration(Value.Router owner, String method, String methodRaw, PathPiece path, String file, int offset,
            int line, String handler) {
    }

    /** {@code parent.use(prefix, child)}; {@code prefix} is null for {@code parent.use(child)}. */
    record Mount(Value.Router parent, PathPiece prefix, Value.Router child, String file, int offset) {
    }

    private final List<Declaration> declarations = new ArrayList<>();
    private final Set<Declaration> seenDeclarations = new HashSet<>();
    private final Map<Value.Router, List<Mount>> mountsOf = new IdentityHashMap<>();
    private final Set<Mount> seenMounts = new HashSet<>();

    void declare(Declaration d) {
        if (seenDeclarations.add(d)) {
            declarations.add(d);
        }
    }

    void mount(Mount m) {
        if (m.parent() != m.child() && seenMounts.add(m)) {
            mountsOf.computeIfAbsent(m.child(), r -> new ArrayList<>()).add(m);
        }
    }

    /** Whether some mount puts {@code router} under another. */
    boolean isMounted(Value.Router router) {
        return mountsOf.containsKey(router);
    }

    /**
     * Whether everything declared and mounted on {@code router} was also declared or mounted, by
     * the same code, on one of {@code others}, down the whole tree: a router mounted on it must be
     * a copy of what the same {@code use} mounted there. json-server's app, made once by the sweep
     * and once by its real caller, mounts the same router factory's result both times, but only
     * the sweep's run of that router's {@code db.forEach} callback mounted the resource routers.
     */
    boolean isCopy(Value.Router router, List<Value.Router> others) {
        return isCopy(router, others, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private boolean isCopy(Value.Router router, List<Value.Router> others, Set<Value.Router> visiting) {
        if (!visiting.add(router)) {
            return true; // a cycle: judged where it started
        }
        Set<Value.Router> among = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        among.addAll(others);
        if (among.contains(router)) {
            return true;
        }
        Set<List<Object>> declaredThere = new HashSet<>();
        for (Declaration d : declarations) {
            if (among.contains(d.owner())) {
                declaredThere.add(signature(d));
            }
        }
        for (Declaration d : declarations) {
            if (d.owner() == router && !declaredThere.contains(signature(d))) {
                return false;
            }
        }
        Map<List<Object>, List<Value.Router>> mountedThere = new HashMap<>();
        for (Mount m : seenMounts) {
            if (among.contains(m.parent())) {
                mountedThere.computeIfAbsent(site(m), k -> new ArrayList<>()).add(m.child());
            }
        }
        for (Mount m : seenMounts) {
            if (m.parent() == router) {
                List<Value.Router> counterparts = mountedThere.get(site(m));
                if (counterparts == null || !isCopy(m.child(), counterparts, visiting)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<Object> site(Mount m) {
        return List.of(m.file(), m.offset(), java.util.Objects.toString(m.prefix()));
    }

    private static List<Object> signature(Declaration d) {
        return java.util.Arrays.asList(d.method(), d.methodRaw(), d.path(), d.file(), d.offset(), d.line(),
                d.handler());
    }

    /** How many declarations are recorded: a run's own are those from the count before it on. */
    int declarationCount() {
        return declarations.size();
    }

    List<Declaration> declarationsFrom(int from) {
        return List.copyOf(declarations.subList(from, declarations.size()));
    }

    /**
     * Of each group of {@code candidates}, those another declaration stands for: the same call on
     * the same router (method, place, handler) recorded outside that group with another path.
     */
    Set<Declaration> restatedElsewhere(List<List<Declaration>> candidates) {
        Set<Declaration> restated = Collections.newSetFromMap(new IdentityHashMap<>());
        if (candidates.isEmpty()) {
            return restated;
        }
        Map<List<Object>, List<Declaration>> byCall = new HashMap<>();
        for (Declaration d : declarations) {
            byCall.computeIfAbsent(call(d), k -> new ArrayList<>()).add(d);
        }
        for (List<Declaration> group : candidates) {
            Set<Declaration> own = Collections.newSetFromMap(new IdentityHashMap<>());
            own.addAll(group);
            for (Declaration d : group) {
                for (Declaration other : byCall.getOrDefault(call(d), List.of())) {
                    if (!own.contains(other) && !other.path().equals(d.path())) {
                        restated.add(d);
                        break;
                    }
                }
            }
        }
        return restated;
    }

    /** One call on one router: Router compares by identity. */
    private static List<Object> call(Declaration d) {
        return Arrays.asList(d.owner(), d.file(), d.offset(), d.method(), d.handler());
    }

    /** Declarations and mounts recorded so far: grows when a run declares or mounts something new. */
    int recorded() {
        return declarations.size() + seenMounts.size();
    }

    /**
     * The routes, leaving out what was declared on {@code superseded} stand-ins (and on routers
     * reachable only through them): their function also ran with a real router.
     */
    List<Route> routes(Set<Value.Router> superseded, Set<Declaration> dropped) {
        Map<Value.Router, List<List<PathPiece>>> chains = new IdentityHashMap<>();
        List<Route> routes = new ArrayList<>();
        for (Declaration d : declarations) {
            if (dropped.contains(d)) {
                continue;
            }
            for (List<PathPiece> chain : chainsOf(d.owner(), chains, new HashSet<>(), superseded)) {
                List<PathPiece> pieces = new ArrayList<>(chain);
                pieces.add(d.path());
                routes.add(route(d, pieces));
            }
        }
        return routes;
    }

    /** Every list of mount prefixes, outermost first, under which {@code router} is reachable. */
    private List<List<PathPiece>> chainsOf(Value.Router router, Map<Value.Router, List<List<PathPiece>>> memo,
            Set<Value.Router> visiting, Set<Value.Router> superseded) {
        List<List<PathPiece>> known = memo.get(router);
        if (known != null) {
            return known;
        }
        if (superseded.contains(router)) {
            return List.of();
        }
        List<List<PathPiece>> result = new ArrayList<>();
        boolean onlyThroughSuperseded = false;
        visiting.add(router);
        for (Mount m : mountsOf.getOrDefault(router, List.of())) {
            if (visiting.contains(m.parent())) {
                continue; // a cycle: that way in is no way in
            }
            List<List<PathPiece>> outers = chainsOf(m.parent(), memo, visiting, superseded);
            onlyThroughSuperseded |= outers.isEmpty();
            for (List<PathPiece> outer : outers) {
                if (result.size() >= MAX_CHAINS) {
                    break;
                }
                List<PathPiece> chain = new ArrayList<>(outer);
                if (m.prefix() != null) {
                    chain.add(m.prefix());
                }
                result.add(chain);
            }
        }
        visiting.remove(router);
        if (result.isEmpty() && !onlyThroughSuperseded) {
            result.add(List.of());
        }
        if (visiting.isEmpty() || !mountsOf.containsKey(router)) {
            memo.put(router, result);
        }
        return result;
    }

    private static Route route(Declaration d, List<PathPiece> pieces) {
        StringBuilder path = new StringBuilder();
        String raw = d.methodRaw();
        boolean resolved = raw == null;
        for (int k = 0; k < pieces.size(); k++) {
            PathPiece piece = pieces.get(k);
            boolean last = k == pieces.size() - 1;
            append(path, piece, last && (piece.complete() || piece.fallback()));
            // What is not known is left out and what follows is kept: a route under a prefix only
            // known at run time (`app.use(config.baseUrl, r)`) still shows its own path.
            if (!piece.complete()) {
                if (resolved) {
                    raw = piece.raw();
                }
                resolved = false;
            }
        }
        String text = path.isEmpty() ? "/" : path.toString();
        return new Route(FRAMEWORK, d.method(), text, resolved, resolved ? null : raw, d.file(), d.line(),
                d.handler());
    }

    /**
     * Joins like Express: one slash between pieces, a route path {@code /} under a prefix is the
     * prefix itself, and a prefix's trailing slash is dropped; the final piece keeps its own.
     */
    static void append(StringBuilder path, PathPiece piece, boolean finalPiece) {
        String text = piece.known();
        if (text.isEmpty()) {
            return;
        }
        if (piece.regex()) {
            trimTrailingSlash(path);
            path.append(text);
            return;
        }
        // Express 5's optional group may open a path: `{/:tileSize}/rendered.json` serves
        // `/rendered.json` and `/512/rendered.json`, and a slash before it would be one too many
        if (!text.startsWith("/") && !text.startsWith("{/")) {
            text = "/" + text;
        }
        if (!finalPiece) {
            while (text.length() > 1 && text.endsWith("/") && (piece.complete() || piece.fallback())) {
                text = text.substring(0, text.length() - 1);
            }
        }
        if (text.equals("/")) {
            if (path.isEmpty() && finalPiece) {
                path.append('/');
            }
            return;
        }
        trimTrailingSlash(path);
        path.append(text);
    }

    private static void trimTrailingSlash(StringBuilder path) {
        while (!path.isEmpty() && path.charAt(path.length() - 1) == '/') {
            path.setLength(path.length() - 1);
        }
    }
}
