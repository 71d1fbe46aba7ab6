package dev.leviathan.engine.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.bench.AegisBenchmark;
import dev.leviathan.engine.bench.BootstrapBenchmark;
import dev.leviathan.engine.bench.ScheduleBenchmark;
import dev.leviathan.engine.bench.StoreBenchmark;
import dev.leviathan.engine.event.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(mixinStandardHelpOptions = true, name = "bench", description = "Benchmarks that report ratios against a baseline run in the same process.",
        subcommands = {BenchCommand.Store.class, BenchCommand.Bootstrap.class, BenchCommand.Schedule.class,
                BenchCommand.Aegis.class})
final class BenchCommand extends GroupCommand {

    @Command(mixinStandardHelpOptions = true, name = "store", description = {"Append N events in bundles to H2 (and PostgreSQL with --postgres),",
            "beside a raw JDBC batch insert of the same rows; then rebuild the projection and verify the chain."})
    static final class Store extends LeafCommand {

        @Option(names = "--events", defaultValue = "1000000")
        int events;

        @Option(names = "--bundle", defaultValue = "1000")
        int bundle;

        @Option(names = "--warmup", defaultValue = "50000", description = "Events appended first and discarded.")
        int warmup;

        @Option(names = "--postgres", paramLabel = "JDBC_URL",
                description = "Also benchmark this PostgreSQL (default: $LEVIATHAN_BENCH_PG_URL).")
        String postgres;

        @Option(names = "--no-h2", description = "Skip H2.")
        boolean noH2;

        @Option(names = "--dir", paramLabel = "DIR", description = "Scratch directory (default: the system temp).")
        Path dir;

        Store(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            Optional<String> pg = Optional.ofNullable(postgres != null ? postgres : cli.env.get("LEVIATHAN_BENCH_PG_URL"))
                    .filter(url -> !url.isBlank());
            if (noH2 && pg.isEmpty()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--no-h2 leaves nothing to measure: give --postgres JDBC_URL too");
            }
            Path scratch = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"));
            List<StoreBenchmark.BackendResult> results = new StoreBenchmark(line -> out().error(line))
                    .run(new StoreBenchmark.Options(events, bundle, warmup, scratch, !noH2, pg));
            if (global.json) {
                ArrayNode array = Json.MAPPER.createArrayNode();
                for (StoreBenchmark.BackendResult r : results) {
                    ObjectNode item = array.addObject();
                    item.put("backend", r.backend());
                    item.put("events", r.events());
                    item.put("raw_rows_per_second", Math.round(r.rawRowsPerSecond()));
                    item.put("append_events_per_second", Math.round(r.appendEventsPerSecond()));
                    item.put("append_ratio", Math.round(r.appendRatio() * 1000) / 1000.0);
                    item.put("rebuild_seconds", Math.round(r.rebuildSeconds() * 100) / 100.0);
                    item.put("verify_seconds", Math.round(r.verifySeconds() * 100) / 100.0);
                    item.put("chain_intact", r.chainIntact());
                }
                out().json(array);
            } else {
                Output.Table table = new Output.Table("BACKEND", "EVENTS", "RAW ROWS/S", "APPEND EV/S",
                        "RATIO (>=0.70)", "REBUILD S (<=10)", "VERIFY S (<=5)", "CHAIN");
                for (StoreBenchmark.BackendResult r : results) {
                    table.row(r.backend(), r.events(), Math.round(r.rawRowsPerSecond()),
                            Math.round(r.appendEventsPerSecond()), String.format("%.2f", r.appendRatio()),
                            String.format("%.2f", r.rebuildSeconds()), String.format("%.2f", r.verifySeconds()),
                            r.chainIntact() ? "intact" : "BROKEN");
                }
                table.print(out());
                if (pg.isEmpty()) {
                    out().line("(PostgreSQL skipped: pass --postgres JDBC_URL or set LEVIATHAN_BENCH_PG_URL)");
                }
            }
            return results.stream().allMatch(StoreBenchmark.BackendResult::chainIntact) ? ExitCode.OK
                    : ExitCode.PROBLEMS;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "bootstrap", description = {
            "Bootstrap one commit into a fresh embedded store, beside the floor of reading every blob of the",
            "commit through JGit and hashing it; optionally bootstrap a generated large repository in a",
            "child process limited to a heap size."})
    static final class Bootstrap extends LeafCommand {

