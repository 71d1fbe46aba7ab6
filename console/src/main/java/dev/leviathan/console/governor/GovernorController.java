package dev.leviathan.console.governor;

import dev.leviathan.console.ui.Background;
import dev.leviathan.console.ui.ListUpdate;
import dev.leviathan.console.ui.ScreenController;
import dev.leviathan.engine.Engine;
import dev.leviathan.engine.dispatch.TargetInputs;
import dev.leviathan.engine.event.ChainHead;
import dev.leviathan.engine.event.EventQuery;
import dev.leviathan.engine.event.EventType;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.event.Subscription;
import dev.leviathan.engine.govern.AutonomyChange;
import dev.leviathan.engine.govern.AutonomySwitch;
import dev.leviathan.engine.govern.CircuitBreaker;
import dev.leviathan.engine.govern.CircuitReset;
import dev.leviathan.engine.govern.DecisionText;
import dev.leviathan.engine.govern.GovernanceSnapshot;
import dev.leviathan.engine.govern.GovernanceState;
import dev.leviathan.engine.govern.GovernanceStates;
import dev.leviathan.engine.govern.ScheduleDecision;
import dev.leviathan.engine.govern.SchedulingMode;
import dev.leviathan.engine.target.AutonomyConfig;
import dev.leviathan.engine.target.RegisteredTarget;
import dev.leviathan.engine.target.SafetyRules;
import dev.leviathan.engine.target.TargetFiles;
import dev.leviathan.engine.target.TargetRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.TreeSet;
import javafx.application.Platform;
import javafx.scene.Node;

/**
 * The Governor screen: the kill switch, emergency stop and circuit breaker of the selected target,
 * its limits beside the current counts, and its decision stream, live. Every operator action is
 * the engine command {@code leviathanctl} runs for it ({@code autonomy enable|disable|stop},
 * {@code circuit reset}, {@code schedule --dry-run}), with the same defaults, so both record the
 * same events.
 *
 * <p>Selecting a target starts a new generation, as on the Events screen: a fresh page of its
 * stream and a fresh subscription from the head read with it; anything still arriving for an older
 * generation is dropped on the FX thread. Any new governance event of the target also re-reads
 * its state (coalesced: one read at a time, one more if events came meanwhile).
 */
public final class GovernorController implements ScreenController {

    /** Stream lines read when a target is selected. */
    static final int STREAM_PAGE = 200;
    /** Stream lines kept in memory; the newest win. */
    static final int MAX_ROWS = 2_000;
    /** What the stream shows: decisions and every event the governor reads. */
    static final Set<String> STREAM_TYPES;

    static {
        Set<String> types = new TreeSet<>(GovernanceState.eventTypes());
        types.add(EventType.SCHEDULE_DECIDED.wire());
        STREAM_TYPES = Collections.unmodifiableSet(types);
    }

    // The CLI's defaults (GovernCommands), so a reason left blank reads the same in the store.
    static final String ENABLE_REASON = "enabled by the operator";
    static final String DISABLE_REASON = "disabled by the operator";
    static final String STOP_REASON = "emergency stop";
    static final String RESET_REASON = "reset by the operator";

    private final Engine engine;
    private final Background background;
    private final String operator;
    private final ZoneId zone;
    private final GovernanceStates states;
    private final GovernorModel model = new GovernorModel();
    private final GovernorView view;
    private long generation;
    private Subscription targetsFeed;
    private Subscription streamFeed;
    private boolean refreshing;
    private boolean refreshAgain;
    private boolean listing;
    private boolean listAgain;
    private boolean stopped;

    public GovernorController(Engine engine, Background background, String operator, ZoneId zone) {
        this.engine = engine;
        this.background = background;
        this.operator = operator;
        this.zone = zone;
        this.states = new GovernanceStates(engine.store());
        this.view = new GovernorView(this);
    }

    public GovernorModel model() {
        return model;
    }

