package dev.leviathan.engine.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.artifact.ArtifactRef;
import dev.leviathan.engine.artifact.ArtifactStore;
import dev.leviathan.engine.bootstrap.Bootstrapper;
import dev.leviathan.engine.bootstrap.RepositoryFacts;
import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.config.Secret;
import dev.leviathan.engine.event.EventEnvelope;
import dev.leviathan.engine.event.EventQuery;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.EventType;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.Payload;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.execute.forge.LocalForge;
import dev.leviathan.engine.execute.forge.PullRequest;
import dev.leviathan.engine.execute.scope.Change;
import dev.leviathan.engine.execute.scope.ScopeGuard;
import dev.leviathan.engine.execute.scope.ScopePayload;
import dev.leviathan.engine.execute.scope.ScopeRules;
import dev.leviathan.engine.execute.scope.ScopeVerdict;
import dev.leviathan.engine.execute.scope.WorkTreeChanges;
import dev.leviathan.engine.target.Backlog;
import dev.leviathan.engine.target.Policy;
import dev.leviathan.engine.target.RegisteredTarget;
import dev.leviathan.engine.target.TargetFileException;
import dev.leviathan.engine.target.TargetFiles;
import dev.leviathan.engine.target.TargetRegistry;
import dev.leviathan.engine.target.TargetRepository;
import dev.leviathan.engine.target.Task;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Carries out one attempt recorded as {@code attempt.created} (DESIGN.md §Execution): checks the
 * target out at the base commit in a workspace of its own, runs the task's executor there, diffs
 * the work tree against the base commit, lets the scope guard judge the diff, and only when it
 * passes commits exactly that diff as Leviathan (the attempt id in a trailer), pushes
 * {@code leviathan/<task>/<attempt>} into the target and opens a pull request. Every step that
 * ends the attempt records why; nothing is pushed for a failed or refused attempt.
 */
public final class Worker {

    /** How often a running attempt looks for an emergency stop of its target. */
    static final Duration STOP_POLL = Duration.ofMillis(500);

    private final EventStore store;
    private final TargetRegistry targets;
    private final LeviathanHome home;
    private final ArtifactStore artifacts;
    private final LocalForge forge;
    private final ExecutorRegistry executors = new ExecutorRegistry();
    private final Map<String, String> env;
    private final Clock clock;

    public Worker(EventStore store, TargetRegistry targets, LeviathanHome home, ArtifactStore artifacts,
            LocalForge forge, Map<String, String> env, Clock clock) {
        this.store = store;
        this.targets = targets;
        this.home = home;
        this.artifacts = artifacts;
        this.forge = forge;
        this.env = env;
        this.clock = clock;
    }

    /** What an attempt came to. */
    public record Result(String attemptId, boolean succeeded, String reason, Optional<PullRequest> pullRequest) {
    }

    public Result run(String targetId, String attemptId) {
        StoredEvent created = store.find(EventType.ATTEMPT_CREATED.wire() + ":" + attemptId).orElseThrow(() ->
                new IllegalArgumentException("no attempt " + attemptId + " was created"));
        JsonNode spec = created.payload().json();
        String taskId = spec.path("task_id").asText();
        String baseCommit = spec.path("base_commit").asText();
        if (terminalEvent(attemptId).isPresent()) {
            throw new IllegalStateException("attempt " + attemptId + " has already ended");
        }
        RegisteredTarget target = targets.find(targetId).orElseThrow(() ->
                new IllegalArgumentException("no target named '" + targetId + "'"));
        append(EventType.ATTEMPT_STARTED, attemptId, targetId, taskId, payload -> payload.put("pid",
                ProcessHandle.current().pid()));
        long started = System.nanoTime();
        LiveLogFile liveLog = LiveLogFile.open(home.attemptLogFile(attemptId));
        RedactingLog log = new RedactingLog(secrets(), liveLog);
        AtomicBoolean stop = new AtomicBoolean();
        // From the attempt's creation, not from now: a stop recorded while the attempt was being
        // started (a slow machine lets the operator in between) must stop it too.
        Thread watcher = watchForEmergencyStop(targetId, created.seq(), stop);
        try {
            return attempt(target, attemptId, taskId, baseCommit, spec, log, stop::get, started);
        } catch (RuntimeException e) {
            String reason = "the attempt could not be carried out: " + log.redact(String.valueOf(e.getMessage()));
            log.line(reason);
            fail(targetId, attemptId, taskId, "infrastructure", reason, log, null, started);
            return new Result(attemptId, false, reason, Optional.empty());
        } finally {
            watcher.interrupt();
            liveLog.close();
        }
    }

