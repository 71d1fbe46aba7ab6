package dev.leviathan.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leviathan.engine.event.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AegisCommandTest {

    private static final String SMOKE = "../scenarios/smoke";
    private static final String OOM = SMOKE + "/01-smoke-oom-storm.yaml";

    @TempDir
    Path home;

    private static JsonNode json(CliRun run) throws Exception {
        return Json.MAPPER.readTree(run.out());
    }

    @Test
    void runPrintsTheContractsJsonAndRecordsARunThatReplays() throws Exception {
        CliRun run = CliRun.run(home, "aegis", "run", "--scenario", OOM, "--mode", "oracle", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = json(run);
        assertThat(result.path("scenario").asText()).isEqualTo("smoke-oom-storm");
        assertThat(result.path("mode").asText()).isEqualTo("oracle");
        assertThat(result.path("objectives_met").asBoolean()).isTrue();
        assertThat(result.path("decisions").get(0).path("chosen").path("actions").get(0).path("type").asText())
                .isEqualTo("raise_memory_limit");
        String runId = result.path("run_id").asText();

        CliRun replay = CliRun.run(home, "aegis", "replay", runId, "--json");
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(json(replay).path("matches").asBoolean()).isTrue();
        assertThat(json(replay).path("replayed_trace_hash").asText()).isEqualTo(result.path("trace_hash").asText());

        CliRun runs = CliRun.run(home, "aegis", "runs");
        assertThat(runs.out()).contains(runId, "smoke-oom-storm", "oracle", "met");
    }

    @Test
    void runWithBaselinesRunsEveryPolicyOnTheSameSeedAndExitsOnTheChosenOnesOutcome() {
        CliRun run = CliRun.run(home, "aegis", "run", "--scenario", OOM, "--mode", "noop", "--baselines", "--seed", "7",
                "--no-record");

        assertThat(run.exitCode()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(run.out()).contains("seed 7").contains("noop    MISSED").contains("oracle  met")
                .contains("noop missed: availability api");
        assertThat(CliRun.run(home, "aegis", "runs").out()).contains("no recorded runs");
    }

    @Test
    void everyPrintsTicksAndDecisionsAsTheRunGoes() {
        CliRun run = CliRun.run(home, "aegis", "run", "--scenario", OOM, "--mode", "oracle", "--every", "30", "--no-record");

        assertThat(run.out()).contains("tick    0  nodes 3/3").contains("tick  150").contains("decided memory_limit_too_low api");
    }

    @Test
    void evalScoresTheSuiteWithBaselinesSideBySide() throws Exception {
        CliRun eval = CliRun.run(home, "aegis", "eval", "--suite", SMOKE, "--mode", "oracle", "--baselines", "--json");

        assertThat(eval.exitCode()).as(eval.err()).isZero();
        JsonNode summary = json(eval).path("summary");
        assertThat(summary.path("mode").asText()).isEqualTo("oracle");
        assertThat(summary.path("scenarios").asInt()).isEqualTo(8);
        assertThat(summary.path("met_needing_a_fix").asInt()).isEqualTo(summary.path("needing_a_fix").asInt());
        assertThat(summary.path("policies").path("noop").path("met_needing_a_fix").asInt()).isZero();
        assertThat(json(eval).path("runs").size()).isEqualTo(8 * 4);
    }

    @Test
    void aBadScenarioIsReportedWithFileLineColumnAndHint() throws Exception {
        Path bad = home.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(Path.of(OOM)).replace("memory: 16Gi}", "memory: 16Gb}"));

        CliRun run = CliRun.run(home, "aegis", "run", "--scenario", bad.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(run.err()).contains(bad.toString() + ":").contains("16Gb").contains("hint");
    }

    @Test
    void theAiSreModesAreRefusedWithWhatToUseInstead() {
        CliRun run = CliRun.run(home, "aegis", "eval", "--suite", SMOKE, "--mode", "legion");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--mode legion is the AI SRE, which is not built yet")
                .contains("noop, rules, random, oracle");
    }

    @Test
    void missingFilesAndRunsAreNotFound() {
        assertThat(CliRun.run(home, "aegis", "run", "--scenario", "nope.yaml").exitCode()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(CliRun.run(home, "aegis", "eval", "--suite", "nope").exitCode()).isEqualTo(ExitCode.NOT_FOUND);
        CliRun replay = CliRun.run(home, "aegis", "replay", "nope");
        assertThat(replay.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(replay.err()).contains("no recorded run nope");
    }
}
