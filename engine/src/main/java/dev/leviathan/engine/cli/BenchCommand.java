package dev.leviathan.engine.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.bench.StoreBenchmark;
import dev.leviathan.engine.event.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(mixinStandardHelpOptions = true, name = "bench", description = "Benchmarks that report ratios against a baseline run in the same process.",
        subcommands = {BenchCommand.Store.class})
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
}
