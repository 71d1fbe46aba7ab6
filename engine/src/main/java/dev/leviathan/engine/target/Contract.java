package dev.leviathan.engine.target;

import java.util.List;
import java.util.Map;

/**
 * {@code .leviathan/contract.yaml}: what the target is for and the terms Leviathan works under.
 *
 * @param versioning kept as written; Leviathan does not interpret it
 */
public record Contract(String name, String purpose, String description, List<String> definitionOfDone,
        Safety safety, Scope scope, List<String> qualityGates, Map<String, Object> versioning,
        List<Problem> warnings) {

    public Contract {
        definitionOfDone = List.copyOf(definitionOfDone);
        qualityGates = List.copyOf(qualityGates);
        warnings = List.copyOf(warnings);
    }

    /** {@code safety}: defaults are {@code pr_only}, approval required, no extra constraints. */
    public record Safety(OutputMode outputMode, boolean humanApprovalRequired, List<String> constraints) {
        public Safety {
            constraints = List.copyOf(constraints);
        }

        public static Safety defaults() {
            return new Safety(OutputMode.PR_ONLY, true, List.of());
        }
    }

    /** {@code scope}: what work on this target is and is not about. */
    public record Scope(List<String> inScope, List<String> outOfScope) {
        public Scope {
            inScope = List.copyOf(inScope);
            outOfScope = List.copyOf(outOfScope);
        }
    }

    /** How changes leave a worker. Leviathan only ever opens pull requests. */
    public enum OutputMode {
        PR_ONLY;

        static final Map<String, OutputMode> BY_WORD = Words.of(values(), OutputMode::word);

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
