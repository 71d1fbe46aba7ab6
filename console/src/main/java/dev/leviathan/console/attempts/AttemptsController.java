package dev.leviathan.console.attempts;

import dev.leviathan.console.ui.Background;
import dev.leviathan.console.ui.ListUpdate;
import dev.leviathan.console.ui.ScreenController;
import dev.leviathan.engine.Engine;
import dev.leviathan.engine.graph.AttemptView;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.util.Duration;

/**
 * Attempts across targets, from the engine's graph, which follows the store: every batch of new
 * events refreshes the list (one refresh at a time, coalesced), and the selected attempt is read
 * again when its events change. The operator's actions are the CLI's (see {@link AttemptCommands}).
 */
public final class AttemptsController implements ScreenController {

    /** Attempts listed at most, newest first. */
    static final int LIMIT = 1_000;

    /** The statuses the filter offers, as the events name them. */
    static final List<String> STATUSES = List.of("created", "started", "succeeded", "failed", "invalidated");

    /** How often a running attempt's log is read for new lines. */
    static final long LOG_POLL_MILLIS = 500;

    private final Engine engine;
    private final Background background;
    private final ZoneId zone;
    private final AttemptDetails details;
    private final AttemptCommands commands;
    private final AttemptsModel model = new AttemptsModel();
    private final AttemptsView view;
    private final TreeSet<String> seenTargets = new TreeSet<>();
    private final AtomicBoolean refreshRunning = new AtomicBoolean();
    private final AtomicBoolean refreshDirty = new AtomicBoolean();
    private final Runnable onGraphChange = this::queueRefresh;
    private volatile Filter filter = new Filter(null, null, null);
    private String selected;
    private long detailGeneration;
    private boolean started;
    private boolean active;
    private volatile boolean stopped;

    public AttemptsController(Engine engine, Background background, String operator, ZoneId zone) {
        this.engine = engine;
        this.background = background;
        this.zone = zone;
        this.details = new AttemptDetails(engine, zone);
        this.commands = new AttemptCommands(engine, operator);
        this.view = new AttemptsView(this);
    }

    public AttemptsModel model() {
        return model;
    }

    /** Null fields match everything; {@code task} matches task ids containing it, ignoring case. */
    record Filter(String target, String status, String task) {

        boolean active() {
            return target != null || status != null || task != null;
        }

        boolean matches(AttemptView attempt) {
            return task == null || attempt.taskId() != null
                    && attempt.taskId().toLowerCase(Locale.ROOT).contains(task.toLowerCase(Locale.ROOT));
        }
    }

    /** Catches the graph up and starts following the store; done on first show, off the FX thread. */
    private void start() {
        started = true;
        engine.graph().onChange(onGraphChange);
        queueRefresh();
    }

    // ------------------------------------------------------------------ handlers called by the view

    void onFilter(String target, String status, String task) {
        Filter next = new Filter(blankToNull(target), blankToNull(status), blankToNull(task));
        if (next.equals(filter)) {
            return;
        }
        filter = next;
        model.filterActive.set(next.active());
        queueRefresh();
    }

    void onSelect(AttemptRow row) {
        String attemptId = row == null ? null : row.attemptId();
        if (attemptId != null && attemptId.equals(selected)) {
            return;
        }
        selected = attemptId;
        model.detail.set(null);
        model.artifactLines.clear();
        if (attemptId != null) {
            loadDetail(attemptId);
        }
    }

    void onSelectArtifact(AttemptDetail.ArtifactEntry artifact) {
        model.artifactLines.clear();
        if (artifact == null) {
            return;
        }
        background.run(() -> details.artifactContent(artifact), model.artifactLines::setAll,
                failure -> model.artifactLines.setAll("cannot read the artifact: " + failure));
    }

    void onMerge(String prId) {
        act("Merging " + prId + "…", () -> commands.merge(prId));
    }

    void onClose(String prId, String reason) {
        act("Closing " + prId + "…", () -> commands.close(prId, reason));
    }

    void onInvalidate(String attemptId, String reason) {
        act("Invalidating " + attemptId + "…", () -> commands.invalidate(attemptId, reason));
    }

    void onRetry(String attemptId) {
        act("Retrying " + attemptId + ": the worker runs the task again…", () -> commands.retry(attemptId));
    }

    void onFailureShown() {
        model.failure.set("");
    }

    // ------------------------------------------------------------------ loading and following

    private void act(String what, Callable<String> action) {
        if (!model.busy.get().isEmpty()) {
            return;
        }
        model.busy.set(what);
        model.notice.set("");
        background.run(action, done -> {
            model.busy.set("");
            model.notice.set(done);
            reloadSelected();
        }, failure -> {
            model.busy.set("");
            model.failure.set(failure);
            reloadSelected();
        });
    }

    private void reloadSelected() {
        if (selected != null) {
            loadDetail(selected);
        }
    }

