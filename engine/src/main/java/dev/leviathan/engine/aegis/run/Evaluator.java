package dev.leviathan.engine.aegis.run;

import dev.leviathan.engine.aegis.scenario.Expected;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;

/**
 * Runs every scenario under every policy on the scenario's own seed, each run twice to check the trace
 * hash repeats, on a pool of worker threads; results are gathered in a fixed order (scenario, then
 * policy), so the report is the same however many threads ran it.
 */
public final class Evaluator {

    private final BiFunction<String, EvalCase, Policy> policies;
    private final int threads;

    /** @param policies makes a fresh policy of the given name for a case */
    public Evaluator(BiFunction<String, EvalCase, Policy> policies, int threads) {
        this.policies = policies;
        this.threads = Math.max(1, threads);
    }

    public EvalReport eval(List<EvalCase> cases, List<String> policyNames) {
        long start = System.nanoTime();
        List<RunResult> runs = new ArrayList<>();
        List<Boolean> repeated = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "aegis-eval");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RunResult[]>> futures = new ArrayList<>();
            for (EvalCase c : cases) {
                for (String name : policyNames) {
                    futures.add(pool.submit(() -> runTwice(c, name)));
                }
            }
            for (Future<RunResult[]> future : futures) {
                RunResult[] pair = future.get();
                runs.add(pair[0]);
                repeated.add(pair[0].traceHash().equals(pair[1].traceHash()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("eval interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<PolicySummary> summaries = new ArrayList<>();
        for (String name : policyNames) {
            summaries.add(summarise(name, cases, runs, repeated, policyNames));
        }
        return new EvalReport(policyNames, runs, summaries, (System.nanoTime() - start) / 1_000_000);
    }

    private RunResult[] runTwice(EvalCase c, String name) {
        RunResult first = runOnce(c, name);
        RunResult second = runOnce(c, name);
        return new RunResult[] {first, second};
    }

    private RunResult runOnce(EvalCase c, String name) {
        RunSetup setup = new RunSetup(c.scenario().id() + "-" + name, c.scenario(), c.text(), c.sha256(),
                c.scenario().seed(), name);
        return ScenarioRun.run(setup, policies.apply(name, c), RunListener.NONE);
    }

    private static PolicySummary summarise(String name, List<EvalCase> cases, List<RunResult> runs,
            List<Boolean> repeated, List<String> policyNames) {
        int p = policyNames.indexOf(name);
        int noop = policyNames.indexOf("noop");
        int scored = 0;
        int diagnosisCorrect = 0;
        int remedyCorrect = 0;
        int met = 0;
        int needFix = 0;
        int metNeedingFix = 0;
        int controls = 0;
        int falsePositives = 0;
        int deterministic = 0;
        double nodeMinutes = 0;
        double replicaMinutes = 0;
        double noopMinutes = 0;
        List<Integer> mttr = new ArrayList<>();
        for (int c = 0; c < cases.size(); c++) {
            RunResult run = runs.get(c * policyNames.size() + p);
            deterministic += repeated.get(c * policyNames.size() + p) ? 1 : 0;
            met += run.objectivesMet() ? 1 : 0;
            nodeMinutes += run.nodeMinutes();
            replicaMinutes += run.replicaMinutes();
            if (noop >= 0) {
                noopMinutes += runs.get(c * policyNames.size() + noop).nodeMinutes();
            }
            // MTTR is over the scenarios where something must be fixed: a control that never broke
            // would count as recovered in zero ticks and flatter every policy alike.
            boolean needsFix = run.expected().map(Expected::needsAction).orElse(true);
            if (needsFix && run.onsetTick().isPresent() && run.mttrTicks().isPresent()) {
                mttr.add(run.mttrTicks().getAsInt());
            }
            if (run.expected().isEmpty()) {
                continue;
            }
            Expected expected = run.expected().get();
            scored++;
            diagnosisCorrect += Scoring.diagnosisCorrect(run, expected) ? 1 : 0;
            remedyCorrect += Scoring.remedyCorrect(run, expected) ? 1 : 0;
            if (expected.isNoOpControl()) {
                controls++;
                falsePositives += run.acted() ? 1 : 0;
            } else if (expected.needsAction()) {
                needFix++;
                metNeedingFix += run.objectivesMet() ? 1 : 0;
            }
        }
        mttr.sort(Integer::compare);
        OptionalInt median = mttr.isEmpty() ? OptionalInt.empty() : OptionalInt.of(percentile(mttr, 0.5));
        OptionalInt p90 = mttr.isEmpty() ? OptionalInt.empty() : OptionalInt.of(percentile(mttr, 0.9));
        OptionalDouble vsNoop = noop >= 0 && noopMinutes > 0 ? OptionalDouble.of(nodeMinutes / noopMinutes)
                : OptionalDouble.empty();
        return new PolicySummary(name, cases.size(), scored, diagnosisCorrect, remedyCorrect, met, needFix, metNeedingFix,
                controls, falsePositives, mttr.size(), median, p90, nodeMinutes, replicaMinutes, vsNoop, deterministic);
    }

    /** Nearest-rank percentile of a sorted list. */
    static int percentile(List<Integer> sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
