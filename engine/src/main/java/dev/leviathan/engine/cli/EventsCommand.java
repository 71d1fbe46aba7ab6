package dev.leviathan.engine.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.event.ChainReport;
import dev.leviathan.engine.event.EventQuery;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.NdjsonExport;
import dev.leviathan.engine.event.NdjsonImport;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.event.Subscription;
import java.io.BufferedWriter;
import java.io.IOException;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "events", description = "Verify, export, import and tail the event store.",
        subcommands = {EventsCommand.Verify.class, EventsCommand.Export.class, EventsCommand.Import.class,
                EventsCommand.Tail.class})
final class EventsCommand extends GroupCommand {

    @Command(mixinStandardHelpOptions = true, name = "verify", description = {"Walk the hash chain and compare it with the head kept outside the",
            "database; names the first broken link. Exits 1 if the chain is broken."})
    static final class Verify extends LeafCommand {

        Verify(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            EventStore store = cli.engine(global, false).store();
            long started = System.nanoTime();
            ChainReport report = store.verify();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (global.json) {
                ObjectNode json = Json.object();
                json.put("store", store.description().kind().displayName() + " " + store.description().location());
                json.put("intact", report.intact());
                json.put("checked", report.checked());
                json.put("seconds", Math.round(seconds * 1000) / 1000.0);
                switch (report) {
                    case ChainReport.Intact intact -> {
                        json.put("head_seq", intact.head().seq());
                        json.put("head_hash", intact.head().hash());
                        json.put("head_file", intact.headCheck().name().toLowerCase(java.util.Locale.ROOT));
                        ArrayNode replaced = json.putArray("replaced_head_files");
                        intact.replacedHeadFiles().forEach(replaced::add);
                    }
                    case ChainReport.Broken broken -> {
                        json.put("broken_at_seq", broken.seq());
                        json.put("breakage", broken.breakage().code());
                        json.put("detail", broken.detail());
                    }
                }
                out().json(json);
            } else {
                out().line("store " + store.description().kind().displayName() + " " + store.description().location());
                out().line(report.summary() + String.format(" (%.2f s)", seconds));
            }
            return report.intact() ? ExitCode.OK : ExitCode.PROBLEMS;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "export", description = "Write events as NDJSON (one canonical JSON object per line).")
    static final class Export extends LeafCommand {

        @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: stdout).")
        Path file;

        @Option(names = "--after", paramLabel = "SEQ", defaultValue = "0", description = "Only events after SEQ.")
        long after;

        Export(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() throws IOException {
            EventStore store = engine().store();
            if (file == null) {
                long count = NdjsonExport.write(store, after, out().out());
                out().error("exported " + count + " event(s)");
                return ExitCode.OK;
            }
            Path absolute = file.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            // Written beside the target and renamed: an interrupted export leaves no half file.
            Path temp = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".part");
            long count;
            try {
                try (Writer writer = new BufferedWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8))) {
                    count = NdjsonExport.write(store, after, writer);
                }
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            if (global.json) {
                ObjectNode json = Json.object();
                json.put("file", absolute.toString());
                json.put("events", count);
                out().json(json);
            } else {
                out().line("exported " + count + " event(s) to " + absolute);
            }
            return ExitCode.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "import", description = {"Append events from NDJSON: a Leviathan export or the public Python",
            "Leviathan's events.ndjson. Every line is checked first; a file with a bad line imports nothing.",
            "Events already stored are skipped, so an import can be repeated."})
    static final class Import extends LeafCommand {

        @Parameters(paramLabel = "FILE")
        Path file;

        Import(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            if (!Files.isRegularFile(file)) {
                throw CliException.notFound(file + " does not exist or is not a file");
            }
            NdjsonImport.Report report = new NdjsonImport(engine().store()).importFile(file);
            if (global.json) {
                ObjectNode json = Json.object();
                json.put("file", file.toString());
                json.put("format", report.format().name().toLowerCase(java.util.Locale.ROOT));
                json.put("lines", report.lines());
                json.put("imported", report.imported());
                json.put("duplicates", report.duplicates());
                json.put("source_chain_intact", report.sourceChainIntact());
                ArrayNode problems = json.putArray("problems");
                report.problems().forEach(p -> problems.addObject().put("line", p.line()).put("message", p.message()));
                out().json(json);
            } else {
                report.problems().forEach(p -> out().line(p.render(file)));
                if (report.ok()) {
                    out().line("imported " + report.imported() + " event(s) from " + file + " ("
                            + report.format().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " format, "
                            + report.duplicates() + " already present, source chain "
                            + (report.sourceChainIntact() ? "intact" : "not checked") + ")");
                } else {
                    out().line(file + ": " + report.problems().size() + " bad line(s); nothing imported");
                }
            }
            return report.ok() ? ExitCode.OK : ExitCode.PROBLEMS;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "tail", description = "Print the latest events; with --follow, keep printing new ones.")
    static final class Tail extends LeafCommand {

        @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "20")
        int lines;

        @Option(names = "--type", paramLabel = "TYPE", description = "Only events of this type (repeatable).")
        List<String> types = new ArrayList<>();

        @Option(names = "--target", paramLabel = "NAME")
        String target;

        @Option(names = {"-f", "--follow"})
        boolean follow;

        Tail(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() throws InterruptedException {
            EventStore store = engine().store();
            EventQuery query = EventQuery.latest(Math.max(1, lines)).withTypes(Set.copyOf(types)).withTarget(target);
            List<StoredEvent> latest = new ArrayList<>(store.read(query));
            java.util.Collections.reverse(latest);
            if (global.json && !follow) {
                ArrayNode array = Json.MAPPER.createArrayNode();
                latest.forEach(e -> array.add(NdjsonExport.toJson(e)));
                out().json(array);
                return ExitCode.OK;
            }
            if (latest.isEmpty() && !follow) {
                out().line("no events" + (types.isEmpty() && target == null ? " yet" : " match the filter"));
                return ExitCode.OK;
            }
            if (!global.json) {
                out().line(String.format("%8s  %-30s  %-24s  %-16s  %-16s  %s", "SEQ", "TIME", "TYPE", "TARGET", "ACTOR",
                        "EVENT ID"));
            }
            latest.forEach(this::print);
            if (!follow) {
                return ExitCode.OK;
            }
            long after = store.head().seq();
            CountDownLatch forever = new CountDownLatch(1);
            try (Subscription ignored = store.subscribe(after, batch -> batch.stream()
                    .filter(e -> types.isEmpty() || types.contains(e.eventType()))
                    .filter(e -> target == null || target.equals(e.targetId()))
                    .forEach(this::print))) {
                forever.await();
            }
            return ExitCode.OK;
        }

        private void print(StoredEvent event) {
            if (global.json) {
                out().line(NdjsonExport.line(event));
                return;
            }
            out().line(String.format("%8d  %-30s  %-24s  %-16s  %-16s  %s", event.seq(), event.envelope().timestamp(),
                    event.eventType(), event.targetId() == null ? "-" : event.targetId(),
                    event.envelope().actorId() == null ? "-" : event.envelope().actorId(), event.eventId()));
        }
    }

}
