package dev.leviathan.engine.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.target.Backlog;
import dev.leviathan.engine.target.Problem;
import dev.leviathan.engine.target.RegisteredTarget;
import dev.leviathan.engine.target.Task;
import dev.leviathan.engine.target.TargetFiles;
import dev.leviathan.engine.target.TargetRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "backlog", description = "Validate and show backlogs (.leviathan/backlog.yaml).",
        subcommands = {BacklogCommand.Validate.class, BacklogCommand.Show.class})
final class BacklogCommand extends GroupCommand {

    /** Which target file a path holds. */
    enum Kind {
        backlog, policy, contract, autonomy, target;

        static Kind guess(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.startsWith("policy")) {
                return policy;
            }
            if (name.startsWith("contract")) {
                return contract;
            }
            if (name.startsWith("dev.") || name.contains("autonomy")) {
                return autonomy;
            }
            return backlog;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "validate", description = {"Check a backlog (or policy, contract, autonomy config) file.",
            "Prints every problem as FILE:LINE:COLUMN: error: FIELD.PATH: MESSAGE (hint: …);"
                    + " exits 1 if there is any error."})
    static final class Validate extends LeafCommand {

        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--kind", paramLabel = "KIND",
                description = "backlog, policy, contract, autonomy or target (default: from the file name).")
        Kind kind;

        Validate(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            if (!Files.isRegularFile(file)) {
                throw CliException.notFound(file + " does not exist or is not a file");
            }
            Kind chosen = kind != null ? kind : Kind.guess(file);
            List<Problem> problems = validate(chosen, file);
            long errors = problems.stream().filter(Problem::isError).count();
            long warnings = problems.size() - errors;
            if (global.json) {
                ObjectNode json = Json.object();
                json.put("file", file.toString());
                json.put("kind", chosen.name());
                json.put("valid", errors == 0);
                ArrayNode array = json.putArray("problems");
                for (Problem p : problems) {
                    ObjectNode item = array.addObject();
                    item.put("severity", p.severity().name().toLowerCase(Locale.ROOT));
                    item.put("line", p.line());
                    item.put("column", p.column());
                    item.put("field", p.fieldPath());
                    item.put("message", p.message());
                    item.put("hint", p.hint());
                }
                out().json(json);
            } else {
                problems.forEach(p -> out().line(p.render()));
                out().line(file + ": " + (errors == 0 ? "valid " + chosen : errors + " error(s)")
                        + (warnings > 0 ? ", " + warnings + " warning(s)" : ""));
            }
            return errors == 0 ? ExitCode.OK : ExitCode.PROBLEMS;
        }

        private static List<Problem> validate(Kind kind, Path file) {
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                throw new CliException(ExitCode.UNAVAILABLE, "cannot read " + file + ": " + e.getMessage());
            }
            if (size > TargetFiles.MAX_FILE_BYTES) {
                return List.of(new Problem(file.toString(), 1, 1, "", "the file has " + size
                        + " bytes; the limit is " + TargetFiles.MAX_FILE_BYTES, "split it or remove what is unused",
                        Problem.Severity.ERROR));
            }
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new CliException(ExitCode.UNAVAILABLE, "cannot read " + file + ": " + e.getMessage());
            }
            String name = file.toString();
            return switch (kind) {
                case backlog -> TargetFiles.validateBacklog(name, content);
                case policy -> TargetFiles.validatePolicy(name, content);
                case contract -> TargetFiles.validateContract(name, content);
                case autonomy -> TargetFiles.validateAutonomyConfig(name, content);
                case target -> TargetFiles.validateTargetConfig(name, content);
            };
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "show", description = "Show a target's backlog as of a commit (default: its branch tip).")
    static final class Show extends LeafCommand {

        @Option(names = "--target", required = true, paramLabel = "NAME")
        String target;

        @Option(names = "--ref", paramLabel = "REF", description = "Branch, tag or commit (default: default branch).")
        String ref;

        Show(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            RegisteredTarget registered = engine().targets().find(target)
                    .orElseThrow(() -> CliException.notFound("no target named '" + target
                            + "'; see: leviathanctl targets list"));
            try (TargetRepository repository = TargetRepository.open(registered, engine().home())) {
                var file = repository.read(ref, TargetFiles.BACKLOG_FILE).orElseThrow(() -> CliException.notFound(
                        registered.id() + " has no " + TargetFiles.BACKLOG_FILE + " at " + (ref == null
                                ? registered.defaultBranch() : ref)));
                String label = TargetFiles.BACKLOG_FILE + "@" + file.commit().substring(0, 12);
                Backlog backlog = TargetFiles.loadBacklog(label, file.content());
                backlog.warnings().forEach(w -> out().error(w.render()));
                if (global.json) {
                    ObjectNode json = Json.object();
                    json.put("target", registered.id());
                    json.put("commit", file.commit());
                    ArrayNode tasks = json.putArray("tasks");
                    backlog.tasks().forEach(task -> tasks.add(taskJson(task)));
                    out().json(json);
                    return ExitCode.OK;
                }
                out().line(registered.id() + " backlog at " + file.commit().substring(0, 12) + ": "
                        + backlog.tasks().size() + " task(s)");
                Output.Table table = new Output.Table("ID", "PRIORITY", "READY", "STATUS", "DEPENDS ON", "PATHS",
                        "TITLE");
                for (Task task : backlog.tasks()) {
                    table.row(task.id(), task.priority().word(), task.ready() ? "yes" : "no", task.status().word(),
                            task.dependencies().isEmpty() ? "-" : String.join(",", task.dependencies()),
                            task.allowedPaths().isEmpty() ? "-" : String.join(",",
                                    task.allowedPaths().stream().map(Object::toString).toList()),
                            task.title());
                }
                table.print(out());
                return ExitCode.OK;
            }
        }

        private static ObjectNode taskJson(Task task) {
            ObjectNode node = Json.object();
            node.put("id", task.id());
            node.put("title", task.title());
            node.put("priority", task.priority().word());
            node.put("ready", task.ready());
            node.put("status", task.status().word());
            node.put("scope", task.scope().orElse(null));
            ArrayNode deps = node.putArray("dependencies");
            task.dependencies().forEach(deps::add);
            ArrayNode paths = node.putArray("allowed_paths");
            task.allowedPaths().forEach(p -> paths.add(p.toString()));
            node.put("content_hash", task.contentHash());
            return node;
        }
    }
}
