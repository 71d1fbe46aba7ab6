package dev.leviathan.engine.execute.docs;

import dev.leviathan.engine.bootstrap.RepositoryFacts;
import dev.leviathan.engine.execute.ExecutionRequest;
import dev.leviathan.engine.execute.ExecutionResult;
import dev.leviathan.engine.execute.ExecutionResult.FailureKind;
import dev.leviathan.engine.execute.TaskExecutor;
import dev.leviathan.engine.target.Backlog;
import dev.leviathan.engine.target.ExecutorSpec;
import dev.leviathan.engine.target.Problem;
import dev.leviathan.engine.target.Task;
import dev.leviathan.engine.target.TargetFileException;
import dev.leviathan.engine.target.TargetFiles;
import dev.leviathan.engine.target.TaskStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code backlog-propose} executor: turns the base commit's facts into new tasks in
 * {@code .leviathan/backlog.yaml}, each {@code ready: false} and {@code pending}, citing its
 * evidence, with an id derived from its finding. Existing tasks are never touched and a finding
 * already in the backlog is not proposed again, so a second run over the same commit proposes
 * nothing. The file is edited as text (comments and formatting are kept byte for byte), and the
 * result must load with exactly the old tasks plus the new ones before it is written.
 *
 * <p>Stateless and safe to share between threads.
 */
public final class BacklogProposeExecutor implements TaskExecutor {

    /** Proposals made by one run when not configured otherwise; the next run proposes the following ones. */
    public static final int DEFAULT_MAX_PROPOSALS = 10;
    /** The only file this executor writes. */
    public static final String BACKLOG_PATH = TargetFiles.BACKLOG_FILE;

    private final int maxProposals;

    public BacklogProposeExecutor() {
        this(DEFAULT_MAX_PROPOSALS);
    }

    public BacklogProposeExecutor(int maxProposals) {
        if (maxProposals < 1) {
            throw new IllegalArgumentException("maxProposals must be at least 1, was " + maxProposals);
        }
        this.maxProposals = maxProposals;
    }

    @Override
    public String type() {
        return ExecutorSpec.BacklogPropose.TYPE;
    }

    @Override
    public ExecutionResult execute(ExecutionRequest request) {
        Instant started = request.clock().instant();
        try {
            return run(request, started);
        } catch (RuntimeException e) {
            // Facts and files come from real repositories; nothing in them may escape as an exception.
            return failed(request, started, FailureKind.INVALID_OUTPUT,
                    "the backlog-propose executor could not make its proposals: " + e);
        }
    }

    private ExecutionResult run(ExecutionRequest request, Instant started) {
        Task task = request.task();
        if (task.executor().isEmpty() || !(task.executor().get() instanceof ExecutorSpec.BacklogPropose)) {
            return failed(request, started, FailureKind.NOT_CONFIGURED, "task '" + task.id()
                    + "' has no executor of type backlog-propose; give it executor: {type: backlog-propose}");
        }
        if (task.allowedPaths().stream().noneMatch(allowed -> allowed.covers(BACKLOG_PATH))) {
            return failed(request, started, FailureKind.NOT_CONFIGURED, "the backlog-propose executor writes '"
                    + BACKLOG_PATH + "', which is outside the task's allowed_paths; add " + BACKLOG_PATH
                    + " to allowed_paths");
        }
        if (request.cancelled().getAsBoolean()) {
            return failed(request, started, FailureKind.CANCELLED, "cancelled before anything was proposed");
        }
        WorkTreeFile file;
        Optional<String> existing;
        try {
            file = WorkTreeFile.of(request.workTree(), BACKLOG_PATH);
            existing = file.readText();
        } catch (WorkTreeFile.Unusable e) {
            return failed(request, started, FailureKind.TASK_FAILED, BACKLOG_PATH + " was not changed: " + e.getMessage());
        }
        Optional<Backlog> old;
        try {
            old = existing.map(text -> TargetFiles.loadBacklog(BACKLOG_PATH, text));
        } catch (TargetFileException e) {
            return failed(request, started, FailureKind.TASK_FAILED, BACKLOG_PATH
                    + " does not load, so nothing was proposed; fix it first:\n" + e.getMessage());
        }
        RepositoryFacts facts;
        try {
            facts = request.facts().get();
        } catch (RuntimeException e) {
            return failed(request, started, FailureKind.TASK_FAILED, "cannot read the facts of commit "
                    + DocsExecutor.shortCommit(request.baseCommit()) + ", so nothing was written: " + e.getMessage());
        }
        List<Proposal> all = Findings.of(facts, request.workTree());
        List<Task> tasks = old.map(Backlog::tasks).orElse(List.of());
        List<Proposal> fresh = NewProposals.select(all, tasks, maxProposals);
        if (fresh.isEmpty()) {
            String summary = "no new proposals: " + (all.isEmpty() ? "nothing in the facts of commit "
                    + DocsExecutor.shortCommit(facts.commit()) + " calls for one"
                    : "the backlog already has every finding (" + Markdown.count(all.size(), "finding", "findings") + ")");
            request.log().line(summary);
            return new ExecutionResult.Completed(summary, DocsExecutor.spent(request, started));
        }
        String text;
        try {
            text = existing.isPresent() ? BacklogAppend.append(existing.get(), fresh)
                    : BacklogAppend.create(fresh, header(facts));
        } catch (BacklogAppend.CannotAppend e) {
            return failed(request, started, FailureKind.INVALID_OUTPUT, "cannot add the proposals to " + BACKLOG_PATH
                    + ": " + e.getMessage());
        }
        Optional<String> wrong = verify(text, old, fresh);
        if (wrong.isPresent()) {
            return failed(request, started, FailureKind.INVALID_OUTPUT, BACKLOG_PATH
                    + " was not changed: with the proposals it would not be the old backlog plus the new tasks: "
                    + wrong.get());
        }
        if (request.cancelled().getAsBoolean()) {
            return failed(request, started, FailureKind.CANCELLED, "cancelled before the backlog was written");
        }
        try {
            file.write(text);
        } catch (WorkTreeFile.Unusable e) {
            return failed(request, started, FailureKind.TASK_FAILED, e.getMessage());
        }
        String summary = "proposed " + Markdown.count(fresh.size(), "task", "tasks") + " in " + BACKLOG_PATH + ": "
                + fresh.stream().map(Proposal::id).collect(Collectors.joining(", "));
        request.log().line(summary);
        fresh.forEach(p -> request.log().line("- " + p.id() + " (" + p.priority().word() + "): " + p.title()));
        if (fresh.size() == maxProposals && NewProposals.select(all, tasks, Integer.MAX_VALUE).size() > maxProposals) {
            request.log().line("at most " + maxProposals + " proposals per run; run it again for the others");
        }
        return new ExecutionResult.Completed(summary, DocsExecutor.spent(request, started));
    }

