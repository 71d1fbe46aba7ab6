package dev.leviathan.engine.bootstrap.routes.go;

import dev.leviathan.engine.bootstrap.routes.Route;
import dev.leviathan.engine.bootstrap.routes.go.RouteSpec.Fixed;
import dev.leviathan.engine.bootstrap.routes.go.RouteSpec.FromPattern;
import dev.leviathan.engine.bootstrap.routes.go.RouteSpec.FromValue;
import dev.leviathan.engine.bootstrap.routes.go.RouteSpec.HandlerText;
import dev.leviathan.engine.bootstrap.routes.go.Value.Bound;
import dev.leviathan.engine.bootstrap.routes.go.Value.ListVal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns route declarations into routes: one per method, per mount chain from a root down to the
 * declaring node, with the prefixes of the chain applied. Identical routes (the same declaration
 * reached twice through the same prefixes) are reported once.
 */
final class RouteListing {

    private static final int MAX_CHAINS = 64;

    private static final Comparator<Route> ORDER = Route.ORDER.thenComparing(Route::handler)
            .thenComparing(Route::framework).thenComparing(Route::resolved)
            .thenComparing(r -> r.rawExpression() == null ? "" : r.rawExpression());

    private record MethodChoice(String method, Str own, String raw) {
    }

    /** Per node, the joined prefix of each way it is mounted. */
    private final Map<Node, List<Str>> chains = new HashMap<>();

    static List<Route> list(List<RouteSpec> specs) {
        RouteListing listing = new RouteListing();
        Set<Route> out = new LinkedHashSet<>();
        for (RouteSpec spec : specs) {
            listing.expand(spec, out);
        }
        List<Route> sorted = new ArrayList<>(out);
        sorted.sort(ORDER);
        return List.copyOf(sorted);
    }

    private void expand(RouteSpec spec, Set<Route> out) {
        String handler = spec.handler() instanceof HandlerText t ? t.text() : "<unknown>";
        for (MethodChoice choice : methods(spec)) {
            for (Str chain : chains(spec.node(), new HashSet<>())) {
                Str full = Str.join(Str.join(chain, spec.prefix()), choice.own());
                Str.Rendered r = full.render(spec.node().framework == Framework.ECHO);
                String raw = r.resolved() ? choice.raw() : r.raw();
                out.add(new Route(spec.node().framework.id, choice.method(), r.path(), raw == null, raw,
                        spec.unit().file().path(), spec.line(), handler));
            }
        }
    }

    private static List<MethodChoice> methods(RouteSpec spec) {
        List<MethodChoice> out = new ArrayList<>();
        switch (spec.method()) {
            case Fixed f -> out.add(new MethodChoice(f.method(), spec.own(), null));
            case FromPattern p -> out.add(Pattern.split(spec.own()));
            case FromValue v -> {
                if (v.value() instanceof ListVal list) {
                    for (Bound b : list.elements()) {
                        out.add(method(b.value(), b.text(), spec.own()));
                    }
                } else {
                    out.add(method(v.value(), v.raw(), spec.own()));
                }
            }
        }
        return out;
    }

    private static MethodChoice method(Value value, String raw, Str own) {
        if (value instanceof Str s && s.literalText() != null && !s.literalText().isBlank()) {
            return new MethodChoice(s.literalText().trim().toUpperCase(Locale.ROOT), own, null);
        }
        return new MethodChoice("ANY", own, raw == null ? "?" : raw);
    }

    /** The joined prefixes from a root down to {@code node}, one per way the node is mounted. */
    private List<Str> chains(Node node, Set<Node> onPath) {
        List<Str> memo = chains.get(node);
        if (memo != null) {
            return memo;
        }
        List<Str> result = new ArrayList<>();
        onPath.add(node);
        for (Node.Mount mount : node.parents) {
            if (onPath.contains(mount.parent())) {
                continue;
            }
            for (Str above : chains(mount.parent(), onPath)) {
                if (result.size() >= MAX_CHAINS) {
                    break;
                }
                result.add(Str.join(above, mount.prefix()));
            }
        }
        onPath.remove(node);
        if (result.isEmpty() || node.served) {
            result.add(Str.EMPTY);
        }
        List<Str> done = List.copyOf(result);
        chains.put(node, done);
        return done;
    }

    /** Go 1.22 {@code ServeMux} patterns: {@code [METHOD ][HOST]/[PATH]}. */
    static final class Pattern {

        private Pattern() {
        }

        static MethodChoice split(Str own) {
            if (own.parts().isEmpty() || !(own.parts().get(0) instanceof Str.Lit lit)) {
                return new MethodChoice("ANY", own, null);
            }
            String text = lit.text();
            String method = "ANY";
            int space = indexOfBlank(text);
            int slash = text.indexOf('/');
            if (space > 0 && (slash < 0 || space < slash)) {
                method = text.substring(0, space).toUpperCase(Locale.ROOT);
                text = text.substring(space).stripLeading();
                slash = text.indexOf('/');
            }
            if (slash > 0 && !text.startsWith("{")) {
                text = text.substring(slash);
            }
            List<Str.Part> parts = new ArrayList<>(own.parts());
            parts.set(0, new Str.Lit(text));
            return new MethodChoice(method, new Str(List.copyOf(parts)), null);
        }

        private static int indexOfBlank(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == ' ' || s.charAt(i) == '\t') {
                    return i;
                }
            }
            return -1;
        }
    }
}
