package dev.leviathan.console.backlog;

import dev.leviathan.console.ui.Background;
import dev.leviathan.console.ui.ListUpdate;
import dev.leviathan.console.ui.ScreenController;
import dev.leviathan.engine.Engine;
import dev.leviathan.engine.dispatch.DispatchService;
import dev.leviathan.engine.dispatch.TargetInputs;
import dev.leviathan.engine.event.EventType;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.event.Subscription;
import dev.leviathan.engine.govern.Approval;
import dev.leviathan.engine.govern.ApprovalException;
import dev.leviathan.engine.govern.ApprovalResult;
import dev.leviathan.engine.govern.Approvals;
import dev.leviathan.engine.govern.Blocker;
import dev.leviathan.engine.govern.DecisionText;
import dev.leviathan.engine.govern.GovernanceSnapshot;
import dev.leviathan.engine.govern.GovernanceState;
import dev.leviathan.engine.govern.GovernanceStates;
import dev.leviathan.engine.govern.ScheduleDecision;
import dev.leviathan.engine.govern.SchedulingMode;
import dev.leviathan.engine.target.RegisteredTarget;
import dev.leviathan.engine.target.Task;
import dev.leviathan.engine.target.TargetRegistry;
import dev.leviathan.engine.target.TargetRepository;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.util.Duration;

/**
 * A target's backlog as the scheduler sees it: each task of {@code .leviathan/backlog.yaml} at the
 * branch tip, its approval state, and the reasons a dry-run decision gives for passing it over.
 * Approve, revoke and dispatch call what {@code leviathanctl approve}, {@code revoke} and
 * {@code dispatch} call, so they record the same events. The table reloads when a governance
 * event of the target arrives from the store and when the branch tip moves (a commit to the
 * backlog records no event, so the tip is polled while the screen is shown).
 */
public final class BacklogController implements ScreenController {

    /** How often the shown target's branch tip is checked for a new backlog commit. */
    static final Duration TIP_POLL = Duration.seconds(2);

    private static final Set<String> GOVERNANCE = GovernanceState.eventTypes();

    private final Engine engine;
    private final Background background;
    private final String operator;
    private final BacklogModel model = new BacklogModel();
    private final BacklogView view;
    private final GovernanceStates states;
    private final Timeline tipPoll = new Timeline(new KeyFrame(TIP_POLL, e -> checkTip()));
    private Subscription feed;
    private boolean stopped;
    private boolean loadRunning;
    private boolean loadAgain;
    private boolean checkingTip;
    /** The commit the rows were read at; null before a load. */
    private String commit;
    /** The attempt a dispatch from this screen started, once its attempt.created arrived. */
    private String dispatchedAttempt;
    private String dispatchingTask;

    public BacklogController(Engine engine, Background background, String operator, ZoneId zone) {
        this.engine = engine;
        this.background = background;
        this.operator = operator;
        this.states = new GovernanceStates(engine.store());
        this.view = new BacklogView(this, zone);
        tipPoll.setCycleCount(Animation.INDEFINITE);
    }

    /** A controller that already follows the store: what the shell registers. */
    public static BacklogController started(Engine engine, Background background, String operator, ZoneId zone) {
        BacklogController controller = new BacklogController(engine, background, operator, zone);
        controller.start();
        return controller;
    }

    public BacklogModel model() {
        return model;
    }

    /** Lists the targets, then follows the store for registrations and governance events. */
    public void start() {
        background.run(() -> {
            long head = engine.store().head().seq();
            List<String> ids = engine.targets().list().stream().map(RegisteredTarget::id).toList();
            Platform.runLater(() -> showTargets(ids));
            return engine.store().subscribe(head, this::onEvents);
        }, subscription -> {
            if (stopped) {
                subscription.close();
            } else {
                feed = subscription;
            }
        }, failure -> model.loadError.set("Cannot list targets: " + failure));
    }

