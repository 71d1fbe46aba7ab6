package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Recognizes declarative HTTP clients (Feign, {@code @HttpExchange}, MicroProfile REST Client):
 * interfaces carrying server-side mapping annotations that describe someone else's routes. The
 * marker annotations are matched by simple name, whatever their package.
 */
final class HttpClients {

    private final Set<String> markers;
    private final Map<TypeNode, Boolean> derived = new IdentityHashMap<>();

    HttpClients(Set<String> markers) {
        this.markers = markers;
    }

    /** The type, or one of its supertypes, is a client (a Feign fallback implements its client). */
    boolean isClientDerived(TypeNode type) {
        Boolean known = derived.get(type);
        if (known != null) {
            return known;
        }
        boolean client = false;
        for (TypeNode node : Hierarchy.of(type)) {
            for (AnnotationUse annotation : node.decl.annotations()) {
                client |= markers.contains(annotation.simpleName());
            }
        }
        derived.put(type, client);
        return client;
    }

    /**
     * A client, or a contract a client extends: when no controller of the repository implements
     * it (the caller checks that), it describes another service's routes.
     */
    boolean isClientContract(TypeNode type) {
        return isClientDerived(type) || Hierarchy.descendants(type).stream().anyMatch(this::isClientDerived);
    }
}
