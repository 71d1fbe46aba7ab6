package dev.leviathan.engine.aegis.scenario;

import static dev.leviathan.engine.aegis.scenario.Scenarios.loadWith;
import static dev.leviathan.engine.aegis.scenario.Scenarios.problem;
import static dev.leviathan.engine.aegis.scenario.Scenarios.problemWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every name that points elsewhere in the file must resolve; the hint lists what is there. */
class ReferencesTest {

    @Test
    void rejectsHpaOfUnknownWorkloadSuggestingTheClosest() {
        ScenarioProblem p = problemWith("""
                hpas:
                  - {workload: wbe, min: 1, max: 3, cpu_target_percent: 70}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(9, 16, "hpas[0].workload");
        assertThat(p.message()).isEqualTo("unknown workload 'wbe'");
        assertThat(p.hint()).isEqualTo("did you mean 'web'? Known workloads: web");
    }

    @Test
    void rejectsQuotaOverUnknownWorkload() {
        ScenarioProblem p = problemWith("""
                quotas:
                  - {name: q, workloads: [web, wwb], max_pods: 3}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(9, 32, "quotas[0].workloads[1]");
        assertThat(p.message()).isEqualTo("unknown workload 'wwb'");
    }

    @Test
    void rejectsPdbOfUnknownWorkloadListingTheKnownOnes() {
        ScenarioProblem p = problemWith("""
                pdbs:
                  - {workload: api, min_available: 1}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(9, 16, "pdbs[0].workload");
        assertThat(p.hint()).isEqualTo("known workloads: web");
    }

    @Test
    void rejectsTrafficToUnknownWorkload() {
        ScenarioProblem p = problemWith("""
                traffic:
                  - {workload: db, rps: 10}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(9, 16, "traffic[0].workload");
    }

    @Test
    void rejectsChaosOnUnknownWorkload() {
        ScenarioProblem p = problemWith("""
                chaos:
                  - {at: 5, type: bad_rollout, workload: wb}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(9, 42, "chaos[0].workload");
        assertThat(p.hint()).startsWith("did you mean 'web'?");
    }

    @Test
    void rejectsObjectiveOnUnknownWorkload() {
        ScenarioProblem p = problemWith("""
                objectives:
                  - {type: availability, workload: x, min_ready_ratio: 0.9}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(9, 36, "objectives[0].workload");
    }

    @Test
    void rejectsDependencyOnUnknownWorkload() {
        ScenarioProblem p = problemWith("    depends_on: [db]\n");

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(8, 18, "workloads[0].depends_on[0]");
        assertThat(p.message()).isEqualTo("unknown workload 'db'");
    }

    @Test
    void acceptsReferenceToAWorkloadDeclaredLater() {
        Scenario scenario = loadWith("""
                    depends_on: [api]
                  - name: api
                """);

        assertThat(scenario.workload("web").orElseThrow().dependsOn()).containsExactly("api");
    }

    @Test
    void reportsOnlyTheRealProblemWhenAReferencedEntryIsWrong() {
        ScenarioProblem p = problem("""
                id: t
                ticks: 100
                cluster:
                  nodes:
                    - {name: n1, zone: a, cpu: 4, memory: 8Gi}
                workloads:
                  - name: web
                    limits: {memory: 1GB}
                hpas: [{workload: web, min: 1, max: 2, cpu_target_percent: 50}]
                chaos:
                  - {at: 1, type: node_drain, node: n1}
                  - {at: 2, type: zone_outage, zone: a}
                  - {at: 3, type: service_misconfig, service: web, target_port: 1}
                  - {at: 4, type: hpa_misconfig, workload: web, max: 1}
                """);

        assertThat(p).extracting("line", "fieldPath").containsExactly(8, "workloads[0].limits.memory");
    }

    @Test
    void reportsNoUnknownNodeOrZoneWhenTheNodeEntryIsWrong() {
        ScenarioException e = Scenarios.failure("""
                id: t
                ticks: 100
                cluster:
                  nodes:
                    - {name: n1, zone: a, cpu: 4, memory: lots}
                workloads:
                  - name: web
                chaos:
                  - {at: 1, type: node_drain, node: n1}
                  - {at: 2, type: zone_outage, zone: a}
                """);

        assertThat(e.problems()).extracting(ScenarioProblem::fieldPath).containsExactly("cluster.nodes[0].memory");
    }

    @Test
    void rejectsChaosOnUnknownNode() {
        ScenarioProblem p = problemWith("""
                chaos:
                  - {at: 5, type: node_drain, node: n2}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(9, 37, "chaos[0].node");
        assertThat(p.message()).isEqualTo("unknown node 'n2'");
        assertThat(p.hint()).isEqualTo("did you mean 'n1'? Known nodes: n1");
    }

    @Test
    void rejectsZoneOutageOfAZoneNoNodeIsIn() {
        ScenarioProblem p = problemWith("""
                chaos:
                  - {at: 5, type: zone_outage, zone: b}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(9, 38, "chaos[0].zone");
        assertThat(p.message()).isEqualTo("no node is in zone 'b'");
        assertThat(p.hint()).isEqualTo("zones of the nodes: a");
    }

    @Test
    void rejectsLockoutOfUndeclaredPolicy() {
        ScenarioProblem p = problemWith("""
                chaos:
                  - {at: 5, type: netpol_lockout, policy: web-ingress}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(9, 43, "chaos[0].policy");
        assertThat(p.message()).isEqualTo("unknown network policy 'web-ingress'");
        assertThat(p.hint()).isEqualTo("network_policies entries: none");
    }

    @Test
    void acceptsMisconfigOfAWorkloadsDefaultService() {
        Scenario scenario = loadWith("""
                chaos:
                  - {at: 5, type: service_misconfig, service: web, target_port: 9999}
                """);

        assertThat(scenario.chaos()).containsExactly(
                new ChaosSpec.ServiceMisconfig(5, java.util.OptionalInt.empty(), "web", 9999));
    }

    @Test
    void rejectsMisconfigOfUnknownService() {
        ScenarioProblem p = problemWith("""
                services:
                  - {name: front, selector: {app: web}}
                chaos:
                  - {at: 5, type: service_misconfig, service: web, target_port: 9999}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(11, 47, "chaos[0].service");
        assertThat(p.message()).isEqualTo("unknown service 'web'");
        assertThat(p.hint()).contains(": front");
    }

    @Test
    void rejectsSqueezeOfUnknownQuota() {
        ScenarioProblem p = problemWith("""
                quotas:
                  - {name: team-quota, workloads: [web], max_pods: 4}
                chaos:
                  - {at: 5, type: quota_squeeze, quota: team-qouta, max_pods: 1}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(11, 41, "chaos[0].quota");
        assertThat(p.hint()).isEqualTo("did you mean 'team-quota'? Quotas: team-quota");
    }

    @Test
    void rejectsHpaMisconfigOfWorkloadWithoutHpa() {
        ScenarioProblem p = problemWith("""
                chaos:
                  - {at: 5, type: hpa_misconfig, workload: web, max: 1}
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(9, 44, "chaos[0].workload");
        assertThat(p.message()).isEqualTo("workload 'web' has no HPA to misconfigure");
        assertThat(p.hint()).contains("add an entry under hpas");
    }

    @Test
    void rejectsDiagnosisSubjectThatNamesNothingOfTheScenario() {
        ScenarioProblem p = problemWith("""
                expected:
                  diagnosis: {name: node_lost, subject: n9}
                  remedies: [add_nodes]
                """);

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(9, 41, "expected.diagnosis.subject");
        assertThat(p.message()).isEqualTo("'n9' is not a workload, node, zone, network policy, quota or service of this scenario");
        assertThat(p.hint()).isEqualTo("a subject names a workload, node, zone or policy (network policy or quota) or a service;"
                + " did you mean 'n1'? "
                + "Known names: web, n1, a");
    }

    @Test
    void acceptsDiagnosisSubjectsThatAreAZoneOrANode() {
        Scenario scenario = loadWith("""
                expected:
                  diagnoses: [{name: zone_lost, subject: a}, {name: node_lost, subject: n1}]
                  remedies: [add_nodes]
                """);

        assertThat(scenario.expected().orElseThrow().diagnoses()).containsExactly(
                new ExpectedDiagnosis(DiagnosisName.ZONE_LOST, "a"), new ExpectedDiagnosis(DiagnosisName.NODE_LOST, "n1"));
    }

    @Test
    void acceptsDiagnosisSubjectsThatAreAQuotaOrAService() {
        Scenario scenario = loadWith("""
                quotas:
                  - {name: team, workloads: [web], max_pods: 3}
                expected:
                  diagnoses: [{name: quota_exhausted, subject: team}, {name: service_misconfigured, subject: web}]
                  remedies: [raise_quota, fix_service]
                """);

        assertThat(scenario.expected().orElseThrow().diagnoses()).containsExactly(
                new ExpectedDiagnosis(DiagnosisName.QUOTA_EXHAUSTED, "team"),
                new ExpectedDiagnosis(DiagnosisName.SERVICE_MISCONFIGURED, "web"));
    }

    @Test
    void listsTheFirstTenKnownNamesAndHowManyMore() {
        String workloads = IntStream.range(0, 12).mapToObj(i -> "  - name: w" + i + "\n").collect(Collectors.joining());
        ScenarioProblem p = problem("""
                id: t
                ticks: 10
                cluster: {nodes: [{name: n1, cpu: 4, memory: 8Gi}]}
                workloads:
                """ + workloads + """
                pdbs: [{workload: zzz, min_available: 1}]
                """);

        assertThat(p.hint()).isEqualTo("known workloads: w0, w1, w2, w3, w4, w5, w6, w7, w8, w9 (and 2 more)");
    }
}
