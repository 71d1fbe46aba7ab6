package dev.leviathan.engine.bootstrap.routes.python;

import java.util.ArrayList;
import java.util.List;

/**
 * One piece of a route's path (a mount prefix, a router's own prefix, the route's own path),
 * evaluated: its static text, and the source text of its expression when that did not resolve.
 */
record Piece(String text, boolean resolved, String raw) {

    static Piece of(Expr e, Scope scope, Resolver resolver) {
        Resolver.StrVal v = resolver.string(e, scope);
        if (v.resolved()) {
            return new Piece(v.text(), true, null);
        }
        // Dropping an unresolved part of f"/{version}/x" leaves "//x": the best static part is "/x".
        return new Piece(collapseSlashes(v.text()), false, e.text(scope.module.text));
    }

    static String collapseSlashes(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '/' || out.isEmpty() || out.charAt(out.length() - 1) != '/') {
                out.append(c);
            }
        }
        return out.toString();
    }

    static Piece literal(String text) {
        return new Piece(text, true, null);
    }

    static Piece unresolved(String raw) {
        return new Piece("", false, raw);
    }

    static boolean allResolved(List<Piece> pieces) {
        return pieces.stream().allMatch(Piece::resolved);
    }

    /** The raw texts of the unresolved pieces, in path order, joined with {@code ", "}; null when none. */
    static String raw(List<Piece> pieces) {
        List<String> raws = new ArrayList<>();
        for (Piece p : pieces) {
            if (!p.resolved() && p.raw() != null && !raws.contains(p.raw())) {
                raws.add(p.raw());
            }
        }
        return raws.isEmpty() ? null : String.join(", ", raws);
    }

    /**
     * Joins path pieces with exactly one slash between them (a trailing slash of the last piece
     * is kept), and a leading slash: the way FastAPI and Flask compose prefixes when authors
     * write them with or without their slashes.
     */
    static String joinSlashed(List<Piece> pieces) {
        StringBuilder sb = new StringBuilder();
        for (Piece p : pieces) {
            String t = p.text();
            if (t.isEmpty()) {
                continue;
            }
            if (sb.isEmpty()) {
                sb.append(t);
                continue;
            }
            boolean endsWithSlash = sb.charAt(sb.length() - 1) == '/';
            boolean startsWithSlash = t.charAt(0) == '/';
            if (endsWithSlash && startsWithSlash) {
                sb.append(t, 1, t.length());
            } else if (!endsWithSlash && !startsWithSlash) {
                sb.append('/').append(t);
            } else {
                sb.append(t);
            }
        }
        if (sb.isEmpty() || sb.charAt(0) != '/') {
            sb.insert(0, '/');
        }
        return sb.toString();
    }
}
