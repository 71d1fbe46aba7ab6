package dev.leviathan.engine.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leviathan.engine.target.Problem.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void rendersFileLineColumnSeverityPathMessageAndHintOnOneLine() {
        Problem problem = new Problem(".leviathan/backlog.yaml", 14, 15, "tasks[2].priority",
                "'urgent' is not a valid priority", "use one of: high, medium, low", Severity.ERROR);

        assertThat(problem.render()).isEqualTo(".leviathan/backlog.yaml:14:15: error: tasks[2].priority: "
                + "'urgent' is not a valid priority (hint: use one of: high, medium, low)");
    }

    @Test
    void leavesOutThePathAndHintWhenThereAreNone() {
        Problem problem = new Problem("b.yaml", 1, 1, "", "the file is empty", "", Severity.WARNING);

        assertThat(problem.render()).isEqualTo("b.yaml:1:1: warning: the file is empty");
    }

    @Test
    void rendersMultiLineTextAsOneLine() {
        Problem problem = new Problem("b.yaml", 2, 3, "title", "first\nsecond", "a\r\nb", Severity.ERROR);

        assertThat(problem.render()).doesNotContain("\n").doesNotContain("\r")
                .isEqualTo("b.yaml:2:3: error: title: first second (hint: a b)");
    }

    @Test
    void refusesPositionsThatAreNotOneBased() {
        assertThatThrownBy(() -> new Problem("b.yaml", 0, 1, "", "m", "", Severity.ERROR))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exceptionMessageIsEveryRenderedProblemOnItsOwnLine() {
        Problem first = new Problem("b.yaml", 1, 1, "a", "one", "", Severity.ERROR);
        Problem second = new Problem("b.yaml", 2, 1, "b", "two", "", Severity.WARNING);

        TargetFileException exception = new TargetFileException(List.of(first, second));

        assertThat(exception.getMessage()).isEqualTo(first.render() + "\n" + second.render());
        assertThat(exception.errors()).containsExactly(first);
    }

    @Test
    void exceptionNeedsAtLeastOneProblem() {
        assertThatThrownBy(() -> new TargetFileException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
