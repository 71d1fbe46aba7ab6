package dev.leviathan.engine.bootstrap.routes.go;

import dev.leviathan.engine.bootstrap.routes.go.RouteSpec.Fixed;
import dev.leviathan.engine.bootstrap.routes.go.RouteSpec.FromValue;
import dev.leviathan.engine.bootstrap.routes.go.RouteSpec.HandlerByName;
import dev.leviathan.engine.bootstrap.routes.go.RouteSpec.HandlerRef;
import dev.leviathan.engine.bootstrap.routes.go.RouteSpec.HandlerText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Gives the gorilla/mux routes declared by name without a handler ({@code router.Path(p).Name(n)})
 * the handlers {@code GetRoute(n).Handler(h)} attaches to their router, docker distribution's
 * registry API. A declaration that is served with a handler on one router but has none on
 * another is a copy kept for building URLs (distribution's client {@code URLBuilder}): gorilla
 * answers such a route 404, so the copy is not reported. A declaration no router attaches a
 * handler to is reported as before, handler {@code <unknown>}, as the attaching may be code the
 * analysis does not follow.
 */
final class NamedHandlers {

    private NamedHandlers() {
    }

    private record Declaration(Unit unit, int line) {
    }

    static List<RouteSpec> attach(List<RouteSpec> specs, List<Attachment> attachments) {
        if (specs.stream().noneMatch(s -> s.handler() instanceof HandlerByName)) {
            return specs;
        }
        List<RouteSpec> out = new ArrayList<>();
        List<RouteSpec> unattached = new ArrayList<>();
        Set<Declaration> served = new HashSet<>();
        for (RouteSpec spec : specs) {
            if (!(spec.handler() instanceof HandlerByName byName)) {
                out.add(spec);
                continue;
            }
            Set<String> handlers = handlersFor(spec.node(), byName.name().literalText(), attachments);
            if (handlers.isEmpty()) {
                unattached.add(spec);
                continue;
            }
            served.add(new Declaration(spec.unit(), spec.line()));
            // Without Methods(...) the route was ANY and unresolved for want of a handler; with
            // one it is ANY, the dispatcher deciding methods at run time.
            RouteSpec.MethodSpec method = spec.method() instanceof FromValue fv && !(fv.value() instanceof Value.ListVal)
                    ? new Fixed("ANY") : spec.method();
            for (String handler : handlers) {
                out.add(new RouteSpec(spec.node(), method, spec.prefix(), spec.own(), new HandlerText(handler),
                        spec.unit(), spec.line()));
            }
        }
        for (RouteSpec spec : unattached) {
            if (!served.contains(new Declaration(spec.unit(), spec.line()))) {
                out.add(new RouteSpec(spec.node(), spec.method(), spec.prefix(), spec.own(),
                        new HandlerText("<unknown>"), spec.unit(), spec.line()));
            }
        }
        return out;
    }

    /** The handlers attached under {@code name} to {@code node} or a router stored as it. */
    private static Set<String> handlersFor(Node node, String name, List<Attachment> attachments) {
        Set<String> out = new LinkedHashSet<>();
        if (name == null) {
            return out;
        }
        for (Attachment a : attachments) {
            if (name.equals(a.name().literalText()) && a.handler() instanceof HandlerText text
                    && aliases(a.node(), node)) {
                out.add(text.text());
            }
        }
        return out;
    }

    /** Whether {@code from} is {@code to}, or mounted under it without a prefix (a field holding it). */
    private static boolean aliases(Node from, Node to) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Node> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n == to) {
                return true;
            }
            if (seen.add(n)) {
                for (Node.Mount m : n.parents) {
                    if (m.prefix().parts().isEmpty()) {
                        todo.push(m.parent());
                    }
                }
            }
        }
        return false;
    }
}
