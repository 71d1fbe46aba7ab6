package dev.leviathan.console.targets;

import dev.leviathan.console.ui.Background;
import dev.leviathan.console.ui.ListUpdate;
import dev.leviathan.console.ui.ScreenController;
import dev.leviathan.engine.Engine;
import dev.leviathan.engine.bootstrap.BootstrapException;
import dev.leviathan.engine.bootstrap.BootstrapProgress;
import dev.leviathan.engine.bootstrap.BootstrapRequest;
import dev.leviathan.engine.bootstrap.BootstrapResult;
import dev.leviathan.engine.bootstrap.Bootstrapper;
import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.event.EventQuery;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.event.Subscription;
import dev.leviathan.engine.target.Problem;
import dev.leviathan.engine.target.RegisterTargetRequest;
import dev.leviathan.engine.target.RegisteredTarget;
import dev.leviathan.engine.target.RegistrationProblem;
import dev.leviathan.engine.target.RepoLocation;
import dev.leviathan.engine.target.TargetFileException;
import dev.leviathan.engine.target.TargetRegistrationException;
import dev.leviathan.engine.target.TargetRegistry;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.util.Duration;

/**
 * Registers targets and keeps the list of registered targets current. The form is validated by
 * the engine as the operator types (debounced, in the background); a field's problems show once
 * the operator has touched it. The list follows the store, so a target registered or bootstrapped
 * by {@code leviathanctl} in another process appears too, with its last bootstrap. The selected
 * target's files are read in the background; a bootstrap runs there too, as
 * {@code leviathanctl bootstrap} runs it, its progress published a few times a second.
 */
public final class TargetsController implements ScreenController {

    static final Duration DEBOUNCE = Duration.millis(300);
    /** How often a running bootstrap's progress reaches the screen: the engine reports every file. */
    static final Duration PROGRESS_EVERY = Duration.millis(80);

    enum Field { NAME, REPO, BRANCH }

    /** What a registration did: recorded the target, or refused it with a problem per field. */
    private sealed interface Outcome {
        record Registered(RegisteredTarget target) implements Outcome {
        }

        record Refused(List<RegistrationProblem> problems) implements Outcome {
        }
    }

    private final TargetRegistry registry;
    private final EventStore store;
    private final Bootstrapper bootstrapper;
    private final LeviathanHome home;
    private final Background background;
    private final String operator;
    private final TargetsModel model = new TargetsModel();
    private final TargetsView view;
    private final PauseTransition debounce = new PauseTransition(DEBOUNCE);
    private final Set<Field> touched = EnumSet.noneOf(Field.class);
    private long validation;
    /** The last finished validation was of the form as it is now. */
    private boolean validated;
    private boolean problemsFound;
    private boolean resetting;
    private boolean refreshing;
    private boolean refreshAgain;
    private Subscription feed;
    private boolean stopped;
    private long detailRead;
    /** Set to stop the running bootstrap; the engine polls it. Null when none runs. */
    private AtomicBoolean cancel;
    private Timeline ticker;

    public TargetsController(Engine engine, Background background, String operator, ZoneId zone) {
        this(engine.targets(), engine.store(), engine.bootstrapper(), engine.home(), background, operator, zone);
    }

    TargetsController(TargetRegistry registry, EventStore store, Bootstrapper bootstrapper, LeviathanHome home,
            Background background, String operator, ZoneId zone) {
        this.registry = registry;
        this.store = store;
        this.bootstrapper = bootstrapper;
        this.home = home;
        this.background = background;
        this.operator = operator;
        this.view = new TargetsView(this, zone);
        debounce.setOnFinished(e -> validateNow());
        model.name.addListener((o, was, now) -> onEdited(Field.NAME));
        model.repo.addListener((o, was, now) -> onEdited(Field.REPO));
        model.branch.addListener((o, was, now) -> onEdited(Field.BRANCH));
    }

    public TargetsModel model() {
        return model;
    }

    /** Lists the registered targets, then follows the store for new registrations. */
    public void start() {
        background.run(() -> {
            long head = store.head().seq();
            List<RegisteredTarget> targets = registry.list();
            Map<String, LastBootstrap> last = lastBootstraps(targets);
            // runLater is FIFO: the list lands before any refresh a later registration causes.
            Platform.runLater(() -> {
                showLastBootstraps(last);
                showTargets(targets);
            });
            return store.subscribe(head, this::onEvents);
        }, subscription -> {
            if (stopped) {
                subscription.close();
            } else {
                feed = subscription;
            }
        }, failure -> model.listError.set("Cannot list targets: " + failure));
    }

