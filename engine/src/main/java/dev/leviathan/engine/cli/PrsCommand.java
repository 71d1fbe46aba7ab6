package dev.leviathan.engine.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.execute.forge.ForgeException;
import dev.leviathan.engine.execute.forge.PullRequest;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "prs", description = "Review, merge and close pull requests.",
        subcommands = {PrsCommand.ListPrs.class, PrsCommand.Show.class, PrsCommand.Diff.class, PrsCommand.Merge.class,
                PrsCommand.Close.class})
final class PrsCommand extends GroupCommand {

    static ObjectNode toJson(PullRequest pr) {
        ObjectNode json = Json.object();
        json.put("id", pr.id());
        json.put("target", pr.targetId());
        json.put("task", pr.taskId());
        json.put("attempt", pr.attemptId());
        json.put("state", pr.state().wire());
        json.put("title", pr.title());
        json.put("branch", pr.branch());
        json.put("base_branch", pr.baseBranch());
        json.put("base_commit", pr.baseCommit());
        json.put("head_commit", pr.headCommit());
        json.put("created_at", pr.createdAt().toString());
        json.put("merge_commit", pr.mergeCommit());
        json.put("closed_reason", pr.closedReason());
        json.put("body", pr.body());
        return json;
    }

    /** Forge failures as CLI failures with the exit code their kind means. */
    static <T> T forge(Supplier<T> action) {
        try {
            return action.get();
        } catch (ForgeException e) {
            throw new CliException(switch (e.kind()) {
                case NOT_FOUND -> ExitCode.NOT_FOUND;
                case CONFLICT -> ExitCode.CONFLICT;
                case UNAVAILABLE -> ExitCode.UNAVAILABLE;
            }, e.getMessage());
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "list", description = "Pull requests, newest first.")
    static final class ListPrs extends LeafCommand {

        @Option(names = "--target", paramLabel = "NAME")
        String target;

        @Option(names = "--state", paramLabel = "STATE", description = "open, merged, closed")
        PullRequest.State state;

        ListPrs(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            List<PullRequest> prs = engine().forge().list(target).reversed().stream()
                    .filter(pr -> state == null || pr.state() == state).toList();
            if (global.json) {
                ArrayNode array = Json.MAPPER.createArrayNode();
                prs.forEach(pr -> array.add(toJson(pr)));
                out().json(array);
                return ExitCode.OK;
            }
            if (prs.isEmpty()) {
                out().line("no pull requests" + (state == null ? "" : " " + state.wire())
                        + "; a worker opens one when an attempt succeeds");
                return ExitCode.OK;
            }
            Output.Table table = new Output.Table("ID", "TARGET", "TASK", "STATE", "BRANCH", "TITLE");
            prs.forEach(pr -> table.row(pr.id(), pr.targetId(), pr.taskId(), pr.state().wire(), pr.branch(),
                    pr.title()));
            table.print(out());
            return ExitCode.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "show", description = "One pull request with its description.")
    static final class Show extends LeafCommand {

        @Parameters(paramLabel = "ID")
        String id;

        Show(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            PullRequest pr = forge(() -> engine().forge().find(id));
            if (global.json) {
                out().json(toJson(pr));
                return ExitCode.OK;
            }
            out().line(pr.id() + "  " + pr.state().wire() + "  " + pr.title());
            out().line("target " + pr.targetId() + ", task " + pr.taskId() + ", attempt " + pr.attemptId());
            out().line(pr.branch() + " → " + pr.baseBranch() + " (from " + pr.baseCommit().substring(0, 12) + ", head "
                    + pr.headCommit().substring(0, 12) + ")");
            if (pr.mergeCommit() != null) {
                out().line("merged as " + pr.mergeCommit());
            }
            if (pr.closedReason() != null) {
                out().line("closed: " + pr.closedReason());
            }
            out().line("");
            out().line(pr.body());
            return ExitCode.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "diff", description = "The pull request's change as a unified diff.")
    static final class Diff extends LeafCommand {

        @Parameters(paramLabel = "ID")
        String id;

        Diff(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            String diff = forge(() -> engine().forge().diff(id));
            out().out().print(diff);
            out().out().flush();
            return ExitCode.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "merge",
            description = "Merge the branch into its base branch (a real git merge); the task is then completed.")
    static final class Merge extends LeafCommand {

        @Parameters(paramLabel = "ID")
        String id;

        Merge(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            PullRequest pr = forge(() -> engine().forge().merge(id, cli.operator()));
            if (global.json) {
                out().json(toJson(pr));
            } else {
                out().line("merged " + pr.id() + " into " + pr.baseBranch() + " as " + pr.mergeCommit().substring(0, 12)
                        + "; task " + pr.taskId() + " is completed");
            }
            return ExitCode.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "close", description = "Close without merging; the branch stays.")
    static final class Close extends LeafCommand {

        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--reason", paramLabel = "TEXT")
        String reason;

        Close(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            PullRequest pr = forge(() -> engine().forge().close(id, cli.operator(), reason));
            if (global.json) {
                out().json(toJson(pr));
            } else {
                out().line("closed " + pr.id() + ": " + pr.closedReason());
            }
            return ExitCode.OK;
        }
    }
}
