package dev.leviathan.engine.dispatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.event.EventEnvelope;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.EventType;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.Payload;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.execute.forge.ForgeException;
import dev.leviathan.engine.execute.forge.LocalForge;
import dev.leviathan.engine.execute.llm.LlmSettings;
import dev.leviathan.engine.govern.CircuitBreaker;
import dev.leviathan.engine.govern.DecisionJson;
import dev.leviathan.engine.govern.GovernanceSnapshot;
import dev.leviathan.engine.govern.GovernanceStates;
import dev.leviathan.engine.govern.OpenPullRequests;
import dev.leviathan.engine.govern.ScheduleDecision;
import dev.leviathan.engine.govern.Scheduler;
import dev.leviathan.engine.govern.SchedulingInput;
import dev.leviathan.engine.govern.SchedulingMode;
import dev.leviathan.engine.target.RegisteredTarget;
import dev.leviathan.engine.target.Task;
import dev.leviathan.engine.target.TargetRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The operator's side of dispatching (DESIGN.md §Governance, §Dispatch): reads a target's
 * inputs, asks the scheduler for a decision (recorded as {@code schedule.decided} with a reason
 * for every task passed over), and for a chosen task records {@code attempt.created}, runs the
 * worker in a child JVM and waits for it. A worker that dies without saying how its attempt
 * ended gets {@code attempt.failed} from here, so no attempt stays in flight for ever.
 */
public final class DispatchService {

    /** A decision, and what became of the attempt it started (if it started one). */
    public record Dispatch(ScheduleDecision decision, Optional<AttemptEnd> attempt) {
    }

    /** How an attempt ended, as its terminal event says. */
    public record AttemptEnd(String attemptId, String taskId, String status, String reason, String prId,
            Duration elapsed) {
    }

    private final EventStore store;
    private final TargetRegistry targets;
    private final LeviathanHome home;
    private final LocalForge forge;
    private final LocalDispatcher dispatcher;
    private final GovernanceStates states;
    private final Map<String, String> env;
    private final Clock clock;
    private final Scheduler scheduler = new Scheduler();
    private final CircuitBreaker breaker;

    public DispatchService(EventStore store, TargetRegistry targets, LeviathanHome home, LocalForge forge,
            LocalDispatcher dispatcher, Map<String, String> env, Clock clock) {
        this.store = store;
        this.targets = targets;
        this.home = home;
        this.forge = forge;
        this.dispatcher = dispatcher;
        this.states = new GovernanceStates(store);
        this.env = env;
        this.clock = clock;
        this.breaker = new CircuitBreaker(store, clock);
    }

    /** The scheduler's decision for the target now, recorded unless {@code dryRun}. */
    public ScheduleDecision decide(String targetId, SchedulingMode mode, boolean dryRun, String actor) {
        TargetInputs inputs = TargetInputs.read(target(targetId), home);
        GovernanceSnapshot history = states.catchUp(targetId);
        ScheduleDecision decision = scheduler.decide(new SchedulingInput(targetId, inputs.backlog().tasks(),
                inputs.policy(), inputs.autonomy(), history, openPullRequests(targetId), modelConfigured(),
                clock.instant(), mode));
        if (!dryRun) {
            store.append(DecisionJson.event(decision, actor, store.head().seq()));
        }
        return decision;
    }

    /** One decision; when it chose a task, the attempt run to its end. */
    public Dispatch decideAndRun(String targetId, SchedulingMode mode, String actor) {
        ScheduleDecision decision = decide(targetId, mode, false, actor);
        if (decision.chosen().isEmpty()) {
            return new Dispatch(decision, Optional.empty());
        }
        TargetInputs inputs = TargetInputs.read(target(targetId), home);
        return new Dispatch(decision, Optional.of(run(inputs, decision.chosen().get(),
                mode instanceof SchedulingMode.Manual, actor)));
    }

