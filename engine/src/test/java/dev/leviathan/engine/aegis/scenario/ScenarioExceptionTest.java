package dev.leviathan.engine.aegis.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioExceptionTest {

    private final ScenarioProblem memory = new ScenarioProblem("web.yaml", 14, 7, "workloads[1].limits.memory",
            "'512MB' is not a memory quantity", "memory is MiB like 512");
    private final ScenarioProblem syntax = new ScenarioProblem("web.yaml", 20, 1, "", "invalid YAML: found a tab", "");

    @Test
    void rendersFileLineColumnPathMessageAndHint() {
        assertThat(memory.render()).isEqualTo("web.yaml:14:7: workloads[1].limits.memory: '512MB' is not a memory quantity "
                + "(hint: memory is MiB like 512)");
    }

    @Test
    void leavesOutThePathAndTheHintWhenThereAreNone() {
        assertThat(syntax.render()).isEqualTo("web.yaml:20:1: invalid YAML: found a tab");
    }

    @Test
    void messageIsEveryProblemOnItsOwnLineAndAccessorsDescribeTheFirst() {
        ScenarioException e = new ScenarioException(List.of(memory, syntax));

        assertThat(e.getMessage()).isEqualTo(memory.render() + "\n" + syntax.render());
        assertThat(e).extracting(ScenarioException::file, ScenarioException::line, ScenarioException::column,
                        ScenarioException::fieldPath, ScenarioException::hint)
                .containsExactly("web.yaml", 14, 7, "workloads[1].limits.memory", "memory is MiB like 512");
        assertThat(e.problemMessage()).isEqualTo("'512MB' is not a memory quantity");
    }

    @Test
    void needsAtLeastOneProblem() {
        assertThatThrownBy(() -> new ScenarioException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesPositionsThatAreNotOneBased() {
        assertThatThrownBy(() -> new ScenarioProblem("f", 0, 1, "", "m", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
