package dev.leviathan.engine.aegis.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leviathan.engine.aegis.scenario.DiagnosisName;
import dev.leviathan.engine.aegis.scenario.ScenarioFile;
import dev.leviathan.engine.aegis.scenario.ScenarioLoader;
import dev.leviathan.engine.aegis.sim.Action;
import dev.leviathan.engine.aegis.sim.Simulation;
import dev.leviathan.engine.aegis.sim.TickMetrics;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.StoredEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rebuilds a recorded run from its {@code aegis.run.*} events alone: the scenario from the recorded
 * text (checked against its recorded digest), the recorded seed, and every recorded decision submitted
 * again after the tick it was taken at. Every chunk's trace hash is compared with the recording, so a
 * divergence is named by the first chunk (and tick range) that differs.
 */
public final class RunReplayer {

    private final EventStore store;

    public RunReplayer(EventStore store) {
        this.store = store;
    }

    /** What a replay found. {@code firstDivergence} is empty when every chunk's hash matched. */
    public record Replay(String runId, String scenario, String policy, long seed, int ticks, int decisions, int chunks,
            String recordedTraceHash, String replayedTraceHash, Optional<String> firstDivergence) {

        public boolean matches() {
            return firstDivergence.isEmpty() && recordedTraceHash.equals(replayedTraceHash);
        }
    }

    /** Thrown when the record itself is missing or unreadable (as opposed to a replay that diverges). */
    public static final class RecordException extends RuntimeException {
        public RecordException(String message) {
            super(message);
        }
    }

    public Replay replay(String runId) {
        JsonNode started = payload(AegisEvents.startedId(runId))
                .orElseThrow(() -> new RecordException("no recorded run " + runId + " (no event "
                        + AegisEvents.startedId(runId) + "); list runs with: leviathanctl aegis runs"));
        JsonNode completed = payload(AegisEvents.completedId(runId))
                .orElseThrow(() -> new RecordException("run " + runId + " has no " + AegisEvents.RUN_COMPLETED
                        + " event: it was not recorded to the end"));
        String text = started.path("scenario_text").asText();
        ScenarioFile file = ScenarioLoader.parse(text, "recorded scenario of run " + runId);
        String sha = file.sha256();
        if (!sha.equals(started.path("scenario_sha256").asText())) {
            throw new RecordException("run " + runId + ": the recorded scenario text hashes to " + sha
                    + ", not the recorded scenario_sha256 " + started.path("scenario_sha256").asText());
        }
        long seed = started.path("seed").asLong();
        String policy = started.path("policy").asText();

        int decisionCount = completed.path("decision_count").asInt();
        Map<Integer, List<Decision>> byTick = new HashMap<>();
        for (int n = 0; n < decisionCount; n++) {
            String id = AegisEvents.decidedId(runId, n);
            JsonNode d = payload(id).orElseThrow(() -> new RecordException("run " + runId + " is missing event " + id));
            byTick.computeIfAbsent(d.path("tick").asInt(), t -> new ArrayList<>()).add(decision(d, id));
        }
        int chunkCount = completed.path("chunks").asInt();
        List<JsonNode> chunks = new ArrayList<>();
        for (int c = 0; c < chunkCount; c++) {
            String id = AegisEvents.ticksId(runId, c);
            chunks.add(payload(id).orElseThrow(() -> new RecordException("run " + runId + " is missing event " + id)));
        }

        Map<Integer, String> replayedHashAtTick = new HashMap<>();
        RunListener hashes = new RunListener() {
            @Override
            public void ticked(TickMetrics metrics, Simulation simulation) {
                replayedHashAtTick.put(metrics.tick(), HexFormat.of().toHexDigits(metrics.traceHash()));
            }
        };
        RunSetup setup = new RunSetup(runId, file.scenario(), text, sha, seed, policy);
        RunResult result = ScenarioRun.run(setup, new RecordedPolicy(policy, byTick), hashes);

        Optional<String> divergence = Optional.empty();
        for (JsonNode chunk : chunks) {
            int to = chunk.path("to").asInt();
            String replayed = replayedHashAtTick.get(to);
            if (!chunk.path("trace_hash").asText().equals(replayed)) {
                divergence = Optional.of("chunk " + chunk.path("chunk").asInt() + " (ticks " + chunk.path("from").asInt()
                        + "–" + to + "): recorded " + chunk.path("trace_hash").asText() + ", replayed " + replayed);
                break;
            }
        }
        return new Replay(runId, file.scenario().id(), policy, seed, file.scenario().ticks(), decisionCount, chunkCount,
                completed.path("trace_hash").asText(), result.traceHash(), divergence);
    }

    private Optional<JsonNode> payload(String eventId) {
        return store.find(eventId).map(StoredEvent::envelope).map(e -> e.payload().json());
    }

    private static Decision decision(JsonNode d, String eventId) {
        JsonNode diagnosis = d.path("diagnosis");
        DiagnosisName name = DiagnosisName.fromWire(diagnosis.path("name").asText())
                .orElseThrow(() -> new RecordException(eventId + ": unknown diagnosis " + diagnosis.path("name")));
        List<Action> actions = new ArrayList<>();
        for (JsonNode action : d.path("chosen").path("actions")) {
            try {
                actions.add(ActionJson.read(action));
            } catch (IllegalArgumentException e) {
                throw new RecordException(eventId + ": " + e.getMessage());
            }
        }
        return new Decision(new Diagnosis(name, diagnosis.path("subject").asText(), diagnosis.path("confidence").asDouble()),
                d.path("plans").asInt(1), actions, Optional.empty(), d.path("rationale").asText());
    }

    /** Plays back recorded decisions at the ticks they were taken; one decision per tick is all a run makes. */
    private record RecordedPolicy(String name, Map<Integer, List<Decision>> byTick) implements Policy {
        @Override
        public Optional<Decision> observe(Observation observation) {
            List<Decision> at = byTick.get(observation.metrics().tick());
            return at == null || at.isEmpty() ? Optional.empty() : Optional.of(at.getFirst());
        }
    }
}
