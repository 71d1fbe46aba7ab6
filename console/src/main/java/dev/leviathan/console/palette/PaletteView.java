package dev.leviathan.console.palette;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The palette overlay: a dimmed backdrop over the whole window and, near its top, a search field
 * above the matching commands. Clicking the backdrop closes it, clicking a command runs it.
 */
final class PaletteView {

    private final PaletteController controller;
    private final StackPane root = new StackPane();
    private final TextField search = new TextField();
    private final ListView<Command> list = new ListView<>();
    private Node focusBefore;

    PaletteView(PaletteController controller, PaletteModel model) {
        this.controller = controller;
        root.setId("palette");
        root.getStyleClass().add("palette-layer");

        search.setId("palette-search");
        search.setPromptText("Type a command or a screen…");
        search.getStyleClass().add(Styles.LARGE);
        search.textProperty().bindBidirectional(model.query);

        list.setId("palette-list");
        list.getStyleClass().add("palette-list");
        list.setItems(model.matches);
        list.setFocusTraversable(false);
        list.setPrefHeight(360);
        list.setCellFactory(v -> new CommandCell());
        Label none = new Label("No command matches. Esc closes.");
        none.getStyleClass().add(Styles.TEXT_MUTED);
        list.setPlaceholder(none);
        model.selected.addListener((o, was, now) -> showSelected(now.intValue()));
        model.matches.addListener((javafx.collections.ListChangeListener<Command>) c ->
                showSelected(model.selected.get()));

        Label hint = new Label("↑ ↓ to move · Enter to run · Esc to close");
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox card = new VBox(8, search, list, hint);
        card.getStyleClass().add("palette-card");
        card.setMaxWidth(620);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        card.setOnMouseClicked(e -> e.consume());
        StackPane.setAlignment(card, Pos.TOP_CENTER);
        root.getChildren().add(card);
        root.setOnMouseClicked(e -> controller.onClose());

        model.open.addListener((o, was, now) -> show(now));
        show(model.open.get());
    }

    Node root() {
        return root;
    }

    void focusSearch() {
        if (root.getScene() != null) {
            Node owner = root.getScene().getFocusOwner();
            if (owner != null && owner != search) {
                focusBefore = owner;
            }
        }
        search.requestFocus();
        search.selectAll();
    }

    private void show(boolean open) {
        root.setVisible(open);
        root.setManaged(open);
        if (!open && search.isFocused()) {
            // Back to where the operator was, unless the command moved the focus elsewhere.
            Node back = focusBefore;
            focusBefore = null;
            if (back != null && back.getScene() == root.getScene()) {
                back.requestFocus();
            } else if (root.getParent() != null) {
                root.getParent().requestFocus();
            }
        }
    }

    private void onKey(KeyEvent event) {
        switch (event.getCode()) {
            case UP -> controller.onMove(-1);
            case DOWN -> controller.onMove(1);
            case ENTER -> controller.onRun();
            case ESCAPE -> controller.onClose();
            default -> {
                return;
            }
        }
        event.consume();
    }

    private void showSelected(int index) {
        if (index < 0) {
            list.getSelectionModel().clearSelection();
            return;
        }
        list.getSelectionModel().select(index);
        list.scrollTo(Math.max(0, index - 3));
    }

    /** Title, its group muted, and the shortcut that does the same outside the palette. */
    private final class CommandCell extends ListCell<Command> {

        private final Label title = new Label();
        private final Label group = new Label();
        private final Label keys = new Label();
        private final HBox line;

        CommandCell() {
            title.getStyleClass().add("palette-title");
            group.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            keys.getStyleClass().add("nav-shortcut");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            line = new HBox(10, title, group, spacer, keys);
            line.setAlignment(Pos.CENTER_LEFT);
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && !isEmpty()) {
                    controller.onSelect(getIndex());
                    controller.onRun();
                }
            });
        }

        @Override
        protected void updateItem(Command command, boolean empty) {
            super.updateItem(command, empty);
            if (empty || command == null) {
                setGraphic(null);
                setId(null);
                return;
            }
            title.setText(command.title());
            group.setText(command.group());
            keys.setText(command.shortcut().map(k -> k.getDisplayText()).orElse(""));
            setId("palette-" + command.id().replace('.', '-'));
            setGraphic(line);
        }
    }
}
