package dev.leviathan.engine.target;

import java.util.Optional;
import java.util.Set;

/**
 * {@code scope_constraints.<scope>} in {@code policy.yaml}. Without {@code allowed_operations}
 * every operation is allowed; the two {@code requires_*} flags default to false.
 */
public record ScopeConstraint(Optional<String> description, Set<FileOperation> allowedOperations,
        Optional<Integer> maxFilesPerTask, boolean requiresTests, boolean requiresDocumentation) {

    public ScopeConstraint {
        allowedOperations = Set.copyOf(allowedOperations);
    }
}
