package dev.leviathan.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.aegis.run.AegisEvents;
import dev.leviathan.engine.aegis.run.Baselines;
import dev.leviathan.engine.aegis.run.EvalCase;
import dev.leviathan.engine.aegis.run.EvalJson;
import dev.leviathan.engine.aegis.run.EvalReport;
import dev.leviathan.engine.aegis.run.Evaluator;
import dev.leviathan.engine.aegis.run.Policy;
import dev.leviathan.engine.aegis.run.RunJson;
import dev.leviathan.engine.aegis.run.RunListener;
import dev.leviathan.engine.aegis.run.RunRecorder;
import dev.leviathan.engine.aegis.run.RunReplayer;
import dev.leviathan.engine.aegis.run.RunResult;
import dev.leviathan.engine.aegis.run.RunSetup;
import dev.leviathan.engine.aegis.run.ScenarioRun;
import dev.leviathan.engine.aegis.scenario.Scenario;
import dev.leviathan.engine.aegis.scenario.ScenarioFile;
import dev.leviathan.engine.aegis.scenario.ScenarioLoader;
import dev.leviathan.engine.aegis.scenario.ScenarioSuite;
import dev.leviathan.engine.event.EventQuery;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.StoredEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

@Command(mixinStandardHelpOptions = true, name = "aegis", description = "Run, score and replay the AEGIS-K8s simulated cluster.",
        subcommands = {AegisCommand.Run.class, AegisCommand.Eval.class, AegisCommand.Replay.class, AegisCommand.Runs.class})
final class AegisCommand extends GroupCommand {

    /** The modes of the contract that the AI SRE (a later piece of work) will provide. */
    private static final Set<String> AI_MODES = Set.of("sentinel", "legion");

    static String checkMode(String mode, picocli.CommandLine commandLine) {
        if (AI_MODES.contains(mode)) {
            throw new ParameterException(commandLine, "--mode " + mode + " is the AI SRE, which is not built yet;"
                    + " choose one of the reference policies: " + String.join(", ", Baselines.NAMES));
        }
        if (!Baselines.NAMES.contains(mode)) {
            throw new ParameterException(commandLine, "unknown --mode " + mode + "; choose one of: "
                    + String.join(", ", Baselines.NAMES));
        }
        return mode;
    }

    /** The chosen mode first (the summary's top level is its figures), then every baseline not yet named. */
    static List<String> policies(String mode, boolean baselines) {
        Set<String> names = new LinkedHashSet<>();
        names.add(mode);
        if (baselines) {
            names.addAll(Baselines.NAMES);
        }
        return List.copyOf(names);
    }

    static Policy policy(String name, Scenario scenario, long seed) {
        return Baselines.create(name, scenario, seed).orElseThrow();
    }

    @Command(mixinStandardHelpOptions = true, name = "run", description = {
            "Run one scenario under a policy and record it in the store as aegis.run.* events",
            "(replay it with: leviathanctl aegis replay RUN). Exits 1 if an objective was missed."})
    static final class Run extends LeafCommand {

        @Option(names = "--scenario", paramLabel = "FILE", required = true)
        Path scenario;

        @Option(names = "--mode", paramLabel = "POLICY", defaultValue = "rules",
                description = "noop, rules, random or oracle (default: ${DEFAULT-VALUE}).")
        String mode;

        @Option(names = "--seed", paramLabel = "N", description = "Seed (default: the scenario's seed).")
        Long seed;

        @Option(names = "--baselines", description = "Also run the four reference policies on the same seed.")
        boolean baselines;

        @Option(names = "--no-record", description = "Do not record the run in the store.")
        boolean noRecord;

        @Option(names = "--every", paramLabel = "TICKS", defaultValue = "0",
                description = "While the first policy runs, print the cluster every TICKS ticks and each decision as it is taken.")
        int every;

