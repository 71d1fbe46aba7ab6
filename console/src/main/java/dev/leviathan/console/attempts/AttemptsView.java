package dev.leviathan.console.attempts;

import static dev.leviathan.console.ui.Nodes.titleRow;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.leviathan.console.ui.CellState;
import dev.leviathan.console.ui.CellTooltip;
import dev.leviathan.console.ui.EmptyState;
import dev.leviathan.console.ui.Glyph;
import dev.leviathan.console.ui.ListUpdate;
import dev.leviathan.console.ui.Nodes;
import dev.leviathan.console.ui.TableFit;
import dev.leviathan.console.ui.ViewBindings;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Attempts screen: filters on top, the attempts list, and the selected attempt below with its
 * actions and four tabs (timeline, log, artifacts, pull request).
 */
final class AttemptsView {

    private static final CellState STATUS = CellState.of("status-succeeded", "status-failed", "status-invalidated");
    private static final CellState VERDICT = CellState.of("verdict-allowed", "verdict-refused");
    private static final CellState DIFF = CellState.of("diff-file", "diff-meta", "diff-hunk", "diff-added",
            "diff-removed", "diff-context");

    private final AttemptsController controller;
    private final BorderPane root = new BorderPane();
    private final Label count = new Label();
    private final ComboBox<String> targetFilter = new ComboBox<>();
    private final ComboBox<String> statusFilter = new ComboBox<>();
    private final TextField taskSearch = new TextField();
    private final Button clearFilters = new Button("Clear filters");
    private final Message loadError = new Message();
    private final TableView<AttemptRow> table = new TableView<>();
    private final StackPane detailPane = new StackPane();
    private final VBox emptyStore;
    private final VBox emptyFilter;
    private final Label noSelection = new Label("Select an attempt to see its timeline, log, artifacts and pull request.");
    private final ProgressIndicator detailLoading = new ProgressIndicator();

    private final VBox detailBox = new VBox(10);
    private final Label detailTitle = new Label();
    private final Button merge = new Button("Merge…");
    private final Button close = new Button("Close PR…");
    private final Button invalidate = new Button("Invalidate…");
    private final Button retry = new Button("Retry…");
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Label busyText = new Label();
    private final Label notice = new Label();
    private final TabPane tabs = new TabPane();
    private final TableView<AttemptDetail.TimelineEntry> timeline = new TableView<>();
    private final Label logSource = new Label();
    private final ListView<String> log = new ListView<>();
    private final ListView<AttemptDetail.ArtifactEntry> artifacts = new ListView<>();
    private final ListView<String> artifactContent = new ListView<>();
    private final Label prSummary = new Label();
    private final Label scopeSummary = new Label();
    private final ListView<AttemptDetail.FileVerdict> files = new ListView<>();
    private final ListView<DiffLine> diff = new ListView<>();
    private final ViewBindings bindings = new ViewBindings();
    private Alert failureDialog;

    AttemptsView(AttemptsController controller) {
        this.controller = controller;
        emptyStore = EmptyState.of(Glyph.ATTEMPT, "No attempts yet",
                "An attempt is one run of a worker on an approved task: its events, its log, its artifacts and"
                        + " the pull request it opens. Attempts appear here live, from this console, leviathanctl"
                        + " or any other process on the same store.",
                "Approve a task of a target's backlog and dispatch it, for example:",
                "leviathanctl approve TASK --target NAME && leviathanctl dispatch TASK --target NAME");
        emptyFilter = EmptyState.of(Glyph.ATTEMPT, "No matching attempts",
                "No attempt matches the target, status and task filters. Matching attempts still appear here"
                        + " live as they are recorded.", null, null);
        root.setId("attempts-screen");
        root.getStyleClass().add("screen");
        root.setTop(header());
        root.setCenter(body());
    }

    Node root() {
        return root;
    }