    private Result attempt(RegisteredTarget target, String attemptId, String taskId, String baseCommit, JsonNode spec,
            RedactingLog log, BooleanSupplier cancelled, long started) {
        String targetId = target.id();
        Path source;
        try (TargetRepository repository = TargetRepository.open(target, home)) {
            source = repository.repository().getDirectory().toPath();
        }
        try (AttemptWorkspace workspace = AttemptWorkspace.create(home, targetId, attemptId, source, baseCommit)) {
            Path tree = workspace.workTree();
            Backlog backlog = TargetFiles.loadBacklog(TargetFiles.BACKLOG_FILE + " at " + baseCommit.substring(0, 12),
                    Files.readAllBytes(tree.resolve(TargetFiles.BACKLOG_FILE)));
            Optional<Task> found = backlog.task(taskId);
            if (found.isEmpty()) {
                return failed(targetId, attemptId, taskId, "infrastructure", "task " + taskId
                        + " is not in the backlog at " + baseCommit.substring(0, 12), log, started);
            }
            Task task = found.get();
            if (!task.contentHash().equals(spec.path("content_hash").asText())) {
                return failed(targetId, attemptId, taskId, "infrastructure", "task " + taskId + " at "
                        + baseCommit.substring(0, 12) + " is not the task that was approved and dispatched", log,
                        started);
            }
            Policy policy = policyAt(tree);
            Optional<TaskExecutor> executor = executors.forTask(task);
            if (executor.isEmpty()) {
                return failed(targetId, attemptId, taskId, "not_configured", "no executor for type "
                        + task.executor().map(e -> e.type()).orElse("llm"), log, started);
            }
            log.line("attempt " + attemptId + ": task " + taskId + " with the " + executor.get().type()
                    + " executor at " + baseCommit.substring(0, 12));
            Supplier<RepositoryFacts> facts = memoized(() -> Bootstrapper.readFacts(workspace.git().getRepository(),
                    baseCommit));
            ExecutionResult result = executor.get().execute(new ExecutionRequest(targetId, attemptId, task, tree,
                    baseCommit, facts, policy, executorEnvironment(), log, cancelled, clock));
            if (result instanceof ExecutionResult.Failed failed) {
                log.line("failed: " + failed.reason());
                return failed(targetId, attemptId, taskId, failed.kind().name().toLowerCase(Locale.ROOT),
                        failed.reason(), log, result.budget(), started);
            }
            log.line(((ExecutionResult.Completed) result).summary());
            WorkTreeChanges changes = WorkTreeChanges.compute(workspace.git().getRepository(),
                    ObjectId.fromString(baseCommit), tree);
            changes.ignored().forEach(ignored -> log.line("not committed (" + ignored.reason().wire() + "): "
                    + ignored.path()));
            if (changes.changes().isEmpty()) {
                return failed(targetId, attemptId, taskId, "no_changes", "the executor changed nothing: there is"
                        + " nothing to review", log, result.budget(), started);
            }
            ScopeVerdict verdict = ScopeGuard.check(changes.changes(), ScopeRules.of(task, policy, changes.base()));
            if (verdict instanceof ScopeVerdict.Refused refused) {
                List<String> paths = refused.violations().stream().map(v -> v.path()).distinct().toList();
                String reason = "scope violation, nothing was pushed: " + refused.violations().size()
                        + " violation(s) at " + String.join(", ", paths.subList(0, Math.min(10, paths.size())))
                        + (paths.size() > 10 ? ", …" : "");
                refused.violations().forEach(v -> log.line("refused " + v.path() + ": " + v.message()));
                fail(targetId, attemptId, taskId, "scope_violation", reason, log, result.budget(), started,
                        payload -> {
                            payload.setAll(ScopePayload.of(verdict));
                            payload.set("paths", Json.MAPPER.valueToTree(paths));
                        });
                return new Result(attemptId, false, reason, Optional.empty());
            }
            List<Change> allowed = ((ScopeVerdict.Allowed) verdict).changes();
            String branch = "leviathan/" + taskId + "/" + attemptId;
            PersonIdent leviathan = new PersonIdent(BranchPublisher.NAME, BranchPublisher.EMAIL, clock.instant(),
                    ZoneOffset.UTC);
            ObjectId head = BranchPublisher.commit(workspace.git().getRepository(), ObjectId.fromString(baseCommit),
                    allowed, commitMessage(task, attemptId, spec), leviathan);
            BranchPublisher.push(workspace.git(), head, branch, source);
            log.line("pushed " + branch + " at " + head.name());
            String diff = diffOf(source, baseCommit, head);
            ArtifactRef diffArtifact = artifact(targetId, attemptId, "diff.patch",
                    diff.getBytes(StandardCharsets.UTF_8),
                    "text/x-diff");
            ArtifactRef logArtifact = artifact(targetId, attemptId, "attempt.log",
                    log.text().getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
            PullRequest pr = forge.open(new LocalForge.Draft(targetId, taskId, attemptId, task.title(),
                    body(task, attemptId, spec, allowed, diffArtifact), branch, spec.path("base_branch").asText(
                            target.defaultBranch()), baseCommit, head.name()), "leviathan-worker");
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            append(EventType.ATTEMPT_SUCCEEDED, attemptId, targetId, taskId, payload -> {
                payload.put("branch", branch);
                payload.put("head_commit", head.name());
                payload.put("pr_id", pr.id());
                payload.put("files_changed", allowed.size());
                payload.set("changes", ScopePayload.changes(allowed));
                payload.set("budget", budgetJson(result.budget(), elapsed));
                payload.put("diff_sha256", diffArtifact.sha256());
                payload.put("log_sha256", logArtifact.sha256());
            });
            workspace.delete();
            return new Result(attemptId, true, "opened " + pr.id(), Optional.of(pr));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TargetFileException e) {
            return failed(targetId, attemptId, taskId, "infrastructure", e.getMessage(), log, started);
        }
    }

    /** The base commit's policy, or a policy that permits nothing when the target has none. */
    private static Policy policyAt(Path tree) throws IOException {
        Path file = tree.resolve(TargetFiles.POLICY_FILE);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return TargetFiles.loadPolicy(TargetFiles.POLICY_FILE, "allowed_paths: []\n");
        }
        return TargetFiles.loadPolicy(TargetFiles.POLICY_FILE, Files.readAllBytes(file));
    }