        Run(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            checkMode(mode, spec.commandLine());
            if (every < 0) {
                throw new ParameterException(spec.commandLine(), "--every must be 0 (off) or a number of ticks");
            }
            if (!Files.isRegularFile(scenario)) {
                throw new CliException(ExitCode.NOT_FOUND, "no scenario file " + scenario);
            }
            ScenarioFile file = ScenarioLoader.load(scenario);
            long runSeed = seed != null ? seed : file.scenario().seed();
            String stamp = Long.toString(cli.clock.millis(), 36);
            List<RunResult> results = new ArrayList<>();
            List<String> runIds = new ArrayList<>();
            for (String name : policies(mode, baselines)) {
                String runId = file.scenario().id() + "." + name + ".s" + runSeed + "." + stamp;
                RunListener listener = noRecord ? RunListener.NONE : new RunRecorder(engine().store(), cli.clock);
                if (every > 0 && results.isEmpty() && !global.json) {
                    listener = RunListener.both(listener, new TickPrinter(every, out()));
                }
                RunSetup setup = new RunSetup(runId, file.scenario(), file.text(), file.sha256(), runSeed, name);
                results.add(ScenarioRun.run(setup, policy(name, file.scenario(), runSeed), listener));
                runIds.add(runId);
            }
            if (global.json) {
                if (results.size() == 1) {
                    ObjectNode json = RunJson.write(results.getFirst());
                    if (!noRecord) {
                        json.put("run_id", runIds.getFirst());
                    }
                    out().json(json);
                } else {
                    ArrayNode array = Json.MAPPER.createArrayNode();
                    for (int i = 0; i < results.size(); i++) {
                        ObjectNode json = RunJson.write(results.get(i));
                        if (!noRecord) {
                            json.put("run_id", runIds.get(i));
                        }
                        array.add(json);
                    }
                    ObjectNode doc = Json.object();
                    doc.set("runs", array);
                    out().json(doc);
                }
            } else {
                Output.Table table = new Output.Table("POLICY", "OBJECTIVES", "MTTR", "NODE-MIN", "REPLICA-MIN",
                        "DECISIONS", "TRACE", "RUN");
                for (int i = 0; i < results.size(); i++) {
                    RunResult r = results.get(i);
                    table.row(r.policy(), r.objectivesMet() ? "met" : "MISSED",
                            r.mttrTicks().isPresent() ? r.mttrTicks().getAsInt() + " ticks" : "-",
                            String.format("%.1f", r.nodeMinutes()), String.format("%.1f", r.replicaMinutes()),
                            r.decisions().size(), r.traceHash().substring(0, 12), noRecord ? "-" : runIds.get(i));
                }
                out().line(file.scenario().id() + ": " + file.scenario().ticks() + " ticks, seed " + runSeed);
                table.print(out());
                for (RunResult r : results) {
                    r.objectives().stream().filter(o -> !o.met()).forEach(o -> out().line("  " + r.policy()
                            + " missed: " + RunJson.describe(o.objective()) + " (" + o.violatedTicks()
                            + " ticks violated" + o.firstViolation().stream().mapToObj(t -> ", first at tick " + t)
                            .findFirst().orElse("") + ")"));
                }
            }
            return results.getFirst().objectivesMet() ? ExitCode.OK : ExitCode.PROBLEMS;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "eval", description = {
            "Run every *.yaml below a suite directory under a policy (and the baselines), each run twice",
            "to check determinism, and score it: diagnosis, remedy, objectives, false positives, MTTR, cost."})
    static final class Eval extends LeafCommand {

        @Option(names = "--suite", paramLabel = "DIR", required = true)
        Path suite;

        @Option(names = "--mode", paramLabel = "POLICY", defaultValue = "rules",
                description = "noop, rules, random or oracle (default: ${DEFAULT-VALUE}).")
        String mode;

        @Option(names = "--baselines", description = "Also run the four reference policies on the same seeds.")
        boolean baselines;

        @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core).")
        Integer threads;

        Eval(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            checkMode(mode, spec.commandLine());
            if (!Files.isDirectory(suite)) {
                throw new CliException(ExitCode.NOT_FOUND, "no suite directory " + suite);
            }
            List<EvalCase> cases = ScenarioSuite.load(suite).stream()
                    .map(f -> new EvalCase(f.scenario(), f.text(), f.sha256())).toList();
            if (cases.isEmpty()) {
                throw new CliException(ExitCode.NOT_FOUND, "no *.yaml scenario below " + suite);
            }
            int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            EvalReport report = new Evaluator((name, c) -> policy(name, c.scenario(), c.scenario().seed()), workers)
                    .eval(cases, policies(mode, baselines));
            if (global.json) {
                out().json(EvalJson.write(report));
            } else {
                out().line(cases.size() + " scenarios from " + suite + ", " + report.summaries().size()
                        + " policies, " + workers + " threads, " + report.elapsedMillis() + " ms");
                EvalJson.table(report).lines().forEach(out()::line);
            }
            return report.summaries().stream().allMatch(s -> s.deterministic() == s.scenarios()) ? ExitCode.OK
                    : ExitCode.PROBLEMS;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "replay", description = {
            "Rebuild every tick of a recorded run from its events and check the trace hash of every chunk.",
            "Exits 1 and names the first chunk that differs if the replay diverges."})
    static final class Replay extends LeafCommand {

