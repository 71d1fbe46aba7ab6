package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides on which types routes are reported, so that each mapping declaration is counted once
 * per controller that serves it: every serving type (a bean or resource the framework would
 * register), and then every type declaring mappings that no serving type inherits, reported on
 * itself unless another such type inherits it (an interface with no implementation in the
 * repository is reported once, on the interface).
 */
final class ReportingTypes {

    private ReportingTypes() {
    }

    /**
     * @param serves the framework would register the type
     * @param declaresMappings the type itself declares mapped methods
     * @param excluded never reported on its own (HTTP clients, sub-resources reached otherwise)
     */
    static List<TypeNode> select(List<TypeNode> types, Predicate<TypeNode> serves, Predicate<TypeNode> declaresMappings,
            Predicate<TypeNode> excluded) {
        List<TypeNode> reporting = new ArrayList<>();
        Set<TypeNode> covered = identitySet();
        for (TypeNode type : types) {
            if (serves.test(type)) {
                reporting.add(type);
                covered.addAll(Hierarchy.of(type));
            }
        }
        List<TypeNode> candidates = new ArrayList<>();
        for (TypeNode type : types) {
            if (!covered.contains(type) && declaresMappings.test(type) && !excluded.test(type)) {
                candidates.add(type);
            }
        }
        Set<TypeNode> inheritedByCandidate = identitySet();
        for (TypeNode candidate : candidates) {
            List<TypeNode> hierarchy = Hierarchy.of(candidate);
            inheritedByCandidate.addAll(hierarchy.subList(1, hierarchy.size()));
        }
        for (TypeNode candidate : candidates) {
            if (!inheritedByCandidate.contains(candidate)) {
                reporting.add(candidate);
            }
        }
        return reporting;
    }

    static Set<TypeNode> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }
}
