package dev.leviathan.engine.aegis.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The example file of {@code shared/AEGIS-SCENARIOS.md}, copied verbatim, plus the {@code api} workload it
 * references: every value it writes, and every default it leaves out.
 */
class ContractExampleTest {

    private static final Path FILE = Path.of("src/test/resources/aegis/scenarios/contract-example.yaml");

    private final ScenarioFile loaded = ScenarioLoader.load(FILE);
    private final Scenario scenario = loaded.scenario();

    @Test
    void keepsTheSourceTextAndItsHash() throws IOException {
        String text = Files.readString(FILE, StandardCharsets.UTF_8);

        assertThat(loaded.source()).isEqualTo(FILE.toString());
        assertThat(loaded.text()).isEqualTo(text);
        assertThat(loaded.sha256()).hasSize(64).isEqualTo(ScenarioLoader.sha256(text))
                .isEqualTo(java.util.HexFormat.of().formatHex(sha256(Files.readAllBytes(FILE))));
    }

    @Test
    void readsTheHeader() {
        assertThat(scenario.id()).isEqualTo("web-oom-storm");
        assertThat(scenario.description()).isEqualTo("Memory spike in the web tier");
        assertThat(scenario.seed()).isEqualTo(7);
        assertThat(scenario.ticks()).isEqualTo(240);
    }

    @Test
    void readsTheNode() {
        assertThat(scenario.nodes()).containsExactly(
                new NodeSpec("node-a", "a", 4000, 16384, new java.util.TreeMap<>(Map.of("pool", "general")), List.of()));
    }

    @Test
    void readsEveryFieldOfTheWebWorkload() {
        WorkloadSpec web = scenario.workload("web").orElseThrow();

        assertThat(web.kind()).isEqualTo(WorkloadKind.DEPLOYMENT);
        assertThat(web.replicas()).isEqualTo(4);
        assertThat(web.requests()).isEqualTo(new Resources(250, 256));
        assertThat(web.limits()).isEqualTo(Limits.of(500, 512));
        assertThat(web.usage()).isEqualTo(new Usage(150, 300, 2.0, 1.0));
        assertThat(web.capacityRps()).isEqualTo(60.0);
        assertThat(web.startupTicks()).isEqualTo(2);
        assertThat(web.readiness()).isEqualTo(new Probe(1000, 3));
        assertThat(web.liveness()).isEqualTo(new Probe(1000, 5));
        assertThat(web.latencyMs()).isEqualTo(120);
        assertThat(web.port()).isEqualTo(8080);
        assertThat(web.nodeSelector()).isEmpty();
        assertThat(web.tolerations()).isEmpty();
        assertThat(web.dependsOn()).containsExactly("api");
        assertThat(web.labels()).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("app", "web", "tier", "frontend")));
    }

    @Test
    void fillsTheDefaultsOfTheApiWorkload() {
        WorkloadSpec api = scenario.workload("api").orElseThrow();

        assertThat(api.kind()).isEqualTo(WorkloadKind.DEPLOYMENT);
        assertThat(api.replicas()).isEqualTo(3);
        assertThat(api.requests()).isEqualTo(new Resources(200, 256));
        assertThat(api.limits()).isEqualTo(Limits.NONE);
        assertThat(api.usage()).isEqualTo(new Usage(200, 256, 0, 0));
        assertThat(api.capacityRps()).isEqualTo(100.0);
        assertThat(api.startupTicks()).isEqualTo(1);
        assertThat(api.readiness()).isEqualTo(Probe.DEFAULT);
        assertThat(api.liveness()).isEqualTo(Probe.DEFAULT);
        assertThat(api.latencyMs()).isEqualTo(50);
        assertThat(api.port()).isEqualTo(8080);
        assertThat(api.dependsOn()).isEmpty();
        assertThat(api.labels()).containsExactlyEntriesOf(Map.of("app", "api"));
    }

    @Test
    void readsHpaQuotaPdbAndPolicy() {
        assertThat(scenario.hpas()).containsExactly(new HpaSpec("web", 2, 10, 70, HpaSpec.DEFAULT_STABILIZATION_TICKS));
        assertThat(scenario.quotas()).containsExactly(new QuotaSpec("team-quota", List.of("web", "api"),
                OptionalInt.of(20), OptionalLong.of(8000), OptionalLong.of(16384)));
        assertThat(scenario.pdbs()).containsExactly(new PdbSpec("api", 3));
        assertThat(scenario.networkPolicies()).containsExactly(new NetworkPolicySpec("api-ingress",
                new java.util.TreeMap<>(Map.of("app", "api")), List.of(new java.util.TreeMap<>(Map.of("app", "web"))),
                false));
    }

    @Test
    void addsADefaultServiceForTheWorkloadNoDeclaredServiceSelects() {
        assertThat(scenario.services()).containsExactly(
                new ServiceSpec("api", new java.util.TreeMap<>(Map.of("app", "api")), 80, 8080, true),
                new ServiceSpec("web", new java.util.TreeMap<>(Map.of("app", "web", "tier", "frontend")), 80, 8080,
                        false));
    }

    @Test
    void readsTrafficChaosObjectivesAndExpected() {
        assertThat(scenario.traffic()).containsExactly(new TrafficSpec("web", 180, new TrafficPattern.Constant()));
        assertThat(scenario.chaos()).containsExactly(new ChaosSpec.OomStorm(30, OptionalInt.of(120), "web", 2.2));
        assertThat(scenario.objectives()).containsExactly(
                new Objective.Availability("web", 0.9, 90),
                new Objective.ErrorRate("web", 0.02, 90),
                new Objective.Cost(OptionalInt.of(8), OptionalDouble.empty()));
        assertThat(scenario.expected()).isEqualTo(Optional.of(new Expected(
                List.of(new ExpectedDiagnosis(DiagnosisName.MEMORY_LIMIT_TOO_LOW, "web")),
                List.of(ActionType.RAISE_MEMORY_LIMIT))));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
