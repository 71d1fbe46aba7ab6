package dev.leviathan.engine.execute.llm;

import dev.leviathan.engine.execute.ExecutionLog;
import dev.leviathan.engine.execute.ExecutionRequest;
import dev.leviathan.engine.execute.ExecutionResult;
import dev.leviathan.engine.execute.ExecutionResult.FailureKind;
import dev.leviathan.engine.execute.TaskExecutor;
import dev.leviathan.engine.execute.llm.EditPlan.FileEdit;
import dev.leviathan.engine.target.Budget;
import dev.leviathan.engine.target.ExecutorSpec;
import dev.leviathan.engine.target.Task;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code llm} executor: a chat model behind an OpenAI-compatible endpoint proposes file edits
 * as one JSON object; the executor checks them, lets the model repair a reply that fails the
 * checks, and writes the edits into the work tree. What the model sees, the reply contract, the
 * budgets and every failure reason are described in {@code docs/llm-executor.md}.
 *
 * <p>Stateless and thread-safe: each attempt builds its own client. Model behaviour (garbage,
 * hostile paths, refusals, hangs) and endpoint trouble end in an {@link ExecutionResult}, never
 * an exception; the key never reaches a log line, a reason or a file.
 */
public final class LlmExecutor implements TaskExecutor {

    public static final String TYPE = ExecutorSpec.Llm.TYPE;

    /** A round needs room for at least this many completion tokens (or the reply cap, if smaller). */
    static final int MIN_REPLY_TOKENS = 256;
    /** The last reply is sent back in a repair round up to this many characters. */
    static final int MAX_ECHOED_REPLY_CHARS = 32 * 1024;

    private final Optional<LlmSettings> settings;

    /** Reads its settings from each attempt's environment ({@link LlmSettings#fromEnvironment}). */
    public LlmExecutor() {
        this.settings = Optional.empty();
    }