    /** Subscription thread: decides what the batch changes, then hands that to the FX thread. */
    private void onEvents(List<StoredEvent> batch) {
        boolean registered = false;
        Set<String> touched = new java.util.HashSet<>();
        for (StoredEvent event : batch) {
            if (TargetRegistry.REGISTERED.equals(event.eventType())) {
                registered = true;
            } else if (GOVERNANCE.contains(event.eventType())) {
                touched.add(targetOf(event));
                if (event.eventType().equals(EventType.ATTEMPT_CREATED.wire())
                        || event.eventType().equals(EventType.ATTEMPT_STARTED.wire())) {
                    String attempt = event.payload().json().path("attempt_id").asText("");
                    String task = event.payload().json().path("task_id").asText("");
                    String target = targetOf(event);
                    String type = event.eventType();
                    Platform.runLater(() -> onAttemptProgress(target, task, attempt, type));
                }
            }
        }
        if (!registered && touched.isEmpty()) {
            return;
        }
        boolean relist = registered;
        Platform.runLater(() -> {
            if (relist) {
                relistTargets();
            }
            if (model.target.get() != null && touched.contains(model.target.get())) {
                reload();
            }
        });
    }

    private static String targetOf(StoredEvent event) {
        return event.targetId() != null ? event.targetId() : event.payload().json().path("target_id").asText("");
    }

    private void relistTargets() {
        background.run(() -> engine.targets().list().stream().map(RegisteredTarget::id).toList(), this::showTargets,
                failure -> model.loadError.set("Cannot list targets: " + failure));
    }

    private void showTargets(List<String> ids) {
        if (stopped) {
            return;
        }
        model.targets.setAll(ids);
        if (model.target.get() == null && !ids.isEmpty()) {
            onSelectTarget(ids.getFirst());
        }
    }

    // ------------------------------------------------------------------ loading

    /** What one load read: the rows and the decision they come from. */
    private record Loaded(String target, String commit, List<TaskRow> rows, ScheduleDecision decision) {
    }

    /** Reads the shown target again; a load already running is followed by one more. */
    void reload() {
        String target = model.target.get();
        if (target == null || stopped) {
            return;
        }
        if (loadRunning) {
            loadAgain = true;
            return;
        }
        loadRunning = true;
        model.loading.set(true);
        background.run(() -> load(target), loaded -> {
            if (Objects.equals(loaded.target(), model.target.get())) {
                show(loaded);
            }
            loadDone();
        }, failure -> {
            if (Objects.equals(target, model.target.get())) {
                model.rows.clear();
                model.selected.set(null);
                model.source.set("");
                model.blockers.set("");
                model.loadError.set(failure);
            }
            loadDone();
        });
    }

    private Loaded load(String targetId) {
        RegisteredTarget target = engine.targets().find(targetId).orElseThrow(() ->
                new IllegalStateException("no target named '" + targetId + "'"));
        TargetInputs inputs = TargetInputs.read(target, engine.home());
        // The decision leviathanctl schedule --dry-run prints: autonomous, every guard, nothing recorded.
        ScheduleDecision decision = engine.dispatch().decide(targetId, new SchedulingMode.Autonomous(), true, operator);
        GovernanceSnapshot history = states.catchUp(targetId);
        List<TaskRow> rows = inputs.backlog().tasks().stream()
                .map(task -> TaskRow.of(task, history.task(task.id()), decision)).toList();
        return new Loaded(targetId, inputs.commit(), rows, decision);
    }

    private void show(Loaded loaded) {
        commit = loaded.commit();
        String selectedId = model.selected.get() == null ? null : model.selected.get().id();
        model.loadError.set("");
        ListUpdate.to(model.rows, loaded.rows());
        model.selected.set(loaded.rows().stream().filter(r -> r.id().equals(selectedId)).findFirst().orElse(null));
        model.source.set(".leviathan/backlog.yaml at " + ApprovalState.shortHash(loaded.commit()) + " · "
                + loaded.rows().size() + (loaded.rows().size() == 1 ? " task" : " tasks"));
        model.blockers.set(String.join("\n", loaded.decision().blockers().stream()
                .map(b -> b.code().wire() + ": " + b.message()).toList()));
    }

    private void loadDone() {
        loadRunning = false;
        model.loading.set(false);
        if (loadAgain) {
            loadAgain = false;
            reload();
        }
    }

