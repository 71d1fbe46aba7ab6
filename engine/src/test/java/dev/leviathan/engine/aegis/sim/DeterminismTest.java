package dev.leviathan.engine.aegis.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.aegis.scenario.Scenario;
import dev.leviathan.engine.aegis.scenario.ScenarioFile;
import dev.leviathan.engine.aegis.scenario.ScenarioLoader;
import dev.leviathan.engine.aegis.scenario.ScenarioSuite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same scenario and seed give the same trace on any machine: twice in one JVM, and against hashes
 * recorded in {@code src/test/resources/aegis/golden-trace-hashes.txt}, which the CI machine must
 * reproduce.
 */
class DeterminismTest {

    private static final Path SCENARIOS = Path.of("../scenarios");
    private static final Path GOLDEN = Path.of("src/test/resources/aegis/golden-trace-hashes.txt");
    private static final String REGENERATE = "aegis.regenerateGolden";

    static Stream<String> everyScenarioOfBothSuites() {
        return Stream.of("smoke", "full").flatMap(suite -> ScenarioSuite.load(SCENARIOS.resolve(suite)).stream()
                .map(file -> suite + "/" + Path.of(file.source()).getFileName()));
    }

    @ParameterizedTest
    @MethodSource("everyScenarioOfBothSuites")
    void runningAScenarioTwiceGivesTheSameTraceHash(String suiteAndFile) {
        Scenario scenario = ScenarioLoader.load(SCENARIOS.resolve(suiteAndFile)).scenario();
        assertThat(traceHashAtEnd(scenario)).isEqualTo(traceHashAtEnd(scenario));
    }

    @Test
    void smokeScenariosReproduceTheirGoldenTraceHashes() throws IOException {
        Map<String, String> actual = smokeHashes();
        if (Boolean.getBoolean(REGENERATE)) {
            StringBuilder text = new StringBuilder();
            actual.forEach((file, hash) -> text.append(file).append(' ').append(hash).append('\n'));
            Files.writeString(GOLDEN, text, StandardCharsets.UTF_8);
        }
        Map<String, String> golden = new LinkedHashMap<>();
        for (String line : Files.readAllLines(GOLDEN, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                String[] parts = line.trim().split("\\s+");
                golden.put(parts[0], parts[1]);
            }
        }
        assertThat(actual)
                .as("""
                        The simulator's behaviour changed: a smoke scenario run to the end with no actions no longer \
                        gives the trace hash recorded in %s. If the change is intended, regenerate the file with
                          ./mvnw -B -o -q -pl engine test -Dtest=DeterminismTest -D%s=true
                        and commit it with the change that explains why. If it is not intended (or this only fails \
                        on another machine), the simulator lost determinism.""", GOLDEN, REGENERATE)
                .containsExactlyEntriesOf(golden);
    }

    @Test
    void anotherSeedGivesAnotherTraceForAScenarioWithTrafficJitter() {
        Scenario quiet = ScenarioSuite.load(SCENARIOS.resolve("smoke")).stream()
                .map(ScenarioFile::scenario).filter(s -> s.id().contains("quiet")).findFirst().orElseThrow();
        assertThat(quiet.chaos()).as("a control with no chaos: only the seed's jitter can differ").isEmpty();
        long seed = quiet.seed();
        assertThat(traceHashAtEnd(quiet.withSeed(seed + 1))).isNotEqualTo(traceHashAtEnd(quiet));
    }

    private static Map<String, String> smokeHashes() {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (ScenarioFile file : ScenarioSuite.load(SCENARIOS.resolve("smoke"))) {
            Simulation sim = Simulation.start(file.scenario());
            sim.runToEnd();
            hashes.put("smoke/" + Path.of(file.source()).getFileName(), sim.traceHashHex());
        }
        return hashes;
    }

    private static long traceHashAtEnd(Scenario scenario) {
        Simulation sim = Simulation.start(scenario);
        sim.runToEnd();
        return sim.traceHash();
    }
}
