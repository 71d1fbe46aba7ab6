package dev.leviathan.engine.execute.scope;

import java.util.Comparator;
import java.util.Objects;

/**
 * One reason the changes may not be committed.
 *
 * @param path    the offending path exactly as the change has it
 * @param message for the operator: what the change does, which rule it breaks and, where it helps,
 *                what it resembles; paths in it are quoted, invisible and control characters in
 *                them written as escapes (a right-to-left override shows as a backslash, u, 202E)
 */
public record Violation(String path, ScopeRule rule, String message) {

    /** Path order, then rule order, then message: the order violations are reported in. */
    static final Comparator<Violation> ORDER = Comparator.comparing(Violation::path, PathOrder.CODE_POINTS)
            .thenComparing(Violation::rule).thenComparing(Violation::message);

    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }
}