    private Node header() {
        HBox titleRow = titleRow("Attempts", count, "attempts-count");

        targetFilter.setId("attempts-target-filter");
        targetFilter.setPromptText("All targets");
        targetFilter.setPrefWidth(200);
        statusFilter.setId("attempts-status-filter");
        statusFilter.setPromptText("All statuses");
        statusFilter.setItems(FXCollections.observableArrayList(AttemptsController.STATUSES));
        statusFilter.setPrefWidth(160);
        taskSearch.setId("attempts-search");
        taskSearch.setPromptText("Task id contains…");
        taskSearch.setPrefWidth(220);
        targetFilter.valueProperty().addListener((o, was, now) -> filter());
        statusFilter.valueProperty().addListener((o, was, now) -> filter());
        taskSearch.textProperty().addListener((o, was, now) -> filter());
        clearFilters.setId("attempts-clear-filters");
        clearFilters.getStyleClass().add(Styles.FLAT);
        clearFilters.setOnAction(e -> {
            targetFilter.setValue(null);
            statusFilter.setValue(null);
            taskSearch.clear();
        });
        HBox toolbar = new HBox(10, new Label("Target"), targetFilter, new Label("Status"), statusFilter,
                new Label("Task"), taskSearch, clearFilters);
        toolbar.setAlignment(Pos.CENTER_LEFT);

        loadError.setId("attempts-error");
        loadError.getStyleClass().add(Styles.DANGER);
        loadError.setTitle("Attempts unavailable");
        VBox header = new VBox(12, titleRow, toolbar, loadError);
        header.setPadding(new Insets(0, 0, 12, 0));
        return header;
    }

    private void filter() {
        controller.onFilter(targetFilter.getValue(), statusFilter.getValue(), taskSearch.getText());
    }

