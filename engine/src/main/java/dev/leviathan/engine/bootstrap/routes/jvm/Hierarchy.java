package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/** Walks a type's supertypes found in the repository, the way Spring and JAX-RS inherit mappings. */
final class Hierarchy {

    private Hierarchy() {
    }

    /**
     * The type and all its supertypes in the repository, depth first in declaration order.
     * Iterative: generated code can chain thousands of classes.
     */
    static List<TypeNode> of(TypeNode type) {
        List<TypeNode> all = new ArrayList<>();
        Set<TypeNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<TypeNode> pending = new ArrayDeque<>();
        pending.push(type);
        while (!pending.isEmpty()) {
            TypeNode node = pending.pop();
            if (!seen.add(node)) {
                continue;
            }
            all.add(node);
            for (int i = node.supertypes.size() - 1; i >= 0; i--) {
                pending.push(node.supertypes.get(i));
            }
        }
        return all;
    }

    /** Every type below {@code type} in the repository (subclasses, implementations, sub-interfaces). */
    static List<TypeNode> descendants(TypeNode type) {
        List<TypeNode> all = new ArrayList<>();
        Set<TypeNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(type);
        Deque<TypeNode> pending = new ArrayDeque<>(type.subtypes);
        while (!pending.isEmpty()) {
            TypeNode node = pending.pop();
            if (seen.add(node)) {
                all.add(node);
                pending.addAll(node.subtypes);
            }
        }
        return all;
    }

    /**
     * The handlers of {@code type}: every method of its hierarchy that {@code mappings} finds
     * annotations on, once per name and arity. A method declared again lower down (an override)
     * is the handler; it keeps its own annotations, or inherits those of the nearest overridden
     * declaration that has some.
     */
    static List<Handler> handlers(TypeNode type, BiFunction<MethodDecl, TypeNode, List<AnnotationUse>> mappings) {
        Map<String, Handler> slots = new LinkedHashMap<>();
        for (TypeNode node : of(type)) {
            for (MethodDecl method : node.decl.methods()) {
                List<AnnotationUse> found = mappings.apply(method, node);
                Handler slot = slots.get(method.key());
                if (slot == null) {
                    slots.put(method.key(), new Handler(method, node, method, node, found));
                } else if (slot.declaredIn() == node) {
                    // An overload with the same arity: a declaration of its own, never an override.
                    slots.put(method.key() + "#" + slots.size(), new Handler(method, node, method, node, found));
                } else if (slot.annotations().isEmpty() && !found.isEmpty()) {
                    slots.put(method.key(), new Handler(slot.declared(), slot.declaredIn(), method, node, found));
                }
            }
        }
        List<Handler> handlers = new ArrayList<>();
        for (Handler handler : slots.values()) {
            if (!handler.annotations().isEmpty()) {
                handlers.add(handler);
            }
        }
        return handlers;
    }

    /** Whether some method declared in {@code type} itself has mapping annotations. */
    static boolean declaresMappings(TypeNode type, BiFunction<MethodDecl, TypeNode, List<AnnotationUse>> mappings) {
        for (MethodDecl method : type.decl.methods()) {
            if (!mappings.apply(method, type).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
