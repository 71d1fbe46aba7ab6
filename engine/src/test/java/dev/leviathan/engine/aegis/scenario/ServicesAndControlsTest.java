package dev.leviathan.engine.aegis.scenario;

import static dev.leviathan.engine.aegis.scenario.Scenarios.loadWith;
import static dev.leviathan.engine.aegis.scenario.Scenarios.problemWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Services (declared and default), HPAs, quotas and PDBs. */
class ServicesAndControlsTest {

    @Test
    void givesEveryWorkloadNoDeclaredServiceSelectsADefaultServiceAfterTheDeclaredOnes() {
        Scenario scenario = loadWith("""
                    port: 9000
                  - name: api
                    labels: {app: api, tier: back}
                  - name: db
                services:
                  - {name: backend, selector: {tier: back}}
                """);

        assertThat(scenario.services()).containsExactly(
                new ServiceSpec("backend", new TreeMap<>(Map.of("tier", "back")), 80, 8080, true),
                new ServiceSpec("web", new TreeMap<>(Map.of("app", "web")), 80, 9000, false),
                new ServiceSpec("db", new TreeMap<>(Map.of("app", "db")), 80, 8080, false));
    }

    @Test
    void rejectsDefaultServiceWhoseNameADeclaredServiceAlreadyHas() {
        ScenarioProblem p = problemWith("""
                services:
                  - {name: web, selector: {app: frontend}}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(7, 11, "workloads[0].name");
        assertThat(p.message()).isEqualTo("no declared Service selects workload 'web', and its default Service cannot "
                + "be named 'web': services[0].name (line 9, column 12) has that name and selects {app=frontend}");
        assertThat(p.hint()).startsWith("declare a Service for that workload");
    }

    @Test
    void rejectsTwoServicesOfTheSameName() {
        ScenarioProblem p = problemWith("""
                services:
                  - {name: front, selector: {app: web}}
                  - {name: front, selector: {app: web}, port: 81}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(10, 12, "services[1].name");
    }

    @Test
    void rejectsServiceWithAnEmptySelector() {
        ScenarioProblem p = problemWith("services: [{name: all, selector: {}}]\n");

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(8, 34, "services[0].selector");
        assertThat(p.hint()).contains("without a selector has no endpoints");
    }

    @Test
    void defaultsHpaStabilisationToKubernetesFiveMinutes() {
        Scenario scenario = loadWith("""
                hpas:
                  - {workload: web, min: 1, max: 5, cpu_target_percent: 80}
                """);

        assertThat(scenario.hpas()).containsExactly(new HpaSpec("web", 1, 5, 80, 30));
    }

    @Test
    void rejectsHpaWhoseMaxIsBelowItsMin() {
        ScenarioProblem p = problemWith("""
                hpas:
                  - {workload: web, min: 5, max: 2, cpu_target_percent: 80, stabilization_ticks: 5m}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(9, 34, "hpas[0].max");
        assertThat(p.message()).isEqualTo("max 2 is less than min 5");
    }

    @Test
    void rejectsHpaTargetAboveOneThousandPercent() {
        ScenarioProblem p = problemWith("""
                hpas:
                  - {workload: web, min: 1, max: 2, cpu_target_percent: 1001}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(9, 57, "hpas[0].cpu_target_percent");
        assertThat(p.hint()).isEqualTo("use a value from 1 to 1000");
    }

    @Test
    void rejectsSecondHpaForTheSameWorkload() {
        ScenarioProblem p = problemWith("""
                hpas:
                  - {workload: web, min: 1, max: 2, cpu_target_percent: 50}
                  - {workload: web, min: 1, max: 3, cpu_target_percent: 60}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(10, 16, "hpas[1].workload");
        assertThat(p.message()).isEqualTo("workload 'web' already has an HPA at hpas[0].workload (line 9, column 16)");
    }

    @Test
    void readsQuotaWithSomeLimits() {
        Scenario scenario = loadWith("quotas: [{name: q, workloads: [web], memory: 2Gi}]\n");

        assertThat(scenario.quotas()).containsExactly(
                new QuotaSpec("q", List.of("web"), OptionalInt.empty(), OptionalLong.empty(), OptionalLong.of(2048)));
    }

    @Test
    void rejectsQuotaWithoutAnyLimit() {
        ScenarioProblem p = problemWith("quotas: [{name: q, workloads: [web]}]\n");

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(8, 10, "quotas[0]");
        assertThat(p.message()).isEqualTo("a quota needs at least one limit");
        assertThat(p.hint()).isEqualTo("give max_pods, cpu or memory (or several)");
    }

    @Test
    void rejectsPdbWithMaxUnavailableAsOnlyMinAvailableIsModelled() {
        ScenarioException e = Scenarios.failure(Scenarios.MINIMAL + "pdbs: [{workload: web, max_unavailable: 1}]\n");
        assertThat(e.problems()).extracting(ScenarioProblem::fieldPath)
                .containsExactly("pdbs[0].min_available", "pdbs[0].max_unavailable");
    }
}