    private AttemptEnd run(TargetInputs inputs, Task task, boolean manual, String actor) {
        String targetId = inputs.target().id();
        String attemptId = "att-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ObjectNode payload = Json.object();
        payload.put("target_id", targetId);
        payload.put("attempt_id", attemptId);
        payload.put("task_id", task.id());
        payload.put("content_hash", task.contentHash());
        payload.put("base_commit", inputs.commit());
        payload.put("base_branch", inputs.target().defaultBranch());
        payload.put("executor", task.executor().map(e -> e.type()).orElse("llm"));
        payload.put("dispatcher", "local");
        payload.put("manual", manual);
        store.append(EventEnvelope.of(EventType.ATTEMPT_CREATED.wire() + ":" + attemptId,
                EventType.ATTEMPT_CREATED.wire(), clock.instant(), actor, targetId, Payload.of(payload)));
        Duration limit = task.budget().flatMap(b -> b.maxDuration()).filter(d -> d.compareTo(inputs.autonomy()
                .attemptTimeout()) < 0).orElse(inputs.autonomy().attemptTimeout());
        long started = System.nanoTime();
        LocalDispatcher.Outcome outcome = dispatcher.start(targetId, attemptId, limit, env).await();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        AttemptEnd end = terminal(attemptId, task.id(), elapsed).orElseGet(() -> {
            String reason = outcome.timedOut() ? "the worker ran past the attempt's time limit of "
                    + limit.toSeconds() + " s and was stopped"
                    : outcome.cancelled() ? "the worker was stopped (emergency stop or cancellation)"
                    : "the worker exited with " + outcome.exitCode() + " without finishing the attempt; its output"
                            + " is in " + outcome.log();
            failWithoutWorker(targetId, attemptId, task.id(), outcome.cancelled() ? "cancelled"
                    : outcome.timedOut() ? "budget_exhausted" : "infrastructure", reason);
            return new AttemptEnd(attemptId, task.id(), "failed", reason, null, elapsed);
        });
        if (end.status().equals("failed")) {
            breaker.openIfTripped(states.catchUp(targetId), inputs.autonomy());
        }
        return end;
    }

    private Optional<AttemptEnd> terminal(String attemptId, String taskId, Duration elapsed) {
        for (EventType type : new EventType[] {EventType.ATTEMPT_SUCCEEDED, EventType.ATTEMPT_FAILED}) {
            Optional<StoredEvent> event = store.find(type.wire() + ":" + attemptId);
            if (event.isPresent()) {
                var p = event.get().payload().json();
                return Optional.of(new AttemptEnd(attemptId, taskId, type == EventType.ATTEMPT_SUCCEEDED ? "succeeded"
                        : "failed", p.path("reason").asText(null), p.path("pr_id").asText(null), elapsed));
            }
        }
        return Optional.empty();
    }

    private void failWithoutWorker(String targetId, String attemptId, String taskId, String kind, String reason) {
        ObjectNode payload = Json.object();
        payload.put("target_id", targetId);
        payload.put("attempt_id", attemptId);
        payload.put("task_id", taskId);
        payload.put("failure_kind", kind);
        payload.put("reason", reason);
        store.append(EventEnvelope.of(EventType.ATTEMPT_FAILED.wire() + ":" + attemptId,
                EventType.ATTEMPT_FAILED.wire(), clock.instant(), "leviathan", targetId, Payload.of(payload)));
    }

    /** Open pull requests from the forge's own state; an error stops dispatch instead of counting zero. */
    private OpenPullRequests openPullRequests(String targetId) {
        try {
            return new OpenPullRequests.Counted(forge.countOpen(targetId));
        } catch (ForgeException | IllegalStateException e) {
            return new OpenPullRequests.Unavailable(e.getMessage());
        }
    }

    private boolean modelConfigured() {
        try {
            return LlmSettings.fromEnvironment(env).isPresent();
        } catch (RuntimeException incomplete) {
            // An incomplete model configuration is no configuration: tasks without an executor wait.
            return false;
        }
    }

    /** Stops every worker this process started. */
    public java.util.List<String> cancelRunning() {
        return dispatcher.cancelAll();
    }

    /** Stops the workers this process started for one target (an emergency stop's second half). */
    public java.util.List<String> cancelRunning(String targetId) {
        java.util.List<String> stopped = new java.util.ArrayList<>();
        for (String attempt : dispatcher.runningAttempts()) {
            boolean ofTarget = store.find(EventType.ATTEMPT_CREATED.wire() + ":" + attempt)
                    .map(created -> targetId.equals(created.targetId())).orElse(false);
            if (ofTarget && dispatcher.cancel(attempt)) {
                stopped.add(attempt);
            }
        }
        return stopped;
    }

    private RegisteredTarget target(String targetId) {
        return targets.find(targetId).orElseThrow(() -> new IllegalArgumentException("no target named '" + targetId
                + "'"));
    }
}