    private Node body() {
        table.setId("attempts-table");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.getColumns().add(column("Attempt", 170, AttemptRow::attemptId, "mono"));
        table.getColumns().add(column("Target", 130, AttemptRow::targetId));
        table.getColumns().add(column("Task", 170, AttemptRow::taskId, "mono"));
        TableColumn<AttemptRow, String> status = column("Status", 100, AttemptRow::status);
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                // Created and started attempts look plain.
                STATUS.show(this, empty || !STATUS.has("status-" + item) ? null : "status-" + item);
            }
        });
        table.getColumns().add(status);
        table.getColumns().add(column("Updated", 170, AttemptRow::updated));
        TableColumn<AttemptRow, String> reason = column("Reason", 300, AttemptRow::reason);
        // One line a row, so every row has the table's fixed height; the whole reason on hover.
        reason.setCellFactory(c -> new TableCell<>() {
            private final CellTooltip tooltip = new CellTooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item.replace("\n", " · "));
                tooltip.show(this, empty ? null : item);
            }
        });
        table.getColumns().add(reason);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!restoringSelection) {
                controller.onSelect(now);
            }
        });

        buildDetail();
        noSelection.getStyleClass().add(Styles.TEXT_MUTED);
        noSelection.setId("attempts-no-selection");
        detailPane.getChildren().setAll(noSelection, detailLoading, detailBox);
        StackPane.setAlignment(noSelection, Pos.CENTER);
        StackPane.setAlignment(detailLoading, Pos.CENTER);
        StackPane.setAlignment(detailBox, Pos.TOP_LEFT);
        showInDetailPane(noSelection);
        detailPane.setId("attempts-detail");
        detailPane.getStyleClass().add("detail-pane");
        // The table sits in a box that fills the split's pane, so it can be only as tall as its rows.
        TableFit.toRows(table, TableFit.DENSE_ROW);
        VBox tablePane = new VBox(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        SplitPane split = new SplitPane(tablePane, detailPane);
        split.setOrientation(Orientation.VERTICAL);
        // The list's empty state is tall and its height counts as the list's least one, so without
        // these the divider sits far below where it is put and the diff gets a sliver of the window.
        tablePane.setMinHeight(90);
        table.setMinHeight(0);
        detailPane.setMinHeight(0);
        split.setDividerPositions(0.26);
        return split;
    }

    private void buildDetail() {
        detailTitle.setId("attempts-detail-title");
        detailTitle.getStyleClass().add(Styles.TITLE_4);
        merge.setId("attempts-merge");
        merge.getStyleClass().add(Styles.SUCCESS);
        close.setId("attempts-close");
        invalidate.setId("attempts-invalidate");
        retry.setId("attempts-retry");
        retry.getStyleClass().add(Styles.ACCENT);
        merge.setOnAction(e -> confirmMerge());
        close.setOnAction(e -> askClose());
        invalidate.setOnAction(e -> askInvalidate());
        retry.setOnAction(e -> confirmRetry());
        busy.setPrefSize(18, 18);
        busy.setMaxSize(18, 18);
        busyText.setId("attempts-busy");
        busyText.getStyleClass().add(Styles.TEXT_MUTED);
        notice.setId("attempts-notice");
        notice.getStyleClass().add(Styles.TEXT_MUTED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(8, detailTitle, spacer, busy, busyText, merge, close, invalidate, retry);
        actions.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(detailTitle, Priority.SOMETIMES);
        detailTitle.setMinWidth(0);

        timeline.setId("attempts-timeline");
        timeline.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        timeline.getColumns().add(timelineColumn("Seq", 56, e -> Long.toString(e.seq()), "mono", "align-right"));
        timeline.getColumns().add(timelineColumn("Time", 160, AttemptDetail.TimelineEntry::time));
        timeline.getColumns().add(timelineColumn("Event", 170, AttemptDetail.TimelineEntry::type));
        timeline.getColumns().add(timelineColumn("Actor", 140, AttemptDetail.TimelineEntry::actor));
        timeline.getColumns().add(timelineColumn("Details", 400, AttemptDetail.TimelineEntry::summary, "mono"));
        timeline.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);

        logSource.setId("attempts-log-source");
        logSource.getStyleClass().add(Styles.TEXT_MUTED);
        log.setId("attempts-log");
        monoList(log);
        log.setPlaceholder(new Label("No log lines."));
        VBox.setVgrow(log, Priority.ALWAYS);
        VBox logBox = new VBox(6, logSource, log);
        logBox.setPadding(new Insets(8, 0, 0, 0));

        artifacts.setId("attempts-artifacts");
        artifacts.setPlaceholder(new Label("This attempt stored no artifacts."));
        artifacts.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(AttemptDetail.ArtifactEntry item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name() + "\n" + item.mediaType() + " · "
                        + item.sizeBytes() + " bytes · " + item.sha256().substring(0, Math.min(12,
                        item.sha256().length())));
            }
        });
        artifacts.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                controller.onSelectArtifact(now));
        artifactContent.setId("attempts-artifact-content");
        monoList(artifactContent);
        artifactContent.setPlaceholder(new Label("Select an artifact to see its content."));
        SplitPane artifactSplit = new SplitPane(artifacts, artifactContent);
        artifactSplit.setDividerPositions(0.28);

        prSummary.setId("attempts-pr-summary");
        prSummary.getStyleClass().add(Styles.TEXT_BOLD);
        scopeSummary.setId("attempts-scope");
        scopeSummary.getStyleClass().add(Styles.TEXT_MUTED);
        files.setId("attempts-files");
        files.setPlaceholder(new Label("No files."));
        files.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(AttemptDetail.FileVerdict item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    VERDICT.show(this, null);
                    setText(null);
                    return;
                }
                setText(item.path() + "\n" + item.verdict());
                VERDICT.show(this, item.allowed() ? "verdict-allowed" : "verdict-refused");
            }
        });
        files.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now.diffLine() >= 0) {
                diff.scrollTo(now.diffLine());
            }
        });
        diff.setId("attempts-diff");
        monoList(diff);
        diff.setPlaceholder(new Label("No diff."));
        diff.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(DiffLine item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    DIFF.show(this, null);
                    setGraphic(null);
                    setText(null);
                    return;
                }
                DIFF.show(this, "diff-" + item.kind().name().toLowerCase(java.util.Locale.ROOT));
                javafx.scene.Node coloured = colouredCode(item, getIndex());
                setGraphic(coloured);
                setText(coloured == null ? item.text() : null);
            }
        });
        SplitPane prSplit = new SplitPane(files, diff);
        prSplit.setDividerPositions(0.26);
        VBox.setVgrow(prSplit, Priority.ALWAYS);
        VBox prBox = new VBox(6, prSummary, scopeSummary, prSplit);
        prBox.setPadding(new Insets(8, 0, 0, 0));

        Tab timelineTab = new Tab("Timeline", timeline);
        timelineTab.setId("attempts-tab-timeline");
        Tab logTab = new Tab("Log", logBox);
        logTab.setId("attempts-tab-log");
        Tab artifactsTab = new Tab("Artifacts", artifactSplit);
        artifactsTab.setId("attempts-tab-artifacts");
        Tab prTab = new Tab("Pull request", prBox);
        prTab.setId("attempts-tab-pr");
        tabs.getTabs().addAll(timelineTab, logTab, artifactsTab, prTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("attempts-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);

        detailBox.getChildren().addAll(actions, notice, tabs);
        detailBox.setPadding(new Insets(8, 0, 0, 0));
    }

    /**
     * A code line of the diff with its keywords, strings, comments and numbers coloured for the file's
     * language, or null to show it as plain text (prose, an unknown language, a line with nothing to
     * colour, or a diff line that is not code).
     */
    private javafx.scene.Node colouredCode(DiffLine line, int index) {
        if (line.kind() != DiffLine.Kind.ADDED && line.kind() != DiffLine.Kind.REMOVED
                && line.kind() != DiffLine.Kind.CONTEXT || line.text().isEmpty()) {
            return null;
        }
        AttemptDetail shown = controller.model().detail.get();
        if (shown == null) {
            return null;
        }
        java.util.Optional<SyntaxColours.Language> language = SyntaxColours.languageOf(fileAt(shown.diff(), index));
        if (language.isEmpty()) {
            return null;
        }
        String code = line.text().substring(1);
        List<SyntaxColours.Span> spans = SyntaxColours.spans(language.get(), code);
        if (spans.isEmpty()) {
            return null;
        }
        javafx.scene.text.TextFlow flow = new javafx.scene.text.TextFlow();
        flow.getChildren().add(codeText(line.text().substring(0, 1), null));
        int at = 0;
        for (SyntaxColours.Span span : spans) {
            if (span.start() > at) {
                flow.getChildren().add(codeText(code.substring(at, span.start()), null));
            }
            flow.getChildren().add(codeText(code.substring(span.start(), span.end()), span.token()));
            at = span.end();
        }
        if (at < code.length()) {
            flow.getChildren().add(codeText(code.substring(at), null));
        }
        return flow;
    }

    private static javafx.scene.text.Text codeText(String text, SyntaxColours.Token token) {
        javafx.scene.text.Text node = new javafx.scene.text.Text(text);
        node.getStyleClass().add("code");
        if (token != null) {
            node.getStyleClass().add("syntax-" + token.name().toLowerCase(java.util.Locale.ROOT));
        }
        return node;
    }

    /** The path of the diff's file that line {@code index} belongs to. */
    private static String fileAt(DiffLine.Parsed diff, int index) {
        String path = null;
        for (DiffLine.FileStart file : diff.files()) {
            if (file.line() > index) {
                break;
            }
            path = file.path();
        }
        return path;
    }

    private static void monoList(ListView<?> list) {
        list.getStyleClass().addAll("mono", "code-lines", Styles.DENSE);
        // Fixed-height cells: thousands of lines scroll without measuring each one.
        list.setFixedCellSize(22);
    }

    /** Selecting a pull request's file shows it in the diff; the tab, for tests and the docs' picture. */
    void showTab(String id) {
        tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    private boolean restoringSelection;
    /** The attempt the detail pane shows, to tell a re-read from another attempt. */
    private String shownAttempt;

    /** Replaces the rows without losing the selected attempt (a refresh is not a new selection). */
    void keepSelection(Runnable replace, String selectedId) {
        restoringSelection = true;
        try {
            replace.run();
            if (selectedId != null) {
                table.getItems().stream().filter(r -> r.attemptId().equals(selectedId)).findFirst()
                        .ifPresent(r -> table.getSelectionModel().select(r));
            }
        } finally {
            restoringSelection = false;
        }
    }

    private void showDetail(AttemptDetail detail, boolean loading) {
        if (detail == null) {
            showInDetailPane(loading ? detailLoading : noSelection);
            return;
        }
        detailTitle.setText(detail.title());
        merge.setDisable(!detail.actions().merge());
        close.setDisable(!detail.actions().close());
        invalidate.setDisable(!detail.actions().invalidate());
        retry.setDisable(!detail.actions().retry());
        // The same attempt read again (a new event, an action) keeps what did not change, and with it
        // where the operator had scrolled to. The short lists are edited, so another attempt's rows
        // reuse their cells; the log and the diff, thousands of lines that all differ from another
        // attempt's, are replaced whole when they changed.
        ListUpdate.to(timeline.getItems(), detail.timeline());
        logSource.setText(detail.logSource());
        replace(log.getItems(), detail.log(), log::setItems);
        var selectedArtifact = artifacts.getSelectionModel().getSelectedItem();
        ListUpdate.to(artifacts.getItems(), detail.artifacts());
        if (selectedArtifact != null && detail.artifacts().contains(selectedArtifact)
                && artifacts.getSelectionModel().getSelectedItem() != selectedArtifact) {
            artifacts.getSelectionModel().select(selectedArtifact);
        }
        prSummary.setText(detail.pullRequest() == null ? "No pull request" : detail.pullRequest().summary());
        scopeSummary.setText(detail.scopeSummary());
        ListUpdate.to(files.getItems(), detail.files());
        replace(diff.getItems(), detail.diff().lines(), diff::setItems);
        if (!detail.attemptId().equals(shownAttempt)) {
            // Another attempt starts at the top of each list, as a freshly filled list would.
            shownAttempt = detail.attemptId();
            timeline.scrollTo(0);
            artifacts.scrollTo(0);
            files.scrollTo(0);
        }
        showInDetailPane(detailBox);
    }

    /**
     * The three states of the detail pane stay in the scene and only one is visible: taking the
     * detail out and back would reset the lists' scrolling and make JavaFX style every node in it
     * again.
     */
    private void showInDetailPane(Node shown) {
        for (Node child : detailPane.getChildren()) {
            Nodes.show(child, child == shown);
        }
    }

    /**
     * Lines the running worker just wrote, below the rest; the list keeps up with them (tail -f) unless
     * the operator has selected a line to keep in view.
     */
    private void appendLog(List<? extends String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        log.getItems().addAll(lines);
        if (log.getSelectionModel().isEmpty()) {
            log.scrollTo(log.getItems().size() - 1);
        }
    }

    private static <T> void replace(List<T> shown, List<T> next, Consumer<javafx.collections.ObservableList<T>> set) {
        if (!shown.equals(next)) {
            set.accept(FXCollections.observableArrayList(next));
        }
    }

    // ------------------------------------------------------------------ dialogs

    private AttemptDetail current() {
        return controller.model().detail.get();
    }

    private void confirmMerge() {
        AttemptDetail detail = current();
        if (detail == null || detail.pullRequest() == null) {
            return;
        }
        var pr = detail.pullRequest();
        confirm("Merge pull request", "Merge " + pr.id() + " into " + pr.baseBranch() + "?",
                "A real git merge of " + pr.branch() + " into " + pr.baseBranch() + " in the target's repository,"
                        + " recorded as pr.merged with you as the actor. Task " + detail.taskId()
                        + " is then completed. This is what `leviathanctl prs merge " + pr.id() + "` does.",
                "Merge", () -> controller.onMerge(pr.id()));
    }

    private void confirmRetry() {
        AttemptDetail detail = current();
        if (detail == null) {
            return;
        }
        confirm("Retry attempt", "Retry task " + detail.taskId() + "?",
                "Invalidates " + detail.attemptId() + " (reason \"retried by you\") unless it already is, then"
                        + " dispatches the task again by hand: every guard but the kill switch applies and a"
                        + " worker runs it now. This is what `leviathanctl attempts retry " + detail.attemptId()
                        + "` does.",
                "Retry", () -> controller.onRetry(detail.attemptId()));
    }

    private void askClose() {
        AttemptDetail detail = current();
        if (detail == null || detail.pullRequest() == null) {
            return;
        }
        String prId = detail.pullRequest().id();
        askReason("Close pull request", "Close " + prId + " without merging?",
                "Recorded as pr.closed; the branch stays as evidence. Left blank, the reason is \"closed by"
                        + " <you>\".", "", "Close", reason -> controller.onClose(prId, reason));
    }

    private void askInvalidate() {
        AttemptDetail detail = current();
        if (detail == null) {
            return;
        }
        askReason("Invalidate attempt", "Invalidate " + detail.attemptId() + "?",
                "It then counts for nothing: not towards the task's retry limit, its backoff or the circuit"
                        + " breaker. Recorded as attempt.invalidated with this reason.",
                "invalidated by the operator", "Invalidate",
                reason -> controller.onInvalidate(detail.attemptId(), reason));
    }

    private void confirm(String title, String header, String text, String ok, Runnable onOk) {
        ButtonType okButton = new ButtonType(ok, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, okButton, ButtonType.CANCEL);
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.getDialogPane().setId("attempts-dialog");
        alert.getDialogPane().lookupButton(okButton).setId("attempts-dialog-ok");
        alert.getDialogPane().setPrefWidth(520);
        show(alert, () -> {
            if (alert.getResult() == okButton) {
                onOk.run();
            }
        });
    }

    private void askReason(String title, String header, String text, String initial, String ok,
            Consumer<String> onOk) {
        ButtonType okButton = new ButtonType(ok, ButtonBar.ButtonData.OK_DONE);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        Label explanation = new Label(text);
        explanation.setWrapText(true);
        TextField reason = new TextField(initial);
        reason.setId("attempts-dialog-reason");
        reason.setPromptText("Reason");
        VBox content = new VBox(10, explanation, new Label("Reason"), reason);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(okButton, ButtonType.CANCEL);
        dialog.getDialogPane().setId("attempts-dialog");
        dialog.getDialogPane().lookupButton(okButton).setId("attempts-dialog-ok");
        dialog.getDialogPane().setPrefWidth(520);
        show(dialog, () -> {
            if (dialog.getResult() == okButton) {
                onOk.accept(reason.getText());
            }
        });
    }

    /** Shown without a nested event loop; {@code onHidden} reads the result. */
    private void show(Dialog<?> dialog, Runnable onHidden) {
        if (root.getScene() != null) {
            dialog.initOwner(root.getScene().getWindow());
        }
        dialog.setOnHidden(e -> onHidden.run());
        dialog.show();
    }

    private void showFailure(String message) {
        if (message == null || message.isEmpty() || failureDialog != null) {
            return;
        }
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.setTitle("Action failed");
        alert.setHeaderText("The engine refused or could not do it");
        alert.getDialogPane().setId("attempts-failure");
        alert.getDialogPane().setPrefWidth(560);
        failureDialog = alert;
        show(alert, () -> {
            failureDialog = null;
            controller.onFailureShown();
        });
    }

    // ------------------------------------------------------------------ binding

    void bind(AttemptsModel model) {
        bindings.bind(count.textProperty(), model.countText);
        table.setItems(model.rows);
        bindings.onRelease(() -> table.setItems(FXCollections.emptyObservableList()));
        targetFilter.setItems(model.knownTargets);
        artifactContent.setItems(model.artifactLines);
        bindings.follow(model.filterActive, active -> {
            table.setPlaceholder(active ? emptyFilter : emptyStore);
            clearFilters.setDisable(!active);
        });
        bindings.follow(model.detail, detail -> showDetail(detail, model.detailLoading.get()));
        javafx.collections.ListChangeListener<String> tail = change -> {
            while (change.next()) {
                if (change.wasAdded()) {
                    appendLog(change.getAddedSubList());
                }
            }
        };
        model.logTail.addListener(tail);
        bindings.onRelease(() -> model.logTail.removeListener(tail));
        bindings.follow(model.detailLoading, loading -> {
            if (model.detail.get() == null) {
                showDetail(null, loading);
            }
        });
        bindings.follow(model.busy, text -> {
            busyText.setText(text);
            busy.setVisible(!text.isEmpty());
            busy.setManaged(!text.isEmpty());
            if (!text.isEmpty()) {
                List.of(merge, close, invalidate, retry).forEach(button -> button.setDisable(true));
            } else if (model.detail.get() != null) {
                // What applies now comes from the attempt as read again after the action.
                showDetail(model.detail.get(), false);
            }
        });
        bindings.bind(notice.textProperty(), model.notice);
        bindings.follow(model.notice, text -> {
            notice.setVisible(!text.isEmpty());
            notice.setManaged(!text.isEmpty());
        });
        bindings.follow(model.failure, this::showFailure);
        bindings.follow(model.error, message -> {
            loadError.setDescription(message);
            loadError.setVisible(!message.isEmpty());
            loadError.setManaged(!message.isEmpty());
        });
    }

    void unbind() {
        bindings.releaseAll();
    }

    // ------------------------------------------------------------------ columns

    private static TableColumn<AttemptRow, String> column(String title, double width,
            Function<AttemptRow, String> value, String... styles) {
        TableColumn<AttemptRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        column.getStyleClass().addAll(styles);
        return column;
    }

    private static TableColumn<AttemptDetail.TimelineEntry, String> timelineColumn(String title, double width,
            Function<AttemptDetail.TimelineEntry, String> value, String... styles) {
        TableColumn<AttemptDetail.TimelineEntry, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        column.getStyleClass().addAll(styles);
        return column;
    }
}
