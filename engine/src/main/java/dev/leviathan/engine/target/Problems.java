package dev.leviathan.engine.target;

import dev.leviathan.engine.target.Problem.Severity;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/** Collects every problem found in one file; readers keep going after each one. */
final class Problems {

    private final String file;
    private final List<Problem> found = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void error(Node at, FieldPath path, String message, String hint) {
        add(at, path, message, hint, Severity.ERROR);
    }

    void warning(Node at, FieldPath path, String message, String hint) {
        add(at, path, message, hint, Severity.WARNING);
    }

    /** A problem about the whole file, or at a position known only by line and column. */
    void errorAt(int line, int column, FieldPath path, String message, String hint) {
        found.add(new Problem(file, line, column, path.text(), message, hint, Severity.ERROR));
    }

    private void add(Node at, FieldPath path, String message, String hint, Severity severity) {
        Mark mark = at.getStartMark().orElse(null);
        int line = mark == null ? 1 : mark.getLine() + 1;
        int column = mark == null ? 1 : mark.getColumn() + 1;
        found.add(new Problem(file, line, column, path.text(), message, hint, severity));
    }

    int errorCount() {
        return (int) found.stream().filter(Problem::isError).count();
    }

    boolean hasErrors() {
        return found.stream().anyMatch(Problem::isError);
    }

    /** Everything found, in file order (stable for problems at the same place). */
    List<Problem> all() {
        return found.stream().sorted(Problem.IN_FILE_ORDER).toList();
    }

    List<Problem> warnings() {
        return all().stream().filter(p -> !p.isError()).toList();
    }

    /** Throws if anything found is an error; the exception carries the warnings too. */
    void throwIfErrors() {
        if (hasErrors()) {
            throw new TargetFileException(all());
        }
    }

    /** "line 3, column 7" for naming a second location in a message. */
    static String where(Node node) {
        return node.getStartMark()
                .map(m -> "line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
                .orElse("an unknown position");
    }
}