    /** Lists the registered targets, selects the first, and follows new registrations. */
    public void start() {
        background.run(() -> {
            long head = engine.store().head().seq();
            List<String> targets = ids(engine.targets().list());
            Platform.runLater(() -> showTargets(targets));
            return engine.store().subscribe(head, this::onAnyEvents);
        }, subscription -> {
            if (stopped) {
                subscription.close();
            } else {
                targetsFeed = subscription;
            }
        }, failure -> fail("Cannot list targets", failure));
    }

    /** Subscription thread: only registrations matter here; the stream has its own feed. */
    private void onAnyEvents(List<StoredEvent> batch) {
        if (batch.stream().anyMatch(e -> TargetRegistry.REGISTERED.equals(e.eventType()))) {
            Platform.runLater(this::listTargets);
        }
    }

    private void listTargets() {
        if (stopped) {
            return;
        }
        if (listing) {
            listAgain = true;
            return;
        }
        listing = true;
        background.run(() -> ids(engine.targets().list()), targets -> {
            showTargets(targets);
            listDone();
        }, failure -> {
            fail("Cannot list targets", failure);
            listDone();
        });
    }

    private void listDone() {
        listing = false;
        if (listAgain) {
            listAgain = false;
            listTargets();
        }
    }

    private void showTargets(List<String> targets) {
        if (stopped) {
            return;
        }
        model.targets.setAll(targets);
        if (model.selected.get().isEmpty() && !targets.isEmpty()) {
            onSelectTarget(targets.getFirst());
        }
    }

    private static List<String> ids(List<RegisteredTarget> targets) {
        return targets.stream().map(RegisteredTarget::id).toList();
    }

    // ------------------------------------------------------------------ handlers called by the view

    void onSelectTarget(String targetId) {
        if (targetId == null || targetId.isBlank() || targetId.equals(model.selected.get())) {
            return;
        }
        long current = ++generation;
        closeStream();
        model.selected.set(targetId);
        model.statusKnown.set(false);
        model.notice.set("");
        model.stream.clear();
        model.streamCount.set("");
        model.detailTitle.set("");
        model.detailText.set("");
        refreshStatus();
        background.run(() -> {
            ChainHead head = engine.store().head();
            List<StoredEvent> newestFirst = engine.store().read(EventQuery.latest(STREAM_PAGE).before(head.seq() + 1)
                    .withTypes(STREAM_TYPES).withTarget(targetId));
            List<StreamRow> rows = newestFirst.stream().map(e -> StreamRow.of(e, zone)).toList();
            // Posted before subscribing: runLater is FIFO, so the page lands before any live batch.
            Platform.runLater(() -> showPage(current, rows));
            return engine.store().subscribe(head.seq(), batch -> onStream(current, targetId, batch));
        }, subscription -> {
            if (current != generation || stopped) {
                subscription.close();
            } else {
                streamFeed = subscription;
            }
        }, failure -> {
            if (current == generation) {
                fail("Cannot read the decision stream", failure);
            }
        });
    }

    void onSelectRow(StreamRow row) {
        model.detailTitle.set(row == null ? "" : "seq " + row.seq() + " · " + row.type() + " by " + row.actor()
                + " at " + row.at());
        model.detailText.set(row == null ? "" : row.detail());
    }

    void onEnableAutonomy() {
        String target = model.selected.get();
        act(() -> {
            AutonomyChange change = new AutonomySwitch(engine.store(), engine.clock()).enable(target, operator,
                    ENABLE_REASON);
            return "Autonomy of " + target + " enabled (autonomy.enabled, seq " + change.seq() + ").";
        }, "Autonomy not enabled");
    }

    void onDisableAutonomy(String reason) {
        String target = model.selected.get();
        String why = orDefault(reason, DISABLE_REASON);
        act(() -> {
            AutonomyChange change = new AutonomySwitch(engine.store(), engine.clock()).disable(target, operator, why,
                    false);
            return "Autonomy of " + target + " disabled (autonomy.disabled, seq " + change.seq() + "): " + why + ".";
        }, "Autonomy not disabled");
    }

