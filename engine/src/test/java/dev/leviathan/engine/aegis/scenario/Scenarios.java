package dev.leviathan.engine.aegis.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Scenario texts for tests, loaded in one line each. */
final class Scenarios {

    /** The file name problems carry. */
    static final String FILE = "test.yaml";

    /**
     * A valid scenario of seven lines: one node {@code n1} in zone {@code a}, one workload {@code web}.
     * Sections appended to it start on line 8.
     */
    static final String MINIMAL = """
            id: t
            ticks: 100
            cluster:
              nodes:
                - {name: n1, zone: a, cpu: 4, memory: 8Gi}
            workloads:
              - name: web
            """;

    private Scenarios() {
    }

    static Scenario load(String yaml) {
        return ScenarioLoader.parse(yaml, FILE).scenario();
    }

    /** {@link #MINIMAL} followed by {@code sections}. */
    static Scenario loadWith(String sections) {
        return load(MINIMAL + sections);
    }

    static ScenarioException failure(String yaml) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.parse(yaml, FILE));
        assertThat(e).as("expected %s to be refused", yaml).isNotNull();
        return e;
    }

    /** The one problem in {@code yaml} (the test fails if there are none or several). */
    static ScenarioProblem problem(String yaml) {
        ScenarioException e = failure(yaml);
        assertThat(e.problems()).as(e.getMessage()).hasSize(1);
        return e.problems().getFirst();
    }

    static ScenarioProblem problemWith(String sections) {
        return problem(MINIMAL + sections);
    }
}
