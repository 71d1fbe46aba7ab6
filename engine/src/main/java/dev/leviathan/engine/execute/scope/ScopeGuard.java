package dev.leviathan.engine.execute.scope;

import java.util.ArrayList;
import java.util.List;

/**
 * Judges an attempt's changes before anything is committed (DESIGN.md §Governance): every path
 * written, old or new, must be a plain repository path, inside the task's {@code allowed_paths},
 * permitted by the policy for the task's scope and not forbidden by it; symlinks must resolve
 * inside the allowed paths; no new path may collide with or look like another; limits on file
 * sizes and file counts hold. Every violation is reported, in path order. Pure and thread-safe.
 */
public final class ScopeGuard {

    private ScopeGuard() {
    }

    public static ScopeVerdict check(List<Change> changes, ScopeRules rules) {
        List<Change> sorted = new ArrayList<>(changes);
        sorted.sort((a, b) -> PathOrder.compare(a.path(), b.path()));
        Judgement judgement = new Judgement(rules, ResultTree.of(rules.base(), sorted));
        judgement.conflicts(sorted);
        for (Change change : sorted) {
            judgement.change(change);
        }
        judgement.collisions(sorted);
        judgement.fileCount(sorted);
        List<Violation> violations = judgement.violations();
        if (violations.isEmpty()) {
            return new ScopeVerdict.Allowed(sorted, judgement.notices());
        }
        return new ScopeVerdict.Refused(violations);
    }
}
