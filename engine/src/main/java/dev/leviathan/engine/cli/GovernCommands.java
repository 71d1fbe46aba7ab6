package dev.leviathan.engine.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.Engine;
import dev.leviathan.engine.dispatch.DispatchService;
import dev.leviathan.engine.dispatch.TargetInputs;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.execute.Worker;
import dev.leviathan.engine.govern.ApprovalException;
import dev.leviathan.engine.govern.ApprovalResult;
import dev.leviathan.engine.govern.Approvals;
import dev.leviathan.engine.govern.AutonomyChange;
import dev.leviathan.engine.govern.AutonomyStatus;
import dev.leviathan.engine.govern.AutonomySwitch;
import dev.leviathan.engine.govern.CircuitBreaker;
import dev.leviathan.engine.govern.DecisionJson;
import dev.leviathan.engine.govern.DecisionText;
import dev.leviathan.engine.govern.GovernanceStates;
import dev.leviathan.engine.govern.ScheduleDecision;
import dev.leviathan.engine.govern.SchedulingMode;
import dev.leviathan.engine.target.RegisteredTarget;
import dev.leviathan.engine.target.Task;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The commands of governed execution: approvals, the kill switch, the breaker, decisions, dispatch. */
final class GovernCommands {

    private GovernCommands() {
    }

    static RegisteredTarget target(Engine engine, String name) {
        return engine.targets().find(name).orElseThrow(() -> CliException.notFound("no target named '" + name
                + "'; see: leviathanctl targets list"));
    }

    static TargetInputs inputs(Engine engine, String name) {
        return TargetInputs.read(target(engine, name), engine.home());
    }

    static Task task(TargetInputs inputs, String taskId) {
        return inputs.backlog().task(taskId).orElseThrow(() -> CliException.notFound("no task '" + taskId
                + "' in the backlog of " + inputs.target().id() + " at " + inputs.commit().substring(0, 12)
                + "; see: leviathanctl backlog show --target " + inputs.target().id()));
    }

    @Command(mixinStandardHelpOptions = true, name = "approve",
            description = "Approve a task as it is now: the approval is for its content hash.")
    static final class Approve extends LeafCommand {

        @Parameters(paramLabel = "TASK")
        String taskId;

        @Option(names = "--target", required = true, paramLabel = "TARGET")
        String target;

        Approve(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            TargetInputs inputs = inputs(engine(), target);
            Task task = task(inputs, taskId);
            ApprovalResult result = new Approvals(engine().store(), engine().clock()).approve(target, task,
                    inputs.commit(), cli.operator());
            if (global.json) {
                ObjectNode json = Json.object();
                json.put("task", taskId);
                json.put("approval_id", result.approval().approvalId());
                json.put("content_hash", result.approval().contentHash());
                json.put("commit", inputs.commit());
                json.put("already_approved", result.alreadyApproved());
                out().json(json);
            } else {
                out().line((result.alreadyApproved() ? "already approved " : "approved ") + taskId + " of " + target
                        + ": content " + result.approval().contentHash().substring(0, 12) + " at backlog commit "
                        + inputs.commit().substring(0, 12) + " (" + result.approval().approvalId() + ")");
            }
            return ExitCode.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "revoke", description = "Revoke a task's approval.")
    static final class Revoke extends LeafCommand {

        @Parameters(paramLabel = "TASK")
        String taskId;

        @Option(names = "--target", required = true, paramLabel = "TARGET")
        String target;

        @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "revoked by the operator")
        String reason;

        Revoke(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            target(engine(), target);
            try {
                var approval = new Approvals(engine().store(), engine().clock()).revoke(target, taskId, cli.operator(),
                        reason);
                out().line("revoked the approval " + approval.approvalId() + " of " + taskId + ": " + reason);
                return ExitCode.OK;
            } catch (ApprovalException e) {
                throw new CliException(ExitCode.CONFLICT, e.getMessage());
            }
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "autonomy",
            description = "The kill switch of a target's governed autonomy.",
            subcommands = {Autonomy.Enable.class, Autonomy.Disable.class, Autonomy.Stop.class, Autonomy.Status.class})
    static final class Autonomy extends GroupCommand {

        @Command(mixinStandardHelpOptions = true, name = "enable", description = "Let the governor dispatch on its own.")
        static final class Enable extends LeafCommand {
            @Option(names = "--target", required = true, paramLabel = "TARGET")
            String target;

            @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "enabled by the operator")
            String reason;

            Enable(Cli cli) {
                super(cli);
            }

            @Override
            protected Integer execute() {
                target(engine(), target);
                AutonomyChange change = new AutonomySwitch(engine().store(), engine().clock()).enable(target,
                        cli.operator(), reason);
                out().line("autonomy of " + target + " enabled (seq " + change.seq() + ")");
                return ExitCode.OK;
            }
        }