    /** A commit to the backlog records no event: reload when the branch tip is not what was read. */
    private void checkTip() {
        String target = model.target.get();
        if (target == null || checkingTip || loadRunning || commit == null) {
            return;
        }
        checkingTip = true;
        background.run(() -> {
            RegisteredTarget registered = engine.targets().find(target).orElseThrow();
            try (TargetRepository repository = TargetRepository.open(registered, engine.home())) {
                return repository.resolve(null);
            }
        }, tip -> {
            checkingTip = false;
            if (target.equals(model.target.get()) && !tip.equals(commit)) {
                reload();
            }
        }, failure -> checkingTip = false);
    }

    // ------------------------------------------------------------------ handlers called by the view

    void onSelectTarget(String target) {
        if (Objects.equals(target, model.target.get())) {
            return;
        }
        model.target.set(target);
        commit = null;
        model.rows.clear();
        model.selected.set(null);
        model.source.set("");
        model.blockers.set("");
        model.loadError.set("");
        model.decisionTitle.set("");
        model.decisionText.set("");
        model.noticeTitle.set("");
        model.noticeText.set("");
        reload();
    }

    void onSelectTask(TaskRow row) {
        model.selected.set(row);
    }

    /**
     * Approves the task as the operator saw it: if its content changed since it was shown, nothing
     * is recorded and the operator is told, so an approval is never for content nobody looked at.
     */
    void onApprove(TaskRow row) {
        String target = model.target.get();
        if (row == null || target == null || model.busy.get()) {
            return;
        }
        begin("Approving " + row.id() + "…");
        background.run(() -> {
            TargetInputs inputs = TargetInputs.read(engine.targets().find(target).orElseThrow(), engine.home());
            Task task = inputs.backlog().task(row.id()).orElseThrow(() -> new ApprovalException("no task '"
                    + row.id() + "' in the backlog of " + target + " at " + ApprovalState.shortHash(inputs.commit())
                    + " any more"));
            if (!task.contentHash().equals(row.contentHash())) {
                throw new ApprovalException("task " + row.id() + " changed since it was shown: its content hash is"
                        + " now " + ApprovalState.shortHash(task.contentHash()) + ", not "
                        + ApprovalState.shortHash(row.contentHash()) + ". Nothing was approved; review it and"
                        + " approve again.");
            }
            return new Approvals(engine.store(), engine.clock()).approve(target, task, inputs.commit(), operator);
        }, (ApprovalResult result) -> {
            end();
            Approval approval = result.approval();
            notice((result.alreadyApproved() ? "Already approved " : "Approved ") + row.id(),
                    "Content " + approval.contentHash() + " at backlog commit "
                            + ApprovalState.shortHash(approval.commit()) + " (" + approval.approvalId() + ")"
                            + (result.alreadyApproved() ? ": nothing was recorded." : ", recorded as task.approved."));
            reload();
        }, failure -> fail("Not approved", failure));
    }

    void onRevoke(TaskRow row, String reason) {
        String target = model.target.get();
        if (row == null || target == null || model.busy.get()) {
            return;
        }
        String why = reason == null || reason.isBlank() ? "revoked by the operator" : reason.strip();
        begin("Revoking the approval of " + row.id() + "…");
        background.run(() -> new Approvals(engine.store(), engine.clock()).revoke(target, row.id(), operator, why),
                approval -> {
                    end();
                    notice("Revoked the approval of " + row.id(), approval.approvalId() + " of content "
                            + ApprovalState.shortHash(approval.contentHash()) + ": " + why
                            + ". Recorded as task.approval_revoked.");
                    reload();
                }, failure -> fail("Not revoked", failure));
    }