    /** Uses {@code settings} for every attempt, whatever the environment holds. */
    public LlmExecutor(LlmSettings settings) {
        this.settings = Optional.of(settings);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ExecutionResult execute(ExecutionRequest request) {
        AttemptBudget budget = new AttemptBudget(request.clock(),
                request.task().budget().flatMap(Budget::maxDuration),
                request.task().budget().flatMap(Budget::maxTokens).map(OptionalLong::of).orElse(OptionalLong.empty()));
        LlmSettings chosen;
        try {
            Optional<LlmSettings> configured = settings.isPresent() ? settings : LlmSettings.fromEnvironment(request.env());
            if (configured.isEmpty()) {
                return new ExecutionResult.Failed(FailureKind.NOT_CONFIGURED, "no model endpoint is configured for"
                        + " the llm executor; set " + LlmSettings.BASE_URL_ENV + ", " + LlmSettings.MODEL_ENV + " and "
                        + LlmSettings.API_KEY_ENV + " (or " + LlmSettings.API_KEY_FILE_ENV + ")", budget.use());
            }
            chosen = configured.get();
        } catch (LlmSettingsException e) {
            return new ExecutionResult.Failed(FailureKind.NOT_CONFIGURED, e.getMessage(), budget.use());
        }
        KeyRedactor redactor = new KeyRedactor(chosen.apiKey());
        ExecutionLog log = line -> request.log().line(redactor.redact(line));
        try {
            return new Attempt(request, chosen, budget, redactor, log).run();
        } catch (RuntimeException e) {
            // A bug of ours, not the model's behaviour; still an outcome, and still without the key.
            return new ExecutionResult.Failed(FailureKind.TASK_FAILED, redactor.redact(
                    "the llm executor failed unexpectedly: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + Printable.oneLine(e.getMessage(), 300))),
                    budget.use());
        }
    }

    /** One attempt's state: its settings, limits, budget and log. */
    private static final class Attempt {

        private final ExecutionRequest request;
        private final LlmSettings settings;
        private final AttemptBudget budget;
        private final KeyRedactor redactor;
        private final ExecutionLog log;
        private final Task task;

        Attempt(ExecutionRequest request, LlmSettings settings, AttemptBudget budget, KeyRedactor redactor,
                ExecutionLog log) {
            this.request = request;
            this.settings = settings;
            this.budget = budget;
            this.redactor = redactor;
            this.log = log;
            this.task = request.task();
        }

        ExecutionResult run() {
            Optional<ExecutorSpec.Llm> spec = Optional.empty();
            if (task.executor().isPresent()) {
                if (!(task.executor().get() instanceof ExecutorSpec.Llm llm)) {
                    return failed(FailureKind.NOT_CONFIGURED, "task " + task.id() + " has executor type '"
                            + task.executor().get().type() + "', not llm");
                }
                spec = Optional.of(llm);
            }
            if (task.allowedPaths().isEmpty()) {
                return failed(FailureKind.NOT_CONFIGURED, "task " + task.id()
                        + " has no allowed_paths, so the model could write nothing; list where it may write");
            }
            String model = spec.flatMap(ExecutorSpec.Llm::model).filter(m -> !m.isBlank()).orElse(settings.model());
            long replyCap = settings.defaultMaxTokens();
            if (spec.flatMap(ExecutorSpec.Llm::maxTokens).isPresent()) {
                long asked = spec.get().maxTokens().get();
                if (asked < 1) {
                    return failed(FailureKind.NOT_CONFIGURED, "task " + task.id() + " sets executor.max_tokens to "
                            + asked + "; it must be at least 1");
                }
                replyCap = Math.min(replyCap, asked);
            }
            logStart(model, replyCap);
            task.budget().flatMap(Budget::maxCostUsd).ifPresent(cost -> log.line("llm: budget.max_cost_usd ("
                    + cost.toPlainString() + ") is not enforced: the endpoint reports tokens, not prices;"
                    + " budget.max_tokens is"));

            long contextCap = settings.limits().contextBytes();
            if (budget.maxTokens().isPresent()) {
                // The files may take at most half the token budget (at ~4 bytes a token): the
                // reply and any repair round need the rest.
                contextCap = Math.min(contextCap, budget.maxTokens().getAsLong() * 2);
            }
            WorkTreeContext.Snapshot snapshot = WorkTreeContext.collect(request.workTree(), task.allowedPaths(),
                    request.policy(), contextCap);
            Conversation first = Conversation.first(TaskPrompt.system(settings.limits()),
                    TaskPrompt.task(task, request.policy(), snapshot));
            log.line("llm: prompt: " + snapshot.files().size() + " files in the allowed paths"
                    + (snapshot.truncated() ? " (listing stopped at " + WorkTreeContext.MAX_ENTRIES + ")" : "")
                    + ", " + snapshot.count(WorkTreeContext.Shown.CONTENT) + " shown in full (" + snapshot.contentBytes()
                    + " of " + contextCap + " content bytes); " + first.bytes() + " bytes in 2 messages (about "
                    + first.estimatedTokens() + " tokens)");

            EditRules rules = new EditRules(request.workTree(), task.allowedPaths(), request.policy(),
                    settings.limits(), redactor);
            try (ModelEndpoint endpoint = new ModelEndpoint(settings, model, budget, request.cancelled(),
                    request.clock(), log::line, redactor)) {
                return rounds(endpoint, rules, first, (int) Math.min(Integer.MAX_VALUE, replyCap), model);
            }
        }

        private ExecutionResult rounds(ModelEndpoint endpoint, EditRules rules, Conversation first, int replyCap,
                String model) {
            int rounds = 1 + settings.maxRepairRounds();
            Conversation conversation = first;
            ModelAnswer.Usage lastUsage = null;
            EditRules.Rejected lastRejection = null;
            for (int round = 1; round <= rounds; round++) {
                if (request.cancelled().getAsBoolean()) {
                    return failed(FailureKind.CANCELLED, "cancelled before round " + round + " of the model");
                }
                if (budget.timeUp()) {
                    return failed(FailureKind.BUDGET_EXHAUSTED, "the attempt's time budget of "
                            + budget.maxDuration().map(ModelEndpoint::seconds).orElse("?")
                            + " (budget.max_seconds) ran out before round " + round
                            + (lastRejection == null ? "" : "; the last reply was rejected: " + lastRejection.headline()));
                }
                long estimate = conversation.estimatedTokens();
                if (lastUsage != null && lastUsage.reported()) {
                    // The endpoint's own count of the last prompt, plus the reply now sent back, beats a guess.
                    estimate = Math.max(estimate, lastUsage.promptTokens() + lastUsage.completionTokens()
                            + Conversation.estimate(Conversation.utf8(conversation.repairNote().orElse(""))));
                }
                int tokens = replyCap;
                OptionalLong left = budget.tokensLeft();
                if (left.isPresent()) {
                    long room = left.getAsLong() - estimate;
                    if (room < Math.min(MIN_REPLY_TOKENS, replyCap)) {
                        return failed(FailureKind.BUDGET_EXHAUSTED, "the token budget of " + budget.maxTokens().getAsLong()
                                + " (budget.max_tokens) has " + left.getAsLong() + " tokens left, not enough for round "
                                + round + " (its prompt alone is about " + estimate + " tokens)"
                                + (lastRejection == null ? "" : "; the last reply was rejected: " + lastRejection.headline()));
                    }
                    tokens = (int) Math.min(replyCap, room);
                }
                ModelAnswer answer = endpoint.ask(conversation, tokens);
                if (answer instanceof ModelAnswer.Failure failure) {
                    return failed(failure.kind(), failure.reason());
                }
                ModelAnswer.Reply reply = (ModelAnswer.Reply) answer;
                lastUsage = reply.usage();
                budget.spent(reply.usage().promptTokens(), reply.usage().completionTokens());
                EditRules.Verdict verdict = judge(reply, rules);
                String roundLine = "llm: round " + round + " of " + rounds + " (" + reply.model() + "): "
                        + reply.usage().promptTokens()
                        + " prompt + " + reply.usage().completionTokens() + " completion tokens"
                        + (reply.usage().reported() ? "" : " (estimated: the endpoint reported no usage)")
                        + (reply.truncated() ? ", cut off at the cap of " + tokens + " tokens" : "")
                        + "; reply " + Conversation.utf8(reply.text()) + " bytes; ";
                if (verdict instanceof EditRules.Accepted accepted) {
                    log.line(roundLine + "accepted: " + count(accepted.plan().writes(), "write") + ", "
                            + count(accepted.plan().deletes(), "delete"));
                    return apply(accepted.plan(), model, round);
                }
                lastRejection = (EditRules.Rejected) verdict;
                log.line(roundLine + "rejected: " + lastRejection.headline());
                if (round < rounds) {
                    conversation = first.repair(echoed(reply.text()),
                            TaskPrompt.repair(lastRejection.problems(), reply.truncated(), tokens));
                }
            }
            return failed(FailureKind.INVALID_OUTPUT, "the model's reply could not be used after " + rounds
                    + (rounds == 1 ? " round: " : " rounds: ") + lastRejection.headline());
        }

        private EditRules.Verdict judge(ModelAnswer.Reply reply, EditRules rules) {
            if (reply.refusal().isPresent()) {
                return new EditRules.Rejected(List.of("the model refused: \""
                        + Printable.oneLine(reply.refusal().get(), 200) + "\""));
            }
            ReplyReader.Read read = ReplyReader.read(reply.text());
            if (read instanceof ReplyReader.Unusable unusable) {
                String problem = unusable.problem();
                if (reply.truncated()) {
                    problem += " (the reply stopped at the token cap)";
                }
                return new EditRules.Rejected(List.of(problem));
            }
            return rules.check(((ReplyReader.Found) read).object());
        }

        private ExecutionResult apply(EditPlan plan, String model, int round) {
            EditWriter writer = new EditWriter(request.workTree());
            int applied = 0;
            for (FileEdit edit : plan.edits()) {
                try {
                    writer.apply(edit);
                } catch (IOException e) {
                    return failed(FailureKind.TASK_FAILED, "could not apply the model's edit of " + edit.path() + ": "
                            + Printable.oneLine(String.valueOf(e.getMessage()), 300) + " (" + applied + " of "
                            + plan.edits().size() + " edits were applied before; the attempt's work tree is incomplete)");
                }
                applied++;
                log.line(switch (edit) {
                    case FileEdit.Write write -> "llm: wrote " + write.path() + " (" + write.bytes() + " bytes)";
                    case FileEdit.Delete delete -> "llm: deleted " + delete.path();
                });
            }
            String summary = plan.summary().isBlank() ? "edits proposed by the model" : plan.summary();
            return new ExecutionResult.Completed(redactor.redact(summary + " (llm " + model + ", round " + round + ": "
                    + plan.writes() + (plan.writes() == 1 ? " file" : " files") + " written, " + plan.deletes()
                    + " deleted)"), budget.use());
        }

        private void logStart(String model, long replyCap) {
            log.line("llm: model " + model + " at " + settings.endpoint() + ", key from " + settings.keySource()
                    + "; reply cap " + replyCap + " tokens; token budget "
                    + (budget.maxTokens().isPresent() ? budget.maxTokens().getAsLong() : "none") + "; time budget "
                    + budget.maxDuration().map(ModelEndpoint::seconds).orElse("none") + "; request timeout "
                    + ModelEndpoint.seconds(settings.requestTimeout()) + "; up to " + settings.maxRepairRounds()
                    + " repair rounds; response_format " + settings.replyFormat().word());
            String host = settings.baseUrl().getHost().toLowerCase(Locale.ROOT);
            boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                    || host.equals("::1");
            if (settings.baseUrl().getScheme().equalsIgnoreCase("http") && !loopback) {
                log.line("llm: warning: the endpoint is plain http on " + host + "; the key travels unencrypted");
            }
        }

        private String echoed(String reply) {
            if (reply.length() <= MAX_ECHOED_REPLY_CHARS) {
                return reply;
            }
            int end = MAX_ECHOED_REPLY_CHARS;
            if (Character.isHighSurrogate(reply.charAt(end - 1))) {
                end--;
            }
            return reply.substring(0, end) + "\n[… the rest of this reply, " + reply.length()
                    + " characters in all, is not repeated]";
        }

        private static String count(long n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }

        private ExecutionResult failed(FailureKind kind, String reason) {
            return new ExecutionResult.Failed(kind, redactor.redact(reason), budget.use());
        }
    }
}
