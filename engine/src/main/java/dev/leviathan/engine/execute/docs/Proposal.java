package dev.leviathan.engine.execute.docs;

import dev.leviathan.engine.target.ExecutorSpec;
import dev.leviathan.engine.target.Priority;
import java.util.List;
import java.util.Optional;

/**
 * A task Leviathan proposes for one finding. It is written to the backlog {@code ready: false},
 * {@code status: pending}, with the labels {@link #LABEL} and {@code finding:<finding>}.
 *
 * @param id the task's id: kebab-case, derived from the finding alone so it is the same on every run
 * @param finding what was found, as {@code <rule>:<subject>} ({@code ci-permissions:.github/workflows/ci.yml});
 *     a backlog task carrying it as a label is the same finding
 * @param rank the rule's place among the rules, for ordering proposals of equal priority
 */
record Proposal(String id, String finding, int rank, String title, String description, String scope,
        Priority priority, String estimatedSize, List<String> allowedPaths, List<String> acceptanceCriteria,
        Optional<ExecutorSpec.Docs> executor) {

    /** Every proposal carries it, so a person can filter the backlog for them. */
    static final String LABEL = "leviathan-proposal";
    static final String FINDING_LABEL_PREFIX = "finding:";

    Proposal {
        allowedPaths = List.copyOf(allowedPaths);
        acceptanceCriteria = List.copyOf(acceptanceCriteria);
    }

    List<String> labels() {
        return List.of(LABEL, FINDING_LABEL_PREFIX + finding);
    }

    Proposal withId(String newId) {
        return new Proposal(newId, finding, rank, title, description, scope, priority, estimatedSize, allowedPaths,
                acceptanceCriteria, executor);
    }
}
