package dev.leviathan.engine.target;

import java.util.List;
import java.util.stream.Collectors;

/** A registration refused; nothing was recorded. */
public final class TargetRegistrationException extends RuntimeException {

    private final List<RegistrationProblem> problems;

    public TargetRegistrationException(List<RegistrationProblem> problems) {
        super(problems.stream().map(RegistrationProblem::render).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<RegistrationProblem> problems() {
        return problems;
    }

    /** Whether the name is taken: a conflict with what is recorded, not a bad field. */
    public boolean nameTaken() {
        return problems.stream().anyMatch(p -> p.field().equals("id") && p.message().contains("is already registered"));
    }
}
