package dev.leviathan.engine.aegis.scenario;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario file (or a suite of them) that cannot be used. It carries every problem found, in file
 * order; the message is their rendered lines, one per problem. The accessors {@link #file()} … {@link #hint()}
 * describe the first problem.
 */
public final class ScenarioException extends RuntimeException {

    private final List<ScenarioProblem> problems;

    public ScenarioException(List<ScenarioProblem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ScenarioProblem> problems() {
        return problems;
    }

    public String file() {
        return problems.getFirst().file();
    }

    public int line() {
        return problems.getFirst().line();
    }

    public int column() {
        return problems.getFirst().column();
    }

    public String fieldPath() {
        return problems.getFirst().fieldPath();
    }

    /** The first problem's message alone; {@link #getMessage()} is every problem rendered. */
    public String problemMessage() {
        return problems.getFirst().message();
    }

    public String hint() {
        return problems.getFirst().hint();
    }

    private static String render(List<ScenarioProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ScenarioException needs at least one problem");
        }
        return problems.stream().map(ScenarioProblem::render).collect(Collectors.joining("\n"));
    }
}
