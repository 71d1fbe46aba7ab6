package dev.leviathan.engine.target;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong (or worth a look) in a target file, at a 1-based line and column.
 *
 * <p>{@code fieldPath} names the value the way a user would find it: mapping keys joined by dots,
 * list items by their 0-based index in brackets, map keys that are not plain words quoted in
 * brackets — {@code tasks[2].allowed_paths[0]}, {@code file_size_limits.max_file_size_kb["*.py"]}.
 * Backlog tasks are {@code tasks[i]} whether the file is a mapping or a bare list. Problems about
 * the whole file (size, encoding, syntax, a missing file) have an empty path.
 */
public record Problem(String file, int line, int column, String fieldPath, String message, String hint,
        Severity severity) {

    /** Errors stop a file from loading; warnings are kept on the loaded value. */
    public enum Severity {
        ERROR, WARNING;

        String word() {
            return this == ERROR ? "error" : "warning";
        }
    }

    /** File order: line, then column. */
    public static final Comparator<Problem> IN_FILE_ORDER =
            Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column);

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
        fieldPath = fieldPath == null ? "" : fieldPath;
        hint = hint == null ? "" : hint;
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * Exactly one line: {@code FILE:LINE:COLUMN: error: FIELD.PATH: MESSAGE (hint: HINT)}. The field
     * path and its colon are left out when the problem is about the whole file, the hint part when
     * there is no hint.
     */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(file).append(':').append(line).append(':').append(column).append(": ")
                .append(severity.word()).append(": ");
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
