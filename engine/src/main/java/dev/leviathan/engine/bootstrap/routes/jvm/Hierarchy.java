package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
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
     * annotations on, once per signature. A method declared again lower down (an override) is
     * the handler; it keeps its own annotations, or inherits those of the nearest overridden
     * declaration that has some. An override is matched by name and arity and, among overloads
     * of one name and arity, by its parameters' type names (Syncope's services declare
     * {@code update(UserPatch)} for PATCH and {@code update(UserTO)} for PUT, implemented as
     * such); where those differ (a type variable above, its argument below), the overloads pair
     * in the order they are declared.
     */
    static List<Handler> handlers(TypeNode type, BiFunction<MethodDecl, TypeNode, List<AnnotationUse>> mappings) {
        List<Handler> slots = new ArrayList<>();
        Map<String, List<Integer>> slotsByKey = new LinkedHashMap<>();
        for (TypeNode node : of(type)) {
            Set<Integer> matchedHere = new HashSet<>();
            for (MethodDecl method : node.decl.methods()) {
                List<AnnotationUse> found = mappings.apply(method, node);
                List<Integer> sameKey = slotsByKey.computeIfAbsent(method.key(), k -> new ArrayList<>());
                int overridden = overridden(slots, sameKey, matchedHere, node, method);
                if (overridden < 0) {
                    // new, or an overload of one declared in the same type: a declaration of its own
                    matchedHere.add(slots.size());
                    sameKey.add(slots.size());
                    slots.add(new Handler(method, node, method, node, found));
                    continue;
                }
                matchedHere.add(overridden);
                Handler slot = slots.get(overridden);
                if (slot.annotations().isEmpty() && !found.isEmpty()) {
                    slots.set(overridden, new Handler(slot.declared(), slot.declaredIn(), method, node, found));
                }
            }
        }
        List<Handler> handlers = new ArrayList<>();
        for (Handler handler : slots) {
            if (!handler.annotations().isEmpty()) {
                handlers.add(handler);
            }
        }
        return handlers;
    }

    /**
     * The slot a method of {@code node} is overridden in lower down: one of its name and arity from
     * a type below that no other method of {@code node} took, with the same parameter types if
     * one has them, else the first; -1 when there is none.
     */
    private static int overridden(List<Handler> slots, List<Integer> sameKey, Set<Integer> matchedHere,
            TypeNode node, MethodDecl method) {
        int first = -1;
        for (int index : sameKey) {
            Handler slot = slots.get(index);
            if (matchedHere.contains(index) || slot.declaredIn() == node) {
                continue;
            }
            if (slot.declared().parameterTypes().equals(method.parameterTypes())) {
                return index;
            }
            if (first < 0) {
                first = index;
            }
        }
        return first;
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
