package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.ArrayList;
import java.util.List;

/**
 * A statically evaluated string: the text known, and the source text of every piece that could
 * not be evaluated (those pieces contribute nothing to {@code text}).
 */
record PathValue(String text, List<String> unresolved) {

    static final PathValue EMPTY = new PathValue("", List.of());

    static PathValue of(String text) {
        return new PathValue(text, List.of());
    }

    static PathValue unknown(String raw) {
        return new PathValue("", List.of(raw));
    }

    boolean resolved() {
        return unresolved.isEmpty();
    }

    PathValue plus(PathValue other) {
        return new PathValue(text + other.text, merge(unresolved, other.unresolved));
    }

    PathValue withText(String newText) {
        return new PathValue(newText, unresolved);
    }

    PathValue withUnresolved(List<String> more) {
        return new PathValue(text, merge(unresolved, more));
    }

    /** What a route reports as {@code rawExpression}: null when resolved. */
    String raw() {
        return unresolved.isEmpty() ? null : String.join(", ", unresolved);
    }

    static List<String> merge(List<String> a, List<String> b) {
        if (b.isEmpty()) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        List<String> all = new ArrayList<>(a);
        for (String raw : b) {
            if (!all.contains(raw)) {
                all.add(raw);
            }
        }
        return List.copyOf(all);
    }
}
