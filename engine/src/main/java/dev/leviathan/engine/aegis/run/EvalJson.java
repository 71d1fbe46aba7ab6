package dev.leviathan.engine.aegis.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An eval as one JSON document: every run under {@code runs}, and a {@code summary} whose top level is
 * the first policy's figures (the mode under test) with every policy's figures side by side under
 * {@code policies}.
 */
public final class EvalJson {

    private EvalJson() {
    }

    public static ObjectNode write(EvalReport report) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode runs = o.putArray("runs");
        report.runs().forEach(r -> runs.add(RunJson.write(r)));
        ObjectNode summary = o.putObject("summary");
        PolicySummary first = report.summaries().getFirst();
        figures(summary, first);
        ObjectNode policies = summary.putObject("policies");
        for (PolicySummary s : report.summaries()) {
            figures(policies.putObject(s.policy()), s);
        }
        summary.put("elapsed_ms", report.elapsedMillis());
        return o;
    }

    private static void figures(ObjectNode o, PolicySummary s) {
        o.put("mode", s.policy());
        o.put("scenarios", s.scenarios());
        o.put("diagnosis_accuracy", RunJson.round(s.diagnosisAccuracy()));
        o.put("remedy_accuracy", RunJson.round(s.remedyAccuracy()));
        o.put("objectives_met", s.objectivesMet());
        o.put("outcome", RunJson.round(s.outcome()));
        o.put("needing_a_fix", s.needFix());
        o.put("met_needing_a_fix", s.metNeedingFix());
        o.put("no_op_controls", s.controls());
        o.put("false_positives", s.falsePositives());
        ObjectNode mttr = o.putObject("mttr_ticks");
        mttr.put("recovered_runs", s.recovered());
        if (s.mttrMedian().isPresent()) {
            mttr.put("median", s.mttrMedian().getAsInt());
            mttr.put("p90", s.mttrP90().getAsInt());
        }
        ObjectNode cost = o.putObject("cost");
        cost.put("node_minutes", RunJson.round(s.nodeMinutes()));
        cost.put("replica_minutes", RunJson.round(s.replicaMinutes()));
        s.costVsNoop().ifPresent(v -> cost.put("node_minutes_vs_noop", RunJson.round(v)));
        o.put("deterministic", s.deterministic() == s.scenarios());
        o.put("deterministic_runs", s.deterministic());
    }

    /** The summary as a table for a terminal. */
    public static String table(EvalReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-8s %9s %9s %9s %13s %9s %11s %11s %13s %7s%n", "POLICY", "SCENARIOS", "DIAGNOSIS",
                "REMEDY", "MET/NEED-FIX", "FALSE+", "MTTR-MED", "MTTR-P90", "NODE-MIN×NOOP", "DETERM"));
        for (PolicySummary s : report.summaries()) {
            out.append(String.format("%-8s %9d %8.0f%% %8.0f%% %13s %9s %11s %11s %13s %7s%n", s.policy(), s.scenarios(),
                    100 * s.diagnosisAccuracy(), 100 * s.remedyAccuracy(), s.metNeedingFix() + "/" + s.needFix(),
                    s.falsePositives() + "/" + s.controls(),
                    s.mttrMedian().isPresent() ? s.mttrMedian().getAsInt() + " ticks" : "-",
                    s.mttrP90().isPresent() ? s.mttrP90().getAsInt() + " ticks" : "-",
                    s.costVsNoop().isPresent() ? String.format("%.2f", s.costVsNoop().getAsDouble()) : "-",
                    s.deterministic() == s.scenarios() ? "yes" : s.deterministic() + "/" + s.scenarios()));
        }
        return out.toString();
    }
}
