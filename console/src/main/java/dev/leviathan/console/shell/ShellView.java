package dev.leviathan.console.shell;

import atlantafx.base.controls.Message;
import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import dev.leviathan.console.chain.ChainModel;
import dev.leviathan.console.chain.ChainState;
import dev.leviathan.console.ui.Glyph;
import dev.leviathan.console.ui.Nodes;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The main window: sidebar on the left, the current screen, and the status bar. */
final class ShellView {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    /** Opens the command palette: Ctrl+K, ⌘K on macOS. */
    static final KeyCombination PALETTE = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);

    private final ShellController controller;
    private final StackPane root = new StackPane();
    private final BorderPane window = new BorderPane();
    private final StackPane content = new StackPane();
    private final Map<ScreenId, Button> nav = new EnumMap<>(ScreenId.class);
    private final Label storeKind = new Label("Store");
    private final Label storeLocation = new Label("opening…");
    private final Label head = new Label("head —");
    private final Label chainStatus = new Label("not verified yet");
    // Made with the window, before its first frame: a JavaFX Tooltip's first creation is slow.
    private final Tooltip locationTip = new Tooltip();
    private final Tooltip summaryTip = new Tooltip();
    private final Label verifiedAt = new Label();
    private final ProgressIndicator chainBusy = new ProgressIndicator();
    private final Node splash;
    private final Node failure;

    ShellView(ShellController controller, ShellModel model, Node palette) {
        this.controller = controller;
        window.getStyleClass().add("shell");
        window.setLeft(sidebar());
        content.getStyleClass().add("content");
        window.setCenter(content);
        window.setBottom(statusBar(model));
        // The palette lies over the whole window, hidden until Ctrl+K.
        root.getChildren().addAll(window, palette);
        splash = splash(model);
        failure = failure(model);

        model.selected.addListener((o, was, now) -> markSelected(now));
        markSelected(model.selected.get());
        model.phase.addListener((o, was, now) -> showPhase(now));
        showPhase(model.phase.get());
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                installShortcuts(scene);
            }
        });
    }

    Parent root() {
        return root;
    }

    private Node sidebar() {
        Node logo = Glyph.WAVES.node(28);
        logo.getStyleClass().add("brand-logo");
        Label name = new Label("Leviathan");
        name.getStyleClass().add("brand-name");
        Label role = new Label("operator console");
        role.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        HBox brand = new HBox(10, logo, new VBox(0, name, role));
        brand.setAlignment(Pos.CENTER_LEFT);
        brand.getStyleClass().add("brand");

        VBox items = new VBox(2);
        for (ScreenId screen : ScreenId.values()) {
            Label title = new Label(screen.title());
            title.getStyleClass().add("nav-title");
            Label keys = new Label(screen.shortcut().getDisplayText());
            keys.getStyleClass().add("nav-shortcut");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox line = new HBox(12, screen.glyph().node(18), title, spacer, keys);
            line.setAlignment(Pos.CENTER_LEFT);
            Button item = new Button();
            item.setGraphic(line);
            item.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            item.setMaxWidth(Double.MAX_VALUE);
            item.setFocusTraversable(false);
            item.getStyleClass().add("nav-item");
            item.setId("nav-" + screen.key());
            item.setOnAction(e -> controller.onSelect(screen));
            line.prefWidthProperty().bind(item.widthProperty().subtract(24));
            nav.put(screen, item);
            items.getChildren().add(item);
        }
        VBox sidebar = new VBox(22, brand, items);
        sidebar.getStyleClass().add("sidebar");
        sidebar.setPrefWidth(214);
        sidebar.setMinWidth(214);
        return sidebar;
    }

    private Node statusBar(ShellModel model) {
        storeKind.setId("status-store");
        storeKind.setGraphic(Glyph.STORE.node(14));
        storeKind.getStyleClass().add(Styles.TEXT_BOLD);
        // The location is what gives way when the bar is short (its tooltip has it whole).
        storeKind.setMinWidth(Region.USE_PREF_SIZE);
        storeLocation.setId("status-location");
        storeLocation.getStyleClass().addAll(Styles.TEXT_MUTED, "mono");
        storeLocation.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        storeLocation.setMinWidth(80);
        head.setId("status-head");
        head.getStyleClass().add("mono");
        head.setMinWidth(Region.USE_PREF_SIZE);
        chainStatus.setId("status-chain");
        chainStatus.setGraphic(Glyph.CHAIN.node(14));
        chainStatus.getStyleClass().add("chain-status");
        chainStatus.setMinWidth(Region.USE_PREF_SIZE);
        chainBusy.setPrefSize(14, 14);
        chainBusy.setVisible(false);
        chainBusy.setManaged(false);

        ToggleSwitch dark = new ToggleSwitch("Dark");
        dark.setMinWidth(Region.USE_PREF_SIZE);
        dark.setId("status-theme");
        dark.setGraphic(Glyph.MOON.node(14));
        dark.selectedProperty().addListener((o, was, now) -> controller.onDarkTheme(now));
        model.darkTheme.addListener((o, was, now) -> dark.setSelected(now));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(storeLocation, Priority.SOMETIMES);
        verifiedAt.setId("status-verified");
        verifiedAt.getStyleClass().add(Styles.TEXT_MUTED);
        verifiedAt.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(10, storeKind, storeLocation, separator(), head, separator(), chainBusy, chainStatus,
                verifiedAt, spacer, dark);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        bar.setId("status-bar");
        return bar;
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }

    /** Binds the status bar to the store once the engine is open; it stays bound until exit. */
    void bindStatus(ChainModel chain) {
        storeKind.textProperty().bind(chain.storeKind);
        storeLocation.textProperty().bind(chain.storeLocation);
        locationTip.textProperty().bind(chain.storeLocation);
        storeLocation.setTooltip(locationTip);
        head.textProperty().bind(Bindings.concat("head #", chain.headSeq.asString(), " · ", chain.headHash));
        chainStatus.textProperty().bind(chain.statusText);
        verifiedAt.textProperty().bind(Bindings.when(chain.verifiedAt.isEmpty()).then("")
                .otherwise(Bindings.concat("verified ", chain.verifiedAt)));
        summaryTip.textProperty().bind(chain.summary);
        chainStatus.setTooltip(summaryTip);
        chain.state.addListener((o, was, now) -> showChainState(now));
        showChainState(chain.state.get());
    }

    /** Lets go of a closed engine's status: the next {@link #bindStatus} binds the new one's. */
    void unbindStatus() {
        for (javafx.beans.property.StringProperty text : List.of(storeKind.textProperty(),
                storeLocation.textProperty(), locationTip.textProperty(), head.textProperty(),
                chainStatus.textProperty(), verifiedAt.textProperty(), summaryTip.textProperty())) {
            text.unbind();
        }
        chainStatus.setText("not verified yet");
        verifiedAt.setText("");
        showChainState(ChainState.NOT_VERIFIED);
    }

    private void showChainState(ChainState state) {
        chainStatus.getStyleClass().removeAll("chain-intact", "chain-broken", "chain-unknown");
        chainStatus.getStyleClass().add(switch (state) {
            case INTACT -> "chain-intact";
            case BROKEN, FAILED -> "chain-broken";
            case NOT_VERIFIED, VERIFYING -> "chain-unknown";
        });
        boolean busy = state == ChainState.VERIFYING;
        chainBusy.setVisible(busy);
        chainBusy.setManaged(busy);
    }

    private Node splash(ShellModel model) {
        Node logo = Glyph.WAVES.node(56);
        logo.getStyleClass().add("brand-logo");
        Label title = new Label("Leviathan");
        title.getStyleClass().add(Styles.TITLE_1);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(32, 32);
        Label message = new Label();
        message.setId("splash-message");
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.textProperty().bind(model.openingMessage);
        message.setWrapText(true);
        message.setMaxWidth(640);
        VBox box = new VBox(16, logo, title, progress, message);
        box.setAlignment(Pos.CENTER);
        box.setId("splash");
        return box;
    }

    private Node failure(ShellModel model) {
        Message message = new Message();
        message.setId("open-failure");
        message.getStyleClass().add(Styles.DANGER);
        message.setTitle("The event store could not be opened");
        message.descriptionProperty().bind(model.failure);
        message.setMaxWidth(720);
        Button retry = new Button("Retry");
        retry.setId("open-retry");
        retry.getStyleClass().add(Styles.ACCENT);
        retry.setOnAction(e -> controller.onRetry());
        Button quit = new Button("Quit");
        quit.setOnAction(e -> controller.onQuit());
        HBox buttons = new HBox(10, retry, quit);
        buttons.setAlignment(Pos.CENTER);
        Label hint = new Label("The data directory is LEVIATHAN_HOME (default ~/.leviathan). The store is the one"
                + " saved in its console-settings.properties (H2 by default), or LEVIATHAN_STORE_URL when that is"
                + " set. See docs/console.md.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        VBox box = new VBox(16, message, hint, buttons);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(720);
        return box;
    }

    private void showPhase(ShellModel.Phase phase) {
        boolean ready = phase == ShellModel.Phase.READY;
        nav.values().forEach(item -> item.setDisable(!ready));
        switch (phase) {
            case OPENING -> {
                content.getChildren().setAll(splash);
                storeLocation.setText("opening…");
            }
            case FAILED -> {
                content.getChildren().setAll(failure);
                storeLocation.setText("not open");
            }
            case READY -> {
                // The controller puts the first screen in place.
            }
        }
    }

    /**
     * Screens stay in the scene once shown and the others are hidden: taking a screen out and putting
     * it back would make JavaFX style every one of its nodes afresh (40–100 ms for a full screen),
     * while a hidden screen's view is unbound from its model and so costs nothing.
     */
    void showScreen(Node screen) {
        List<Node> children = content.getChildren();
        children.removeIf(child -> child == splash || child == failure);
        if (!children.contains(screen)) {
            children.add(screen);
        }
        for (Node child : children) {
            Nodes.show(child, child == screen);
        }
    }

    private void markSelected(ScreenId selected) {
        nav.forEach((screen, item) -> item.pseudoClassStateChanged(SELECTED, screen == selected));
    }

    private void installShortcuts(Scene scene) {
        for (ScreenId screen : ScreenId.values()) {
            scene.getAccelerators().put(screen.shortcut(), () -> controller.onSelect(screen));
        }
        scene.getAccelerators().put(PALETTE, controller::onPalette);
    }
}
