package dev.leviathan.engine.execute.scope;

import java.util.List;

/** The scope guard's judgement of an attempt's changes. */
public sealed interface ScopeVerdict {

    /**
     * Every change may be committed, exactly these and nothing else.
     *
     * @param notices allowed things a reviewer should see (mode changes, symlinks), in path order
     */
    record Allowed(List<Change> changes, List<Notice> notices) implements ScopeVerdict {

        public Allowed {
            changes = List.copyOf(changes);
            notices = List.copyOf(notices);
        }
    }

    /** Nothing may be committed; every violation found, in path order. Never empty. */
    record Refused(List<Violation> violations) implements ScopeVerdict {

        public Refused {
            violations = List.copyOf(violations);
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("a refusal names at least one violation");
            }
        }
    }
}