    /** {@code leviathanctl autonomy stop}: the kill switch off, marked emergency, then the workers stopped. */
    void onEmergencyStop(String reason) {
        String target = model.selected.get();
        String why = orDefault(reason, STOP_REASON);
        act(() -> {
            AutonomyChange change = new AutonomySwitch(engine.store(), engine.clock()).disable(target, operator, why,
                    true);
            List<String> cancelled = engine.dispatch().cancelRunning(target);
            return "Emergency stop of " + target + " recorded (autonomy.disabled, seq " + change.seq()
                    + "): autonomy is off; " + (cancelled.isEmpty() ? "no worker of this console was running"
                            : cancelled.size() + (cancelled.size() == 1 ? " running worker" : " running workers")
                                    + " stopped") + ".";
        }, "Emergency stop failed");
    }

    void onResetCircuit(String reason) {
        String target = model.selected.get();
        String why = orDefault(reason, RESET_REASON);
        act(() -> {
            CircuitReset reset = new CircuitBreaker(engine.store(), engine.clock()).reset(target, operator, why);
            return "Circuit breaker of " + target + " reset (circuit.reset, seq " + reset.seq() + "): "
                    + (reset.wasOpen() ? "it was open" : "it was closed") + ", " + reset.consecutiveFailuresCleared()
                    + " consecutive failures cleared.";
        }, "Circuit breaker not reset");
    }

    /** {@code leviathanctl schedule --dry-run}: decides, records nothing, dispatches nothing. */
    void onDryRun() {
        String target = model.selected.get();
        if (target.isEmpty()) {
            return;
        }
        model.busy.set(true);
        background.run(() -> engine.dispatch().decide(target, new SchedulingMode.Autonomous(), true, operator),
                decision -> {
                    model.busy.set(false);
                    showDryRun(decision);
                }, failure -> {
                    model.busy.set(false);
                    fail("Dry run failed", failure);
                });
    }

    void onFailureShown() {
        model.failureTitle.set("");
        model.failure.set("");
    }

    // ------------------------------------------------------------------ reading and following

    /** Runs an operator command in the background; the state is read again whatever the outcome. */
    private void act(Callable<String> command, String failureTitle) {
        if (model.selected.get().isEmpty() || model.busy.get()) {
            return;
        }
        model.busy.set(true);
        model.notice.set("");
        background.run(command, notice -> {
            model.busy.set(false);
            model.notice.set(notice);
            refreshStatus();
        }, failure -> {
            model.busy.set(false);
            fail(failureTitle, failure);
            refreshStatus();
        });
    }

    private void showDryRun(ScheduleDecision decision) {
        model.detailTitle.set("Dry run · " + decision.chosenTaskId().map(id -> "would dispatch " + id)
                .orElse("nothing to dispatch") + " · nothing recorded");
        model.detailText.set(DecisionText.render(decision).strip());
    }

    private void refreshStatus() {
        if (stopped || model.selected.get().isEmpty()) {
            return;
        }
        if (refreshing) {
            refreshAgain = true;
            return;
        }
        refreshing = true;
        long current = generation;
        String target = model.selected.get();
        background.run(() -> read(target), status -> {
            if (current == generation && !stopped) {
                showStatus(status);
            }
            refreshDone();
        }, failure -> {
            if (current == generation) {
                model.inputsProblem.set("Cannot read the governance of " + target + ": " + failure);
            }
            refreshDone();
        });
    }

    private void refreshDone() {
        refreshing = false;
        if (refreshAgain) {
            refreshAgain = false;
            refreshStatus();
        }
    }