    /** Background: each target's newest bootstrap.* event, one indexed query per target. */
    private Map<String, LastBootstrap> lastBootstraps(List<RegisteredTarget> targets) {
        Map<String, LastBootstrap> last = new HashMap<>();
        for (RegisteredTarget target : targets) {
            store.read(EventQuery.latest(1).withTypes(LastBootstrap.TYPES).withTarget(target.id())).stream()
                    .findFirst().flatMap(LastBootstrap::of).ifPresent(b -> last.put(target.id(), b));
        }
        return last;
    }

    /** Subscription thread. A bootstrap's bundle is thousands of facts: only its run events count. */
    private void onEvents(List<StoredEvent> batch) {
        boolean registered = false;
        Map<String, LastBootstrap> last = new HashMap<>();
        for (StoredEvent event : batch) {
            registered |= TargetRegistry.REGISTERED.equals(event.eventType());
            LastBootstrap.of(event).ifPresent(b -> last.merge(event.targetId(), b,
                    (x, y) -> x.seq() >= y.seq() ? x : y));
        }
        if (!last.isEmpty()) {
            Platform.runLater(() -> showLastBootstraps(last));
        }
        if (registered) {
            Platform.runLater(this::refresh);
        }
    }

    /** Keeps the newer of what is shown and what arrived: a query and the feed may overlap. */
    private void showLastBootstraps(Map<String, LastBootstrap> last) {
        last.forEach((id, bootstrap) -> {
            LastBootstrap shown = model.lastBootstraps.get(id);
            if (shown == null || shown.seq() < bootstrap.seq()) {
                model.lastBootstraps.put(id, bootstrap);
            }
        });
    }

    private void refresh() {
        if (stopped) {
            return;
        }
        if (refreshing) {
            refreshAgain = true;
            return;
        }
        refreshing = true;
        background.run(registry::list, targets -> {
            showTargets(targets);
            refreshDone();
        }, failure -> {
            model.listError.set("Cannot list targets: " + failure);
            refreshDone();
        });
    }

    private void refreshDone() {
        refreshing = false;
        if (refreshAgain) {
            refreshAgain = false;
            refresh();
        }
    }

    private void showTargets(List<RegisteredTarget> targets) {
        model.listError.set("");
        ListUpdate.to(model.targets, targets);
        if (model.selected.get() == null && !targets.isEmpty()) {
            onSelect(targets.getFirst());
        }
    }

    // ------------------------------------------------------------------ the selected target

    void onSelect(RegisteredTarget target) {
        if (target == null || target.equals(model.selected.get())) {
            return;
        }
        model.selected.set(target);
        model.detail.set(null);
        readDetail();
    }

    /** Reads the selected target's files again: they change with commits, which make no event. */
    void onReloadDetail() {
        readDetail();
    }

    private void readDetail() {
        RegisteredTarget target = model.selected.get();
        if (target == null) {
            return;
        }
        long current = ++detailRead;
        model.detailLoading.set(true);
        model.detailError.set("");
        background.run(() -> TargetDetail.read(target, home), detail -> {
            if (current == detailRead) {
                model.detailLoading.set(false);
                model.detail.set(detail);
            }
        }, failure -> {
            if (current == detailRead) {
                model.detailLoading.set(false);
                model.detailError.set("Cannot read the files of " + target.id() + ": " + failure);
            }
        });
    }

    // ------------------------------------------------------------------ bootstrap

