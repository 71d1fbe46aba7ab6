package dev.leviathan.engine.aegis.run;

import java.util.List;

/** Every run of an eval, scenario by scenario and policy by policy, and each policy's summary. */
public record EvalReport(List<String> policies, List<RunResult> runs, List<PolicySummary> summaries,
        long elapsedMillis) {

    public EvalReport {
        policies = List.copyOf(policies);
        runs = List.copyOf(runs);
        summaries = List.copyOf(summaries);
    }
}
