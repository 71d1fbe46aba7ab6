package dev.leviathan.engine.aegis.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.aegis.scenario.ScenarioFile;
import dev.leviathan.engine.aegis.scenario.ScenarioLoader;
import dev.leviathan.engine.event.EventEnvelope;
import dev.leviathan.engine.event.EventQuery;
import dev.leviathan.engine.event.JooqEventStore;
import dev.leviathan.engine.event.Payload;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.testkit.TestStores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunReplayerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private JooqEventStore store;

    @BeforeEach
    void open() {
        store = TestStores.h2(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private RunResult record(String file, String policy, String runId) {
        ScenarioFile scenario = ScenarioLoader.load(Path.of("../scenarios/smoke").resolve(file));
        RunSetup setup = new RunSetup(runId, scenario.scenario(), scenario.text(), scenario.sha256(),
                scenario.scenario().seed(), policy);
        Policy p = Baselines.create(policy, scenario.scenario(), scenario.scenario().seed()).orElseThrow();
        return ScenarioRun.run(setup, p, new RunRecorder(store, CLOCK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"noop", "rules", "random", "oracle"})
    void replayOfEveryBaselineRebuildsTheSameTraceHash(String policy) {
        RunResult recorded = record("01-smoke-oom-storm.yaml", policy, "r-" + policy);

        RunReplayer.Replay replay = new RunReplayer(store).replay("r-" + policy);

        assertThat(replay.matches()).as(replay.firstDivergence().orElse("")).isTrue();
        assertThat(replay.replayedTraceHash()).isEqualTo(recorded.traceHash());
        assertThat(replay.decisions()).isEqualTo(recorded.decisions().size());
        assertThat(replay.chunks()).isEqualTo((recorded.ticks() + AegisEvents.TICKS_PER_CHUNK - 1) / AegisEvents.TICKS_PER_CHUNK);
    }

    @Test
    void aRunIsOneBundleOfStartedDecidedTicksAndCompletedEvents() {
        RunResult run = record("01-smoke-oom-storm.yaml", "oracle", "r1");

        List<StoredEvent> events = store.read(EventQuery.after(0, 1000));
        assertThat(events).extracting(StoredEvent::eventId).startsWith("aegis.run.started:r1")
                .contains("aegis.run.decided:r1:0", "aegis.run.ticks:r1:0").endsWith("aegis.run.completed:r1");
        assertThat(events.getFirst().envelope().payload().json().path("scenario_text").asText())
                .contains("id: smoke-oom-storm");
        assertThat(events.getLast().envelope().payload().json().path("trace_hash").asText()).isEqualTo(run.traceHash());
        assertThat(events).extracting(e -> e.envelope().actorId()).containsOnly("aegis-oracle");
    }

    @Test
    void aRecordWhoseDecisionWasDroppedDivergesAndNamesTheFirstChunkThatDiffers() {
        record("01-smoke-oom-storm.yaml", "oracle", "r1");
        copyRun("r1", "forged", event -> !event.eventId().startsWith("aegis.run.decided:"), 0);

        RunReplayer.Replay replay = new RunReplayer(store).replay("forged");

        assertThat(replay.matches()).isFalse();
        int decisionTick = store.find("aegis.run.decided:r1:0").orElseThrow().envelope().payload().json().path("tick").asInt();
        int chunk = (decisionTick + 1) / AegisEvents.TICKS_PER_CHUNK;
        assertThat(replay.firstDivergence()).hasValueSatisfying(d -> assertThat(d).startsWith("chunk " + chunk + " "));
    }

    @Test
    void aRecordWithAnEditedScenarioTextIsRefused() {
        record("01-smoke-oom-storm.yaml", "noop", "r1");
        copyRun("r1", "edited", event -> true, 1);

        assertThatThrownBy(() -> new RunReplayer(store).replay("edited"))
                .isInstanceOf(RunReplayer.RecordException.class)
                .hasMessageContaining("hashes to").hasMessageContaining("not the recorded scenario_sha256");
    }

    @Test
    void anUnknownRunIsARecordErrorThatSaysHowToListRuns() {
        assertThatThrownBy(() -> new RunReplayer(store).replay("nope"))
                .isInstanceOf(RunReplayer.RecordException.class)
                .hasMessageContaining("no recorded run nope").hasMessageContaining("aegis runs");
    }

    /**
     * Copies a recorded run under a new id, keeping the events {@code keep} accepts; with
     * {@code editText} 1 the scenario text gains a comment, so it no longer matches its digest.
     */
    private void copyRun(String from, String to, java.util.function.Predicate<StoredEvent> keep, int editText) {
        List<EventEnvelope> copy = new ArrayList<>();
        int decisions = 0;
        for (StoredEvent event : store.read(EventQuery.after(0, 1000).withTypes(Set.of(AegisEvents.RUN_STARTED,
                AegisEvents.RUN_DECIDED, AegisEvents.RUN_TICKS, AegisEvents.RUN_COMPLETED)))) {
            if (!event.eventId().contains(":" + from) || !keep.test(event)) {
                continue;
            }
            ObjectNode payload = (ObjectNode) event.envelope().payload().json().deepCopy();
            payload.put("run_id", to);
            if (event.envelope().eventType().equals(AegisEvents.RUN_STARTED) && editText == 1) {
                payload.put("scenario_text", payload.path("scenario_text").asText() + "\n# edited\n");
            }
            if (event.envelope().eventType().equals(AegisEvents.RUN_DECIDED)) {
                decisions++;
            }
            copy.add(EventEnvelope.of(event.eventId().replace(":" + from, ":" + to), event.envelope().eventType(),
                    event.envelope().instant(), event.envelope().actorId(), null, Payload.of(payload)));
        }
        ObjectNode completed = (ObjectNode) copy.getLast().payload().json().deepCopy();
        completed.put("decision_count", decisions);
        EventEnvelope last = copy.removeLast();
        copy.add(EventEnvelope.of(last.eventId(), last.eventType(), last.instant(), last.actorId(), null, Payload.of(completed)));
        store.append(copy);
    }
}
