package dev.leviathan.engine.bootstrap.routes.python;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Starlette's route tables: the {@code routes=[...]} an app is made with
 * ({@code Starlette(routes=[Route("/", home), Mount("/api", routes=[...])])}, also
 * {@code FastAPI(routes=...)}, {@code Router(routes=...)} and {@code APIRouter(routes=...)}). Each {@code Route} and
 * {@code WebSocketRoute} is a declaration of the app; a {@code Mount} with {@code routes=} is a
 * router of its own under the mount's path, one with {@code app=} mounts that app there. A
 * table or an entry this reader cannot follow is one unresolved route, never dropped.
 */
final class StarletteRoutes {

    private enum Entry { ROUTE, WEBSOCKET_ROUTE, MOUNT, HOST }

    /** Bounds nested mounts, so a table that contains itself cannot recurse forever. */
    private static final int MAX_DEPTH = 16;

    private final Resolver resolver;
    private final CallSites sites;
    private final ViewMethods viewMethods;
    private final Set<RouterNode> read = Collections.newSetFromMap(new IdentityHashMap<>());

    StarletteRoutes(Resolver resolver, CallSites sites, ViewMethods viewMethods) {
        this.resolver = resolver;
        this.sites = sites;
        this.viewMethods = viewMethods;
    }

    /**
     * Whether a constructor call may carry a route table, so its router node is worth making
     * even when nothing else names it ({@code app = Starlette(routes=routes)} run by uvicorn
     * through the string {@code "main:app"}).
     */
    static boolean mayHoldTable(Expr.Call c) {
        return c.keyword("routes") != null
                || c.func() instanceof Expr.Name n && n.id().equals("Router") && !c.args().isEmpty();
    }

    /** Reads the table {@code app} was made with, once. */
    void read(RouterNode app) {
        read(app, 0);
    }

    private void read(RouterNode app, int depth) {
        if (app.constructor() == null || depth > MAX_DEPTH || !read.add(app)) {
            return;
        }
        Expr table = switch (app.kind()) {
            case FASTAPI_APP -> app.constructor().keyword("routes");
            // Starlette(debug, routes, ...) takes its table by keyword; Router(routes, ...) first.
            case STARLETTE_APP -> app.constructor().arg(
                    resolver.resolve(app.constructor().func(), app.scope()) instanceof Sym.ExternalSym x
                            && x.name().equals("starlette.routing.Router") ? 0 : -1, "routes");
            // APIRouter(routes=[...]): keyword only.
            case FASTAPI_ROUTER -> app.constructor().keyword("routes");
            default -> null;
        };
        if (table == null || Resolver.isNone(table)) {
            return;
        }
        if (app.kind() == RouterKind.FASTAPI_ROUTER) {
            // FastAPI puts an APIRouter's own prefix only on the routes its decorators and
            // add_api_route make; the routes it is made with keep their paths, and include_router
            // puts the include's prefix on both. So the table is a router of its own, mounted
            // wherever the APIRouter is, without the APIRouter's prefix.
            RouterNode rows = new RouterNode(RouterKind.FASTAPI_ROUTER, null, app.constructor(), app.scope());
            sites.tableOf.put(rows, app);
            table(rows, table, app.scope(), depth);
            return;
        }
        table(app, table, app.scope(), depth);
    }

    private void table(RouterNode owner, Expr table, Scope scope, int depth) {
        List<Resolver.Scoped> entries = new ArrayList<>();
        if (!flatten(table, scope, entries, 0)) {
            unreadable(owner, table, scope);
            return;
        }
        for (Resolver.Scoped entry : entries) {
            entry(owner, entry.expr(), entry.scope(), depth);
        }
    }

    /**
     * The entries of a table: a list or tuple, {@code *spread} inside it, {@code a + b}, or a
     * name holding one of those; false when some part is none of them.
     */
    private boolean flatten(Expr e, Scope scope, List<Resolver.Scoped> out, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        return switch (e) {
            case Expr.Seq seq -> {
                for (Expr x : seq.elements()) {
                    if (x instanceof Expr.Starred spread) {
                        if (!flatten(spread.value(), scope, out, depth + 1)) {
                            out.add(new Resolver.Scoped(x, scope));
                        }
                    } else {
                        out.add(new Resolver.Scoped(x, scope));
                    }
                }
                yield true;
            }
            case Expr.BinOp b when b.op().equals("+") -> {
                List<Resolver.Scoped> both = new ArrayList<>();
                boolean ok = flatten(b.left(), scope, both, depth + 1) && flatten(b.right(), scope, both, depth + 1);
                if (ok) {
                    out.addAll(both);
                }
                yield ok;
            }
            case Expr.Name n -> resolver.resolve(n, scope) instanceof Sym.ValueSym v
                    && flatten(v.value(), v.scope(), out, depth + 1);
            case Expr.Attribute a -> resolver.resolve(a, scope) instanceof Sym.ValueSym v
                    && flatten(v.value(), v.scope(), out, depth + 1);
            default -> false;
        };
    }

