package dev.leviathan.console.governor;

import static dev.leviathan.console.ui.Nodes.card;
import static dev.leviathan.console.ui.Nodes.show;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.leviathan.console.ui.CellTooltip;
import dev.leviathan.console.ui.ErrorDialog;
import dev.leviathan.console.ui.EmptyState;
import dev.leviathan.console.ui.Glyph;
import dev.leviathan.console.ui.TableFit;
import dev.leviathan.console.ui.ViewBindings;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Governor screen: a target selector, the kill switch with the emergency stop, the circuit
 * breaker, the limits beside the current counts, and the decision stream with the selected
 * line (or the last dry run) in full. Operator actions that change something ask for a reason, or
 * confirmation, in a dialog first.
 */
final class GovernorView {

    private final GovernorController controller;
    private final BorderPane root = new BorderPane();
    private final StackPane body = new StackPane();
    private final ComboBox<String> target = new ComboBox<>();
    private final Button dryRun = new Button("Dry-run schedule");
    private final Label notice = new Label();
    private final Label inputsProblem = new Label();
    private final ToggleSwitch autonomy = new ToggleSwitch();
    private final Label autonomyState = new Label();
    private final Label autonomyText = new Label();
    private final Button emergencyStop = new Button("Emergency stop");
    private final Label circuitState = new Label();
    private final Label circuitText = new Label();
    private final Button resetCircuit = new Button("Reset…");
    private final TableView<LimitRow> limits = new TableView<>();
    private final Label limitsSource = new Label();
    private final Label streamCount = new Label();
    private final TableView<StreamRow> stream = new TableView<>();
    private final Label detailTitle = new Label();
    private final TextArea detailText = new TextArea();
    private final Node content;
    private final Node noTargets;
    private final ViewBindings bindings = new ViewBindings();
    /** The switch is being set from the model, not by the operator. */
    private boolean syncing;

    GovernorView(GovernorController controller) {
        this.controller = controller;
        root.setId("governor-screen");
        root.getStyleClass().add("screen");
        root.setTop(header());
        content = content();
        noTargets = EmptyState.of(Glyph.GOVERNOR, "No targets to govern",
                "The governor decides, for each registered target, which approved task may run next, within"
                        + " its limits; here you switch its autonomy on and off, stop it in an emergency and"
                        + " reset its circuit breaker.",
                "Register a target on the Targets screen (Ctrl+1) first; it appears here at once.", null);
        noTargets.setId("governor-empty");
        body.getChildren().addAll(content, noTargets);
        root.setCenter(body);
    }

    Node root() {
        return root;
    }

    private Node header() {
        Label title = new Label("Governor");
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label("What may run on its own, and why it does not. Every switch you flip here is"
                + " recorded as an event, as leviathanctl would record it.");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);

        target.setId("governor-target");
        target.setPromptText("No targets");
        target.setPrefWidth(240);
        target.valueProperty().addListener((o, was, now) -> controller.onSelectTarget(now));
        Label targetLabel = new Label("Target");
        targetLabel.getStyleClass().add(Styles.TEXT_BOLD);
        dryRun.setId("governor-dry-run");
        dryRun.setOnAction(e -> controller.onDryRun());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(10, targetLabel, target, spacer, dryRun);
        toolbar.setAlignment(Pos.CENTER_LEFT);