    /**
     * {@code leviathanctl dispatch TASK}: a manual decision for the task (every guard but the
     * autonomy switch) and, when it is chosen, its attempt run by a worker to its end.
     */
    void onDispatch(TaskRow row) {
        String target = model.target.get();
        if (row == null || target == null || model.busy.get()) {
            return;
        }
        dispatchingTask = row.id();
        dispatchedAttempt = null;
        begin("Dispatching " + row.id() + ": deciding…");
        background.run(() -> engine.dispatch().decideAndRun(target, new SchedulingMode.Manual(row.id()), operator),
                (DispatchService.Dispatch result) -> {
                    end();
                    dispatchingTask = null;
                    showDecision(result.decision());
                    result.attempt().ifPresentOrElse(this::showAttempt, () -> notice("Not dispatched: "
                            + row.id(), "The scheduler passed the task over; its reasons are in the decision"
                            + " below. The decision was recorded as schedule.decided."));
                    reload();
                }, failure -> {
                    dispatchingTask = null;
                    fail("Dispatch failed", failure);
                });
    }

    private void showAttempt(DispatchService.AttemptEnd attempt) {
        String seconds = String.format(Locale.ROOT, "%.1f", attempt.elapsed().toMillis() / 1000.0);
        notice("Attempt " + attempt.attemptId() + " " + attempt.status(), "Task " + attempt.taskId() + ", "
                + seconds + " s" + (attempt.prId() != null ? ": pull request " + attempt.prId()
                        : attempt.reason() != null ? ": " + attempt.reason() : "."));
    }

    /** {@code leviathanctl schedule --dry-run}: the decision with every reason; nothing is recorded. */
    void onDryRun() {
        String target = model.target.get();
        if (target == null || model.busy.get()) {
            return;
        }
        begin("Deciding (dry run)…");
        background.run(() -> engine.dispatch().decide(target, new SchedulingMode.Autonomous(), true, operator),
                decision -> {
                    end();
                    showDecision(decision);
                }, failure -> fail("Dry run failed", failure));
    }

    void onRefresh() {
        reload();
    }

    void onFailureShown() {
        model.failure.set(null);
    }

    private void onAttemptProgress(String target, String task, String attempt, String type) {
        if (dispatchingTask == null || !target.equals(model.target.get()) || !task.equals(dispatchingTask)) {
            return;
        }
        if (dispatchedAttempt == null || dispatchedAttempt.equals(attempt)) {
            dispatchedAttempt = attempt;
            model.progress.set(type.equals(EventType.ATTEMPT_STARTED.wire())
                    ? "Attempt " + attempt + " of " + task + " running: the worker is at work…"
                    : "Attempt " + attempt + " of " + task + " created: starting its worker…");
        }
    }

    private void showDecision(ScheduleDecision decision) {
        String heading = decision.chosen().map(t -> "Would dispatch " + t.id()).orElse("Nothing to dispatch");
        if (decision.mode() instanceof SchedulingMode.Manual manual) {
            heading = decision.chosen().map(t -> "Dispatched " + t.id()).orElse("Not dispatched: " + manual.taskId());
        }
        List<Blocker> blockers = decision.blockers();
        model.decisionTitle.set(heading + (blockers.isEmpty() ? "" : " (blocked: " + String.join(", ",
                blockers.stream().map(b -> b.code().wire()).toList()) + ")"));
        model.decisionText.set(DecisionText.render(decision));
    }

    private void begin(String progress) {
        model.busy.set(true);
        model.progress.set(progress);
    }

    private void end() {
        model.busy.set(false);
        model.progress.set("");
    }

    private void notice(String title, String text) {
        model.noticeTitle.set(title);
        model.noticeText.set(text);
    }

    private void fail(String title, String message) {
        end();
        model.failure.set(new BacklogModel.Failure(title, message));
    }

    // ------------------------------------------------------------------ screen lifecycle

    @Override
    public Node view() {
        return view.root();
    }

    @Override
    public void onActivate() {
        view.bind(model);
        tipPoll.play();
        reload();
    }

    @Override
    public void onDeactivate() {
        tipPoll.stop();
        view.unbind();
    }

    @Override
    public java.util.Optional<String> workInFlight() {
        return model.busy.get() ? java.util.Optional.of(model.progress.get().isEmpty() ? "a backlog action is running"
                : model.progress.get()) : java.util.Optional.empty();
    }

    @Override
    public void stop() {
        stopped = true;
        tipPoll.stop();
        if (feed != null) {
            feed.close();
            feed = null;
        }
    }
}