        @Parameters(paramLabel = "RUN", description = "A run id, as printed by aegis run and aegis runs.")
        String runId;

        Replay(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            RunReplayer.Replay replay;
            try {
                replay = new RunReplayer(engine().store()).replay(runId);
            } catch (RunReplayer.RecordException e) {
                throw new CliException(ExitCode.NOT_FOUND, e.getMessage());
            }
            if (global.json) {
                ObjectNode json = Json.object();
                json.put("run_id", replay.runId());
                json.put("scenario", replay.scenario());
                json.put("mode", replay.policy());
                json.put("seed", replay.seed());
                json.put("ticks", replay.ticks());
                json.put("decisions", replay.decisions());
                json.put("chunks", replay.chunks());
                json.put("recorded_trace_hash", replay.recordedTraceHash());
                json.put("replayed_trace_hash", replay.replayedTraceHash());
                json.put("matches", replay.matches());
                replay.firstDivergence().ifPresent(d -> json.put("first_divergence", d));
                out().json(json);
            } else if (replay.matches()) {
                out().line("replayed " + replay.runId() + ": " + replay.ticks() + " ticks, " + replay.decisions()
                        + " decisions, " + replay.chunks() + " chunks; every trace hash matches ("
                        + replay.replayedTraceHash() + ")");
            } else {
                out().line("replay of " + replay.runId() + " DIVERGES: " + replay.firstDivergence()
                        .orElse("final trace hash recorded " + replay.recordedTraceHash() + ", replayed "
                                + replay.replayedTraceHash()));
            }
            return replay.matches() ? ExitCode.OK : ExitCode.PROBLEMS;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "runs", description = "List recorded runs, newest first.")
    static final class Runs extends LeafCommand {

        @Option(names = "--limit", defaultValue = "20")
        int limit;

        Runs(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            List<StoredEvent> completed = engine().store().read(EventQuery.latest(limit)
                    .withTypes(Set.of(AegisEvents.RUN_COMPLETED)));
            List<JsonNode> runs = completed.stream().<JsonNode>map(e -> e.envelope().payload().json()).toList();
            if (global.json) {
                ArrayNode array = Json.MAPPER.createArrayNode();
                runs.forEach(array::add);
                out().json(array);
                return ExitCode.OK;
            }
            if (runs.isEmpty()) {
                out().line("no recorded runs; make one with: leviathanctl aegis run --scenario scenarios/smoke/<file>.yaml");
                return ExitCode.OK;
            }
            Output.Table table = new Output.Table("RUN", "SCENARIO", "MODE", "SEED", "OBJECTIVES", "TRACE");
            for (JsonNode r : runs) {
                table.row(r.path("run_id").asText(), r.path("scenario").asText(), r.path("mode").asText(),
                        r.path("seed").asLong(), r.path("objectives_met").asBoolean() ? "met" : "missed",
                        r.path("trace_hash").asText().substring(0, Math.min(12, r.path("trace_hash").asText().length())));
            }
            table.print(out());
            return ExitCode.OK;
        }
    }

    /** Prints the run as it goes: one line per workload every few ticks, and every decision when it is taken. */
    private static final class TickPrinter implements RunListener {
        private final int every;
        private final Output out;

        TickPrinter(int every, Output out) {
            this.every = every;
            this.out = out;
        }

        @Override
        public void ticked(dev.leviathan.engine.aegis.sim.TickMetrics metrics, dev.leviathan.engine.aegis.sim.Simulation simulation) {
            if (metrics.tick() % every != 0) {
                return;
            }
            StringBuilder line = new StringBuilder(String.format("tick %4d  nodes %d/%d", metrics.tick(),
                    metrics.nodesReady(), metrics.nodes()));
            for (var w : metrics.workloads()) {
                line.append(String.format("  %s %d/%d%s err %.1f%% %.0fms", w.name(), w.ready(), w.desired(),
                        w.pending() > 0 ? " (" + w.pending() + " pending)" : "", 100 * w.errorRate(), w.latencyMs()));
            }
            out.line(line.toString());
        }

        @Override
        public void decided(dev.leviathan.engine.aegis.run.DecisionRecord decision) {
            out.line(String.format("tick %4d  decided %s %s (%.2f): %s", decision.tick(),
                    decision.decision().diagnosis().name().wireName(), decision.decision().diagnosis().subject(),
                    decision.decision().diagnosis().confidence(), String.join(", ", decision.receipts().stream()
                            .map(r -> RunJson.actionText(r)).toList())));
        }
    }
}
