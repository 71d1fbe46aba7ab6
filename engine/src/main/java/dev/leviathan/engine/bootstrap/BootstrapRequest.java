package dev.leviathan.engine.bootstrap;

import java.util.function.BooleanSupplier;

/**
 * Bootstrap a registered target at a commit.
 *
 * @param ref a branch, tag or (abbreviated) SHA; null or blank for the target's default branch
 * @param operator who asked; the run's events carry this actor (the facts carry the indexer's)
 * @param full read the whole commit even when an earlier commit of the target is bootstrapped
 * @param cancelled polled while the bootstrap runs; true stops it with {@code bootstrap.failed}
 */
public record BootstrapRequest(String targetId, String ref, String operator, boolean full,
        BootstrapProgress progress, BooleanSupplier cancelled) {

    public BootstrapRequest {
        if (targetId == null || targetId.isBlank()) {
            throw new IllegalArgumentException("name the target to bootstrap");
        }
        operator = operator == null || operator.isBlank() ? "operator" : operator;
        progress = progress == null ? BootstrapProgress.NONE : progress;
        cancelled = cancelled == null ? () -> false : cancelled;
    }

    public static BootstrapRequest of(String targetId, String ref, String operator) {
        return new BootstrapRequest(targetId, ref, operator, false, BootstrapProgress.NONE, () -> false);
    }
}