        // Labels, not Messages: a Message in a BorderPane's top grows to fill the window.
        notice.setId("governor-notice");
        notice.getStyleClass().addAll("notice", "notice-success");
        notice.setMaxWidth(Double.MAX_VALUE);
        VBox header = new VBox(10, new VBox(4, title, subtitle), toolbar, notice);
        header.setPadding(new Insets(0, 0, 12, 0));
        return header;
    }

    private Node content() {
        VBox left = new VBox(12, autonomyCard(), circuitCard());
        left.setMinWidth(340);
        left.setPrefWidth(370);
        left.setMaxWidth(420);
        Node limitsCard = limitsCard();
        HBox.setHgrow(limitsCard, Priority.ALWAYS);
        HBox top = new HBox(12, left, limitsCard);

        Node streamPane = streamPane();
        VBox.setVgrow(streamPane, Priority.ALWAYS);
        VBox all = new VBox(12, top, streamPane);
        return all;
    }

    private Node autonomyCard() {
        Label heading = new Label("Autonomy");
        heading.getStyleClass().add(Styles.TITLE_4);
        autonomy.setId("governor-autonomy");
        autonomy.selectedProperty().addListener((o, was, now) -> onSwitched(now));
        autonomyState.setId("governor-autonomy-state");
        autonomyState.getStyleClass().add(Styles.TEXT_BOLD);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(10, heading, spacer, autonomyState, autonomy);
        head.setAlignment(Pos.CENTER_LEFT);
        autonomyText.setId("governor-autonomy-text");
        autonomyText.setWrapText(true);
        autonomyText.getStyleClass().add(Styles.TEXT_MUTED);

        emergencyStop.setId("governor-emergency-stop");
        emergencyStop.getStyleClass().add(Styles.DANGER);
        emergencyStop.setMaxWidth(Double.MAX_VALUE);
        emergencyStop.setOnAction(e -> ask("Emergency stop of " + controller.model().selected.get(),
                "Autonomy is switched off at once and every worker this console started is stopped. Dispatching"
                        + " by hand stays possible.", GovernorController.STOP_REASON, "Stop now", true)
                .ifPresent(controller::onEmergencyStop));
        VBox card = card("governor-autonomy-card", 8, head, autonomyText, emergencyStop);
        return card;
    }

    private Node circuitCard() {
        Label heading = new Label("Circuit breaker");
        heading.getStyleClass().add(Styles.TITLE_4);
        circuitState.setId("governor-circuit-state");
        circuitState.getStyleClass().add("badge");
        resetCircuit.setId("governor-circuit-reset");
        resetCircuit.setOnAction(e -> ask("Reset the circuit breaker of " + controller.model().selected.get(),
                "Closes the breaker and starts the count of consecutive failures from zero. Fix what made the"
                        + " attempts fail first.", "", "Reset", false).ifPresent(controller::onResetCircuit));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(10, heading, circuitState, spacer, resetCircuit);
        head.setAlignment(Pos.CENTER_LEFT);
        circuitText.setId("governor-circuit-text");
        circuitText.setWrapText(true);
        circuitText.getStyleClass().add(Styles.TEXT_MUTED);
        VBox card = card("governor-circuit-card", 8, head, circuitText);
        return card;
    }

    private Node limitsCard() {
        Label heading = new Label("Limits");
        heading.getStyleClass().add(Styles.TITLE_4);
        limitsSource.setId("governor-limits-source");
        limitsSource.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        // A long data directory keeps its end, where the target's own name is.
        limitsSource.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        limitsSource.setMaxWidth(Double.MAX_VALUE);
        tooltipText(limitsSource).bind(limitsSource.textProperty());

        limits.setId("governor-limits");
        limits.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE, "governor-limits");
        limits.getColumns().add(fixed(column("Limit", 234, LimitRow::limit)));
        limits.getColumns().add(fixed(column("Now", 56, LimitRow::now, "align-right", "strong")));
        limits.getColumns().add(fixed(column("Max", 58, LimitRow::allowed, "align-right")));
        TableColumn<LimitRow, String> setBy = column("Set by", 240, LimitRow::setBy, "mono-small");
        setBy.setMinWidth(120);
        setBy.setCellFactory(c -> withTooltip());
        limits.getColumns().add(setBy);
        for (TableColumn<LimitRow, ?> column : limits.getColumns()) {
            column.setSortable(false);
            column.setReorderable(false);
        }
        limits.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        limits.setFixedCellSize(26);
        // Eight rows and the header, no scrolling.
        limits.setPrefHeight(26 * 8 + 36);
        limits.setMinHeight(26 * 8 + 36);
        limits.setPlaceholder(new Label("Reading the limits…"));

        inputsProblem.setId("governor-inputs-problem");
        inputsProblem.getStyleClass().addAll("notice", "notice-warning");
        inputsProblem.setWrapText(true);
        inputsProblem.setMaxWidth(Double.MAX_VALUE);
        VBox card = card("governor-limits-card", 8, heading, inputsProblem, limits, limitsSource);
        return card;
    }

    private Node streamPane() {
        Label heading = new Label("Decisions and governance events");
        heading.getStyleClass().add(Styles.TITLE_4);
        streamCount.setId("governor-stream-count");
        streamCount.getStyleClass().add(Styles.TEXT_MUTED);
        HBox head = new HBox(10, heading, streamCount);
        head.setAlignment(Pos.BASELINE_LEFT);

        stream.setId("governor-stream");
        stream.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        stream.getColumns().add(fixed(column("Time", 130, StreamRow::time)));
        stream.getColumns().add(fixed(column("Event", 150, StreamRow::type)));
        stream.getColumns().add(fixed(column("By", 84, StreamRow::actor)));
        TableColumn<StreamRow, String> summary = column("What", 300, StreamRow::summary);
        summary.setMinWidth(160);
        summary.setCellFactory(c -> withTooltip());
        stream.getColumns().add(summary);
        stream.getColumns().forEach(c -> c.setSortable(false));
        stream.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        // Stops, open circuits, failures and blocked decisions stand out in the stream.
        stream.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(StreamRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(Styles.STATE_DANGER, !empty && item != null && item.alarm());
            }
        });
        stream.setPlaceholder(EmptyState.of(Glyph.GOVERNOR, "No decisions yet",
                "Each decision of the scheduler and each governance event of this target — approvals, attempts,"
                        + " pull requests, the kill switch, the breaker — appears here as it is recorded.",
                "Try Dry-run schedule to see what the governor would do now, with a reason for every task it"
                        + " passes over.", null));
        stream.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> controller.onSelectRow(now));
        TableFit.toRows(stream, TableFit.DENSE_ROW);
        VBox.setVgrow(stream, Priority.ALWAYS);
        VBox left = new VBox(8, head, stream);

        detailTitle.setId("governor-detail-title");
        detailTitle.setWrapText(true);
        detailTitle.getStyleClass().add(Styles.TEXT_BOLD);
        detailText.setId("governor-detail");
        detailText.setEditable(false);
        detailText.setWrapText(true);
        detailText.getStyleClass().add("mono");
        detailText.setPromptText("Select a line to see it in full: a decision with the reason for every task it"
                + " passed over. Dry-run schedule shows the decision the governor would make now.");
        VBox.setVgrow(detailText, Priority.ALWAYS);
        VBox right = new VBox(8, detailTitle, detailText);
        right.setPadding(new Insets(0, 0, 0, 12));

        SplitPane split = new SplitPane(left, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.6);
        split.getStyleClass().add("governor-split");
        return split;
    }

    private static <R, T> TableColumn<R, T> column(String title, double width, Function<R, T> value,
            String... styles) {
        TableColumn<R, T> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.getStyleClass().addAll(styles);
        return column;
    }

    /** A cell that shows its whole text on hover, for columns that may cut it short. */
    private static <R> TableCell<R, String> withTooltip() {
        return new TableCell<>() {
            private final CellTooltip tooltip = new CellTooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                tooltip.show(this, empty ? null : item);
            }
        };
    }

    private static StringProperty tooltipText(Label label) {
        Tooltip tip = new Tooltip();
        label.setTooltip(tip);
        return tip.textProperty();
    }

    private static <R, T> TableColumn<R, T> fixed(TableColumn<R, T> column) {
        column.setMinWidth(column.getPrefWidth());
        column.setMaxWidth(column.getPrefWidth());
        return column;
    }

    // ------------------------------------------------------------------ operator input

    /** The operator flipped the switch: on is recorded at once, off asks why first. */
    private void onSwitched(boolean on) {
        if (syncing) {
            return;
        }
        if (on) {
            controller.onEnableAutonomy();
            return;
        }
        Optional<String> reason = ask("Turn autonomy off for " + controller.model().selected.get(),
                "The governor dispatches nothing of this target on its own from its next decision on. Running"
                        + " workers finish; use Emergency stop to stop them too.", "", "Turn off", false);
        if (reason.isPresent()) {
            controller.onDisableAutonomy(reason.get());
        } else {
            syncSwitch(controller.model().autonomyEnabled.get());
        }
    }

    /**
     * Asks for the reason recorded with an action; empty if the operator cancelled. A blank reason
     * is recorded as leviathanctl's default for the action.
     */
    private Optional<String> ask(String title, String what, String reason, String confirm, boolean danger) {
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        if (root.getScene() != null) {
            dialog.initOwner(root.getScene().getWindow());
        }
        Label explanation = new Label(what);
        explanation.setWrapText(true);
        explanation.setMaxWidth(440);
        TextField field = new TextField(reason);
        field.setId("governor-reason");
        field.setPromptText("Reason, recorded with the event");
        field.setPrefColumnCount(32);
        Label fieldLabel = new Label("Reason");
        fieldLabel.getStyleClass().add(Styles.TEXT_BOLD);
        VBox form = new VBox(10, explanation, fieldLabel, field);
        form.setPadding(new Insets(8, 0, 0, 0));
        dialog.getDialogPane().setContent(form);
        ButtonType ok = new ButtonType(confirm, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        Node okButton = dialog.getDialogPane().lookupButton(ok);
        okButton.setId("governor-dialog-ok");
        if (danger) {
            okButton.getStyleClass().add(Styles.DANGER);
        }
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("governor-dialog-cancel");
        dialog.setResultConverter(button -> button == ok ? field.getText() : null);
        dialog.setOnShown(e -> field.requestFocus());
        return dialog.showAndWait();
    }

    private void showFailure(String title, String message) {
        ErrorDialog.show(root, title, message, "governor-error", 480);
    }

    private void syncSwitch(boolean on) {
        syncing = true;
        try {
            autonomy.setSelected(on);
        } finally {
            syncing = false;
        }
    }

    // ------------------------------------------------------------------ binding

    void bind(GovernorModel model) {
        target.setItems(model.targets);
        bindings.follow(model.selected, selected -> {
            if (!selected.isEmpty() && !selected.equals(target.getValue())) {
                target.setValue(selected);
            }
        });
        bindings.follow(Bindings.isEmpty(model.targets), none -> {
            show(noTargets, none);
            show(content, !none);
        });
        bindings.bind(dryRun.disableProperty(), model.busy.or(model.selected.isEmpty()));

        bindings.follow(model.autonomyEnabled, this::syncSwitch);
        bindings.bind(autonomy.disableProperty(), model.busy.or(model.statusKnown.not()));
        bindings.bind(autonomyState.textProperty(), Bindings.when(model.statusKnown)
                .then(Bindings.when(model.autonomyEnabled).then("On").otherwise("Off")).otherwise("…"));
        bindings.follow(model.autonomyEnabled, on -> {
            autonomyState.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            autonomyState.getStyleClass().add(on ? Styles.SUCCESS : Styles.DANGER);
        });
        bindings.bind(autonomyText.textProperty(), model.autonomyText);
        bindings.bind(emergencyStop.disableProperty(), model.busy.or(model.statusKnown.not()));

        bindings.bind(circuitState.textProperty(), Bindings.when(model.statusKnown)
                .then(Bindings.when(model.circuitOpen).then("OPEN").otherwise("closed")).otherwise("…"));
        bindings.follow(model.circuitOpen, open -> {
            circuitState.getStyleClass().removeAll("badge-danger", "badge-success");
            circuitState.getStyleClass().add(open ? "badge-danger" : "badge-success");
        });
        bindings.bind(circuitText.textProperty(), model.circuitText);
        bindings.bind(resetCircuit.disableProperty(), model.busy.or(model.statusKnown.not()));

        limits.setItems(model.limits);
        bindings.onRelease(() -> limits.setItems(FXCollections.emptyObservableList()));
        bindings.bind(limitsSource.textProperty(), model.limitsSource);
        message(inputsProblem, model.inputsProblem);
        message(notice, model.notice);

        stream.setItems(model.stream);
        bindings.onRelease(() -> stream.setItems(FXCollections.emptyObservableList()));
        bindings.bind(streamCount.textProperty(), model.streamCount);
        bindings.bind(detailTitle.textProperty(), model.detailTitle);
        bindings.bind(detailText.textProperty(), model.detailText);

        bindings.follow(model.failure, message -> {
            if (message != null && !message.isEmpty()) {
                showFailure(model.failureTitle.get(), message);
                controller.onFailureShown();
                syncSwitch(model.autonomyEnabled.get());
            }
        });
    }

    void unbind() {
        bindings.releaseAll();
    }

    private void message(Label message, ObservableValue<String> text) {
        bindings.bind(message.textProperty(), text);
        bindings.follow(text, value -> show(message, value != null && !value.isEmpty()));
    }

}
