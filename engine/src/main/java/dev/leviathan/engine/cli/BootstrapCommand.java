package dev.leviathan.engine.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.bootstrap.BootstrapCounts;
import dev.leviathan.engine.bootstrap.BootstrapException;
import dev.leviathan.engine.bootstrap.BootstrapProgress;
import dev.leviathan.engine.bootstrap.BootstrapRequest;
import dev.leviathan.engine.bootstrap.BootstrapResult;
import dev.leviathan.engine.event.Json;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "bootstrap",
        description = {"Learn a target's commit: files, docs, CI workflows and API routes become facts, events and",
                "artifacts, deterministically (no model involved). A commit already bootstrapped is left as it is;",
                "a later commit of a bootstrapped target records only what changed."})
final class BootstrapCommand extends LeafCommand {

    @Parameters(paramLabel = "TARGET", description = "The registered target.")
    String target;

    @Option(names = "--ref", paramLabel = "REF", description = "Branch, tag or commit (default: the target's branch).")
    String ref;

    @Option(names = "--full", description = "Read the whole commit even if an ancestor is bootstrapped.")
    boolean full;

    BootstrapCommand(Cli cli) {
        super(cli);
    }

    @Override
    protected Integer execute() {
        BootstrapProgress progress = System.console() != null && !global.json ? new TerminalProgress(out())
                : BootstrapProgress.NONE;
        BootstrapResult result;
        try {
            result = engine().bootstrapper().bootstrap(new BootstrapRequest(target, ref, cli.operator(), full,
                    progress, () -> Thread.currentThread().isInterrupted()));
        } catch (BootstrapException e) {
            throw new CliException(switch (e.kind()) {
                case NOT_FOUND -> ExitCode.NOT_FOUND;
                case UNAVAILABLE -> ExitCode.UNAVAILABLE;
                case INVALID, FAILED -> ExitCode.PROBLEMS;
                case CONFLICT -> ExitCode.CONFLICT;
            }, e.getMessage());
        }
        if (progress instanceof TerminalProgress terminal) {
            terminal.done();
        }
        if (global.json) {
            out().json(toJson(result));
        } else {
            print(result);
        }
        return ExitCode.OK;
    }

    static ObjectNode toJson(BootstrapResult result) {
        ObjectNode node = Json.object();
        node.put("target", result.targetId());
        node.put("commit", result.commit());
        node.put("mode", result.mode().wire());
        node.put("base_commit", result.baseCommit());
        node.set("counts", result.counts().toJson());
        node.set("emitted", Json.MAPPER.valueToTree(result.emitted()));
        node.set("artifacts", Json.MAPPER.valueToTree(result.artifacts()));
        node.put("first_seq", result.firstSeq());
        node.put("last_seq", result.lastSeq());
        node.put("seconds", Math.round(result.duration().toMillis()) / 1000.0);
        return node;
    }

    private void print(BootstrapResult result) {
        BootstrapCounts counts = result.counts();
        String how = switch (result.mode()) {
            case FULL -> "full";
            case INCREMENTAL -> "incremental since " + result.baseCommit().substring(0, 12);
            case UNCHANGED -> "already bootstrapped, nothing recorded";
        };
        out().line("bootstrapped " + result.targetId() + " at " + result.commit().substring(0, 12) + " (" + how
                + ") in " + String.format(Locale.ROOT, "%.2f", result.duration().toMillis() / 1000.0) + " s");
        out().line(String.format(Locale.ROOT, "  files      %,d (%s)%s%s", counts.files(), size(counts.sizeBytes()),
                counts.binary() > 0 ? String.format(Locale.ROOT, ", %,d binary", counts.binary()) : "",
                counts.excluded() > 0 ? String.format(Locale.ROOT, ", %,d excluded", counts.excluded()) : ""));
        out().line("  by type    " + top(counts.byType(), 10));
        if (!counts.byLanguage().isEmpty()) {
            out().line("  languages  " + top(counts.byLanguage(), 10));
        }
        out().line(String.format(Locale.ROOT, "  docs       %,d", counts.docs()));
        out().line(String.format(Locale.ROOT, "  workflows  %,d%s", counts.workflows(),
                counts.malformedWorkflows() > 0 ? " (" + counts.malformedWorkflows() + " malformed)" : ""));
        out().line(String.format(Locale.ROOT, "  routes     %,d%s%s", counts.routes(),
                counts.routesByFramework().isEmpty() ? "" : ": " + top(counts.routesByFramework(), 20),
                counts.unresolvedRoutes() > 0 ? " (" + counts.unresolvedRoutes() + " not fully resolved)" : ""));
        if (result.firstSeq() > 0) {
            out().line("  recorded   seq " + result.firstSeq() + ".." + result.lastSeq() + ": "
                    + result.emitted().entrySet().stream().map(e -> String.format(Locale.ROOT, "%,d %s", e.getValue(),
                            e.getKey())).collect(Collectors.joining(", ")));
        }
        result.artifacts().forEach((name, sha) -> out().line("  artifact   " + name + " " + sha.substring(0, 12)));
    }

    private static String top(Map<String, Integer> counts, int limit) {
        String shown = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
        return counts.size() > limit ? shown + ", … (" + (counts.size() - limit) + " more)" : shown;
    }

    private static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    /** One self-overwriting line on stderr while the bootstrap runs. */
    private static final class TerminalProgress implements BootstrapProgress {

        private final Output out;
        private volatile String phase = "";

        TerminalProgress(Output out) {
            this.out = out;
        }

        @Override
        public void phase(String description) {
            phase = description;
            show(description);
        }

        @Override
        public void files(int done, int total) {
            show(String.format(Locale.ROOT, "%s: %,d/%,d", phase, done, total));
        }

        private synchronized void show(String text) {
            out.progress("\r\033[K" + text);
        }

        void done() {
            out.progress("\r\033[K");
        }
    }
}
