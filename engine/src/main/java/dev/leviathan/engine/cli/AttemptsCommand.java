package dev.leviathan.engine.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.dispatch.AttemptActions;
import dev.leviathan.engine.dispatch.AttemptLogs;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.NdjsonExport;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.govern.DecisionText;
import dev.leviathan.engine.graph.AttemptView;
import dev.leviathan.engine.graph.GraphProjection;
import dev.leviathan.engine.graph.NodeView;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "attempts", description = "List and inspect attempts.",
        subcommands = {AttemptsCommand.ListAttempts.class, AttemptsCommand.Show.class,
                AttemptsCommand.Failures.class, AttemptsCommand.Log.class, AttemptsCommand.Invalidate.class,
                AttemptsCommand.Retry.class})
final class AttemptsCommand extends GroupCommand {

    /** The statuses an attempt can be in, as the events name them. */
    enum AttemptStatus { created, started, succeeded, failed, invalidated }

    static ObjectNode toJson(AttemptView attempt) {
        ObjectNode json = Json.object();
        json.put("attempt_id", attempt.attemptId());
        json.put("target_id", attempt.targetId());
        json.put("task_id", attempt.taskId());
        json.put("status", attempt.status());
        json.put("reason", attempt.reason());
        json.put("created_at", attempt.createdAt());
        json.put("updated_at", attempt.updatedAt());
        return json;
    }

    static void printTable(List<AttemptView> attempts, Output out, String empty) {
        if (attempts.isEmpty()) {
            out.line(empty);
            return;
        }
        Output.Table table = new Output.Table("ATTEMPT", "TARGET", "TASK", "STATUS", "UPDATED", "REASON");
        attempts.forEach(a -> table.row(a.attemptId(), a.targetId(), a.taskId(), a.status(), a.updatedAt(),
                a.reason()));
        table.print(out);
    }

    @Command(mixinStandardHelpOptions = true, name = "list", description = "Attempts, newest first.")
    static final class ListAttempts extends LeafCommand {

        @Option(names = "--target", paramLabel = "NAME")
        String target;

        @Option(names = "--status", paramLabel = "STATUS", description = "created, started, succeeded, failed, invalidated")
        AttemptStatus status;

        @Option(names = "--limit", defaultValue = "50")
        int limit;

        ListAttempts(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            List<AttemptView> attempts = GraphProjection.rebuild(engine().store()).attempts(target,
                    status == null ? null : status.name(), Math.max(1, limit));
            if (global.json) {
                ArrayNode array = Json.MAPPER.createArrayNode();
                attempts.forEach(a -> array.add(toJson(a)));
                out().json(array);
            } else {
                printTable(attempts, out(), target == null && status == null ? "no attempts yet"
                        : "no attempts match" + (target == null ? "" : " --target " + target)
                                + (status == null ? "" : " --status " + status));
            }
            return ExitCode.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "failures", description = "The most recent failed attempts and why they failed.")
    static final class Failures extends LeafCommand {

        @Option(names = "--limit", defaultValue = "20")
        int limit;

        Failures(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            List<AttemptView> failures = GraphProjection.rebuild(engine().store()).recentFailures(Math.max(1, limit));
            if (global.json) {
                ArrayNode array = Json.MAPPER.createArrayNode();
                failures.forEach(a -> array.add(toJson(a)));
                out().json(array);
            } else {
                printTable(failures, out(), "no failed attempts");
            }
            return ExitCode.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "show", description = "One attempt with the timeline of its events.")
    static final class Show extends LeafCommand {

        @Parameters(paramLabel = "ATTEMPT_ID")
        String attemptId;

