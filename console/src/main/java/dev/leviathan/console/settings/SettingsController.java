package dev.leviathan.console.settings;

import dev.leviathan.engine.settings.SettingsEnvironment;
import dev.leviathan.engine.settings.SavedSettingsFile;
import dev.leviathan.engine.settings.SavedSettings;
import dev.leviathan.console.palette.Command;
import dev.leviathan.engine.settings.SavedSettings.Llm;
import dev.leviathan.engine.settings.SavedSettings.SecretSource;
import dev.leviathan.engine.settings.SavedSettings.Store;
import dev.leviathan.engine.settings.SavedSettings.Theme;
import dev.leviathan.console.settings.SettingsCheck.Field;
import dev.leviathan.console.settings.SettingsCheck.Finding;
import dev.leviathan.console.settings.SettingsCheck.Severity;
import dev.leviathan.console.settings.SettingsModel.SourceChoice;
import dev.leviathan.console.settings.SettingsModel.StoreChoice;
import dev.leviathan.console.ui.Background;
import dev.leviathan.console.ui.ScreenController;
import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.StoreDescription;
import dev.leviathan.engine.event.StoreSettings;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/**
 * The console's own settings: which store it opens, the llm endpoint, the theme. Save checks the
 * form (URL shapes, files, variables), tests the store by opening it in the background, and only
 * then writes {@code console-settings.properties}. A changed store or endpoint takes effect at the
 * next start, or at once with Reconnect now (the engine closed and opened again); the theme at once. The theme is saved whenever it is switched, here or in the status
 * bar. Environment variables, when set, win over the file, and the screen says which do.
 */
public final class SettingsController implements ScreenController {

    private sealed interface Outcome {
        record Refused(List<Finding> findings, StoreProbe.Result probe) implements Outcome {
        }

        record Saved(List<Finding> findings, StoreProbe.Result probe) implements Outcome {
        }
    }

    private final LeviathanHome home;
    private final Map<String, String> env;
    private final EventStore store;
    private final Background background;
    private final ObservableBooleanValue darkTheme;
    private final Consumer<Boolean> setDark;
    private final java.util.function.Supplier<java.util.Optional<String>> reconnect;
    private final SettingsModel model = new SettingsModel();
    private final SettingsView view;
    private boolean savedDark;
    private boolean stopped;

    /**
     * @param env       the environment the engine was opened with (names checked, values never shown)
     * @param darkTheme the shell's theme, switched by {@code setDark}
     * @param reconnect closes the engine and opens it again on the saved settings, or says why it
     *                  does not now (engine work still running)
     */
    public SettingsController(LeviathanHome home, Map<String, String> env, EventStore store, Background background,
            ObservableBooleanValue darkTheme, Consumer<Boolean> setDark,
            java.util.function.Supplier<java.util.Optional<String>> reconnect) {
        this.reconnect = reconnect;
        this.home = home;
        this.env = Map.copyOf(env);
        this.store = store;
        this.background = background;
        this.darkTheme = darkTheme;
        this.setDark = setDark;
        this.view = new SettingsView(this);
        savedDark = darkTheme.get();
        model.dark.set(darkTheme.get());
        darkTheme.addListener((o, was, now) -> onThemeSwitched(now));
    }

    public SettingsModel model() {
        return model;
    }

    /** Reads the saved settings in the background and applies the saved theme. */
    public void start() {
        model.settingsFile.set(SavedSettingsFile.path(home).toString());
        model.embeddedLocation.set(StoreSettings.embedded(home).displayLocation());
        StoreDescription open = store.description();
        model.openStore.set(open.kind().displayName() + " store at " + open.location());
        model.storeOverride.set(SettingsEnvironment.storeFromEnvironment(env)
                ? StoreSettings.URL_ENV + " is set in this console's environment: it chooses the store, and what"
                        + " is saved here is used only when it is unset."
                : "");
        List<String> llmSet = SettingsEnvironment.llmVariablesSet(env);
        model.llmOverride.set(llmSet.isEmpty() ? ""
                : String.join(", ", llmSet) + (llmSet.size() == 1 ? " is" : " are") + " set in this console's"
                        + " environment: the environment's endpoint is used, and what is saved here only when none"
                        + " of LEVIATHAN_LLM_* is set.");
        background.run(() -> SavedSettingsFile.read(home), settings -> {
            if (stopped) {
                return;
            }
            show(settings);
            model.loaded.set(true);
            boolean dark = settings.theme() == Theme.DARK;
            savedDark = dark;
            if (dark != darkTheme.get()) {
                setDark.accept(dark);
            }
        }, failure -> {
            model.loaded.set(true);
            model.saveError.set("Cannot read the saved settings: " + failure);
        });
    }

    // ------------------------------------------------------------------ handlers called by the view

    void onDarkTheme(boolean dark) {
        if (dark != darkTheme.get()) {
            setDark.accept(dark);
        }
    }