    static String header(RepositoryFacts facts) {
        return "# Task proposals made by Leviathan's backlog-propose executor from the facts of commit "
                + DocsExecutor.shortCommit(facts.commit()) + ".\n"
                + "# Every proposal starts as ready: false. Read it, edit it as you see fit, and set ready: true to\n"
                + "# let it run. Tasks you add by hand belong here too.\n";
    }

    /**
     * Empty when {@code text} loads as a backlog holding exactly the old tasks (same ids, content
     * hashes, statuses and write-back fields, in the same order, same shape and metadata) followed
     * by the proposals, not ready and pending; else what differs.
     */
    static Optional<String> verify(String text, Optional<Backlog> old, List<Proposal> fresh) {
        Backlog loaded;
        try {
            loaded = TargetFiles.loadBacklog(BACKLOG_PATH, text);
        } catch (TargetFileException e) {
            return Optional.of("it does not load: " + e.errors().stream().limit(3).map(Problem::render)
                    .collect(Collectors.joining("; ")));
        }
        List<Task> before = old.map(Backlog::tasks).orElse(List.of());
        List<Task> after = loaded.tasks();
        if (after.size() != before.size() + fresh.size()) {
            return Optional.of("it has " + after.size() + " tasks instead of " + (before.size() + fresh.size()));
        }
        for (int i = 0; i < before.size(); i++) {
            Task was = before.get(i);
            Task is = after.get(i);
            if (!was.id().equals(is.id()) || !was.contentHash().equals(is.contentHash())
                    || was.status() != is.status() || was.ready() != is.ready() || !was.writeBack().equals(is.writeBack())) {
                return Optional.of("task '" + was.id() + "' would change");
            }
        }
        if (old.isPresent() && (old.get().shape() != loaded.shape() || !old.get().metadata().equals(loaded.metadata()))) {
            return Optional.of("its shape or metadata would change");
        }
        for (int i = 0; i < fresh.size(); i++) {
            Proposal proposal = fresh.get(i);
            Task is = after.get(before.size() + i);
            if (!is.id().equals(proposal.id()) || is.ready() || is.status() != TaskStatus.PENDING
                    || !is.title().equals(YamlScalars.printable(proposal.title(), false))
                    || !is.labels().equals(proposal.labels().stream().map(l -> YamlScalars.printable(l, false)).toList())) {
                return Optional.of("proposal '" + proposal.id() + "' would not read back as written");
            }
        }
        return Optional.empty();
    }

    private static ExecutionResult failed(ExecutionRequest request, Instant started, FailureKind kind, String reason) {
        request.log().line(reason);
        return new ExecutionResult.Failed(kind, reason, DocsExecutor.spent(request, started));
    }
}
