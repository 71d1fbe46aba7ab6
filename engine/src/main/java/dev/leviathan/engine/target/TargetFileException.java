package dev.leviathan.engine.target;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A target file that cannot be used. Carries every problem found in the file (errors and the
 * warnings that came with them, in file order); the message is their rendered lines.
 */
public final class TargetFileException extends RuntimeException {

    private final List<Problem> problems;

    public TargetFileException(List<Problem> problems) {
        super(render(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a TargetFileException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The errors only. */
    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    private static String render(List<Problem> problems) {
        return problems.stream().map(Problem::render).collect(Collectors.joining("\n"));
    }
}
