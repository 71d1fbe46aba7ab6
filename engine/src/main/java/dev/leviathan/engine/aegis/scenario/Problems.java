package dev.leviathan.engine.aegis.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/** Collects every problem found in one file, so a reader keeps going after each one. */
final class Problems {

    private final String file;
    private final List<ScenarioProblem> found = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    /** A problem at the start of {@code at}. */
    void error(Node at, FieldPath path, String message, String hint) {
        Optional<Mark> mark = at.getStartMark();
        errorAt(mark.map(m -> m.getLine() + 1).orElse(1), mark.map(m -> m.getColumn() + 1).orElse(1), path,
                message, hint);
    }

    void errorAt(int line, int column, FieldPath path, String message, String hint) {
        found.add(new ScenarioProblem(file, line, column, path.text(), message, hint));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** Everything found, in file order (stable for problems at the same place). */
    List<ScenarioProblem> all() {
        return found.stream().sorted(ScenarioProblem.IN_FILE_ORDER).toList();
    }

    /** "line 3, column 7", for naming a second place in a message. */
    static String where(Node node) {
        return node.getStartMark()
                .map(m -> "line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
                .orElse("an unknown position");
    }
}