        Show(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            GraphProjection graph = GraphProjection.rebuild(engine().store());
            AttemptView attempt = graph.attempt(attemptId)
                    .orElseThrow(() -> CliException.notFound("no attempt '" + attemptId + "'; see: leviathanctl attempts list"));
            NodeView node = graph.node("attempt:" + attemptId).orElseThrow();
            List<StoredEvent> timeline = engine().store().readSeqs(node.eventSeqs());
            if (global.json) {
                ObjectNode json = toJson(attempt);
                ArrayNode events = json.putArray("timeline");
                timeline.forEach(e -> events.add(NdjsonExport.toJson(e)));
                out().json(json);
                return ExitCode.OK;
            }
            out().line("attempt " + attempt.attemptId() + " of task " + attempt.taskId() + " on " + attempt.targetId()
                    + ": " + attempt.status() + (attempt.reason() == null ? "" : " (" + attempt.reason() + ")"));
            Output.Table table = new Output.Table("SEQ", "TIME", "EVENT", "ACTOR", "PAYLOAD");
            timeline.forEach(e -> table.row(e.seq(), e.envelope().timestamp(), e.eventType(), e.envelope().actorId(),
                    e.payload().canonical()));
            table.print(out());
            return ExitCode.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "invalidate", description = {
            "Mark an attempt as not counting: not towards the task's retry limit, its backoff or the breaker."})
    static final class Invalidate extends LeafCommand {

        @Parameters(paramLabel = "ATTEMPT")
        String attemptId;

        @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "invalidated by the operator")
        String reason;

        Invalidate(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            AttemptActions.Invalidated done = actions(() -> engine().attemptActions().invalidate(attemptId, reason,
                    cli.operator()));
            out().line("invalidated " + done.attemptId() + " of " + done.taskId() + ": " + done.reason());
            return ExitCode.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "log", description = {
            "An attempt's worker log, secrets redacted: what it has written so far while it runs, its stored"
                    + " log once it has ended."})
    static final class Log extends LeafCommand {

        /** How often --follow looks for new lines. */
        static final long FOLLOW_POLL_MILLIS = 250;

        @Parameters(paramLabel = "ATTEMPT")
        String attemptId;

        @Option(names = {"-f", "--follow"}, description = "Keep printing lines as the worker writes them, until the"
                + " attempt ends.")
        boolean follow;

        Log(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            var logs = engine().attemptLogs();
            long offset = 0;
            while (true) {
                AttemptLogs.Chunk chunk;
                try {
                    chunk = logs.read(attemptId, offset);
                } catch (IllegalArgumentException e) {
                    throw CliException.notFound(e.getMessage());
                }
                chunk.lines().forEach(out()::line);
                boolean drained = chunk.next() == offset || chunk.lines().isEmpty();
                offset = chunk.next();
                if (drained) {
                    if (!follow || chunk.ended()) {
                        return ExitCode.OK;
                    }
                    try {
                        Thread.sleep(FOLLOW_POLL_MILLIS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return ExitCode.OK;
                    }
                }
            }
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "retry", description = {
            "Invalidate a failed attempt and dispatch its task again by hand (every guard but the kill switch)."})
    static final class Retry extends LeafCommand {

        @Parameters(paramLabel = "ATTEMPT")
        String attemptId;

        Retry(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            var result = actions(() -> engine().attemptActions().retry(attemptId, cli.operator())).dispatch();
            if (result.attempt().isEmpty()) {
                out().out().print(DecisionText.render(result.decision()));
                out().out().flush();
                return ExitCode.CONFLICT;
            }
            out().line(GovernCommands.attemptLine(result.attempt().get()));
            return result.attempt().get().status().equals("succeeded") ? ExitCode.OK : ExitCode.PROBLEMS;
        }
    }

    /** Runs an attempt action, turning why it does not apply into the CLI's exit codes. */
    private static <T> T actions(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (AttemptActions.AttemptActionException e) {
            throw new CliException(e.kind() == AttemptActions.AttemptActionException.Kind.NOT_FOUND
                    ? ExitCode.NOT_FOUND : ExitCode.CONFLICT, e.getMessage());
        }
    }
}
