package dev.leviathan.console.settings;

import static dev.leviathan.console.ui.Nodes.card;
import static dev.leviathan.console.ui.Nodes.fieldLabel;
import static dev.leviathan.console.ui.Nodes.problemLabel;
import static dev.leviathan.console.ui.Nodes.show;

import atlantafx.base.controls.Message;
import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import dev.leviathan.console.settings.SettingsModel.SourceChoice;
import dev.leviathan.console.settings.SettingsModel.StoreChoice;
import dev.leviathan.console.ui.Glyph;
import dev.leviathan.console.ui.Nodes;
import dev.leviathan.console.ui.ViewBindings;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Settings screen: the event store on the left, the llm endpoint and the theme on the right,
 * Save below. Problems show under the field they concern; secrets are only ever named.
 */
final class SettingsView {

    private final SettingsController controller;
    private final BorderPane root = new BorderPane();
    private final Label fileLabel = new Label();
    private final Label openStore = new Label();
    private final Message storeOverride = new Message();
    private final ToggleGroup storeGroup = new ToggleGroup();
    private final RadioButton embedded = new RadioButton("Embedded H2 in the data directory");
    private final Label embeddedLocation = new Label();
    private final RadioButton postgres = new RadioButton("PostgreSQL server");
    private final TextField storeUrl = new TextField();
    private final TextField storeUser = new TextField();
    private final ComboBox<SourceChoice> passwordSource = new ComboBox<>();
    private final TextField passwordWhere = new TextField();
    private final Label storeUrlProblem = problemLabel("settings-store-url-problem");
    private final Label passwordProblem = problemLabel("settings-password-problem");
    private final Label passwordNote = noteLabel("settings-password-note");
    private final GridPane pgFields = Nodes.nameValueGrid(4);
    private final Button testStore = new Button("Test connection");
    private final Label storeTest = new Label();
    private final Button testEndpoint = new Button("Test endpoint");
    private final Label endpointTest = new Label();
    private final Message llmOverride = new Message();
    private final TextField llmBaseUrl = new TextField();
    private final TextField llmModel = new TextField();
    private final ComboBox<SourceChoice> keySource = new ComboBox<>();
    private final TextField keyWhere = new TextField();
    private final Label llmBaseUrlProblem = problemLabel("settings-llm-url-problem");
    private final Label llmModelProblem = problemLabel("settings-llm-model-problem");
    private final Label keyProblem = problemLabel("settings-key-problem");
    private final Label keyNote = noteLabel("settings-key-note");
    private final Label llmProblem = problemLabel("settings-llm-problem");
    private final ToggleSwitch dark = new ToggleSwitch("Dark theme");
    private final Button save = new Button("Save");
    private final Button reconnect = new Button("Reconnect now");
    private final HBox busy = new HBox(6);
    private final Message saved = new Message();
    private final Message saveError = new Message();
    private final Message reconnectRefused = new Message();
    private final ViewBindings bindings = new ViewBindings();

    SettingsView(SettingsController controller) {
        this.controller = controller;
        root.setId("settings-screen");
        root.getStyleClass().add("screen");
        Label title = new Label("Settings");
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label("Kept in the data directory. No secret is stored: a password or key is named by"
                + " the environment variable or the file it is read from. Environment variables, when set, win.");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        subtitle.setWrapText(true);
        fileLabel.setId("settings-file");
        fileLabel.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, "mono");
        VBox header = new VBox(4, title, subtitle, fileLabel);
        header.setPadding(new Insets(0, 0, 16, 0));
        root.setTop(header);

        Node storeCard = storeCard();
        VBox right = new VBox(16, llmCard(), appearanceCard());
        HBox columns = new HBox(16, storeCard, right);
        HBox.setHgrow(storeCard, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        ((Region) storeCard).setPrefWidth(520);
        right.setPrefWidth(480);
        ScrollPane scroll = new ScrollPane(columns);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("settings-scroll");
        root.setCenter(scroll);
        root.setBottom(actions());
    }

    Node root() {
        return root;
    }

