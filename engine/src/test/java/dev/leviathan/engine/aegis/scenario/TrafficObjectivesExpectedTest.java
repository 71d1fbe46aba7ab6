package dev.leviathan.engine.aegis.scenario;

import static dev.leviathan.engine.aegis.scenario.Scenarios.loadWith;
import static dev.leviathan.engine.aegis.scenario.Scenarios.problemWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TrafficObjectivesExpectedTest {

    @Test
    void readsEveryTrafficPatternWithItsDefaults() {
        Scenario scenario = loadWith("""
                traffic:
                  - {workload: web, rps: 50}
                  - {workload: web, rps: 100, pattern: ramp, to: 400, over: 10m}
                  - {workload: web, rps: 100, pattern: ramp, to: 0, over: 5, at: 20}
                  - {workload: web, rps: 80, pattern: diurnal}
                  - {workload: web, rps: 80, pattern: diurnal, amplitude: 0.2, period: 1h, peak: 30}
                """);

        assertThat(scenario.traffic()).extracting(TrafficSpec::pattern).containsExactly(
                new TrafficPattern.Constant(),
                new TrafficPattern.Ramp(400, 60, 0),
                new TrafficPattern.Ramp(0, 5, 20),
                new TrafficPattern.Diurnal(0.5, TrafficPattern.Diurnal.DAY_TICKS, 0),
                new TrafficPattern.Diurnal(0.2, 360, 30));
    }

    @Test
    void rejectsRampWithoutItsTarget() {
        ScenarioProblem p = problemWith("traffic: [{workload: web, rps: 10, pattern: ramp, over: 6}]\n");

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(8, 11, "traffic[0].to");
        assertThat(p.hint()).contains("{pattern: ramp, to: 400, over: 60}");
    }

    @Test
    void rejectsDiurnalFieldOnAConstantPattern() {
        ScenarioProblem p = problemWith("traffic: [{workload: web, rps: 10, amplitude: 0.3}]\n");

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(8, 36, "traffic[0].amplitude");
        assertThat(p.message()).isEqualTo("'amplitude' is not a field of pattern constant; it belongs to pattern diurnal");
    }

    @Test
    void rejectsDiurnalAmplitudeAboveOne() {
        ScenarioProblem p = problemWith("traffic: [{workload: web, rps: 10, pattern: diurnal, amplitude: 1.5}]\n");

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(8, 65, "traffic[0].amplitude");
        assertThat(p.message()).isEqualTo("must be between 0 and 1, found 1.5");
    }

    @Test
    void readsEveryObjectiveTypeWithFromDefaultingToZero() {
        Scenario scenario = loadWith("""
                objectives:
                  - {type: availability, workload: web, min_ready_ratio: 1}
                  - {type: error_rate, workload: web, max: 0.05, from: 5m}
                  - {type: latency, workload: web, max_ms: 250, from: 10}
                  - {type: cost, max_node_minutes: 600}
                """);

        assertThat(scenario.objectives()).containsExactly(
                new Objective.Availability("web", 1.0, 0),
                new Objective.ErrorRate("web", 0.05, 30),
                new Objective.Latency("web", 250.0, 10),
                new Objective.Cost(OptionalInt.empty(), OptionalDouble.of(600)));
    }

    @Test
    void rejectsReadyRatioAboveOne() {
        ScenarioProblem p = problemWith("objectives: [{type: availability, workload: web, min_ready_ratio: 90}]\n");

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(8, 67, "objectives[0].min_ready_ratio");
        assertThat(p.hint()).isEqualTo("use a value from 0 to 1");
    }

    @Test
    void rejectsObjectiveWithFieldOfAnotherType() {
        ScenarioProblem p = problemWith("objectives: [{type: error_rate, workload: web, max: 0.1, max_ms: 3}]\n");

        assertThat(p.fieldPath()).isEqualTo("objectives[0].max_ms");
        assertThat(p.message()).isEqualTo("'max_ms' is not a field of objective type error_rate; it belongs to latency");
    }

    @Test
    void rejectsCostObjectiveWithoutABound() {
        ScenarioProblem p = problemWith("objectives: [{type: cost}]\n");

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(8, 14, "objectives[0]");
        assertThat(p.message()).isEqualTo("a cost objective needs at least one of max_nodes, max_node_minutes");
    }

    @Test
    void readsCompoundExpectedDiagnosesInOrder() {
        Scenario scenario = loadWith("""
                expected:
                  diagnoses:
                    - {name: memory_limit_too_low, subject: web}
                    - {name: node_lost, subject: n1}
                  remedies: [raise_memory_limit, add_nodes]
                """);

        assertThat(scenario.expected().orElseThrow()).isEqualTo(new Expected(
                List.of(new ExpectedDiagnosis(DiagnosisName.MEMORY_LIMIT_TOO_LOW, "web"),
                        new ExpectedDiagnosis(DiagnosisName.NODE_LOST, "n1")),
                List.of(ActionType.RAISE_MEMORY_LIMIT, ActionType.ADD_NODES)));
    }

    @Test
    void readsNoOpControlWhoseHealthyDiagnosisHasNoSubject() {
        Expected expected = loadWith("expected: {diagnosis: {name: healthy}, remedies: [noop]}\n").expected().orElseThrow();

        assertThat(expected.diagnoses()).containsExactly(new ExpectedDiagnosis(DiagnosisName.HEALTHY, ""));
        assertThat(expected.isNoOpControl()).isTrue();
    }

    @Test
    void rejectsDiagnosisOtherThanHealthyWithoutASubject() {
        ScenarioProblem p = problemWith("expected: {diagnosis: {name: node_lost}, remedies: [add_nodes]}\n");

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(8, 23, "expected.diagnosis.subject");
        assertThat(p.hint()).contains("workload, node, zone or policy");
    }

    @Test
    void rejectsUnknownDiagnosisNameSuggestingTheClosest() {
        ScenarioProblem p = problemWith("expected: {diagnosis: {name: memory_limit_to_low, subject: web}, remedies: [noop]}\n");

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(8, 30, "expected.diagnosis.name");
        assertThat(p.hint()).startsWith("did you mean 'memory_limit_too_low'? Use one of: memory_limit_too_low,");
    }

    @Test
    void rejectsUnknownRemedySuggestingTheClosest() {
        ScenarioProblem p = problemWith("expected: {diagnosis: {name: healthy}, remedies: [noop, rollbak]}\n");

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(8, 57, "expected.remedies[1]");
        assertThat(p.message()).isEqualTo("'rollbak' is not a remedy (action)");
        assertThat(p.hint()).startsWith("did you mean 'rollback'?");
    }

    @Test
    void rejectsExpectedWithBothDiagnosisAndDiagnoses() {
        ScenarioProblem p = problemWith("""
                expected:
                  diagnosis: {name: healthy}
                  diagnoses: [{name: healthy}]
                  remedies: [noop]
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(10, 14, "expected.diagnoses");
        assertThat(p.message()).isEqualTo("expected has both diagnosis and diagnoses");
    }
}
