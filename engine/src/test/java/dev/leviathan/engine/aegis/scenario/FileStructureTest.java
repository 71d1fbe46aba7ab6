package dev.leviathan.engine.aegis.scenario;

import static dev.leviathan.engine.aegis.scenario.Scenarios.MINIMAL;
import static dev.leviathan.engine.aegis.scenario.Scenarios.failure;
import static dev.leviathan.engine.aegis.scenario.Scenarios.load;
import static dev.leviathan.engine.aegis.scenario.Scenarios.problem;
import static dev.leviathan.engine.aegis.scenario.Scenarios.problemWith;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Unknown and missing fields, wrong types, the header fields and YAML itself. */
class FileStructureTest {

    @Test
    void rejectsUnknownTopLevelFieldSuggestingTheClosest() {
        ScenarioProblem p = problemWith("chaoss: []\n");

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(8, 1, "chaoss");
        assertThat(p.message()).isEqualTo("unknown field 'chaoss'");
        assertThat(p.hint()).startsWith("did you mean 'chaos'? Allowed fields: id, description, seed, ticks");
    }

    @Test
    void rejectsUnknownNestedFieldWithItsFullPath() {
        ScenarioProblem p = problemWith("""
                  - name: api
                    limits: {cpu: 1, memroy: 1Gi}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(9, 22, "workloads[1].limits.memroy");
        assertThat(p.render()).isEqualTo("test.yaml:9:22: workloads[1].limits.memroy: unknown field 'memroy' "
                + "(hint: did you mean 'memory'? Allowed fields: cpu, memory)");
    }

    @Test
    void listsTheAllowedFieldsWhenNoneIsClose() {
        ScenarioProblem p = problemWith("    colour: blue\n");

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(8, 5, "workloads[0].colour");
        assertThat(p.hint()).isEqualTo("allowed fields: " + String.join(", ", WorkloadReader.FIELDS));
    }

    @Test
    void rejectsMissingRequiredFieldAtTheMappingThatLacksIt() {
        ScenarioProblem p = problem(MINIMAL.replace(", memory: 8Gi", ""));

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(5, 7, "cluster.nodes[0].memory");
        assertThat(p.message()).isEqualTo("missing required field 'memory'");
        assertThat(p.hint()).contains("memory: 16Gi");
    }

    @Test
    void rejectsMissingTicksAtTheTopOfTheFile() {
        ScenarioProblem p = problem(MINIMAL.replace("ticks: 100\n", ""));

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(1, 1, "ticks");
        assertThat(p.hint()).contains("ticks: 240");
    }

    @Test
    void rejectsFieldWrittenWithoutAValue() {
        ScenarioProblem p = problem(MINIMAL.replace("ticks: 100", "ticks:"));

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(2, 1, "ticks");
        assertThat(p.message()).isEqualTo("'ticks' has no value");
    }

    @Test
    void rejectsListWhereAMappingIsExpected() {
        ScenarioProblem p = problemWith("    limits: [1, 2]\n");

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(8, 13, "workloads[0].limits");
        assertThat(p.message()).isEqualTo("expected a mapping, found a list");
        assertThat(p.hint()).contains("key: value");
    }

    @Test
    void rejectsMappingWhereAListIsExpected() {
        ScenarioProblem p = problemWith("    depends_on: {api: true}\n");

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(8, 17, "workloads[0].depends_on");
        assertThat(p.message()).isEqualTo("expected a list, found a mapping");
    }

    @Test
    void rejectsQuotedNumberSayingToRemoveTheQuotes() {
        ScenarioProblem p = problemWith("    replicas: \"3\"\n");

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(8, 15, "workloads[0].replicas");
        assertThat(p.message()).isEqualTo("expected a whole number, found the text \"3\"");
        assertThat(p.hint()).isEqualTo("remove the quotes");
    }

    @Test
    void rejectsIdOutsideLowerCaseLettersDigitsAndDashes() {
        ScenarioProblem p = problem(MINIMAL.replace("id: t", "id: Web_Storm"));

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(1, 5, "id");
        assertThat(p.message()).isEqualTo("id 'Web_Storm' is not made of a-z, 0-9 and '-'");
        assertThat(p.hint()).contains("web-oom-storm");
    }

    @Test
    void rejectsZeroTicks() {
        ScenarioProblem p = problem(MINIMAL.replace("ticks: 100", "ticks: 0"));

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(2, 8, "ticks");
        assertThat(p.message()).isEqualTo("must be at least 1 tick, found 0");
        assertThat(p.hint()).isEqualTo(Units.TIME_FORM);
    }

    @Test
    void acceptsTicksWrittenAsADuration() {
        assertThat(load(MINIMAL.replace("ticks: 100", "ticks: 40m")).ticks()).isEqualTo(240);
    }

    @Test
    void rejectsSeedThatIsNotAWholeNumber() {
        ScenarioProblem p = problem(MINIMAL.replace("ticks: 100", "ticks: 100\nseed: 1.5"));

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(3, 7, "seed");
        assertThat(p.message()).isEqualTo("expected a whole number, found the number 1.5");
    }

    @Test
    void defaultsSeedToZeroAndDescriptionToEmpty() {
        Scenario scenario = load(MINIMAL);

        assertThat(scenario.seed()).isZero();
        assertThat(scenario.description()).isEmpty();
        assertThat(scenario.expected()).isEmpty();
    }

    @Test
    void rejectsBadMemoryUnitSayingWhatFormIsExpected() {
        ScenarioProblem p = problem(MINIMAL.replace("8Gi", "8GB"));

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(5, 43, "cluster.nodes[0].memory");
        assertThat(p.message()).startsWith("'8GB' is not a memory quantity");
        assertThat(p.hint()).isEqualTo(Units.MEMORY_FORM);
    }

    @Test
    void rejectsBadCpuUnitSayingWhatFormIsExpected() {
        ScenarioProblem p = problemWith("    requests: {cpu: 500x}\n");

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(8, 21, "workloads[0].requests.cpu");
        assertThat(p.hint()).isEqualTo("cpu is millicores like 500m or cores like 0.5");
    }

    @Test
    void rejectsNegativeCpu() {
        ScenarioProblem p = problemWith("    limits: {cpu: -1}\n");

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(8, 19, "workloads[0].limits.cpu");
        assertThat(p.message()).isEqualTo("cpu must not be negative, found -1");
    }

    @Test
    void rejectsInvalidYamlAtThePositionSnakeYamlFindsIt() {
        ScenarioProblem p = problem("id: t\nticks: [1, 2\n");

        assertThat(p.line()).isEqualTo(3);
        assertThat(p.fieldPath()).isEmpty();
        assertThat(p.message()).startsWith("invalid YAML: ");
        assertThat(p.hint()).contains("line 2, column 8");
    }

    @Test
    void rejectsDuplicateKeyNamingTheFirst() {
        ScenarioProblem p = problem(MINIMAL.replace("ticks: 100", "ticks: 100\nticks: 200"));

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(3, 1, "ticks");
        assertThat(p.message()).isEqualTo("duplicate key 'ticks', first at line 2, column 1");
    }

    @Test
    void reportsProblemsBesideADuplicateKey() {
        ScenarioException e = failure(MINIMAL.replace("ticks: 100", "ticks: 100\nticks: 200\nseed: x"));

        assertThat(e.problems()).extracting(ScenarioProblem::line, ScenarioProblem::fieldPath)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "ticks"),
                        org.assertj.core.groups.Tuple.tuple(4, "seed"));
    }

    @Test
    void rejectsEmptyFile() {
        ScenarioProblem p = problem("# nothing yet\n");

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(1, 1, "");
        assertThat(p.message()).isEqualTo("the file is empty");
    }

    @Test
    void rejectsFileThatIsAList() {
        ScenarioProblem p = problem("- id: t\n");

        assertThat(p).extracting("line", "column").containsExactly(1, 1);
        assertThat(p.message()).isEqualTo("expected a mapping, found a list");
    }

    @Test
    void reportsEveryProblemOfAFileInFileOrder() {
        ScenarioException e = failure("""
                id: Bad
                ticks: 0
                cluster:
                  nodes:
                    - {name: n1, cpu: 4}
                workloads:
                  - name: web
                    replicas: -1
                    lables: {}
                """);

        assertThat(e.problems()).extracting(ScenarioProblem::line, ScenarioProblem::fieldPath).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "id"),
                org.assertj.core.groups.Tuple.tuple(2, "ticks"),
                org.assertj.core.groups.Tuple.tuple(5, "cluster.nodes[0].memory"),
                org.assertj.core.groups.Tuple.tuple(8, "workloads[0].replicas"),
                org.assertj.core.groups.Tuple.tuple(9, "workloads[0].lables"));
        assertThat(e.getMessage().split("\n")).hasSize(5)
                .allSatisfy(line -> assertThat(line).matches("test\\.yaml:\\d+:\\d+: [a-z_\\[\\]0-9.]+: .+ \\(hint: .+\\)"));
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.fieldPath()).isEqualTo("id");
    }
}