        @Option(names = "--repo", paramLabel = "PATH", description = "A git repository (default: a generated one).")
        Path repo;

        @Option(names = "--ref", paramLabel = "REF", defaultValue = "HEAD")
        String ref;

        @Option(names = "--synthetic", paramLabel = "FILES", defaultValue = "3000",
                description = "Files of the generated repository when no --repo is given.")
        int synthetic;

        @Option(names = "--fastapi-shape",
                description = "Generate the repository in the FastAPI repository's proportions (apps, tests, pages).")
        boolean fastapiShape;

        @Option(names = "--rounds", defaultValue = "3", description = "Measured rounds (the median is reported).")
        int rounds;

        @Option(names = "--heap-check", paramLabel = "FILES", defaultValue = "0",
                description = "Also bootstrap a generated repository of FILES files with a limited heap.")
        int heapCheck;

        @Option(names = "--heap-mib", defaultValue = "2048", description = "The heap limit of the heap check.")
        int heapMib;

        @Option(names = "--dir", paramLabel = "DIR", description = "Scratch directory (default: the system temp).")
        Path dir;

        Bootstrap(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            if (rounds < 1) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--rounds must be at least 1");
            }
            Path scratch = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"));
            BootstrapBenchmark.Result r = new BootstrapBenchmark(line -> out().error(line)).run(
                    new BootstrapBenchmark.Options(Optional.ofNullable(repo), ref, synthetic, fastapiShape, rounds, scratch,
                            heapCheck,
                            heapMib));
            if (global.json) {
                ObjectNode json = Json.object();
                json.put("repository", r.repository());
                json.put("commit", r.commit());
                json.put("files", r.files());
                json.put("blobs", r.blobs());
                json.put("bytes", r.bytes());
                json.put("events", r.events());
                json.put("floor_seconds", Math.round(r.floorSeconds() * 1000) / 1000.0);
                json.put("parallel_floor_seconds", Math.round(r.parallelFloorSeconds() * 1000) / 1000.0);
                json.put("bootstrap_seconds", Math.round(r.bootstrapSeconds() * 1000) / 1000.0);
                json.put("ratio", Math.round(r.ratio() * 100) / 100.0);
                ObjectNode phases = json.putObject("phases_ms");
                r.phases().forEach(phases::put);
                r.heapCheck().ifPresent(h -> json.putObject("heap_check").put("files", h.files())
                        .put("heap_limit_mib", h.heapLimitMib()).put("succeeded", h.succeeded())
                        .put("peak_heap_mib", h.peakHeapMib()).put("seconds", Math.round(h.seconds() * 100) / 100.0));
                out().json(json);
            } else {
                Output.Table table = new Output.Table("REPOSITORY", "FILES", "MB", "EVENTS", "FLOOR S",
                        "FLOOR S (" + Runtime.getRuntime().availableProcessors() + " THREADS)", "BOOTSTRAP S",
                        "RATIO (<=2.0)");
                table.row(r.repository(), r.files(), String.format("%.1f", r.bytes() / 1e6), r.events(),
                        String.format("%.3f", r.floorSeconds()), String.format("%.3f", r.parallelFloorSeconds()),
                        String.format("%.3f", r.bootstrapSeconds()), String.format("%.2f", r.ratio()));
                table.print(out());
                out().line("phases of the last round (ms): " + String.join(", ", r.phases().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).toList()));
                r.heapCheck().ifPresent(h -> out().line(String.format(
                        "heap check: %,d files with -Xmx%dm %s in %.1f s, peak heap %d MiB", h.files(),
                        h.heapLimitMib(), h.succeeded() ? "succeeded" : "FAILED", h.seconds(), h.peakHeapMib())));
            }
            boolean heapOk = r.heapCheck().map(BootstrapBenchmark.HeapCheck::succeeded).orElse(true);
            if (!heapOk) {
                out().error(r.heapCheck().get().output());
            }
            return heapOk ? ExitCode.OK : ExitCode.PROBLEMS;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "schedule", description = {
            "One scheduler decision over a generated backlog of --tasks tasks with --events events of history,",
            "against a baseline pass over the same tasks in the same process."})
    static final class Schedule extends LeafCommand {