    /** Bootstraps the selected target at its default branch, as {@code leviathanctl bootstrap TARGET} does. */
    void onBootstrap() {
        RegisteredTarget target = model.selected.get();
        if (target == null || model.bootstrapping.get()) {
            return;
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        cancel = cancelled;
        LiveProgress live = new LiveProgress();
        model.bootstrapTarget.set(target.id());
        model.bootstrapOutcome.set(null);
        model.bootstrapPhase.set("starting");
        model.filesDone.set(0);
        model.filesTotal.set(0);
        model.factsMade.set(-1);
        model.bootstrapProgress.set(-1);
        model.cancelling.set(false);
        model.bootstrapping.set(true);
        // The engine reports every file from several threads; the screen samples what it last said.
        ticker = new Timeline(new KeyFrame(PROGRESS_EVERY, e -> publish(live)));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
        BootstrapRequest request = new BootstrapRequest(target.id(), null, operator, false, live, cancelled::get);
        background.run(() -> {
            try {
                return (Object) bootstrapper.bootstrap(request);
            } catch (BootstrapException e) {
                return e;
            }
        }, outcome -> {
            finishBootstrap(live);
            if (outcome instanceof BootstrapResult result) {
                model.bootstrapOutcome.set(completed(result));
            } else {
                model.bootstrapOutcome.set(refused(target.id(), (BootstrapException) outcome, cancelled.get()));
            }
        }, failure -> {
            finishBootstrap(live);
            model.bootstrapOutcome.set(new TargetsModel.BootstrapOutcome(TargetsModel.BootstrapOutcome.Kind.FAILED,
                    "Bootstrap of " + target.id() + " failed", failure, List.of()));
        });
    }

    /** Asks the running bootstrap to stop; the engine then records bootstrap.failed and no fact. */
    void onCancelBootstrap() {
        if (cancel != null && model.bootstrapping.get()) {
            cancel.set(true);
            model.cancelling.set(true);
        }
    }

    private void publish(LiveProgress live) {
        model.bootstrapPhase.set(live.phase.get());
        long files = live.files.get();
        int done = (int) (files & 0xffffffffL);
        int total = (int) (files >>> 32);
        model.filesDone.set(done);
        model.filesTotal.set(total);
        model.factsMade.set(live.facts.get());
        model.bootstrapProgress.set(total > 0 ? (double) done / total : -1);
    }

    private void finishBootstrap(LiveProgress live) {
        if (ticker != null) {
            ticker.stop();
            ticker = null;
        }
        publish(live);
        cancel = null;
        model.bootstrapping.set(false);
        model.cancelling.set(false);
    }

    private static TargetsModel.BootstrapOutcome completed(BootstrapResult result) {
        int facts = result.emitted().values().stream().mapToInt(Integer::intValue).sum();
        String seconds = String.format(Locale.ROOT, "%.2f s", result.duration().toMillis() / 1000.0);
        String commit = result.commit().substring(0, 12);
        String files = String.format(Locale.ROOT, "%,d files", result.counts().files());
        if (result.mode() == BootstrapResult.Mode.UNCHANGED) {
            return new TargetsModel.BootstrapOutcome(TargetsModel.BootstrapOutcome.Kind.UNCHANGED,
                    "Already bootstrapped", result.targetId() + " at " + commit + ": " + files + "; nothing was recorded (checked in " + seconds + ").", List.of());
        }
        String how = result.mode() == BootstrapResult.Mode.INCREMENTAL
                ? "incremental since " + result.baseCommit().substring(0, 12) : "full";
        return new TargetsModel.BootstrapOutcome(TargetsModel.BootstrapOutcome.Kind.COMPLETED,
                "Bootstrap completed", result.targetId() + " at " + commit + ": " + String.format(Locale.ROOT,
                        "%s, %,d facts recorded (%s) in %s; seq %d..%d, ending with"
                        + " bootstrap.completed.", files, facts, how, seconds, result.firstSeq(), result.lastSeq()),
                List.of());
    }

    private static TargetsModel.BootstrapOutcome refused(String targetId, BootstrapException e, boolean cancelled) {
        List<Problem> problems = e.getCause() instanceof TargetFileException file ? file.problems() : List.of();
        if (cancelled && e.kind() == BootstrapException.Kind.FAILED) {
            return new TargetsModel.BootstrapOutcome(TargetsModel.BootstrapOutcome.Kind.CANCELLED,
                    "Bootstrap of " + targetId + " cancelled",
                    e.getMessage() + ". Recorded as bootstrap.failed.", List.of());
        }
        // With problems, each is shown on its own with its place and hint; the message repeats them.
        String text = problems.isEmpty() ? e.getMessage() : problems.size() + " problem(s) in the target's files.";
        return new TargetsModel.BootstrapOutcome(TargetsModel.BootstrapOutcome.Kind.FAILED,
                "Bootstrap of " + targetId + " failed", text, problems);
    }

    /** What the engine last said; written by the bootstrap's threads, read by the ticker. */
    private static final class LiveProgress implements BootstrapProgress {

        final AtomicReference<String> phase = new AtomicReference<>("starting");
        /** total in the high 32 bits, done in the low: one value, so the pair is never torn. */
        final AtomicLong files = new AtomicLong();

        @Override
        public void phase(String description) {
            phase.set(description);
        }

        final java.util.concurrent.atomic.AtomicInteger facts = new java.util.concurrent.atomic.AtomicInteger(-1);

        @Override
        public void facts(int made) {
            facts.set(made);
        }

        @Override
        public void files(int done, int total) {
            long now = ((long) total << 32) | (done & 0xffffffffL);
            // Threads report out of order: within one count keep the highest, a new count replaces.
            files.accumulateAndGet(now, (was, next) -> (was >>> 32) == (next >>> 32) && was > next ? was : next);
        }
    }

    // ------------------------------------------------------------------ the form

    private void onEdited(Field field) {
        if (resetting) {
            return;
        }
        touched.add(field);
        // A validation still running is of an older form: its answer must not count.
        validation++;
        model.checking.set(false);
        validated = false;
        model.formError.set("");
        model.registeredTitle.set("");
        model.registeredText.set("");
        updateCanRegister();
        debounce.playFromStart();
    }

    private void validateNow() {
        long current = ++validation;
        if (formIsBlank()) {
            showProblems(List.of());
            model.checking.set(false);
            validated = true;
            problemsFound = false;
            updateCanRegister();
            return;
        }
        RegisterTargetRequest request = request();
        model.checking.set(true);
        background.run(() -> registry.validate(request), problems -> {
            if (current != validation) {
                return;
            }
            model.checking.set(false);
            validated = true;
            problemsFound = !problems.isEmpty();
            showProblems(problems);
            updateCanRegister();
        }, failure -> {
            if (current == validation) {
                model.checking.set(false);
                model.formError.set("Cannot check the form: " + failure);
            }
        });
    }

    void onRegister() {
        if (!model.canRegister.get()) {
            return;
        }
        debounce.stop();
        validation++;
        model.checking.set(false);
        touched.addAll(EnumSet.allOf(Field.class));
        model.registering.set(true);
        updateCanRegister();
        RegisterTargetRequest request = request();
        background.run(() -> {
            try {
                return (Outcome) new Outcome.Registered(registry.register(request));
            } catch (TargetRegistrationException e) {
                return new Outcome.Refused(e.problems());
            }
        }, outcome -> {
            model.registering.set(false);
            switch (outcome) {
                case Outcome.Registered registered -> showRegistered(registered.target());
                case Outcome.Refused refused -> {
                    validated = true;
                    problemsFound = true;
                    showProblems(refused.problems());
                }
            }
            updateCanRegister();
        }, failure -> {
            model.registering.set(false);
            model.formError.set("Registration failed: " + failure);
            updateCanRegister();
        });
    }

    private void showRegistered(RegisteredTarget target) {
        resetting = true;
        try {
            model.name.set("");
            model.repo.set("");
            model.branch.set("");
        } finally {
            resetting = false;
        }
        touched.clear();
        validated = false;
        problemsFound = false;
        showProblems(List.of());
        model.registeredTitle.set("Registered " + target.id());
        model.registeredText.set((target.kind() == RepoLocation.Kind.LOCAL ? "Local" : "Remote")
                + " repository, branch " + target.defaultBranch() + ". Recorded as target.registered at seq "
                + target.seq() + ".");
        refresh();
    }

    private void showProblems(List<RegistrationProblem> problems) {
        boolean anyTouched = !touched.isEmpty();
        model.nameProblem.set(anyTouched ? join(problems, "id") : "");
        model.repoProblem.set(touched.contains(Field.REPO) ? join(problems, "repo") : "");
        model.branchProblem.set(touched.contains(Field.REPO) || touched.contains(Field.BRANCH)
                ? join(problems, "default_branch") : "");
    }

    private static String join(List<RegistrationProblem> problems, String field) {
        return String.join("\n", problems.stream().filter(p -> p.field().equals(field))
                .map(RegistrationProblem::message).toList());
    }

    /** Register is offered unless the form is known to be wrong or a registration is running. */
    private void updateCanRegister() {
        model.canRegister.set(!model.registering.get() && !model.repo.get().isBlank()
                && !(validated && problemsFound));
    }

    private boolean formIsBlank() {
        return model.name.get().isBlank() && model.repo.get().isBlank() && model.branch.get().isBlank();
    }

    private RegisterTargetRequest request() {
        return new RegisterTargetRequest(model.name.get().strip(), model.repo.get().strip(),
                model.branch.get().strip(), operator);
    }

    // ------------------------------------------------------------------ screen lifecycle

    @Override
    public Node view() {
        return view.root();
    }

    @Override
    public void onActivate() {
        view.bind(model);
    }

    @Override
    public void onDeactivate() {
        view.unbind();
    }

    @Override
    public java.util.Optional<String> workInFlight() {
        return model.bootstrapping.get()
                ? java.util.Optional.of("a bootstrap of " + model.bootstrapTarget.get() + " is running")
                : java.util.Optional.empty();
    }

    @Override
    public void stop() {
        stopped = true;
        debounce.stop();
        if (cancel != null) {
            cancel.set(true);
        }
        if (ticker != null) {
            ticker.stop();
        }
        if (feed != null) {
            feed.close();
            feed = null;
        }
    }
}