    /**
     * Background: the target's files (autonomy file, policy at the branch head) and its events.
     * A target whose repository cannot be read still shows its switch and breaker from the events
     * and its autonomy file; the problem is shown beside the limits.
     */
    private TargetGovernance read(String targetId) {
        RegisteredTarget target = engine.targets().find(targetId).orElseThrow(() -> new IllegalArgumentException(
                "no target named '" + targetId + "'"));
        Path expected = TargetInputs.autonomyFile(engine.home(), targetId);
        AutonomyConfig config;
        Optional<SafetyRules> safety;
        Optional<Path> file;
        String problem = "";
        try {
            TargetInputs inputs = TargetInputs.read(target, engine.home());
            config = inputs.autonomy();
            safety = Optional.of(inputs.policy().safetyRules());
            file = inputs.autonomyFile();
        } catch (RuntimeException e) {
            problem = "policy.yaml of " + targetId + " could not be read: " + Background.messageOf(e);
            safety = Optional.empty();
            file = Files.isRegularFile(expected) ? Optional.of(expected) : Optional.empty();
            config = file.map(TargetFiles::loadAutonomyConfig).orElse(AutonomyConfig.defaults());
        }
        GovernanceSnapshot history = states.catchUp(targetId);
        return TargetGovernance.of(targetId, history, config, safety, file, expected, problem,
                engine.clock().instant(), zone);
    }

    private void showStatus(TargetGovernance status) {
        model.autonomyEnabled.set(status.autonomyEnabled());
        model.emergency.set(status.emergency());
        model.autonomyText.set(status.autonomyText());
        model.circuitOpen.set(status.circuitOpen());
        model.circuitText.set(status.circuitText());
        ListUpdate.to(model.limits, status.limits());
        model.limitsSource.set(status.limitsSource());
        model.inputsProblem.set(status.inputsProblem());
        model.statusKnown.set(true);
    }

    private void showPage(long pageGeneration, List<StreamRow> rows) {
        if (pageGeneration != generation || stopped) {
            return;
        }
        model.stream.setAll(rows);
        updateCount();
    }

    /** Subscription thread: the target's stream events, formatted here, handed over once per batch. */
    private void onStream(long liveGeneration, String targetId, List<StoredEvent> batch) {
        List<StreamRow> matching = new ArrayList<>();
        for (StoredEvent event : batch) {
            if (STREAM_TYPES.contains(event.eventType()) && targetId.equals(targetOf(event))) {
                matching.add(StreamRow.of(event, zone));
            }
        }
        if (matching.isEmpty()) {
            return;
        }
        Collections.reverse(matching);
        Platform.runLater(() -> {
            if (liveGeneration != generation || stopped) {
                return;
            }
            model.stream.addAll(0, matching.size() > MAX_ROWS ? matching.subList(0, MAX_ROWS) : matching);
            if (model.stream.size() > MAX_ROWS) {
                model.stream.remove(MAX_ROWS, model.stream.size());
            }
            updateCount();
            refreshStatus();
        });
    }

    private static String targetOf(StoredEvent event) {
        if (event.targetId() != null) {
            return event.targetId();
        }
        var id = event.payload().json().get("target_id");
        return id == null || id.isNull() ? null : id.asText();
    }

    private void updateCount() {
        int count = model.stream.size();
        model.streamCount.set(String.format(Locale.ROOT, "%,d %s · newest first · following live", count,
                count == 1 ? "event" : "events"));
    }

    private void fail(String title, String message) {
        model.failureTitle.set(title);
        model.failure.set(message);
    }

    private static String orDefault(String reason, String fallback) {
        return reason == null || reason.isBlank() ? fallback : reason.strip();
    }

    private void closeStream() {
        if (streamFeed != null) {
            streamFeed.close();
            streamFeed = null;
        }
    }

    // ------------------------------------------------------------------ screen lifecycle

    @Override
    public Node view() {
        return view.root();
    }

    @Override
    public void onActivate() {
        view.bind(model);
        // The counts in a time window move with the clock, not only with events.
        refreshStatus();
    }

    @Override
    public void onDeactivate() {
        view.unbind();
    }

    @Override
    public java.util.Optional<String> workInFlight() {
        return model.busy.get() ? java.util.Optional.of("a Governor action is running") : java.util.Optional.empty();
    }

    @Override
    public void stop() {
        stopped = true;
        closeStream();
        if (targetsFeed != null) {
            targetsFeed.close();
            targetsFeed = null;
        }
    }
}
