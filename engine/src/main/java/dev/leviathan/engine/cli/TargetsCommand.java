package dev.leviathan.engine.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.graph.GraphProjection;
import dev.leviathan.engine.graph.NodeView;
import dev.leviathan.engine.target.RegisterTargetRequest;
import dev.leviathan.engine.target.RegisteredTarget;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "targets", description = "Register and inspect target repositories.",
        subcommands = {TargetsCommand.Add.class, TargetsCommand.ListTargets.class, TargetsCommand.Show.class})
final class TargetsCommand extends GroupCommand {

    static ObjectNode toJson(RegisteredTarget target) {
        ObjectNode node = Json.object();
        node.put("id", target.id());
        node.put("repo", target.repo());
        node.put("kind", target.kind().wire());
        node.put("default_branch", target.defaultBranch());
        node.put("registered_at", target.registeredAt().toString());
        node.put("registered_by", target.registeredBy());
        node.put("seq", target.seq());
        return node;
    }

    @Command(mixinStandardHelpOptions = true, name = "add", description = "Register a repository (a local path or a git URL).")
    static final class Add extends LeafCommand {

        @Parameters(paramLabel = "REPO", description = "Local path to a git repository, or a git URL.")
        String repo;

        @Option(names = "--name", paramLabel = "NAME", description = "Target name (default: from the repository).")
        String name;

        @Option(names = "--branch", paramLabel = "BRANCH",
                description = "Default branch (default: the repository's current branch, or main).")
        String branch;

        Add(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            RegisteredTarget target = engine().targets().register(
                    new RegisterTargetRequest(name, repo, branch, cli.operator()));
            if (global.json) {
                out().json(toJson(target));
            } else {
                out().line("registered " + target.id() + ": " + target.repo() + " (" + target.kind().wire()
                        + ", branch " + target.defaultBranch() + ")");
            }
            return ExitCode.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "list", description = "List registered targets.")
    static final class ListTargets extends LeafCommand {

        ListTargets(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            List<RegisteredTarget> targets = engine().targets().list();
            if (global.json) {
                ArrayNode array = Json.MAPPER.createArrayNode();
                targets.forEach(t -> array.add(toJson(t)));
                out().json(array);
                return ExitCode.OK;
            }
            if (targets.isEmpty()) {
                out().line("no targets registered; add one with: leviathanctl targets add PATH_OR_URL");
                return ExitCode.OK;
            }
            Output.Table table = new Output.Table("NAME", "KIND", "BRANCH", "REGISTERED", "REPO");
            targets.forEach(t -> table.row(t.id(), t.kind().wire(), t.defaultBranch(), t.registeredAt(), t.repo()));
            table.print(out());
            return ExitCode.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "show", description = "Show one target and what the graph knows of it.")
    static final class Show extends LeafCommand {

        @Parameters(paramLabel = "NAME")
        String name;

        Show(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            RegisteredTarget target = engine().targets().find(name)
                    .orElseThrow(() -> CliException.notFound("no target named '" + name
                            + "'; see: leviathanctl targets list"));
            GraphProjection graph = GraphProjection.rebuild(engine().store());
            Map<String, Integer> byType = new TreeMap<>();
            for (var type : dev.leviathan.engine.graph.NodeType.values()) {
                int count = (int) graph.nodesOfType(type, Integer.MAX_VALUE).stream()
                        .filter(n -> name.equals(n.targetId())).count();
                if (count > 0) {
                    byType.put(type.label(), count);
                }
            }
            NodeView node = graph.node("target:" + name).orElse(null);
            if (global.json) {
                ObjectNode json = toJson(target);
                ObjectNode counts = json.putObject("nodes_by_type");
                byType.forEach(counts::put);
                json.put("events", node == null ? 0 : node.eventSeqs().size());
                out().json(json);
                return ExitCode.OK;
            }
            out().line("target     " + target.id());
            out().line("repo       " + target.repo() + " (" + target.kind().wire() + ")");
            out().line("branch     " + target.defaultBranch());
            out().line("registered " + target.registeredAt() + " by " + target.registeredBy() + " (seq "
                    + target.seq() + ")");
            out().line("graph      " + (byType.isEmpty() ? "nothing yet" : String.join(", ", byType.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey()).toList())));
            return ExitCode.OK;
        }
    }
}
