package dev.leviathan.engine.aegis.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.event.EventEnvelope;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.Payload;
import dev.leviathan.engine.aegis.sim.Simulation;
import dev.leviathan.engine.aegis.sim.TickMetrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Records a run in the event store as {@code aegis.run.*} events: the scenario's exact text and digest,
 * the seed and policy; every decision with its actions; the per-tick numbers in chunks of
 * {@value AegisEvents#TICKS_PER_CHUNK} ticks (ready and desired pods, error rate in per-mille, latency in
 * ms, requests per second, nodes ready), each chunk with the trace hash at its last tick; and the
 * outcome. All of it is appended as one bundle when the run finishes, so a store never holds half a run.
 */
public final class RunRecorder implements RunListener {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final EventStore store;
    private final Clock clock;
    private final List<EventEnvelope> bundle = new ArrayList<>();
    private RunSetup setup;
    private String actor;
    private int decisions;
    private int chunk;
    private final List<TickMetrics> pending = new ArrayList<>();

    public RunRecorder(EventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void started(RunSetup runSetup, Simulation simulation) {
        setup = runSetup;
        actor = "aegis-" + runSetup.policy();
        ObjectNode p = JSON.objectNode();
        p.put("run_id", setup.runId());
        p.put("scenario", setup.scenario().id());
        p.put("scenario_sha256", setup.scenarioSha256());
        p.put("scenario_text", setup.scenarioText());
        p.put("seed", setup.seed());
        p.put("policy", setup.policy());
        p.put("ticks", setup.scenario().ticks());
        add(AegisEvents.startedId(setup.runId()), AegisEvents.RUN_STARTED, p);
    }

    @Override
    public void ticked(TickMetrics metrics, Simulation simulation) {
        pending.add(metrics);
        if (pending.size() == AegisEvents.TICKS_PER_CHUNK) {
            flushTicks();
        }
    }

    @Override
    public void decided(DecisionRecord decision) {
        ObjectNode p = RunJson.decision(decision);
        p.put("run_id", setup.runId());
        p.put("n", decisions);
        add(AegisEvents.decidedId(setup.runId(), decisions++), AegisEvents.RUN_DECIDED, p);
    }

    @Override
    public void finished(RunResult result) {
        flushTicks();
        ObjectNode p = RunJson.write(result);
        p.remove("decisions");
        p.put("run_id", setup.runId());
        p.put("decision_count", decisions);
        p.put("chunks", chunk);
        add(AegisEvents.completedId(setup.runId()), AegisEvents.RUN_COMPLETED, p);
        store.append(List.copyOf(bundle));
        bundle.clear();
    }

    private void flushTicks() {
        if (pending.isEmpty()) {
            return;
        }
        ObjectNode p = JSON.objectNode();
        p.put("run_id", setup.runId());
        p.put("chunk", chunk);
        p.put("from", pending.getFirst().tick());
        p.put("to", pending.getLast().tick());
        p.put("trace_hash", HexFormat.of().toHexDigits(pending.getLast().traceHash()));
        ArrayNode nodes = p.putArray("nodes_ready");
        pending.forEach(m -> nodes.add(m.nodesReady()));
        ObjectNode workloads = p.putObject("workloads");
        for (int w = 0; w < pending.getFirst().workloads().size(); w++) {
            ObjectNode series = workloads.putObject(pending.getFirst().workloads().get(w).name());
            ArrayNode ready = series.putArray("ready");
            ArrayNode desired = series.putArray("desired");
            ArrayNode errors = series.putArray("error_permille");
            ArrayNode latency = series.putArray("latency_ms");
            ArrayNode rps = series.putArray("rps");
            for (TickMetrics m : pending) {
                TickMetrics.WorkloadMetrics wm = m.workloads().get(w);
                ready.add(wm.ready());
                desired.add(wm.desired());
                errors.add(Math.round(wm.errorRate() * 1000));
                latency.add(Math.round(wm.latencyMs()));
                rps.add(Math.round(wm.rps()));
            }
        }
        add(AegisEvents.ticksId(setup.runId(), chunk++), AegisEvents.RUN_TICKS, p);
        pending.clear();
    }

    private void add(String id, String type, ObjectNode payload) {
        bundle.add(EventEnvelope.of(id, type, clock.instant(), actor, null, Payload.of(payload)));
    }
}
