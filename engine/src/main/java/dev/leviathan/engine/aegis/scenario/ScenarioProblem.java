package dev.leviathan.engine.aegis.scenario;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong in a scenario file, at a 1-based line and column.
 *
 * @param fieldPath the value's path ({@code workloads[1].limits.memory}); {@code ""} for a problem with the
 *     whole file (syntax, encoding, a file that cannot be read)
 * @param hint what to write instead; {@code ""} when there is nothing useful to say
 */
public record ScenarioProblem(String file, int line, int column, String fieldPath, String message, String hint) {

    /** File order: line, then column. */
    static final Comparator<ScenarioProblem> IN_FILE_ORDER =
            Comparator.comparingInt(ScenarioProblem::line).thenComparingInt(ScenarioProblem::column);

    public ScenarioProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        fieldPath = fieldPath == null ? "" : fieldPath;
        hint = hint == null ? "" : hint;
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    /**
     * Exactly one line: {@code FILE:LINE:COLUMN: FIELD.PATH: message (hint: …)}; the path is left out when
     * the problem is about the whole file, the hint when there is none.
     */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(file).append(':').append(line).append(':').append(column).append(": ");
        if (!fieldPath.isEmpty()) {
            out.append(oneLine(fieldPath)).append(": ");
        }
        out.append(oneLine(message));
        if (!hint.isEmpty()) {
            out.append(" (hint: ").append(oneLine(hint)).append(')');
        }
        return out.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