    /** Checks the store fields and opens the store, without saving anything. */
    void onTestStore() {
        if (model.busy.get()) {
            return;
        }
        SavedSettings settings = fromForm();
        begin();
        background.run(() -> {
            List<Finding> findings = SettingsCheck.check(new SavedSettings(settings.store(), Llm.NONE,
                    settings.theme()), env);
            return SettingsCheck.hasErrors(findings) ? new Outcome.Refused(findings, null)
                    : new Outcome.Refused(findings, StoreProbe.test(home, settings, env, store));
        }, outcome -> {
            model.busy.set(false);
            showOutcome(outcome);
        }, this::failed);
    }

    /** How long Test endpoint waits for the endpoint's model list. */
    static final java.time.Duration ENDPOINT_TEST_TIMEOUT = java.time.Duration.ofSeconds(10);

    /**
     * Asks the endpoint in the form (not the saved one) for its model list with the key the form
     * names: whether it answers, takes the key and serves the model. Nothing is saved or recorded.
     */
    void onTestEndpoint() {
        if (model.llmTesting.get()) {
            return;
        }
        SavedSettings settings = fromForm();
        model.llmTesting.set(true);
        model.llmTest.set("");
        background.run(() -> {
            // The form's endpoint, even where the environment sets one of its own for the engine.
            Map<String, String> withoutLlm = new java.util.HashMap<>(env);
            withoutLlm.keySet().removeAll(SettingsEnvironment.LLM_VARIABLES);
            try {
                return dev.leviathan.engine.execute.llm.LlmSettings.fromEnvironment(
                        SettingsEnvironment.apply(settings, withoutLlm))
                        .map(llm -> dev.leviathan.engine.execute.llm.EndpointCheck.check(llm, ENDPOINT_TEST_TIMEOUT))
                        .orElse(new dev.leviathan.engine.execute.llm.EndpointCheck.Result(false,
                                "no endpoint to test: fill in the base URL, the model and the key"));
            } catch (dev.leviathan.engine.execute.llm.LlmSettingsException e) {
                return new dev.leviathan.engine.execute.llm.EndpointCheck.Result(false, e.getMessage());
            }
        }, result -> {
            model.llmTesting.set(false);
            model.llmTestOk.set(result.works());
            model.llmTest.set((result.works() ? "Endpoint works: " : "Endpoint does not work: ") + result.message());
        }, failure -> {
            model.llmTesting.set(false);
            model.llmTestOk.set(false);
            model.llmTest.set("Endpoint test failed: " + failure);
        });
    }

    /** Checks everything, tests the store, and writes the file only if both pass. */
    void onSave() {
        if (model.busy.get()) {
            return;
        }
        SavedSettings settings = fromForm();
        begin();
        background.run(() -> {
            List<Finding> findings = SettingsCheck.check(settings, env);
            if (SettingsCheck.hasErrors(findings)) {
                return (Outcome) new Outcome.Refused(findings, null);
            }
            StoreProbe.Result probe = StoreProbe.test(home, settings, env, store);
            if (!probe.works()) {
                return new Outcome.Refused(findings, probe);
            }
            SavedSettingsFile.write(home, settings);
            return new Outcome.Saved(findings, probe);
        }, outcome -> {
            model.busy.set(false);
            showOutcome(outcome);
            if (outcome instanceof Outcome.Saved) {
                savedDark = settings.theme() == Theme.DARK;
                model.savedTitle.set("Saved");
                model.savedText.set(savedText(settings));
                model.reconnectOffered.set(!SettingsEnvironment.storeFromEnvironment(env));
            }
        }, this::failed);
    }

    /** Reopens the engine on what was saved: every screen is built again on the new store. */
    void onReconnect() {
        if (model.reconnectOffered.get() && !stopped) {
            reconnect.get().ifPresentOrElse(
                    busy -> model.reconnectRefused.set("The engine stays open: " + busy + ". Reconnect when it has"
                            + " ended."),
                    () -> model.reconnectOffered.set(false));
        }
    }

    private void begin() {
        model.busy.set(true);
        model.reconnectOffered.set(false);
        model.reconnectRefused.set("");
        model.savedTitle.set("");
        model.savedText.set("");
        model.saveError.set("");
        model.storeTest.set("");
    }

    private void failed(String message) {
        model.busy.set(false);
        model.saveError.set("Not saved: " + message);
    }

    private void showOutcome(Outcome outcome) {
        List<Finding> findings = switch (outcome) {
            case Outcome.Refused refused -> refused.findings();
            case Outcome.Saved saved -> saved.findings();
        };
        StoreProbe.Result probe = switch (outcome) {
            case Outcome.Refused refused -> refused.probe();
            case Outcome.Saved saved -> saved.probe();
        };
        model.storeUrlProblem.set(join(findings, Field.STORE_URL, true));
        model.passwordProblem.set(join(findings, Field.STORE_PASSWORD, true));
        model.passwordNote.set(join(findings, Field.STORE_PASSWORD, false));
        model.llmBaseUrlProblem.set(join(findings, Field.LLM_BASE_URL, true));
        model.llmModelProblem.set(join(findings, Field.LLM_MODEL, true));
        model.keyProblem.set(join(findings, Field.LLM_KEY, true));
        model.keyNote.set(join(findings, Field.LLM_KEY, false));
        model.llmProblem.set(join(findings, Field.LLM, true));
        model.storeTestOk.set(probe != null && probe.works());
        model.storeTest.set(probe == null ? "" : probe.message());
        if (outcome instanceof Outcome.Refused && probe == null && SettingsCheck.hasErrors(findings)) {
            model.saveError.set("Not saved: correct the fields marked in red.");
        } else if (outcome instanceof Outcome.Refused && probe != null && !probe.works()) {
            model.saveError.set("Not saved: the store could not be opened with these settings.");
        }
    }