        @Option(names = "--tasks", defaultValue = "10000")
        int tasks;

        @Option(names = "--events", defaultValue = "1000000")
        int events;

        @Option(names = "--rounds", defaultValue = "60")
        int rounds;

        Schedule(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            ScheduleBenchmark.Options defaults = ScheduleBenchmark.Options.defaults();
            ScheduleBenchmark.Result result = new ScheduleBenchmark(line -> out().error(line)).run(
                    new ScheduleBenchmark.Options(tasks, events, defaults.warmups(), rounds, defaults.seed()));
            if (global.json) {
                ObjectNode json = Json.object();
                json.put("tasks", result.tasks());
                json.put("events", result.events());
                json.put("target_events", result.targetEvents());
                json.put("build_seconds", result.buildSeconds());
                json.put("decision_ms", result.decisionMillis());
                json.put("decision_p90_ms", result.decisionP90Millis());
                json.put("baseline_ms", result.baselineMillis());
                json.put("ratio", Math.round(result.ratio() * 100) / 100.0);
                json.put("within_target", result.withinTarget());
                out().json(json);
            } else {
                result.lines().forEach(out()::line);
            }
            return result.withinTarget() ? ExitCode.OK : ExitCode.PROBLEMS;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "aegis", description = {
            "The AEGIS-K8s simulator single-threaded at 100 nodes / 2,000 pods and 1,000 nodes / 20,000 pods, beside",
            "a pass over as many pod fields; fork() time and bytes beside cloning as many bytes; 40 futures",
            "of 60 ticks from one state on one thread and on every core."})
    static final class Aegis extends LeafCommand {

        @Option(names = "--rounds", defaultValue = "1", description = "Scales how long each figure is measured.")
        int rounds;

        Aegis(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            if (rounds < 1) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--rounds must be at least 1");
            }
            AegisBenchmark.Result r = new AegisBenchmark(line -> out().error(line)).run(rounds);
            if (global.json) {
                ObjectNode json = Json.object();
                for (AegisBenchmark.TickFigure t : List.of(r.small(), r.large())) {
                    json.putObject(t.nodes() + "_nodes").put("pods", t.pods())
                            .put("ticks_per_second", Math.round(t.ticksPerSecond()))
                            .put("baseline_passes_per_second", Math.round(t.baselinePassesPerSecond()))
                            .put("ratio", Math.round(t.ratio() * 100) / 100.0).put("within_target", t.within());
                }
                json.putObject("fork").put("micros", Math.round(r.fork().micros() * 10) / 10.0)
                        .put("bytes", Math.round(r.fork().bytes())).put("baseline_micros",
                                Math.round(r.fork().baselineMicros() * 10) / 10.0).put("within_target", r.fork().within());
                json.putObject("futures").put("threads", r.futures().threads())
                        .put("one_thread_ms", Math.round(r.futures().oneThreadMillis()))
                        .put("all_threads_ms", Math.round(r.futures().allThreadsMillis()))
                        .put("same_answer", r.futures().sameAnswer()).put("within_target", r.futures().within());
                json.put("within_target", r.within());
                out().json(json);
            } else {
                r.lines().forEach(out()::line);
            }
            return r.within() ? ExitCode.OK : ExitCode.PROBLEMS;
        }
    }
}
