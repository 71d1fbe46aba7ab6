package dev.leviathan.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.settings.SavedSettingsFile;
import dev.leviathan.console.shell.ScreenId;
import dev.leviathan.engine.event.StoreKind;
import dev.leviathan.engine.testkit.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Settings screen, the command palette and the screen shortcuts, driven through the real
 * console. The engine is given an environment holding a store password and an llm key, so the
 * tests can show that neither reaches the settings file or the screen.
 */
class ConsoleSettingsTest {

    private static final String PG_PASSWORD = "pg-secret-7f3a9c";
    private static final String LLM_KEY = "sk-secret-51d0e2";

    @TempDir
    Path temp;

    private ConsoleDriver console;

    @BeforeEach
    void startConsole() throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("LEVIATHAN_TEST_PG_PASSWORD", PG_PASSWORD);
        env.put("LEVIATHAN_TEST_LLM_KEY", LLM_KEY);
        env.remove("LEVIATHAN_STORE_URL");
        env.keySet().removeIf(name -> name.startsWith("LEVIATHAN_LLM_"));
        console = ConsoleDriver.start(temp.resolve("home"), env);
    }

    @AfterEach
    void stopConsole() throws Exception {
        console.close();
    }

    @Test
    void everyScreenIsReachableByItsShortcut() {
        for (ScreenId screen : ScreenId.values()) {
            KeyCode digit = KeyCode.valueOf("DIGIT" + (screen.ordinal() + 1));
            console.shortcut(digit);
            console.await(screen.title() + " after Ctrl+" + (screen.ordinal() + 1),
                    () -> console.shown("#" + screen.key() + "-screen"));
        }
        assertThat(ScreenId.SETTINGS.shortcut().getName()).isEqualTo("Shortcut+9");
    }

    @Test
    void ctrlKOpensThePaletteTypingFiltersAndEnterGoesToTheScreen() {
        assertThat(console.shown("#palette")).isFalse();
        openPalette();
        assertThat(console.onFx(() -> console.scene().getFocusOwner().getId())).isEqualTo("palette-search");
        int all = console.onFx(() -> paletteMatches().size());
        assertThat(all).isGreaterThanOrEqualTo(ScreenId.values().length + 3);

        console.robot.write("govern");
        console.await("the filtered list", () -> paletteMatches().size() < all);
        assertThat(console.onFx(() -> paletteMatches().getFirst().title())).isEqualTo("Go to Governor");
        console.robot.type(KeyCode.ENTER);
        console.await("the Governor screen", () -> console.shown("#governor-screen"));
        assertThat(console.shown("#palette")).isFalse();

        openPalette();
        console.robot.write("settings");
        console.robot.type(KeyCode.ESCAPE);
        console.await("the palette closed", () -> !console.shown("#palette"));
        assertThat(console.shown("#governor-screen")).isTrue();
    }

    @Test
    void arrowKeysMoveAndThePaletteRunsAScreenAction() {
        console.shortcut(KeyCode.DIGIT5);
        openPalette();
        console.robot.write("register");
        console.await("one match", () -> paletteMatches().size() == 1);
        console.robot.type(KeyCode.ENTER);
        console.await("the Targets form focused", () -> console.shown("#targets-screen")
                && "targets-repo".equals(console.scene().getFocusOwner().getId()));

        openPalette();
        console.robot.write("go to");
        console.robot.type(KeyCode.DOWN).type(KeyCode.DOWN).type(KeyCode.UP);
        String second = console.onFx(() -> paletteMatches().get(1).title());
        assertThat(second).isEqualTo("Go to Graph");
        console.robot.type(KeyCode.ENTER);
        console.await("the Graph screen", () -> console.shown("#graph-screen"));
    }

    @Test
    void aPostgresqlUrlOfTheWrongShapeIsAnInlineErrorAndNothingIsSaved() {
        long head = console.engine().store().head().seq();
        showSettings();
        console.robot.clickOn("#settings-store-postgres");
        console.robot.clickOn("#settings-store-url").write("postgres://db.example.org/leviathan");
        console.robot.clickOn("#settings-save");
        console.await("the inline error", () -> console.shown("#settings-store-url-problem"));
        assertThat(console.text("#settings-store-url-problem")).contains("jdbc:postgresql://HOST:PORT/DATABASE");
        assertThat(console.shown("#settings-save-error")).isTrue();
        assertThat(SavedSettingsFile.path(console.home)).doesNotExist();
        assertThat(console.engine().store().head().seq()).as("settings record no event").isEqualTo(head);
    }

    @Test
    void savingTheEmbeddedStoreAndAnEndpointKeepsTheKeyOutOfTheFileAndTheScreen() throws Exception {
        showSettings();
        console.robot.clickOn("#settings-llm-url").write("http://127.0.0.1:11434/v1");
        console.robot.clickOn("#settings-llm-model").write("llama3");
        chooseSource("#settings-key-source", "Variable");
        console.robot.clickOn("#settings-key-where").write("LEVIATHAN_TEST_LLM_KEY");
        console.robot.clickOn("#settings-save");
        console.await("saved", () -> console.shown("#settings-saved"));
        assertThat(console.text("#settings-store-result")).startsWith("Connection works: H2 store at")
                .contains("(the store open now)");
        assertThat(console.text("#settings-key-note")).contains("LEVIATHAN_TEST_LLM_KEY is set");
        String file = Files.readString(SavedSettingsFile.path(console.home));
        assertThat(file).contains("store.kind=h2", "llm.model=llama3", "llm.key.env=LEVIATHAN_TEST_LLM_KEY")
                .doesNotContain(LLM_KEY);
        assertThat(screenText()).doesNotContain(LLM_KEY);
    }

    @Test
    void testEndpointAsksTheFormsEndpointForItsModelsWithTheNamedKey() throws Exception {
        java.util.concurrent.atomic.AtomicReference<String> bearer = new java.util.concurrent.atomic.AtomicReference<>();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/models", exchange -> {
            bearer.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"data\":[{\"id\":\"llama3\"},{\"id\":\"qwen2.5-coder:7b\"}]}"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            showSettings();
            console.robot.clickOn("#settings-llm-url").write("http://127.0.0.1:" + server.getAddress().getPort()
                    + "/v1");
            console.robot.clickOn("#settings-llm-model").write("qwen2.5-coder:7b");
            chooseSource("#settings-key-source", "Variable");
            console.robot.clickOn("#settings-key-where").write("LEVIATHAN_TEST_LLM_KEY");
            console.robot.clickOn("#settings-llm-test");

            console.await("the endpoint's answer", () -> console.shown("#settings-llm-result"));
            assertThat(console.text("#settings-llm-result"))
                    .isEqualTo("Endpoint works: the endpoint answers and serves qwen2.5-coder:7b (2 models listed)");
            assertThat(bearer.get()).isEqualTo("Bearer " + LLM_KEY);
            assertThat(screenText()).doesNotContain(LLM_KEY);
            assertThat(SavedSettingsFile.path(console.home)).as("testing saves nothing").doesNotExist();

            javafx.scene.control.TextField modelField = console.node("#settings-llm-model");
            console.runFx(modelField::clear);
            console.robot.clickOn("#settings-llm-model").write("gpt-9");
            console.robot.clickOn("#settings-llm-test");
            console.await("the second answer", () -> console.text("#settings-llm-result").contains("gpt-9"));
            assertThat(console.text("#settings-llm-result")).isEqualTo("Endpoint does not work: the endpoint answers,"
                    + " but does not serve gpt-9; it lists llama3, qwen2.5-coder:7b");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theThemeSwitchMirrorsTheStatusBarAndIsRemembered() throws Exception {
        showSettings();
        console.robot.clickOn("#settings-theme");
        console.await("the dark theme", () -> console.darkTheme());
        console.await("the status bar's switch on", () -> console.onFx(() ->
                ((atlantafx.base.controls.ToggleSwitch) console.scene().lookup("#status-theme")).isSelected()));
        Path file = SavedSettingsFile.path(console.home);
        console.await("the theme saved", () -> Files.exists(file) && Files.readString(file).contains("theme=dark"));
        // A window opened while the theme is dark is dark too.
        javafx.scene.control.Alert dialog = console.onFx(() -> dev.leviathan.console.ui.ErrorDialog.show(
                console.scene().getRoot(), "Refused", "what the engine said", "theme-dialog-message", 320));
        console.anywhere("#theme-dialog-message");
        assertThat(console.onFx(() -> dialog.getDialogPane().getScene().getRoot().getPseudoClassStates()
                .contains(dev.leviathan.console.ui.Theme.DARK))).isTrue();
        console.assertStyledAsPrimerDark();
        console.runFx(dialog::close);
        console.robot.clickOn("#status-theme");
        console.await("the light theme", () -> !console.darkTheme());
        console.await("the theme saved", () -> Files.readString(file).contains("theme=light"));
        assertThat(console.onFx(() -> ((atlantafx.base.controls.ToggleSwitch) console.scene()
                .lookup("#settings-theme")).isSelected())).isFalse();
    }

    @Test
    void aRealPostgresqlServerIsTestedOnSaveAndOpenedFromTheNextStart() throws Exception {
        String url = TestPostgres.freshSchemaUrl();
        long head = console.engine().store().head().seq();
        showSettings();
        console.robot.clickOn("#settings-store-postgres");
        console.robot.clickOn("#settings-store-url").write(url);
        chooseSource("#settings-password-source", "Variable");
        console.robot.clickOn("#settings-password-where").write("LEVIATHAN_TEST_PG_PASSWORD");
        console.robot.clickOn("#settings-save");
        console.await("saved", () -> console.shown("#settings-saved"));
        assertThat(console.text("#settings-store-result")).startsWith("Connection works: PostgreSQL store at"
                + " postgresql://").contains("0 events");
        assertThat(console.text("#settings-password-note")).contains("LEVIATHAN_TEST_PG_PASSWORD is set");

        String file = Files.readString(SavedSettingsFile.path(console.home));
        assertThat(file).contains("store.kind=postgresql", "store.password.env=LEVIATHAN_TEST_PG_PASSWORD")
                .doesNotContain(PG_PASSWORD).doesNotContain(LLM_KEY);
        assertThat(screenText()).doesNotContain(PG_PASSWORD);
        assertThat(console.engine().store().head().seq()).as("settings record no event").isEqualTo(head);

        // The next start opens the saved store, unless the environment names its own.
        Map<String, String> env = Map.of("LEVIATHAN_HOME", console.home.root().toString(),
                "LEVIATHAN_TEST_PG_PASSWORD", PG_PASSWORD);
        EngineFactory next = EngineFactory.fromEnvironment(env);
        assertThat(next.settings().kind()).isEqualTo(StoreKind.POSTGRESQL);
        assertThat(next.settings().password()).map(s -> s.reveal()).contains(PG_PASSWORD);
        assertThat(next.describe()).startsWith("PostgreSQL store at postgresql://");
        Map<String, String> overridden = new HashMap<>(env);
        overridden.put("LEVIATHAN_STORE_URL", "jdbc:h2:file:" + temp.resolve("other") + ";AUTO_SERVER=TRUE");
        assertThat(EngineFactory.fromEnvironment(overridden).settings().kind()).isEqualTo(StoreKind.H2);

        // Or now, without a restart: the engine closes and opens again on the saved store.
        console.await("Reconnect now offered", () -> console.shown("#settings-reconnect"));
        javafx.scene.control.Button reconnect = console.node("#settings-reconnect");
        // Fired, not clicked: the headless robot now and then reported this just-shown button as hidden.
        console.runFx(reconnect::fire);
        console.await("the PostgreSQL store open", () -> console.app.engine()
                .map(open -> open.store().description().kind() == StoreKind.POSTGRESQL).orElse(false)
                && console.text("#status-store").equals("PostgreSQL"));
        console.await("the screens back", () -> console.shown("#settings-screen"));
        assertThat(console.text("#status-location")).startsWith("postgresql://");
        assertThat(console.shown("#settings-reconnect")).as("offered once per save").isFalse();
    }

    // ------------------------------------------------------------------ helpers

    private void openPalette() {
        console.robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        console.await("the palette", () -> console.shown("#palette"));
    }

    @SuppressWarnings("unchecked")
    private java.util.List<dev.leviathan.console.palette.Command> paletteMatches() {
        javafx.scene.control.ListView<dev.leviathan.console.palette.Command> list = console.node("#palette-list");
        return console.onFx(() -> java.util.List.copyOf(list.getItems()));
    }

    private void showSettings() {
        console.shortcut(KeyCode.DIGIT9);
        console.await("the settings", () -> console.shown("#settings-screen")
                && !console.<javafx.scene.control.Button>node("#settings-save").isDisabled());
    }

    @SuppressWarnings("unchecked")
    private void chooseSource(String selector, String label) {
        ComboBox<Object> box = console.node(selector);
        console.runFx(() -> box.getItems().stream().filter(item -> item.toString().equals(label)).findFirst()
                .ifPresent(box::setValue));
    }

    /** Every text the window shows: labels, fields, messages. */
    private String screenText() {
        return console.onFx(() -> {
            StringBuilder all = new StringBuilder();
            collect(console.scene().getRoot(), all);
            return all.toString();
        });
    }

    private static void collect(javafx.scene.Node node, StringBuilder all) {
        if (node instanceof javafx.scene.control.Labeled labeled && labeled.getText() != null) {
            all.append(labeled.getText()).append('\n');
        }
        if (node instanceof TextField field) {
            all.append(field.getText()).append('\n');
        }
        if (node instanceof atlantafx.base.controls.Message message && message.getDescription() != null) {
            all.append(message.getDescription()).append('\n');
        }
        if (node instanceof javafx.scene.Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, all));
        }
    }
}