    private Node storeCard() {
        Label heading = heading("Event store", Glyph.STORE);
        openStore.setId("settings-open-store");
        openStore.getStyleClass().add(Styles.TEXT_MUTED);
        openStore.setWrapText(true);
        storeOverride.setId("settings-store-override");
        storeOverride.getStyleClass().add(Styles.WARNING);
        storeOverride.setTitle("The environment chooses the store");

        embedded.setId("settings-store-embedded");
        embedded.setToggleGroup(storeGroup);
        embedded.setUserData(StoreChoice.EMBEDDED);
        embeddedLocation.setId("settings-embedded-location");
        embeddedLocation.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, "mono");
        embeddedLocation.setPadding(new Insets(0, 0, 0, 26));
        postgres.setId("settings-store-postgres");
        postgres.setToggleGroup(storeGroup);
        postgres.setUserData(StoreChoice.POSTGRESQL);

        storeUrl.setId("settings-store-url");
        storeUrl.setPromptText("jdbc:postgresql://HOST:5432/DATABASE");
        storeUser.setId("settings-store-user");
        storeUser.setPromptText("blank: the URL's user=, else the OS user");
        passwordSource.setId("settings-password-source");
        passwordSource.getItems().setAll(SourceChoice.values());
        passwordSource.setMinWidth(Region.USE_PREF_SIZE);
        passwordWhere.setId("settings-password-where");
        HBox.setHgrow(passwordWhere, Priority.ALWAYS);
        HBox passwordRow = new HBox(8, passwordSource, passwordWhere);

        pgFields.setPadding(new Insets(0, 0, 0, 26));
        pgFields.addRow(0, fieldLabel("JDBC URL"), storeUrl);
        pgFields.add(storeUrlProblem, 1, 1);
        pgFields.addRow(2, fieldLabel("User"), storeUser);
        pgFields.addRow(3, fieldLabel("Password"), passwordRow);
        pgFields.add(passwordProblem, 1, 4);
        pgFields.add(passwordNote, 1, 5);

        testStore.setId("settings-store-test");
        testStore.setOnAction(e -> controller.onTestStore());
        resultNotice(storeTest, "settings-store-result");
        Label testHint = smallHint("Opens the store as the next start would (a new database gets the event"
                + " tables), reads its head, and closes it. Save tests it too.");