    private static String commitMessage(Task task, String attemptId, JsonNode spec) {
        StringBuilder message = new StringBuilder(task.title()).append("\n\n");
        if (!task.description().isBlank()) {
            message.append(task.description().strip()).append("\n\n");
        }
        message.append("Leviathan-Task: ").append(task.id()).append('\n');
        message.append("Leviathan-Attempt: ").append(attemptId).append('\n');
        message.append("Leviathan-Approved-Content: ").append(spec.path("content_hash").asText()).append('\n');
        return message.toString();
    }

    private String body(Task task, String attemptId, JsonNode spec, List<Change> changes, ArtifactRef diff) {
        StringBuilder body = new StringBuilder();
        body.append("Task **").append(task.id()).append("**: ").append(task.title()).append("\n\n");
        if (!task.description().isBlank()) {
            body.append(task.description().strip()).append("\n\n");
        }
        if (!task.acceptanceCriteria().isEmpty()) {
            body.append("Acceptance criteria:\n");
            for (int i = 0; i < task.acceptanceCriteria().size(); i++) {
                body.append(i + 1).append(". ").append(task.acceptanceCriteria().get(i)).append('\n');
            }
            body.append('\n');
        }
        body.append("Approved content: ").append(spec.path("content_hash").asText()).append('\n');
        body.append("Attempt: ").append(attemptId).append(" (").append(spec.path("executor").asText())
                .append(" executor, base ").append(spec.path("base_commit").asText(), 0, 12).append(")\n");
        body.append("Changes: ").append(changes.size()).append(" file(s): ").append(String.join(", ",
                changes.stream().map(Change::path).limit(20).toList())).append(changes.size() > 20 ? ", …" : "")
                .append('\n');
        body.append("Diff: sha256 ").append(diff.sha256()).append('\n');
        body.append("Event store head at creation: seq ").append(store.head().seq()).append(", ")
                .append(store.head().hash()).append('\n');
        return body.toString();
    }

    private String diffOf(Path source, String base, ObjectId head) {
        try (Repository repo = new FileRepositoryBuilder()
                .setGitDir(source.toFile()).setMustExist(true).build();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                DiffFormatter formatter = new DiffFormatter(out);
                RevWalk walk = new RevWalk(repo)) {
            formatter.setRepository(repo);
            formatter.setDetectRenames(true);
            formatter.format(walk.parseCommit(ObjectId.fromString(base)).getTree(), walk.parseCommit(head).getTree());
            formatter.flush();
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the attempt's diff: " + e.getMessage(), e);
        }
    }

    private ArtifactRef artifact(String targetId, String attemptId, String name, byte[] content, String mediaType) {
        ArtifactRef ref = artifacts.put(content);
        ObjectNode payload = Json.object();
        payload.put("target_id", targetId);
        payload.put("attempt_id", attemptId);
        payload.put("name", name);
        payload.put("kind", "attempt");
        payload.put("sha256", ref.sha256());
        payload.put("size_bytes", ref.size());
        payload.put("media_type", mediaType);
        store.append(EventEnvelope.of(EventType.ARTIFACT_CREATED.wire() + ":" + attemptId + ":" + name,
                EventType.ARTIFACT_CREATED.wire(), clock.instant(), "leviathan-worker", targetId, Payload.of(payload)));
        return ref;
    }

    private Result failed(String targetId, String attemptId, String taskId, String kind, String reason,
            RedactingLog log, long started) {
        return failed(targetId, attemptId, taskId, kind, reason, log, null, started);
    }