    private void entry(RouterNode owner, Expr e, Scope scope, int depth) {
        Expr.Call c = e instanceof Expr.Call call ? call : null;
        Scope at = scope;
        if (c == null && e instanceof Expr.Name n
                && resolver.lookup(scope, n) instanceof Binding.Assigned a && a.value() instanceof Expr.Call call) {
            // health = Route("/health", health_check); routes = [health, ...]
            c = call;
            at = a.scope();
        }
        Entry kind = c == null ? null : kindOf(c, at);
        if (kind == null) {
            unreadable(owner, e, scope);
            return;
        }
        String site = c.text(at.module.text);
        switch (kind) {
            case ROUTE -> {
                Expr endpoint = c.arg(1, "endpoint");
                Expr given = c.keyword("methods");
                CallSites.Methods methods = given != null ? sites.methods(given, at, List.of("GET"))
                        : defaultMethods(endpoint, at);
                sites.declarations.add(new CallSites.Declaration(owner, methods, c.arg(0, "path"), at, c.line(),
                        sites.handler(endpoint, at), site));
            }
            case WEBSOCKET_ROUTE -> sites.declarations.add(new CallSites.Declaration(owner,
                    new CallSites.Methods(List.of("WEBSOCKET"), null), c.arg(0, "path"), at, c.line(),
                    sites.handler(c.arg(1, "endpoint"), at), site));
            case MOUNT -> mount(owner, c, c.arg(0, "path"), c.arg(1, "app"), c.arg(2, "routes"), at, depth);
            // A Host serves its app at every path of that host name: no path of its own.
            case HOST -> mount(owner, c, null, c.arg(1, "app"), null, at, depth);
        }
    }

    private void mount(RouterNode owner, Expr.Call c, Expr path, Expr app, Expr routes, Scope scope, int depth) {
        Piece prefix = path == null ? null : Piece.of(path, scope, resolver);
        boolean byTest = scope.module.isTest();
        if (routes != null && !Resolver.isNone(routes)) {
            // Mount("/api", routes=[...]): a router of its own, made by this call, under the path.
            RouterNode child = new RouterNode(owner.kind(), null, c, scope);
            sites.mountsByChild.computeIfAbsent(child, k -> new ArrayList<>())
                    .add(new CallSites.Mount(owner, child, prefix, byTest));
            table(child, routes, scope, depth + 1);
            return;
        }
        // Mount("/v2", app=v2): a FastAPI or Starlette app served under the path. Any other ASGI
        // app (StaticFiles, a WSGI bridge) declares no routes we can read, as app.mount does.
        if (app != null && resolver.resolve(app, scope) instanceof Sym.RouterSym r && r.node().kind().isFastApi()) {
            sites.mountsByChild.computeIfAbsent(r.node(), k -> new ArrayList<>())
                    .add(new CallSites.Mount(owner, r.node(), prefix, byTest));
            read(r.node(), depth + 1);
        }
    }

    /**
     * Starlette's methods for a route without {@code methods=}: GET for a function; for an
     * {@code HTTPEndpoint} class, the verbs it defines, which it dispatches to. The HEAD Starlette
     * adds beside GET is not reported, as Flask's is not.
     */
    CallSites.Methods defaultMethods(Expr endpoint, Scope scope) {
        if (endpoint != null && resolver.resolve(endpoint, scope) instanceof Sym.ClassSym cls) {
            return viewMethods.of(cls, scope, endpoint.text(scope.module.text));
        }
        return new CallSites.Methods(List.of("GET"), null);
    }

    /** A table or an entry that cannot be read: one route, {@code ANY}, unresolved, at the owner's path. */
    private void unreadable(RouterNode owner, Expr e, Scope scope) {
        String text = CallSites.oneLine(e.text(scope.module.text));
        sites.declarations.add(new CallSites.Declaration(owner, new CallSites.Methods(List.of("ANY"), text), null,
                scope, e.line(), text, text, Piece.literal("")));
    }

    private Entry kindOf(Expr.Call c, Scope scope) {
        if (!(resolver.resolve(c.func(), scope) instanceof Sym.ExternalSym x)) {
            return null;
        }
        return switch (x.name()) {
            case "starlette.routing.Route", "fastapi.routing.APIRoute" -> Entry.ROUTE;
            case "starlette.routing.WebSocketRoute", "fastapi.routing.APIWebSocketRoute" -> Entry.WEBSOCKET_ROUTE;
            case "starlette.routing.Mount" -> Entry.MOUNT;
            case "starlette.routing.Host" -> Entry.HOST;
            default -> null;
        };
    }
}
