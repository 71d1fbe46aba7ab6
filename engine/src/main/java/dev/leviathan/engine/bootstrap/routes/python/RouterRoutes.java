package dev.leviathan.engine.bootstrap.routes.python;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The FastAPI and Flask routes: each declaration once per mount of its router. A router's mounts
 * are every chain of includes from a router nobody includes down to it; the prefixes along a
 * chain compose the way each framework composes them (FastAPI: include prefix then the router's
 * own prefix; Flask: a {@code url_prefix} given to {@code register_blueprint} replaces the
 * blueprint's own).
 */
final class RouterRoutes {

    /** Bounds the mounts of one router, so a pathological include graph cannot explode. */
    private static final int MAX_MOUNTS = 256;

    private final CallSites sites;
    private final Resolver resolver;
    private final Map<RouterNode, List<List<Piece>>> mounts = new IdentityHashMap<>();
    private final Set<RouterNode> visiting = Collections.newSetFromMap(new IdentityHashMap<>());

    RouterRoutes(CallSites sites, Resolver resolver) {
        this.sites = sites;
        this.resolver = resolver;
    }

    List<Route> routes() {
        List<Route> out = new ArrayList<>();
        for (CallSites.Declaration d : sites.declarations) {
            Piece own = d.resolvedPath() != null ? d.resolvedPath()
                    : d.path() == null ? Piece.unresolved(d.site()) : Piece.of(d.path(), d.scope(), resolver);
            for (List<Piece> mount : mountsOf(d.router())) {
                List<Piece> pieces = new ArrayList<>(mount);
                pieces.add(own);
                boolean resolved = Piece.allResolved(pieces) && d.methods().raw() == null;
                String raw = Piece.raw(pieces);
                if (d.methods().raw() != null) {
                    raw = raw == null ? d.methods().raw() : raw + ", " + d.methods().raw();
                }
                String path = Piece.joinSlashed(pieces);
                for (String method : d.methods().names()) {
                    out.add(new Route(d.router().kind().framework, method, path, resolved, resolved ? null : raw,
                            d.scope().module.path, d.line(), d.handler()));
                }
            }
        }
        return out;
    }

    /** Mounts made by tests (a test app including the router) count only when no other code mounts it. */
    private static List<CallSites.Mount> realMounts(List<CallSites.Mount> all) {
        List<CallSites.Mount> real = all.stream().filter(m -> !m.byTest()).toList();
        return real.isEmpty() ? all : real;
    }

    private List<List<Piece>> mountsOf(RouterNode node) {
        List<List<Piece>> known = mounts.get(node);
        if (known != null) {
            return known;
        }
        // The table an APIRouter is made with is mounted where the APIRouter is, under no prefix of its own.
        RouterNode tableOf = sites.tableOf.get(node);
        List<Piece> own = node.ownPrefix() == null ? List.of() : List.of(Piece.of(node.ownPrefix(), node.scope(), resolver));
        List<CallSites.Mount> incoming = realMounts(sites.mountsByChild.getOrDefault(tableOf != null ? tableOf : node,
                List.of()));
        if (incoming.isEmpty() || !visiting.add(node)) {
            return List.of(own);
        }
        List<List<Piece>> result = new ArrayList<>();
        try {
            for (CallSites.Mount m : incoming) {
                List<List<Piece>> parents = m.parent() == null ? List.of(List.of()) : mountsOf(m.parent());
                for (List<Piece> parent : parents) {
                    if (result.size() >= MAX_MOUNTS) {
                        break;
                    }
                    List<Piece> chain = new ArrayList<>(parent);
                    if (m.prefix() != null) {
                        chain.add(m.prefix());
                    }
                    if (node.kind().isFastApi() || m.prefix() == null) {
                        chain.addAll(tableOf != null ? List.of() : m.ownPrefix() != null ? List.of(m.ownPrefix()) : own);
                    }
                    result.add(List.copyOf(chain));
                }
            }
        } finally {
            visiting.remove(node);
        }
        mounts.put(node, result);
        return result;
    }
}