    private Result failed(String targetId, String attemptId, String taskId, String kind, String reason,
            RedactingLog log, BudgetUse budget, long started) {
        fail(targetId, attemptId, taskId, kind, reason, log, budget, started);
        return new Result(attemptId, false, reason, Optional.empty());
    }

    private void fail(String targetId, String attemptId, String taskId, String kind, String reason, RedactingLog log,
            BudgetUse budget, long started) {
        fail(targetId, attemptId, taskId, kind, reason, log, budget, started, payload -> {
        });
    }

    private void fail(String targetId, String attemptId, String taskId, String kind, String reason, RedactingLog log,
            BudgetUse budget, long started, Consumer<ObjectNode> more) {
        ArtifactRef logArtifact = artifact(targetId, attemptId, "attempt.log", log.text().getBytes(
                StandardCharsets.UTF_8), "text/plain; charset=utf-8");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        append(EventType.ATTEMPT_FAILED, attemptId, targetId, taskId, payload -> {
            payload.put("failure_kind", kind);
            payload.put("reason", log.redact(reason));
            payload.set("budget", budgetJson(budget, elapsed));
            payload.put("log_sha256", logArtifact.sha256());
            more.accept(payload);
        });
    }

    private static ObjectNode budgetJson(BudgetUse budget, Duration elapsed) {
        ObjectNode json = Json.object();
        json.put("model_calls", budget == null ? 0 : budget.modelCalls());
        json.put("prompt_tokens", budget == null ? 0 : budget.promptTokens());
        json.put("completion_tokens", budget == null ? 0 : budget.completionTokens());
        json.put("elapsed_ms", elapsed.toMillis());
        return json;
    }

    private void append(EventType type, String attemptId, String targetId, String taskId,
            Consumer<ObjectNode> fill) {
        ObjectNode payload = Json.object();
        payload.put("target_id", targetId);
        payload.put("attempt_id", attemptId);
        payload.put("task_id", taskId);
        fill.accept(payload);
        store.append(EventEnvelope.of(type.wire() + ":" + attemptId, type.wire(), clock.instant(), "leviathan-worker",
                targetId, Payload.of(payload)));
    }

    private Optional<StoredEvent> terminalEvent(String attemptId) {
        return store.find(EventType.ATTEMPT_SUCCEEDED.wire() + ":" + attemptId)
                .or(() -> store.find(EventType.ATTEMPT_FAILED.wire() + ":" + attemptId));
    }

    /** Sets {@code stop} when an emergency stop of the target is recorded after {@code fromSeq}. */
    private Thread watchForEmergencyStop(String targetId, long fromSeq, AtomicBoolean stop) {
        return Thread.ofPlatform().daemon().name("emergency-stop-watch").start(() -> {
            long after = fromSeq;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(STOP_POLL.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                // The head is read before the events: whatever is appended after it is read next time.
                // (Reading the head after them skipped a stop appended in between, and the worker ran on.)
                long head = store.head().seq();
                if (head <= after) {
                    continue;
                }
                List<StoredEvent> events = store.read(EventQuery.after(after, 1_000).withTarget(targetId)
                        .withTypes(Set.of(EventType.AUTONOMY_DISABLED.wire())));
                for (StoredEvent event : events) {
                    if (event.payload().json().path("emergency").asBoolean(false)) {
                        stop.set(true);
                        return;
                    }
                }
                after = events.size() == 1_000 ? events.getLast().seq()
                        : events.isEmpty() ? head : Math.max(head, events.getLast().seq());
            }
        });
    }

    /**
     * The environment executors run with: the model's settings, and nothing of Leviathan's own
     * (store passwords, git tokens). The command executor scrubs further.
     */
    private Map<String, String> executorEnvironment() {
        Map<String, String> out = new TreeMap<>();
        env.forEach((key, value) -> {
            if (key.startsWith("LEVIATHAN_LLM_") || !key.startsWith("LEVIATHAN_")) {
                if (!key.contains("TOKEN") && !key.contains("PASSWORD") && !key.contains("SECRET")) {
                    out.put(key, value);
                }
            }
        });
        env.forEach((key, value) -> {
            if (key.startsWith("LEVIATHAN_LLM_")) {
                out.put(key, value);
            }
        });
        return out;
    }

    /** Values that must never appear in the attempt's log, reasons or pull request. */
    private List<Secret> secrets() {
        List<Secret> out = new ArrayList<>();
        env.forEach((key, value) -> {
            if (value != null && value.length() >= 6 && (key.contains("TOKEN") || key.contains("PASSWORD")
                    || key.contains("SECRET") || key.endsWith("API_KEY") || key.endsWith("_KEY"))) {
                out.add(Secret.of(value));
            }
        });
        return out;
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
