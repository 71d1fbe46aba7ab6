package dev.leviathan.engine.govern;

import dev.leviathan.engine.target.AutonomyConfig;
import dev.leviathan.engine.target.Policy;
import dev.leviathan.engine.target.Task;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything one decision depends on; the decision depends on nothing else.
 *
 * @param tasks           the backlog's tasks in file order
 * @param policy          the target's {@code policy.yaml} (an empty policy if it has none: then no
 *                        path is permitted and nothing is dispatched)
 * @param autonomy        the target's autonomy configuration ({@link AutonomyConfig#defaults()} if
 *                        it has none)
 * @param history         the target's governance events, as of some seq
 * @param openPullRequests what the forge counted, or why it could not
 * @param modelConfigured whether an LLM is configured, so tasks without an executor can run
 * @param now             the decision's instant, from the caller's clock
 */
public record SchedulingInput(String targetId, List<Task> tasks, Policy policy, AutonomyConfig autonomy,
        GovernanceSnapshot history, OpenPullRequests openPullRequests, boolean modelConfigured, Instant now,
        SchedulingMode mode) {

    public SchedulingInput {
        Objects.requireNonNull(targetId, "targetId");
        tasks = List.copyOf(tasks);
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(autonomy, "autonomy");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(openPullRequests, "openPullRequests");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(mode, "mode");
        if (!history.targetId().equals(targetId)) {
            throw new IllegalArgumentException("history of target '" + history.targetId()
                    + "' given for target '" + targetId + "'");
        }
    }
}
