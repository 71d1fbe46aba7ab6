package dev.leviathan.console.targets;

import static dev.leviathan.console.ui.Nodes.card;
import static dev.leviathan.console.ui.Nodes.fieldLabel;
import static dev.leviathan.console.ui.Nodes.problemLabel;
import static dev.leviathan.console.ui.Nodes.show;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.leviathan.console.ui.CellTooltip;
import dev.leviathan.console.ui.EmptyState;
import dev.leviathan.console.ui.ErrorDialog;
import dev.leviathan.console.ui.Glyph;
import dev.leviathan.console.ui.Nodes;
import dev.leviathan.console.ui.TableFit;
import dev.leviathan.console.ui.ViewBindings;
import dev.leviathan.engine.target.Problem;
import dev.leviathan.engine.target.RegisteredTarget;
import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * The Targets screen: the registration form above the list of registered targets, each with its
 * last bootstrap, and beside the list the selected target: its bootstrap and what its files say.
 */
final class TargetsView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Compact, for the list's last-bootstrap column; the detail pane gives the year. */
    private static final DateTimeFormatter WHEN_SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final TargetsController controller;
    private final ZoneId zone;
    private final BorderPane root = new BorderPane();
    private final TextField name = new TextField();
    private final TextField repo = new TextField();
    private final TextField branch = new TextField();
    private final Label nameProblem = problemLabel("targets-name-problem");
    private final Label repoProblem = problemLabel("targets-repo-problem");
    private final Label branchProblem = problemLabel("targets-branch-problem");
    private final Button register = new Button("Register");
    private final HBox checking = new HBox(6);
    private final Message registered = new Message();
    private final Message formError = new Message();
    private final Message listError = new Message();
    private final Label listCount = new Label();
    private final TableView<RegisteredTarget> table = new TableView<>();
    private final Label detailTitle = new Label();
    private final Label detailRepo = new Label();
    private final CellTooltip repoTooltip = new CellTooltip();
    private final Label detailFacts = new Label();
    private final Label detailLast = new Label();
    private final Button bootstrap = new Button("Bootstrap");
    private final Button cancel = new Button("Cancel");
    private final Button reload = new Button("Reload files");
    private final VBox progressBox = new VBox(6);
    private final Label progressTitle = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Label progressText = new Label();
    private final Message outcome = new Message();
    private final VBox outcomeProblems = new VBox(8);
    private final Message detailError = new Message();
    private final VBox files = new VBox(14);
    private final ProgressIndicator detailLoading = new ProgressIndicator();
    private final VBox detailBody = new VBox(14);
    private final ScrollPane detailScroll = new ScrollPane();
    private final Node detailEmpty = EmptyState.of(Glyph.TARGET, "No target selected",
            "Select a target in the list to see its last bootstrap, its contract and policy, and to bootstrap it.",
            "Bootstrapping reads the default branch's head commit and records what it holds as facts.", null);
    private final ViewBindings bindings = new ViewBindings();
    private TargetsModel bound;

    TargetsView(TargetsController controller, ZoneId zone) {
        this.controller = controller;
        this.zone = zone;
        root.setId("targets-screen");
        root.getStyleClass().add("screen");
        Label title = new Label("Targets");
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label("Git repositories Leviathan operates on. Registering one records an event;"
                + " nothing in the repository is changed.");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        VBox header = new VBox(4, title, subtitle);
        header.setPadding(new Insets(0, 0, 16, 0));
        root.setTop(header);
        SplitPane split = new SplitPane(list(), detail());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.58);
        split.getStyleClass().add("targets-split");
        VBox body = new VBox(16, form(), split);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.setCenter(body);
    }

    Node root() {
        return root;
    }

    private Node form() {
        name.setId("targets-name");
        name.setPromptText("from the repository if blank");
        repo.setId("targets-repo");
        repo.setPromptText("/path/to/clone or https://host/org/repo.git");
        branch.setId("targets-branch");
        branch.setPromptText("detected if blank");

        Button browse = new Button("Browse…");
        browse.setId("targets-browse");
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Choose a git repository");
            File chosen = chooser.showDialog(root.getScene().getWindow());
            if (chosen != null) {
                repo.setText(chosen.getAbsolutePath());
            }
        });
        HBox.setHgrow(repo, Priority.ALWAYS);
        HBox repoRow = new HBox(8, repo, browse);

        register.setId("targets-register");
        register.getStyleClass().add(Styles.ACCENT);
        register.setDefaultButton(true);
        register.setOnAction(e -> controller.onRegister());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        Label checkingText = new Label("Checking…");
        checkingText.getStyleClass().add(Styles.TEXT_MUTED);
        checking.getChildren().addAll(spinner, checkingText);
        checking.setAlignment(Pos.CENTER_LEFT);
        checking.setId("targets-checking");

        registered.setId("targets-registered");
        registered.getStyleClass().add(Styles.SUCCESS);
        formError.setId("targets-form-error");
        formError.getStyleClass().add(Styles.DANGER);
        formError.setTitle("Not registered");

        // One row of fields across the screen, so the list below gets the full width.
        GridPane fields = new GridPane();
        fields.setHgap(14);
        fields.setVgap(6);
        ColumnConstraints nameColumn = new ColumnConstraints();
        nameColumn.setPercentWidth(24);
        ColumnConstraints repoColumn = new ColumnConstraints();
        repoColumn.setPercentWidth(46);
        ColumnConstraints branchColumn = new ColumnConstraints();
        branchColumn.setPercentWidth(20);
        ColumnConstraints actionColumn = new ColumnConstraints();
        actionColumn.setPercentWidth(10);
        actionColumn.setMinWidth(Region.USE_PREF_SIZE);
        fields.getColumnConstraints().addAll(nameColumn, repoColumn, branchColumn, actionColumn);
        fields.addRow(0, fieldLabel("Name"), fieldLabel("Repository (local path or git URL)"),
                fieldLabel("Default branch"));
        fields.addRow(1, name, repoRow, branch, register);
        fields.addRow(2, nameProblem, repoProblem, branchProblem, checking);
        for (Node problem : List.of(nameProblem, repoProblem, branchProblem, checking)) {
            GridPane.setValignment(problem, VPos.TOP);
        }
        register.setMinWidth(Region.USE_PREF_SIZE);

        Label heading = new Label("Register a target");
        heading.getStyleClass().add(Styles.TITLE_4);
        VBox form = card("targets-form", 10, heading, fields, registered, formError);
        return form;
    }

    private Node list() {
        Label heading = new Label("Registered targets");
        heading.getStyleClass().add(Styles.TITLE_4);
        listCount.setId("targets-count");
        listCount.getStyleClass().add(Styles.TEXT_MUTED);
        HBox head = new HBox(10, heading, listCount);
        head.setAlignment(Pos.BASELINE_LEFT);

        table.setId("targets-table");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.getColumns().add(fixed(column("Name", 170, RegisteredTarget::id, "strong")));
        table.getColumns().add(fixed(column("Branch", 76, RegisteredTarget::defaultBranch, "mono")));
        TableColumn<RegisteredTarget, String> last = new TableColumn<>("Last bootstrap");
        last.setPrefWidth(290);
        // Each cell follows its target's entry: a bootstrap recorded updates that cell's text, where
        // refreshing the table would make every cell again (new skins, the whole stylesheet matched).
        last.setCellValueFactory(cell -> {
            TargetsModel model = bound;
            String id = cell.getValue().id();
            return model == null ? new ReadOnlyObjectWrapper<>("")
                    : Bindings.createStringBinding(() -> lastText(model.lastBootstraps.get(id)), model.lastBootstraps);
        });
        last.setId("targets-last-column");
        last.setMinWidth(290);
        last.setCellFactory(c -> new TableCell<>() {
            private final CellTooltip tooltip = new CellTooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                tooltip.show(this, empty ? null : item);
                pseudoClassStateChanged(Styles.STATE_DANGER, !empty && item != null && item.startsWith("failed"));
            }
        });
        table.getColumns().add(last);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                controller.onSelect(now);
            }
        });
        // Name and branch keep their width; the last bootstrap takes the rest. The repository is in the detail.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableFit.toRows(table, TableFit.DENSE_ROW);
        table.setPlaceholder(EmptyState.of(Glyph.TARGET, "No targets yet",
                "Register a git repository with the form: a local clone or a git URL. The registration"
                        + " is recorded as a target.registered event with you as its actor.",
                "Targets registered from another console or from the command line appear here live.", null));
        VBox.setVgrow(table, Priority.ALWAYS);

        listError.setId("targets-list-error");
        listError.getStyleClass().add(Styles.DANGER);
        listError.setTitle("Targets unavailable");
        VBox list = new VBox(10, head, listError, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        return list;
    }

    /** "a1b2c3d4e5f6 · 2026-11-20 14:03 · 1,204 files · 3,918 facts", "never", "failed: why". */
    private String lastText(LastBootstrap last) {
        if (last == null) {
            return "never";
        }
        String when = WHEN_SHORT.format(last.at().atZone(zone));
        return switch (last.status()) {
            case COMPLETED -> String.format(Locale.ROOT, "%s · %s · %,d files · %,d facts",
                    last.shortCommit().substring(0, Math.min(8, last.shortCommit().length())), when,
                    last.files(), last.facts());
            case FAILED -> "failed: " + last.reason() + " (" + when + ")";
            case RUNNING -> "running since " + when + (last.commit() == null ? "" : " at " + last.shortCommit());
        };
    }

    private Node detail() {
        detailTitle.setId("targets-detail-title");
        detailTitle.getStyleClass().add(Styles.TITLE_3);
        detailRepo.setId("targets-detail-repo");
        detailRepo.getStyleClass().addAll("mono", Styles.TEXT_MUTED);
        detailRepo.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        detailFacts.setId("targets-detail-facts");
        detailFacts.getStyleClass().add(Styles.TEXT_MUTED);
        detailFacts.setWrapText(true);

        Label bootstrapHeading = new Label("Bootstrap");
        bootstrapHeading.getStyleClass().add(Styles.TITLE_4);
        detailLast.setId("targets-detail-last");
        detailLast.setWrapText(true);
        bootstrap.setId("targets-bootstrap");
        bootstrap.getStyleClass().add(Styles.ACCENT);
        bootstrap.setTooltip(new Tooltip("Read the default branch's head commit and record its facts"
                + " (leviathanctl bootstrap TARGET)"));
        bootstrap.setOnAction(e -> controller.onBootstrap());
        cancel.setId("targets-bootstrap-cancel");
        cancel.getStyleClass().add(Styles.DANGER);
        cancel.setOnAction(e -> controller.onCancelBootstrap());
        reload.setId("targets-reload");
        reload.setOnAction(e -> controller.onReloadDetail());
        HBox actions = new HBox(8, bootstrap, cancel, reload);
        actions.setAlignment(Pos.CENTER_LEFT);

        progressTitle.setId("targets-progress-title");
        progressTitle.getStyleClass().add(Styles.TEXT_BOLD);
        progress.setId("targets-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progressText.setId("targets-progress-text");
        progressText.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        progressBox.getChildren().addAll(progressTitle, progress, progressText);
        progressBox.setId("targets-progress-box");

        outcome.setId("targets-bootstrap-outcome");
        outcomeProblems.setId("targets-bootstrap-problems");
        VBox bootstrapCard = new VBox(10, bootstrapHeading, detailLast, actions, progressBox, outcome,
                outcomeProblems);
        bootstrapCard.getStyleClass().add("form-card");

        detailError.setId("targets-detail-error");
        detailError.getStyleClass().add(Styles.DANGER);
        detailError.setTitle("Files unavailable");
        detailLoading.setPrefSize(16, 16);
        detailLoading.setId("targets-detail-loading");
        files.setId("targets-files");

        VBox head = new VBox(2, detailTitle, detailRepo, detailFacts);
        detailBody.getChildren().addAll(head, bootstrapCard, detailError, detailLoading, files);
        detailBody.setId("targets-detail");
        detailBody.setFillWidth(true);
        detailScroll.setContent(detailBody);
        detailScroll.setFitToWidth(true);
        detailScroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        StackPane pane = new StackPane(detailEmpty, detailScroll);
        pane.getStyleClass().add("detail-pane");
        return pane;
    }

    /** What the files at the commit say, one block per file; rebuilt when the detail changes. */
    private void showDetail(TargetsModel model, TargetDetail detail) {
        RegisteredTarget target = model.selected.get();
        boolean any = target != null;
        show(detailEmpty, !any);
        show(detailScroll, any);
        files.getChildren().clear();
        if (!any) {
            return;
        }
        detailTitle.setText(target.id());
        detailRepo.setText(target.repo());
        repoTooltip.show(detailRepo, target.repo());
        detailFacts.setText(target.kind().wire() + " repository · branch " + target.defaultBranch() + " · registered "
                + WHEN.format(target.registeredAt().atZone(zone)) + (target.registeredBy() == null ? ""
                        : " by " + target.registeredBy()));
        if (detail == null || !detail.target().id().equals(target.id())) {
            return;
        }
        if (detail.unreadable() != null) {
            Message unreadable = new Message("Repository unreadable", detail.unreadable());
            unreadable.setId("targets-unreadable");
            unreadable.getStyleClass().add(Styles.WARNING);
            files.getChildren().add(unreadable);
        } else {
            Label heading = new Label("Files at " + detail.commit().substring(0, 12));
            heading.setId("targets-files-heading");
            heading.getStyleClass().add(Styles.TITLE_4);
            files.getChildren().add(heading);
        }
        for (TargetDetail.FileSummary file : detail.files()) {
            files.getChildren().add(fileBlock(file));
        }
    }

    private Node fileBlock(TargetDetail.FileSummary file) {
        String key = file.title().toLowerCase(Locale.ROOT);
        Label title = new Label(file.title());
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label state = new Label(switch (file.state()) {
            case LOADED -> file.problems().isEmpty() ? "valid" : "valid, " + file.problems().size() + " warning(s)";
            case MISSING -> "absent";
            case INVALID -> file.errors() + " error(s)";
        });
        state.setId("targets-file-" + key + "-state");
        state.setMinWidth(Region.USE_PREF_SIZE);
        state.getStyleClass().addAll("badge", switch (file.state()) {
            case LOADED -> "badge-success";
            case MISSING -> "badge-muted";
            case INVALID -> "badge-danger";
        });
        Label path = new Label(file.path());
        path.getStyleClass().addAll("mono", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        path.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        path.setMinWidth(0);
        // Made on hover: four new tooltips each time a target's files are shown were a popup window each.
        new CellTooltip().show(path, file.path());
        HBox head = new HBox(8, title, state, path);
        head.setAlignment(Pos.BASELINE_LEFT);
        VBox block = new VBox(6, head);
        block.setId("targets-file-" + key);
        if (file.note() != null) {
            Label note = new Label(file.note());
            note.getStyleClass().add(Styles.TEXT_MUTED);
            note.setWrapText(true);
            block.getChildren().add(note);
        }
        if (!file.entries().isEmpty()) {
            GridPane grid = Nodes.nameValueGrid(3);
            int row = 0;
            for (TargetDetail.Entry entry : file.entries()) {
                Label label = new Label(entry.label());
                label.getStyleClass().add(Styles.TEXT_MUTED);
                Label value = new Label(entry.value());
                value.setWrapText(true);
                GridPane.setValignment(label, VPos.TOP);
                grid.addRow(row++, label, value);
            }
            block.getChildren().add(grid);
        }
        if (!file.problems().isEmpty()) {
            block.getChildren().add(problems(file.problems(), "targets-problem"));
        }
        return block;
    }

    /** Each problem as the engine found it: where (file:line:column), what, and what to do. */
    static VBox problems(List<Problem> problems, String id) {
        VBox list = new VBox(8);
        for (Problem problem : problems) {
            Label where = new Label(problem.file() + ":" + problem.line() + ":" + problem.column());
            where.getStyleClass().addAll("mono", Styles.TEXT_SMALL, problem.isError() ? Styles.DANGER
                    : Styles.WARNING);
            where.getStyleClass().add(id + "-where");
            Label what = new Label((problem.isError() ? "error: " : "warning: ")
                    + (problem.fieldPath().isEmpty() ? "" : problem.fieldPath() + ": ") + problem.message());
            what.setWrapText(true);
            what.getStyleClass().add(id + "-message");
            VBox item = new VBox(2, where, what);
            if (!problem.hint().isEmpty()) {
                Label hint = new Label("hint: " + problem.hint());
                hint.setWrapText(true);
                hint.getStyleClass().addAll(Styles.TEXT_MUTED, id + "-hint");
                item.getChildren().add(hint);
            }
            item.getStyleClass().addAll(id, "problem-item");
            item.setAccessibleText(problem.render());
            list.getChildren().add(item);
        }
        return list;
    }

    private static <T> TableColumn<RegisteredTarget, T> column(String title, double width,
            Function<RegisteredTarget, T> value, String... styles) {
        TableColumn<RegisteredTarget, T> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.getStyleClass().addAll(styles);
        return column;
    }

    private static <T> TableColumn<RegisteredTarget, T> fixed(TableColumn<RegisteredTarget, T> column) {
        column.setMinWidth(column.getPrefWidth());
        column.setMaxWidth(column.getPrefWidth());
        return column;
    }

    void bind(TargetsModel model) {
        // Form input is the one place a view writes its model: what the operator types.
        bindings.bindBidirectional(name.textProperty(), model.name);
        bindings.bindBidirectional(repo.textProperty(), model.repo);
        bindings.bindBidirectional(branch.textProperty(), model.branch);
        problem(name, nameProblem, model.nameProblem);
        problem(repo, repoProblem, model.repoProblem);
        problem(branch, branchProblem, model.branchProblem);
        bindings.bind(register.disableProperty(), model.canRegister.not());
        bindings.bind(register.textProperty(),
                Bindings.when(model.registering).then("Registering…").otherwise("Register"));
        bindings.follow(model.checking, busy -> show(checking, busy));
        message(registered, model.registeredText);
        bindings.bind(registered.titleProperty(), model.registeredTitle);
        message(formError, model.formError);
        message(listError, model.listError);
        table.setItems(model.targets);
        bindings.onRelease(() -> table.setItems(FXCollections.emptyObservableList()));
        bindings.bind(listCount.textProperty(), Bindings.size(model.targets)
                .asString().concat(" registered"));

        bound = model;
        bindings.onRelease(() -> bound = null);
        MapChangeListener<String, LastBootstrap> lastChanged = change -> updateLast(model);
        model.lastBootstraps.addListener(lastChanged);
        bindings.onRelease(() -> model.lastBootstraps.removeListener(lastChanged));
        table.refresh();
        // Replacing the items clears the table's selection: the selected target stays selected.
        ListChangeListener<RegisteredTarget> reselect = change -> reselect(model);
        model.targets.addListener(reselect);
        bindings.onRelease(() -> model.targets.removeListener(reselect));
        bindings.follow(model.selected, target -> {
            reselect(model);
            updateLast(model);
            showDetail(model, model.detail.get());
        });
        bindings.follow(model.detail, detail -> showDetail(model, detail));
        bindings.follow(model.detailLoading, busy -> show(detailLoading, busy));
        message(detailError, model.detailError);

        bindings.bind(bootstrap.disableProperty(), model.selected.isNull().or(model.bootstrapping));
        bindings.bind(bootstrap.textProperty(),
                Bindings.when(model.bootstrapping).then("Bootstrapping…").otherwise("Bootstrap"));
        bindings.bind(cancel.disableProperty(), model.bootstrapping.not().or(model.cancelling));
        bindings.bind(cancel.textProperty(), Bindings.when(model.cancelling).then("Cancelling…").otherwise("Cancel"));
        bindings.bind(reload.disableProperty(), model.selected.isNull().or(model.detailLoading));
        // A finished run's bar and outcome belong to its target: shown only while that one is selected.
        javafx.beans.binding.BooleanBinding runShown = Bindings.createBooleanBinding(() -> model.bootstrapping.get()
                || model.selected.get() != null && model.selected.get().id().equals(model.bootstrapTarget.get()),
                model.bootstrapping, model.selected, model.bootstrapTarget);
        bindings.follow(runShown, shown -> {
            show(progressBox, shown);
            showOutcome(shown ? model.bootstrapOutcome.get() : null);
        });
        bindings.bind(progressTitle.textProperty(), Bindings.createStringBinding(() -> {
            String id = model.bootstrapTarget.get();
            return (model.bootstrapping.get() ? "Bootstrapping " : "Bootstrap of ") + id;
        }, model.bootstrapTarget, model.bootstrapping));
        bindings.bind(progress.progressProperty(), Bindings.createDoubleBinding(() -> {
            if (model.bootstrapping.get()) {
                return model.bootstrapProgress.get();
            }
            return model.filesTotal.get() > 0 ? (double) model.filesDone.get() / model.filesTotal.get() : 0.0;
        }, model.bootstrapProgress, model.bootstrapping, model.filesDone, model.filesTotal));
        bindings.bind(progressText.textProperty(), Bindings.createStringBinding(() -> {
            String files = model.filesTotal.get() > 0 ? String.format(Locale.ROOT, "%,d / %,d files read",
                    model.filesDone.get(), model.filesTotal.get()) : "";
            String facts = model.factsMade.get() >= 0 ? String.format(Locale.ROOT, "%,d facts made",
                    model.factsMade.get()) : "";
            String phase = model.bootstrapping.get() ? model.bootstrapPhase.get() : "";
            return String.join(" · ", java.util.stream.Stream.of(phase, files, facts).filter(t -> !t.isEmpty())
                    .toList());
        }, model.bootstrapPhase, model.filesDone, model.filesTotal, model.factsMade, model.bootstrapping));
        bindings.follow(model.bootstrapOutcome, result -> showOutcome(runShown.get() ? result : null));
        ChangeListener<TargetsModel.BootstrapOutcome> failed = (o, was, now) -> {
            if (now != null && now.kind() == TargetsModel.BootstrapOutcome.Kind.FAILED) {
                showFailure(now);
            }
        };
        model.bootstrapOutcome.addListener(failed);
        bindings.onRelease(() -> model.bootstrapOutcome.removeListener(failed));
    }

    private void reselect(TargetsModel model) {
        RegisteredTarget target = model.selected.get();
        if (target != null && !target.equals(table.getSelectionModel().getSelectedItem())) {
            table.getSelectionModel().select(target);
        }
    }

    private void updateLast(TargetsModel model) {
        RegisteredTarget target = model.selected.get();
        detailLast.setText(target == null ? "" : "Last bootstrap: " + lastText(model.lastBootstraps.get(target.id())));
    }

    private void showOutcome(TargetsModel.BootstrapOutcome result) {
        outcomeProblems.getChildren().clear();
        show(outcome, result != null);
        show(outcomeProblems, result != null && !result.problems().isEmpty());
        if (result == null) {
            return;
        }
        outcome.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER, Styles.ACCENT);
        outcome.getStyleClass().add(switch (result.kind()) {
            case COMPLETED -> Styles.SUCCESS;
            case UNCHANGED -> Styles.ACCENT;
            case CANCELLED -> Styles.WARNING;
            case FAILED -> Styles.DANGER;
        });
        outcome.setTitle(result.title());
        outcome.setDescription(result.text());
        if (!result.problems().isEmpty()) {
            outcomeProblems.getChildren().add(problems(result.problems(), "targets-bootstrap-problem"));
        }
    }

    private void showFailure(TargetsModel.BootstrapOutcome result) {
        ErrorDialog.show(root, result.title(), result.problems().isEmpty() ? result.text()
                : String.join("\n", result.problems().stream().map(Problem::render).toList()), "targets-error", 520);
    }

    void unbind() {
        bindings.releaseAll();
    }

    private void problem(TextField field, Label label, StringProperty problem) {
        bindings.bind(label.textProperty(), problem);
        bindings.follow(problem, text -> {
            boolean shown = text != null && !text.isEmpty();
            show(label, shown);
            field.pseudoClassStateChanged(Styles.STATE_DANGER, shown);
        });
    }

    private void message(Message message, ObservableValue<String> text) {
        bindings.bind(message.descriptionProperty(), text);
        bindings.follow(text, value -> show(message, value != null && !value.isEmpty()));
    }

}
