package dev.leviathan.console.backlog;

import static dev.leviathan.console.ui.Nodes.card;
import static dev.leviathan.console.ui.Nodes.show;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.leviathan.console.ui.CellState;
import dev.leviathan.console.ui.CellTooltip;
import dev.leviathan.console.ui.ErrorDialog;
import dev.leviathan.console.ui.EmptyState;
import dev.leviathan.console.ui.Glyph;
import dev.leviathan.console.ui.TableFit;
import dev.leviathan.console.ui.ViewBindings;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The Backlog screen: the target selector and actions on top, the tasks with why each waits, and
 * below them the selected task's approval and the last decision.
 */
final class BacklogView {

    private static final CellState APPROVAL = CellState.of("approval-approved", "approval-stale", "approval-revoked",
            "approval-none");

    private final BacklogController controller;
    private final ZoneId zone;
    private final BorderPane root = new BorderPane();
    private final StackPane center = new StackPane();
    private final VBox noTargets;
    private final VBox content = new VBox(12);
    private final ComboBox<String> targetBox = new ComboBox<>();
    private final Label source = new Label();
    private final ProgressIndicator loading = new ProgressIndicator();
    private final Button refresh = new Button("Refresh");
    private final Button dryRun = new Button("Dry-run schedule");
    private final Message blockers = new Message();
    private final Message loadError = new Message();
    private static final double BACKLOG_ROW = 35;

    private final TableView<TaskRow> table = new TableView<>();
    private final Label taskTitle = new Label();
    private final Label taskHash = new Label();
    private final Label taskApproval = new Label();
    private final Label taskWaits = new Label();
    private final Button approve = new Button("Approve…");
    private final Button revoke = new Button("Revoke…");
    private final Button dispatch = new Button("Dispatch now");
    private final HBox progress = new HBox(8);
    private final Label progressText = new Label();
    private final Message notice = new Message();
    private final Label decisionTitle = new Label();
    private final TextArea decisionText = new TextArea();
    private final ViewBindings bindings = new ViewBindings();
    private boolean selecting;

    BacklogView(BacklogController controller, ZoneId zone) {
        this.controller = controller;
        this.zone = zone;
        root.setId("backlog-screen");
        root.getStyleClass().add("screen");
        root.setTop(header());
        noTargets = EmptyState.of(Glyph.BACKLOG, "No targets yet",
                "The backlog is the list of tasks in a target's .leviathan/backlog.yaml: which are ready, which"
                        + " are approved, and why the scheduler passes each one over.",
                "Register a git repository on the Targets screen (Ctrl+1); its backlog appears here.", null);
        noTargets.setId("backlog-no-targets");
        // The operator drags the divider to give the tasks or the detail and decision more room.
        SplitPane split = new SplitPane(table(), bottom());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        split.getStyleClass().add("backlog-split");
        content.getChildren().addAll(toolbar(), blockers, loadError, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        center.getChildren().addAll(content, noTargets);
        root.setCenter(center);
        root.setOnKeyPressed(e -> {
            if (new KeyCodeCombination(KeyCode.F5).match(e)) {
                controller.onRefresh();
                e.consume();
            }
        });
    }

    Node root() {
        return root;
    }

    private Node header() {
        Label title = new Label("Backlog");
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label("Each task of the target's backlog, its approval, and why the scheduler passes it"
                + " over now. Approving, revoking and dispatching record the same events as leviathanctl.");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        subtitle.setWrapText(true);
        VBox header = new VBox(4, title, subtitle);
        header.setPadding(new Insets(0, 0, 12, 0));
        return header;
    }

    private Node toolbar() {
        Label label = new Label("Target");
        label.getStyleClass().add(Styles.TEXT_BOLD);
        targetBox.setId("backlog-target");
        targetBox.setPrefWidth(240);
        targetBox.setPromptText("choose a target");
        targetBox.valueProperty().addListener((o, was, now) -> {
            if (now != null && !selecting) {
                controller.onSelectTarget(now);
            }
        });
        source.setId("backlog-source");
        source.getStyleClass().addAll(Styles.TEXT_MUTED, "mono");
        loading.setPrefSize(16, 16);
        loading.setMaxSize(16, 16);
        refresh.setId("backlog-refresh");
        refresh.setTooltip(new Tooltip("Read the backlog and the store again (F5)"));
        refresh.setOnAction(e -> controller.onRefresh());
        dryRun.setId("backlog-dry-run");
        dryRun.setTooltip(new Tooltip("What leviathanctl schedule --dry-run prints: the decision the scheduler would"
                + " make now, with every reason. Nothing is recorded."));
        dryRun.setOnAction(e -> controller.onDryRun());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, label, targetBox, source, loading, spacer, refresh, dryRun);
        bar.setAlignment(Pos.CENTER_LEFT);

        blockers.setId("backlog-blockers");
        blockers.getStyleClass().add(Styles.WARNING);
        blockers.setTitle("Autonomous dispatch is blocked");
        loadError.setId("backlog-load-error");
        loadError.getStyleClass().add(Styles.DANGER);
        loadError.setTitle("Backlog unavailable");
        return bar;
    }

