package dev.leviathan.console.targets;

import dev.leviathan.console.ui.Background;
import dev.leviathan.console.ui.ScreenController;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.event.Subscription;
import dev.leviathan.engine.target.RegisterTargetRequest;
import dev.leviathan.engine.target.RegisteredTarget;
import dev.leviathan.engine.target.RegistrationProblem;
import dev.leviathan.engine.target.RepoLocation;
import dev.leviathan.engine.target.TargetRegistrationException;
import dev.leviathan.engine.target.TargetRegistry;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.util.Duration;

/**
 * Registers targets and keeps the list of registered targets current. The form is validated by
 * the engine as the operator types (debounced, in the background); a field's problems show once
 * the operator has touched it. The list follows the store, so a target registered by
 * {@code leviathanctl} in another process appears too.
 */
public final class TargetsController implements ScreenController {

    static final Duration DEBOUNCE = Duration.millis(300);

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

    public TargetsController(TargetRegistry registry, EventStore store, Background background, String operator,
            ZoneId zone) {
        this.registry = registry;
        this.store = store;
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
            // runLater is FIFO: the list lands before any refresh a later registration causes.
            Platform.runLater(() -> showTargets(targets));
            return store.subscribe(head, this::onEvents);
        }, subscription -> {
            if (stopped) {
                subscription.close();
            } else {
                feed = subscription;
            }
        }, failure -> model.listError.set("Cannot list targets: " + failure));
    }

    /** Subscription thread. */
    private void onEvents(List<StoredEvent> batch) {
        boolean registered = batch.stream().anyMatch(e -> TargetRegistry.REGISTERED.equals(e.eventType()));
        if (registered) {
            Platform.runLater(this::refresh);
        }
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
        model.targets.setAll(targets);
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
    public void stop() {
        stopped = true;
        debounce.stop();
        if (feed != null) {
            feed.close();
            feed = null;
        }
    }
}