    private void loadDetail(String attemptId) {
        long current = ++detailGeneration;
        model.detailLoading.set(true);
        background.run(() -> details.load(attemptId), detail -> {
            if (current == detailGeneration && attemptId.equals(selected)) {
                model.detailLoading.set(false);
                model.logTail.clear();
                model.detail.set(detail);
                if (detail.logFollowed()) {
                    followLog(current, attemptId, detail.logFollowFrom());
                }
            }
        }, failure -> {
            if (current == detailGeneration) {
                model.detailLoading.set(false);
                model.failure.set("Cannot read attempt " + attemptId + ": " + failure);
            }
        });
    }

    /**
     * Reads the running attempt's log on from {@code offset} every {@value #LOG_POLL_MILLIS} ms, off the
     * FX thread, and appends what came, for as long as this detail is the one shown and the screen is
     * active. The attempt's end records an event, which reloads the detail with the stored log.
     */
    private void followLog(long generation, String attemptId, long offset) {
        PauseTransition wait = new PauseTransition(Duration.millis(LOG_POLL_MILLIS));
        wait.setOnFinished(tick -> {
            if (!following(generation)) {
                return;
            }
            background.run(() -> engine.attemptLogs().read(attemptId, offset), chunk -> {
                if (!following(generation)) {
                    return;
                }
                model.logTail.addAll(chunk.lines());
                if (!(chunk.ended() && chunk.lines().isEmpty())) {
                    followLog(generation, attemptId, chunk.next());
                }
            }, failure -> model.logTail.add("[cannot follow the log: " + failure + "]"));
        });
        wait.play();
    }

    private boolean following(long generation) {
        return !stopped && active && generation == detailGeneration;
    }

    /**
     * Any thread. One refresh runs at a time, so results arrive in order; a change that comes while
     * one runs makes it run once more when it is done, so nothing that happened is missed.
     */
    private void queueRefresh() {
        refreshDirty.set(true);
        if (stopped || !refreshRunning.compareAndSet(false, true)) {
            return;
        }
        refreshDirty.set(false);
        background.run(() -> {
            Filter wanted = filter;
            List<AttemptView> attempts = engine.graph().projection().attempts(wanted.target(), wanted.status(),
                    LIMIT);
            List<AttemptRow> rows = attempts.stream().filter(wanted::matches).map(a -> AttemptRow.of(a, zone))
                    .toList();
            List<String> targets = engine.graph().projection().attempts(null, null, Integer.MAX_VALUE).stream()
                    .map(AttemptView::targetId).filter(t -> t != null).distinct().toList();
            return new Refresh(wanted, rows, targets);
        }, refresh -> {
            refreshRunning.set(false);
            show(refresh);
            if (refreshDirty.get()) {
                queueRefresh();
            }
        }, failure -> {
            refreshRunning.set(false);
            model.loading.set(false);
            model.error.set("Cannot read attempts: " + failure);
        });
    }

    private record Refresh(Filter filter, List<AttemptRow> rows, List<String> targets) {
    }

    private void show(Refresh refresh) {
        if (stopped) {
            return;
        }
        if (!refresh.filter().equals(filter)) {
            // The filter changed while this ran: the refresh it queued shows the right rows.
            return;
        }
        model.error.set("");
        if (seenTargets.addAll(refresh.targets())) {
            model.knownTargets.setAll(seenTargets);
        }
        AttemptRow selectedRow = null;
        for (AttemptRow row : refresh.rows()) {
            if (row.attemptId().equals(selected)) {
                selectedRow = row;
            }
        }
        if (!model.rows.equals(refresh.rows())) {
            view.keepSelection(() -> ListUpdate.to(model.rows, refresh.rows()), selected);
        }
        model.loading.set(false);
        int count = refresh.rows().size();
        String noun = refresh.filter().active() ? (count == 1 ? "matching attempt" : "matching attempts")
                : (count == 1 ? "attempt" : "attempts");
        model.countText.set(String.format(Locale.ROOT, "%,d %s · newest first · following live", count, noun)
                + (count >= LIMIT ? String.format(Locale.ROOT, " (newest %,d)", LIMIT) : ""));
        // New events of the selected attempt (a merge by another process, say): read it again.
        AttemptDetail shown = model.detail.get();
        if (selectedRow != null && shown != null && selectedRow.lastSeq() > shown.lastSeq()) {
            loadDetail(selected);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    // ------------------------------------------------------------------ screen lifecycle

    @Override
    public Node view() {
        return view.root();
    }

    @Override
    public void onActivate() {
        view.bind(model);
        active = true;
        if (!started) {
            start();
        } else {
            // Following stopped while the screen was away: read the selected attempt afresh.
            reloadSelected();
        }
    }

    @Override
    public void onDeactivate() {
        active = false;
        view.unbind();
    }

    @Override
    public java.util.Optional<String> workInFlight() {
        return model.busy.get().isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(model.busy.get());
    }

    @Override
    public void stop() {
        stopped = true;
        engine.graph().removeListener(onGraphChange);
    }
}