        @Command(mixinStandardHelpOptions = true, name = "disable",
                description = "Stop the governor dispatching; effective before its next decision.")
        static final class Disable extends LeafCommand {
            @Option(names = "--target", required = true, paramLabel = "TARGET")
            String target;

            @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "disabled by the operator")
            String reason;

            Disable(Cli cli) {
                super(cli);
            }

            @Override
            protected Integer execute() {
                target(engine(), target);
                AutonomyChange change = new AutonomySwitch(engine().store(), engine().clock()).disable(target,
                        cli.operator(), reason, false);
                out().line("autonomy of " + target + " disabled (seq " + change.seq() + ")");
                return ExitCode.OK;
            }
        }

        @Command(mixinStandardHelpOptions = true, name = "stop",
                description = "Emergency stop: disable autonomy and cancel the target's running workers.")
        static final class Stop extends LeafCommand {
            @Option(names = "--target", required = true, paramLabel = "TARGET")
            String target;

            @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "emergency stop")
            String reason;

            Stop(Cli cli) {
                super(cli);
            }

            @Override
            protected Integer execute() {
                target(engine(), target);
                AutonomyChange change = new AutonomySwitch(engine().store(), engine().clock()).disable(target,
                        cli.operator(), reason, true);
                out().line("emergency stop of " + target + " recorded (seq " + change.seq() + "): autonomy is off and"
                        + " running workers stop within a second");
                return ExitCode.OK;
            }
        }

        @Command(mixinStandardHelpOptions = true, name = "status", description = "Whether autonomy is on, and why.")
        static final class Status extends LeafCommand {
            @Option(names = "--target", required = true, paramLabel = "TARGET")
            String target;

            Status(Cli cli) {
                super(cli);
            }

            @Override
            protected Integer execute() {
                TargetInputs inputs = inputs(engine(), target);
                AutonomyStatus status = AutonomyStatus.of(new GovernanceStates(engine().store()).catchUp(target),
                        inputs.autonomy());
                if (global.json) {
                    ObjectNode json = Json.object();
                    json.put("target", target);
                    json.put("autonomy_enabled", status.enabled());
                    json.put("source", status.source().name().toLowerCase(Locale.ROOT));
                    json.put("autonomy_file", inputs.autonomyFile().map(Object::toString).orElse(null));
                    status.override().ifPresent(o -> json.put("reason", o.reason()).put("by", o.actor())
                            .put("at", o.at().toString()).put("emergency", o.emergency()));
                    out().json(json);
                    return ExitCode.OK;
                }
                out().line("autonomy of " + target + " is " + (status.enabled() ? "enabled" : "disabled") + " ("
                        + status.override().map(o -> "by " + o.actor() + " at " + o.at() + ": " + o.reason()
                                + (o.emergency() ? ", emergency stop" : ""))
                                .orElse(inputs.autonomyFile().map(f -> "from " + f)
                                        .orElse("no autonomy file (" + TargetInputs.autonomyFile(engine().home(), target)
                                                + "): off")) + ")");
                return ExitCode.OK;
            }
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "circuit", description = "The circuit breaker of a target.",
            subcommands = {Circuit.Reset.class})
    static final class Circuit extends GroupCommand {

        @Command(mixinStandardHelpOptions = true, name = "reset", description = "Close the breaker (an operator event).")
        static final class Reset extends LeafCommand {
            @Option(names = "--target", required = true, paramLabel = "TARGET")
            String target;

            @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "reset by the operator")
            String reason;

            Reset(Cli cli) {
                super(cli);
            }

            @Override
            protected Integer execute() {
                target(engine(), target);
                var reset = new CircuitBreaker(engine().store(), engine().clock()).reset(target, cli.operator(), reason);
                out().line("circuit breaker of " + target + " reset: " + reason + " (" + reset + ")");
                return ExitCode.OK;
            }
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "schedule", description = {
            "Make one decision for a target, print it with every reason, and (unless --dry-run) dispatch the",
            "chosen task and wait for its worker; --loop makes one decision per interval."})
    static final class Schedule extends LeafCommand {

        @Option(names = "--target", required = true, paramLabel = "TARGET")
        String target;

        @Option(names = "--dry-run", description = "Decide and print, record nothing, dispatch nothing.")
        boolean dryRun;

        @Option(names = "--loop", description = "Keep deciding, one decision per interval.")
        boolean loop;

        @Option(names = "--interval", paramLabel = "SECONDS",
                description = "Seconds between decisions in --loop (default: the autonomy file's schedule_interval).")
        Long interval;

        @Option(names = "--max-decisions", paramLabel = "N", description = "Stop the loop after N decisions.")
        Integer maxDecisions;

        Schedule(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() throws InterruptedException {
            target(engine(), target);
            DispatchService dispatch = engine().dispatch();
            int decisions = 0;
            while (true) {
                if (dryRun) {
                    print(dispatch.decide(target, new SchedulingMode.Autonomous(), true, cli.operator()), null);
                    return ExitCode.OK;
                }
                DispatchService.Dispatch result = dispatch.decideAndRun(target, new SchedulingMode.Autonomous(),
                        cli.operator());
                print(result.decision(), result.attempt().orElse(null));
                decisions++;
                if (!loop || (maxDecisions != null && decisions >= maxDecisions)) {
                    return result.attempt().map(a -> a.status().equals("succeeded") ? ExitCode.OK : ExitCode.PROBLEMS)
                            .orElse(ExitCode.OK);
                }
                long seconds = interval != null ? interval
                        : inputs(engine(), target).autonomy().scheduleInterval().toSeconds();
                Thread.sleep(Duration.ofSeconds(Math.max(1, seconds)).toMillis());
            }
        }

        private void print(ScheduleDecision decision, DispatchService.AttemptEnd attempt) {
            if (global.json) {
                ObjectNode json = Json.object();
                json.set("decision", DecisionJson.payload(decision));
                if (attempt != null) {
                    json.set("attempt", attemptJson(attempt));
                }
                out().json(json);
                return;
            }
            out().out().print(DecisionText.render(decision));
            if (attempt != null) {
                out().line(attemptLine(attempt));
            }
            out().out().flush();
        }
    }

    static ObjectNode attemptJson(DispatchService.AttemptEnd attempt) {
        ObjectNode json = Json.object();
        json.put("attempt_id", attempt.attemptId());
        json.put("task_id", attempt.taskId());
        json.put("status", attempt.status());
        json.put("reason", attempt.reason());
        json.put("pr_id", attempt.prId());
        json.put("seconds", attempt.elapsed().toMillis() / 1000.0);
        return json;
    }

    static String attemptLine(DispatchService.AttemptEnd attempt) {
        return "attempt " + attempt.attemptId() + " of " + attempt.taskId() + " " + attempt.status() + " in "
                + String.format(Locale.ROOT, "%.1f", attempt.elapsed().toMillis() / 1000.0) + " s"
                + (attempt.prId() != null ? ": pull request " + attempt.prId() + " (leviathanctl prs show "
                        + attempt.prId() + ")" : attempt.reason() != null ? ": " + attempt.reason() : "");
    }

    @Command(mixinStandardHelpOptions = true, name = "dispatch", description = {
            "Run one task now, by hand: every guard of the scheduler applies except the autonomy switch."})
    static final class Dispatch extends LeafCommand {

        @Parameters(paramLabel = "TASK")
        String taskId;

        @Option(names = "--target", required = true, paramLabel = "TARGET")
        String target;

        Dispatch(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            target(engine(), target);
            DispatchService.Dispatch result = engine().dispatch().decideAndRun(target,
                    new SchedulingMode.Manual(taskId), cli.operator());
            if (global.json) {
                ObjectNode json = Json.object();
                json.set("decision", DecisionJson.payload(result.decision()));
                result.attempt().ifPresent(a -> json.set("attempt", attemptJson(a)));
                out().json(json);
            } else {
                if (result.attempt().isEmpty()) {
                    out().out().print(DecisionText.render(result.decision()));
                    out().out().flush();
                } else {
                    out().line(attemptLine(result.attempt().get()));
                }
            }
            if (result.attempt().isEmpty()) {
                return ExitCode.CONFLICT;
            }
            return result.attempt().get().status().equals("succeeded") ? ExitCode.OK : ExitCode.PROBLEMS;
        }
    }

    @Command(name = "worker", hidden = true, description = "Carry out one created attempt (the dispatcher runs this).")
    static final class WorkerRun extends LeafCommand {

        @Option(names = "--target", required = true)
        String target;

        @Option(names = "--attempt", required = true)
        String attempt;

        WorkerRun(Cli cli) {
            super(cli);
        }

        @Override
        protected Integer execute() {
            Worker.Result result = engine().worker().run(target, attempt);
            out().line(result.succeeded() ? "attempt " + attempt + " succeeded: " + result.reason()
                    : "attempt " + attempt + " failed: " + result.reason());
            return result.succeeded() ? ExitCode.OK : ExitCode.PROBLEMS;
        }
    }

    static List<Class<?>> all() {
        return List.of(Approve.class, Revoke.class, Autonomy.class, Circuit.class, Schedule.class, Dispatch.class,
                WorkerRun.class);
    }
}
