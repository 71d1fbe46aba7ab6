package dev.leviathan.engine.aegis.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.aegis.scenario.Objective;
import dev.leviathan.engine.aegis.sim.ActionReceipt;

/** A run as the contract's {@code --json} output shows it. */
public final class RunJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private RunJson() {
    }

    public static ObjectNode write(RunResult run) {
        ObjectNode o = JSON.objectNode();
        o.put("scenario", run.scenarioId());
        o.put("mode", run.policy());
        o.put("seed", run.seed());
        o.put("ticks", run.ticks());
        o.put("objectives_met", run.objectivesMet());
        if (run.mttrTicks().isPresent()) {
            o.put("mttr_ticks", run.mttrTicks().getAsInt());
        } else {
            o.putNull("mttr_ticks");
        }
        ObjectNode cost = o.putObject("cost");
        cost.put("node_minutes", round(run.nodeMinutes()));
        cost.put("replica_minutes", round(run.replicaMinutes()));
        cost.put("disruptions", run.disruptions());
        ArrayNode decisions = o.putArray("decisions");
        for (DecisionRecord record : run.decisions()) {
            decisions.add(decision(record));
        }
        ArrayNode objectives = o.putArray("objectives");
        for (ObjectiveOutcome outcome : run.objectives()) {
            ObjectNode item = objectives.addObject();
            item.put("objective", describe(outcome.objective()));
            item.put("met", outcome.met());
            item.put("violated_ticks", outcome.violatedTicks());
            outcome.firstViolation().ifPresent(t -> item.put("first_violation", t));
        }
        o.put("trace_hash", run.traceHash());
        return o;
    }

    static ObjectNode decision(DecisionRecord record) {
        ObjectNode d = JSON.objectNode();
        d.put("tick", record.tick());
        ObjectNode diagnosis = d.putObject("diagnosis");
        diagnosis.put("name", record.decision().diagnosis().name().wireName());
        diagnosis.put("subject", record.decision().diagnosis().subject());
        diagnosis.put("confidence", round(record.decision().diagnosis().confidence()));
        d.put("plans", record.decision().plansConsidered());
        ObjectNode chosen = d.putObject("chosen");
        ArrayNode actions = chosen.putArray("actions");
        for (ActionReceipt receipt : record.receipts()) {
            ObjectNode action = ActionJson.write(receipt.action());
            if (!receipt.accepted()) {
                action.put("rejected", receipt.rejection().orElse("rejected"));
            } else {
                action.put("effect_tick", receipt.effectTick());
            }
            actions.add(action);
        }
        record.decision().pareto().ifPresent(p -> {
            ObjectNode pareto = chosen.putObject("pareto");
            pareto.put("stability", round(p.stability()));
            pareto.put("cost", round(p.cost()));
            pareto.put("resilience", round(p.resilience()));
            pareto.put("risk", round(p.risk()));
        });
        d.put("rationale", record.decision().rationale());
        return d;
    }

    public static String describe(Objective objective) {
        return switch (objective) {
            case Objective.Availability a -> "availability " + a.workload() + " ≥ " + a.minReadyRatio() + " from " + a.fromTick();
            case Objective.ErrorRate e -> "error_rate " + e.workload() + " ≤ " + e.max() + " from " + e.fromTick();
            case Objective.Latency l -> "latency " + l.workload() + " ≤ " + l.maxMs() + " ms from " + l.fromTick();
            case Objective.Cost c -> "cost" + (c.maxNodes().isPresent() ? " max_nodes " + c.maxNodes().getAsInt() : "")
                    + (c.maxNodeMinutes().isPresent() ? " max_node_minutes " + c.maxNodeMinutes().getAsDouble() : "");
        };
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** One action as a short line: its JSON fields, and what became of it. */
    public static String actionText(ActionReceipt receipt) {
        ObjectNode action = ActionJson.write(receipt.action());
        StringBuilder text = new StringBuilder(action.path("type").asText());
        action.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("type")) {
                text.append(' ').append(e.getKey()).append('=').append(e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
            }
        });
        text.append(receipt.accepted() ? " (takes effect at tick " + receipt.effectTick() + ")"
                : " (rejected: " + receipt.rejection().orElse("rejected") + ")");
        return text.toString();
    }
}