    private Node table() {
        table.setId("backlog-table");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        // The id, with the title under it: one column for both leaves room for why the task waits.
        TableColumn<TaskRow, String> task = fixed(column("Task", 178, TaskRow::id));
        task.setCellFactory(c -> new TableCell<>() {
            private final Label id = new Label();
            private final Label title = new Label();
            private final VBox both = new VBox(1, id, title);
            private final CellTooltip tooltip = new CellTooltip();

            {
                id.getStyleClass().addAll("mono", Styles.TEXT_BOLD);
                title.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                TaskRow row = empty ? null : getTableRow().getItem();
                id.setText(row == null ? "" : row.id());
                title.setText(row == null ? "" : row.title());
                setGraphic(row == null ? null : both);
                tooltip.show(this, row == null ? null : row.id() + ": " + row.title());
            }
        });
        table.getColumns().add(task);
        table.getColumns().add(fixed(column("Status", 96, TaskRow::status)));
        table.getColumns().add(fixed(column("Priority", 80, TaskRow::priority)));
        table.getColumns().add(fixed(column("Depends on", 106, TaskRow::dependsOn, "mono")));
        table.getColumns().add(fixed(column("Ready", 64, r -> r.ready() ? "yes" : "no")));
        TableColumn<TaskRow, String> approval = fixed(column("Approval", 216, r -> r.approval().summary()));
        approval.setCellFactory(c -> new TableCell<>() {
            private final CellTooltip tooltip = new CellTooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                TaskRow row = empty ? null : getTableRow().getItem();
                setText(empty ? null : item);
                APPROVAL.show(this, row == null ? null : switch (row.approval().kind()) {
                    case APPROVED -> "approval-approved";
                    case STALE -> "approval-stale";
                    case REVOKED -> "approval-revoked";
                    case NOT_APPROVED -> "approval-none";
                });
                tooltip.show(this, row == null ? null : row.approval().detail(zone));
            }
        });
        table.getColumns().add(approval);
        // Codes here, as compact as the CLI's; the messages are in the tooltip and the task's detail.
        TableColumn<TaskRow, String> waits = column("Why it waits", 240, TaskRow::waitCodes, "mono");
        waits.setCellFactory(c -> new TableCell<>() {
            private final CellTooltip tooltip = new CellTooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                TaskRow row = empty ? null : getTableRow().getItem();
                setText(empty ? null : item);
                tooltip.show(this, row == null ? null : row.waits());
            }
        });
        table.getColumns().add(waits);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(EmptyState.of(Glyph.BACKLOG, "No tasks",
                "The target's .leviathan/backlog.yaml on its default branch lists no tasks, or there is no such"
                        + " file. Tasks appear here as soon as a commit adds them.",
                "Check a backlog file before committing it:", "leviathanctl backlog validate .leviathan/backlog.yaml"));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!selecting) {
                controller.onSelectTask(now);
            }
        });
        // Two lines a row: the task's id and its title. The table sits in a box that fills the split's pane.
        TableFit.toRows(table, BACKLOG_ROW);
        VBox pane = new VBox(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        pane.setMinHeight(160);
        return pane;
    }

    private Node bottom() {
        Label heading = new Label("Selected task");
        heading.getStyleClass().add(Styles.TITLE_4);
        taskTitle.setId("backlog-task-title");
        taskTitle.getStyleClass().add(Styles.TEXT_BOLD);
        taskHash.setId("backlog-task-hash");
        taskHash.getStyleClass().addAll("mono", Styles.TEXT_SMALL);
        taskHash.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        taskApproval.setId("backlog-task-approval");
        taskApproval.setWrapText(true);
        taskWaits.setId("backlog-task-waits");
        taskWaits.setWrapText(true);
        taskWaits.getStyleClass().add(Styles.TEXT_MUTED);
        approve.setId("backlog-approve");
        approve.getStyleClass().add(Styles.ACCENT);
        approve.setOnAction(e -> confirmApprove());
        revoke.setId("backlog-revoke");
        revoke.setOnAction(e -> askRevoke());
        dispatch.setId("backlog-dispatch");
        dispatch.setTooltip(new Tooltip("leviathanctl dispatch TASK: every guard of the scheduler applies except the"
                + " autonomy switch; a worker runs the attempt to its end."));
        dispatch.setOnAction(e -> controller.onDispatch(selectedRow()));
        HBox actions = new HBox(8, approve, revoke, dispatch);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.setMaxSize(16, 16);
        progressText.setId("backlog-progress-text");
        progressText.setWrapText(true);
        progress.getChildren().addAll(spinner, progressText);
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.setId("backlog-progress");
        notice.setId("backlog-notice");
        notice.getStyleClass().add(Styles.SUCCESS);
        VBox facts = new VBox(6, taskTitle, taskHash, taskApproval, taskWaits, progress, notice);
        facts.setPadding(new Insets(0, 8, 0, 0));
        ScrollPane scroll = new ScrollPane(facts);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox task = card("backlog-task", 8, heading, scroll, actions);
        task.setPrefWidth(560);
        task.setMinWidth(440);

        Label decisionHeading = new Label("Decision");
        decisionHeading.getStyleClass().add(Styles.TITLE_4);
        decisionTitle.setId("backlog-decision-title");
        decisionTitle.getStyleClass().add(Styles.TEXT_BOLD);
        decisionText.setId("backlog-decision-text");
        decisionText.setEditable(false);
        // Unwrapped, as a terminal shows it: one line per task keeps the columns of the CLI's text.
        decisionText.setWrapText(false);
        decisionText.getStyleClass().add("mono");
        decisionText.setPrefRowCount(6);
        VBox.setVgrow(decisionText, Priority.ALWAYS);
        VBox decision = card("backlog-decision", 6, decisionHeading, decisionTitle, decisionText);
        HBox.setHgrow(decision, Priority.ALWAYS);
        HBox.setHgrow(task, Priority.SOMETIMES);
        HBox bottom = new HBox(12, task, decision);
        bottom.setPadding(new Insets(12, 0, 0, 0));
        bottom.setMinHeight(200);
        return bottom;
    }

    private TaskRow selectedRow() {
        return table.getSelectionModel().getSelectedItem();
    }

    // ------------------------------------------------------------------ dialogs

    /** Shows the content hash the approval will be for and asks to confirm. */
    private void confirmApprove() {
        TaskRow row = selectedRow();
        if (row == null) {
            return;
        }
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(window());
        alert.setTitle("Approve " + row.id());
        alert.setHeaderText("Approve " + row.id() + " as it is now?");
        Label text = new Label("The approval is for this content hash of the task. Any later edit to what the task"
                + " asks for makes the approval stale until it is approved again.");
        text.setWrapText(true);
        Label hash = new Label(row.contentHash());
        hash.setId("backlog-approve-hash");
        hash.getStyleClass().add("mono");
        VBox body = new VBox(10, text, hash);
        body.setPrefWidth(520);
        alert.getDialogPane().setContent(body);
        ButtonType approveButton = new ButtonType("Approve", ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(approveButton, ButtonType.CANCEL);
        alert.getDialogPane().lookupButton(approveButton).setId("backlog-approve-confirm");
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isPresent() && answer.get() == approveButton) {
            controller.onApprove(row);
        }
    }

    private void askRevoke() {
        TaskRow row = selectedRow();
        if (row == null) {
            return;
        }
        TextInputDialog dialog = new TextInputDialog("");
        dialog.initOwner(window());
        dialog.setTitle("Revoke " + row.id());
        dialog.setHeaderText("Revoke the approval of " + row.id() + "?");
        dialog.setContentText("Reason:");
        dialog.getEditor().setId("backlog-revoke-reason");
        dialog.getEditor().setPromptText("why the task must not run");
        dialog.getEditor().setPrefColumnCount(32);
        ButtonType revokeButton = new ButtonType("Revoke", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(revokeButton, ButtonType.CANCEL);
        Node confirm = dialog.getDialogPane().lookupButton(revokeButton);
        confirm.setId("backlog-revoke-confirm");
        confirm.disableProperty().bind(dialog.getEditor().textProperty().isEmpty());
        dialog.setResultConverter(button -> button == revokeButton ? dialog.getEditor().getText() : null);
        dialog.showAndWait().ifPresent(reason -> controller.onRevoke(row, reason));
    }

    private void showFailure(BacklogModel.Failure failure) {
        controller.onFailureShown();
        ErrorDialog.show(root, failure.title(), failure.message(), "backlog-failure-message", 520);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    // ------------------------------------------------------------------ binding

    void bind(BacklogModel model) {
        targetBox.setItems(model.targets);
        bindings.onRelease(() -> targetBox.setItems(FXCollections.observableArrayList()));
        bindings.follow(model.target, target -> {
            selecting = true;
            try {
                targetBox.setValue(target);
            } finally {
                selecting = false;
            }
        });
        bindings.follow(Bindings.isEmpty(model.targets), none -> {
            noTargets.setVisible(none);
            content.setVisible(!none);
        });
        bindings.bind(source.textProperty(), model.source);
        bindings.follow(model.loading, busy -> show(loading, busy));
        message(blockers, model.blockers);
        message(loadError, model.loadError);
        table.setItems(model.rows);
        bindings.onRelease(() -> table.setItems(FXCollections.emptyObservableList()));
        bindings.follow(model.selected, row -> {
            selecting = true;
            try {
                if (row == null) {
                    table.getSelectionModel().clearSelection();
                } else if (table.getSelectionModel().getSelectedItem() != row) {
                    table.getSelectionModel().select(row);
                }
            } finally {
                selecting = false;
            }
            showTask(row);
        });
        bindings.bind(approve.disableProperty(), Bindings.createBooleanBinding(() -> model.busy.get()
                || model.selected.get() == null || model.selected.get().approval().kind() == ApprovalState.Kind.APPROVED,
                model.busy, model.selected));
        bindings.bind(revoke.disableProperty(), Bindings.createBooleanBinding(() -> model.busy.get()
                || model.selected.get() == null || !model.selected.get().approval().revocable(),
                model.busy, model.selected));
        bindings.bind(dispatch.disableProperty(), Bindings.createBooleanBinding(() -> model.busy.get()
                || model.selected.get() == null, model.busy, model.selected));
        bindings.bind(dryRun.disableProperty(), model.busy.or(model.target.isNull()));
        bindings.bind(progressText.textProperty(), model.progress);
        bindings.follow(model.busy, busy -> show(progress, busy));
        message(notice, model.noticeText);
        bindings.bind(notice.titleProperty(), model.noticeTitle);
        bindings.bind(decisionTitle.textProperty(), Bindings.when(model.decisionTitle.isEmpty())
                .then("Dry-run schedule shows what the scheduler would decide now, with every reason;"
                        + " nothing is recorded.").otherwise(model.decisionTitle));
        bindings.bind(decisionText.textProperty(), model.decisionText);
        bindings.follow(model.failure, failure -> {
            if (failure != null) {
                showFailure(failure);
            }
        });
    }

    void unbind() {
        bindings.releaseAll();
    }

    private void showTask(TaskRow row) {
        if (row == null) {
            taskTitle.setText("Select a task in the table.");
            taskHash.setText("");
            taskApproval.setText("");
            taskWaits.setText("");
            return;
        }
        taskTitle.setText(row.id() + " · " + row.title());
        taskHash.setText("content " + row.contentHash());
        String word = row.approval().kind().word();
        taskApproval.setText(Character.toUpperCase(word.charAt(0)) + word.substring(1) + ". "
                + row.approval().detail(zone));
        if (row.next()) {
            taskWaits.setText("Next: the scheduler's dry run would dispatch this task now.");
        } else {
            StringBuilder waits = new StringBuilder("Why it waits:");
            row.reasons().forEach(r -> waits.append("\n• ").append(r.code().wire()).append(": ").append(r.message()));
            taskWaits.setText(row.reasons().isEmpty() ? "" : waits.toString());
        }
    }

    private static <T> TableColumn<TaskRow, T> column(String title, double width, Function<TaskRow, T> value,
            String... styles) {
        TableColumn<TaskRow, T> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.getStyleClass().addAll(styles);
        return column;
    }

    private static <T> TableColumn<TaskRow, T> fixed(TableColumn<TaskRow, T> column) {
        column.setMinWidth(column.getPrefWidth());
        column.setMaxWidth(column.getPrefWidth());
        return column;
    }

    private void message(Message message, ObservableValue<String> text) {
        bindings.bind(message.descriptionProperty(), text);
        bindings.follow(text, value -> show(message, value != null && !value.isEmpty()));
    }

}
