package dev.leviathan.engine.aegis.scenario;

import static dev.leviathan.engine.aegis.scenario.Scenarios.loadWith;
import static dev.leviathan.engine.aegis.scenario.Scenarios.problemWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class WorkloadsTest {

    @Test
    void fillsEveryDefaultOfABareWorkload() {
        WorkloadSpec web = loadWith("").workload("web").orElseThrow();

        assertThat(web).isEqualTo(new WorkloadSpec("web", WorkloadKind.DEPLOYMENT, 1, Resources.ZERO, Limits.NONE,
                new Usage(0, 0, 0, 0), 100, 1, Probe.DEFAULT, Probe.DEFAULT, 50, 8080, new java.util.TreeMap<>(),
                List.of(), List.of(), new java.util.TreeMap<>(Map.of("app", "web"))));
    }

    @Test
    void requestsEqualTheLimitsWhenOnlyLimitsAreGiven() {
        WorkloadSpec web = loadWith("    limits: {cpu: 500m, memory: 1Gi}\n").workload("web").orElseThrow();

        assertThat(web.requests()).isEqualTo(new Resources(500, 1024));
        assertThat(web.usage()).isEqualTo(new Usage(500, 1024, 0, 0));
    }

    @Test
    void appliesTheLimitRulePerResource() {
        WorkloadSpec web = loadWith("""
                    requests: {cpu: 100m}
                    limits: {memory: 1Gi}
                """).workload("web").orElseThrow();

        assertThat(web.requests()).isEqualTo(new Resources(100, 1024));
        assertThat(web.limits()).isEqualTo(new Limits(OptionalLong.empty(), OptionalLong.of(1024)));
    }

    @Test
    void usageFieldsLeftOutFallBackToTheRequests() {
        WorkloadSpec web = loadWith("""
                    requests: {cpu: 200m, memory: 256Mi}
                    usage: {memory: 300Mi, cpu_per_rps: 0.5, memory_per_rps: 512Ki}
                """).workload("web").orElseThrow();

        assertThat(web.usage()).isEqualTo(new Usage(200, 300, 0.5, 0.5));
    }

    @Test
    void rejectsRequestAboveItsLimit() {
        ScenarioProblem p = problemWith("""
                    requests: {cpu: 600m}
                    limits: {cpu: 500m}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(8, 21, "workloads[0].requests.cpu");
        assertThat(p.message()).isEqualTo("requests.cpu 600m is more than limits.cpu 500m");
        assertThat(p.hint()).contains("lower the request or raise the limit");
    }

    @Test
    void readsAStatefulSetWithProbesAndTolerations() {
        WorkloadSpec web = loadWith("""
                    kind: StatefulSet
                    probes: {liveness: {timeout_ms: 200}}
                    tolerations:
                      - {key: dedicated, value: db, effect: NoSchedule}
                      - {key: gpu, operator: Exists}
                      - {operator: Exists}
                    node_selector: {pool: db}
                """).workload("web").orElseThrow();

        assertThat(web.kind()).isEqualTo(WorkloadKind.STATEFUL_SET);
        assertThat(web.readiness()).isEqualTo(Probe.DEFAULT);
        assertThat(web.liveness()).isEqualTo(new Probe(200, 3));
        assertThat(web.tolerations()).containsExactly(
                new Toleration("dedicated", TolerationOperator.EQUAL, "db", Optional.of(TaintEffect.NO_SCHEDULE)),
                new Toleration("gpu", TolerationOperator.EXISTS, "", Optional.empty()),
                new Toleration("", TolerationOperator.EXISTS, "", Optional.empty()));
        assertThat(web.nodeSelector()).containsExactlyEntriesOf(Map.of("pool", "db"));
    }

    @Test
    void rejectsUnknownWorkloadKindSuggestingTheClosest() {
        ScenarioProblem p = problemWith("    kind: Statefulset\n");

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(8, 11, "workloads[0].kind");
        assertThat(p.hint()).isEqualTo("did you mean 'StatefulSet'? Use one of: Deployment, StatefulSet");
    }

    @Test
    void rejectsNegativeReplicas() {
        ScenarioProblem p = problemWith("    replicas: -1\n");

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(8, 15, "workloads[0].replicas");
        assertThat(p.message()).isEqualTo("must be at least 0, found -1");
    }

    @Test
    void rejectsEqualTolerationWithoutAKey() {
        ScenarioProblem p = problemWith("    tolerations: [{value: db}]\n");

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(8, 19, "workloads[0].tolerations[0].key");
        assertThat(p.hint()).contains("operator: Exists without a key tolerates every taint");
    }

    @Test
    void rejectsExistsTolerationWithAValue() {
        ScenarioProblem p = problemWith("    tolerations: [{key: gpu, operator: Exists, value: yes}]\n");

        assertThat(p).extracting("line", "column", "fieldPath")
                .containsExactly(8, 55, "workloads[0].tolerations[0].value");
    }

    @Test
    void rejectsWorkloadThatDependsOnItself() {
        ScenarioProblem p = problemWith("    depends_on: [web]\n");

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(8, 18, "workloads[0].depends_on[0]");
        assertThat(p.message()).isEqualTo("workload 'web' depends on itself");
    }

    @Test
    void acceptsADependencyCycle() {
        Scenario scenario = loadWith("""
                    depends_on: [api]
                  - name: api
                    depends_on: [web]
                """);

        assertThat(scenario.workload("api").orElseThrow().dependsOn()).containsExactly("web");
    }

    @Test
    void rejectsTwoWorkloadsOfTheSameNameNamingTheFirst() {
        ScenarioProblem p = problemWith("  - name: web\n");

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(8, 11, "workloads[1].name");
        assertThat(p.message()).isEqualTo("workload name 'web' is already used by workloads[0].name (line 7, column 11)");
    }

    @Test
    void rejectsLabelsThatAreNotAMapping() {
        ScenarioProblem p = problemWith("    labels: [app, web]\n");

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(8, 13, "workloads[0].labels");
        assertThat(p.hint()).contains("{app: web}");
    }
}