    private String savedText(SavedSettings settings) {
        StringBuilder text = new StringBuilder("Written to ").append(model.settingsFile.get()).append('.');
        if (SettingsEnvironment.storeFromEnvironment(env)) {
            text.append(" The store stays the one ").append(StoreSettings.URL_ENV).append(" names while it is set.");
        } else if (model.storeTestOk.get() && model.storeTest.get().contains("(the store open now)")) {
            text.append(" This is the store open now.");
        } else {
            text.append(" The console opens this store from its next start, or now with Reconnect now.");
        }
        if (settings.llm().configured()) {
            text.append(SettingsEnvironment.llmVariablesSet(env).isEmpty()
                    ? " Attempts use the llm endpoint from the next start or a reconnect."
                    : " The environment's LEVIATHAN_LLM_* settings stay in force while they are set.");
        }
        return text.toString();
    }

    private static String join(List<Finding> findings, Field field, boolean problems) {
        return findings.stream().filter(f -> f.field() == field)
                .filter(f -> problems ? f.severity() == Severity.ERROR : f.severity() != Severity.ERROR)
                .map(Finding::message).collect(Collectors.joining("\n"));
    }

    private void onThemeSwitched(boolean dark) {
        model.dark.set(dark);
        if (dark == savedDark || stopped) {
            return;
        }
        savedDark = dark;
        Theme theme = dark ? Theme.DARK : Theme.LIGHT;
        background.run(() -> {
            SavedSettingsFile.writeTheme(home, theme);
            return theme;
        }, written -> {
        }, failure -> model.saveError.set("The theme was not saved: " + failure));
    }

    // ------------------------------------------------------------------ form <-> settings

    private void show(SavedSettings settings) {
        switch (settings.store()) {
            case Store.Embedded embedded -> model.store.set(StoreChoice.EMBEDDED);
            case Store.Postgres pg -> {
                model.store.set(StoreChoice.POSTGRESQL);
                model.storeUrl.set(pg.url());
                model.storeUser.set(pg.user());
                model.passwordSource.set(choice(pg.password()));
                model.passwordWhere.set(where(pg.password()));
            }
        }
        Llm llm = settings.llm();
        model.llmBaseUrl.set(llm.baseUrl());
        model.llmModel.set(llm.model());
        if (!(llm.key() instanceof SecretSource.None)) {
            model.keySource.set(choice(llm.key()));
        }
        model.keyWhere.set(where(llm.key()));
    }

    private SavedSettings fromForm() {
        Store chosen = model.store.get() == StoreChoice.POSTGRESQL
                ? new Store.Postgres(model.storeUrl.get(), model.storeUser.get(),
                        source(model.passwordSource.get(), model.passwordWhere.get()))
                : new Store.Embedded();
        SecretSource key = model.llmBaseUrl.get().isBlank() && model.llmModel.get().isBlank()
                && model.keyWhere.get().isBlank() ? new SecretSource.None()
                : source(model.keySource.get(), model.keyWhere.get());
        return new SavedSettings(chosen, new Llm(model.llmBaseUrl.get(), model.llmModel.get(), key),
                model.dark.get() ? Theme.DARK : Theme.LIGHT);
    }

    private static SecretSource source(SourceChoice choice, String where) {
        return switch (choice) {
            case NONE -> new SecretSource.None();
            case VARIABLE -> new SecretSource.EnvironmentVariable(where);
            case FILE -> new SecretSource.File(where);
        };
    }

    private static SourceChoice choice(SecretSource source) {
        return switch (source) {
            case SecretSource.None none -> SourceChoice.NONE;
            case SecretSource.EnvironmentVariable variable -> SourceChoice.VARIABLE;
            case SecretSource.File file -> SourceChoice.FILE;
        };
    }

    private static String where(SecretSource source) {
        return switch (source) {
            case SecretSource.None none -> "";
            case SecretSource.EnvironmentVariable variable -> variable.name();
            case SecretSource.File file -> file.path();
        };
    }

    // ------------------------------------------------------------------ screen lifecycle

    @Override
    public List<Command> commands() {
        return List.of(
                Command.of("settings.test-store", "Test the store connection", "Settings",
                        "postgresql database check", this::onTestStore),
                Command.of("settings.save", "Save settings", "Settings", "store llm theme", this::onSave));
    }

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
    }
}