        VBox card = card("settings-store", 10, heading, openStore, storeOverride, embedded, embeddedLocation, postgres, pgFields,
                testStore, storeTest, testHint);
        return card;
    }

    private Node llmCard() {
        Label heading = heading("LLM endpoint", Glyph.ATTEMPT);
        Label about = new Label("The OpenAI-compatible endpoint the llm executor sends attempts to. Save checks"
                + " the settings as an attempt would read them; Test endpoint asks the endpoint itself.");
        about.getStyleClass().add(Styles.TEXT_MUTED);
        about.setWrapText(true);
        llmOverride.setId("settings-llm-override");
        llmOverride.getStyleClass().add(Styles.WARNING);
        llmOverride.setTitle("The environment sets the endpoint");

        llmBaseUrl.setId("settings-llm-url");
        llmBaseUrl.setPromptText("https://api.openai.com/v1");
        llmModel.setId("settings-llm-model");
        llmModel.setPromptText("gpt-4o-mini");
        keySource.setId("settings-key-source");
        keySource.getItems().setAll(SourceChoice.VARIABLE, SourceChoice.FILE);
        keySource.setMinWidth(Region.USE_PREF_SIZE);
        keyWhere.setId("settings-key-where");
        HBox.setHgrow(keyWhere, Priority.ALWAYS);
        HBox keyRow = new HBox(8, keySource, keyWhere);

        GridPane fields = Nodes.nameValueGrid(4);

        fields.addRow(0, fieldLabel("Base URL"), llmBaseUrl);
        fields.add(llmBaseUrlProblem, 1, 1);
        fields.addRow(2, fieldLabel("Model"), llmModel);
        fields.add(llmModelProblem, 1, 3);
        fields.addRow(4, fieldLabel("API key"), keyRow);
        fields.add(keyProblem, 1, 5);
        fields.add(keyNote, 1, 6);
        for (Node node : fields.getChildren()) {
            GridPane.setValignment(node, VPos.CENTER);
        }

        testEndpoint.setId("settings-llm-test");
        testEndpoint.setOnAction(e -> controller.onTestEndpoint());
        resultNotice(endpointTest, "settings-llm-result");
        Label endpointHint = smallHint("Asks the endpoint in the form for its models (GET …/models) with the key it"
                + " names; no completion is spent and nothing is saved.");
        VBox card = card("settings-llm", 10, heading, about, llmOverride, fields, llmProblem, testEndpoint, endpointTest,
                endpointHint);
        return card;
    }

    private Node appearanceCard() {
        Label heading = heading("Appearance", Glyph.MOON);
        dark.setId("settings-theme");
        dark.selectedProperty().addListener((o, was, now) -> controller.onDarkTheme(now));
        Label hint = new Label("The same as the Dark switch in the status bar. Either one is remembered.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        VBox card = card("settings-appearance", 10, heading, dark, hint);
        return card;
    }

    private Node actions() {
        save.setId("settings-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> controller.onSave());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        Label working = new Label("Checking and testing…");
        working.getStyleClass().add(Styles.TEXT_MUTED);
        busy.getChildren().addAll(spinner, working);
        busy.setAlignment(Pos.CENTER_LEFT);
        busy.setId("settings-busy");
        reconnect.setId("settings-reconnect");
        reconnect.setOnAction(e -> controller.onReconnect());
        Label applies = new Label("A changed store or endpoint applies from the next start or a reconnect;"
                + " the theme at once.");
        applies.getStyleClass().add(Styles.TEXT_MUTED);
        HBox row = new HBox(14, save, reconnect, busy, applies);
        row.setAlignment(Pos.CENTER_LEFT);
        saved.setId("settings-saved");
        saved.getStyleClass().add(Styles.SUCCESS);
        saveError.setId("settings-save-error");
        saveError.getStyleClass().add(Styles.DANGER);
        saveError.setTitle("Not saved");
        reconnectRefused.setId("settings-reconnect-refused");
        reconnectRefused.getStyleClass().add(Styles.WARNING);
        reconnectRefused.setTitle("Not reconnected");
        VBox box = new VBox(10, saved, saveError, reconnectRefused, row);
        box.setPadding(new Insets(16, 0, 0, 0));
        return box;
    }

    void bind(SettingsModel model) {
        bindings.bind(fileLabel.textProperty(), Bindings.concat("File: ", model.settingsFile));
        bindings.bind(openStore.textProperty(), Bindings.concat("Open now: ", model.openStore));
        bindings.bind(embeddedLocation.textProperty(), model.embeddedLocation);
        message(storeOverride, model.storeOverride);
        message(llmOverride, model.llmOverride);

        bindings.follow(model.store, choice -> storeGroup.selectToggle(choice == StoreChoice.POSTGRESQL
                ? postgres : embedded));
        javafx.beans.value.ChangeListener<javafx.scene.control.Toggle> chosen = (o, was, now) -> {
            if (now != null) {
                model.store.set((StoreChoice) now.getUserData());
            }
        };
        storeGroup.selectedToggleProperty().addListener(chosen);
        bindings.onRelease(() -> storeGroup.selectedToggleProperty().removeListener(chosen));
        bindings.bind(pgFields.disableProperty(), model.store.isNotEqualTo(StoreChoice.POSTGRESQL));

        // Form input is the one place a view writes its model: what the operator types.
        bindings.bindBidirectional(storeUrl.textProperty(), model.storeUrl);
        bindings.bindBidirectional(storeUser.textProperty(), model.storeUser);
        bindings.bindBidirectional(passwordSource.valueProperty(), model.passwordSource);
        bindings.bindBidirectional(passwordWhere.textProperty(), model.passwordWhere);
        bindings.bindBidirectional(llmBaseUrl.textProperty(), model.llmBaseUrl);
        bindings.bindBidirectional(llmModel.textProperty(), model.llmModel);
        bindings.bindBidirectional(keySource.valueProperty(), model.keySource);
        bindings.bindBidirectional(keyWhere.textProperty(), model.keyWhere);
        where(passwordWhere, model.passwordSource, "LEVIATHAN_PG_PASSWORD", "/run/secrets/pg-password");
        where(keyWhere, model.keySource, "OPENAI_API_KEY", "/run/secrets/llm-key");

        problem(storeUrl, storeUrlProblem, model.storeUrlProblem);
        problem(passwordWhere, passwordProblem, model.passwordProblem);
        problem(llmBaseUrl, llmBaseUrlProblem, model.llmBaseUrlProblem);
        problem(llmModel, llmModelProblem, model.llmModelProblem);
        problem(keyWhere, keyProblem, model.keyProblem);
        problem(null, llmProblem, model.llmProblem);
        note(passwordNote, model.passwordNote);
        note(keyNote, model.keyNote);

        bindResult(storeTest, model.storeTest, model.storeTestOk);
        bindResult(endpointTest, model.llmTest, model.llmTestOk);
        bindings.bind(testEndpoint.disableProperty(), model.llmTesting.or(model.loaded.not()));

        bindings.follow(model.dark, dark::setSelected);
        bindings.bind(save.disableProperty(), model.busy.or(model.loaded.not()));
        bindings.bind(testStore.disableProperty(), model.busy.or(model.loaded.not()));
        bindings.follow(model.busy, b -> show(busy, b));
        message(saved, model.savedText);
        bindings.bind(saved.titleProperty(), model.savedTitle);
        message(saveError, model.saveError);
        message(reconnectRefused, model.reconnectRefused);
        bindings.follow(model.reconnectOffered, offered -> show(reconnect, offered));
    }

    void unbind() {
        bindings.releaseAll();
    }

    private void where(TextField field, ObjectProperty<SourceChoice> source, String variable, String file) {
        bindings.follow(source, choice -> {
            SourceChoice shown = choice == null ? SourceChoice.NONE : choice;
            show(field, shown != SourceChoice.NONE);
            field.setPromptText(shown == SourceChoice.FILE ? file : "the variable's name, e.g. " + variable);
        });
    }

    private void problem(TextField field, Label label, StringProperty problem) {
        bindings.bind(label.textProperty(), problem);
        bindings.follow(problem, text -> {
            boolean shown = text != null && !text.isEmpty();
            show(label, shown);
            if (field != null) {
                field.pseudoClassStateChanged(Styles.STATE_DANGER, shown);
            }
        });
    }

    private void note(Label label, StringProperty note) {
        bindings.bind(label.textProperty(), note);
        bindings.follow(note, text -> show(label, text != null && !text.isEmpty()));
    }

    private void message(Message message, ObservableValue<String> text) {
        bindings.bind(message.descriptionProperty(), text);
        bindings.follow(text, value -> show(message, value != null && !value.isEmpty()));
    }

    private static Label heading(String text, Glyph glyph) {
        Label label = new Label(text);
        label.setGraphic(glyph.node(18));
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    private static Label noteLabel(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return label;
    }

    /** A test's result: hidden until it has one, green when it worked, red when not. */
    private void bindResult(Label result, javafx.beans.value.ObservableValue<String> text,
            javafx.beans.value.ObservableValue<Boolean> ok) {
        bindings.bind(result.textProperty(), text);
        bindings.follow(text, value -> show(result, value != null && !value.isEmpty()));
        bindings.follow(ok, works -> {
            result.getStyleClass().removeAll("notice-success", "notice-danger");
            result.getStyleClass().add(works ? "notice-success" : "notice-danger");
        });
    }

    private static void resultNotice(Label result, String id) {
        result.setId(id);
        result.setWrapText(true);
        result.getStyleClass().add("notice");
        result.setMaxWidth(Double.MAX_VALUE);
    }

    private static Label smallHint(String text) {
        Label hint = new Label(text);
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return hint;
    }

}
