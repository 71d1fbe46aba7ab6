package dev.leviathan.engine.execute.scope;

import dev.leviathan.engine.target.AllowedPath;
import dev.leviathan.engine.target.Policy;
import dev.leviathan.engine.target.Task;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an attempt may write.
 *
 * @param allowedPaths the task's {@code allowed_paths}: every path written must be covered
 * @param scope        the task's scope, for the policy's per-scope globs and constraints
 * @param policy       the target's policy at the base commit
 * @param base         the base commit's tree the changes apply to: collisions and symlink chains
 *                     are judged against it
 */
public record ScopeRules(List<AllowedPath> allowedPaths, Optional<String> scope, Policy policy, BaseTree base) {

    public ScopeRules {
        allowedPaths = List.copyOf(allowedPaths);
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(base, "base");
    }

    public static ScopeRules of(Task task, Policy policy, BaseTree base) {
        return new ScopeRules(task.allowedPaths(), task.scope(), policy, base);
    }

    /** The scope to look up in the policy: a task without one gets only the globs for any scope. */
    String policyScope() {
        return scope.orElse(Policy.ANY_SCOPE);
    }
}
