package dev.leviathan.console.targets;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.leviathan.console.ui.EmptyState;
import dev.leviathan.console.ui.Glyph;
import dev.leviathan.console.ui.ViewBindings;
import dev.leviathan.engine.target.RegisteredTarget;
import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressIndicator;
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
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/** The Targets screen: the registration form beside the list of registered targets. */
final class TargetsView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

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
    private final ViewBindings bindings = new ViewBindings();

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
        Node list = list();
        VBox body = new VBox(20, form(), list);
        VBox.setVgrow(list, Priority.ALWAYS);
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
        VBox form = new VBox(10, heading, fields, registered, formError);
        form.getStyleClass().add("form-card");
        form.setId("targets-form");
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
        table.getColumns().add(fixed(column("Name", 190, RegisteredTarget::id, "strong")));
        TableColumn<RegisteredTarget, String> repository = column("Repository", 220, RegisteredTarget::repo, "mono");
        // Long paths keep their end, where the repository's own name is.
        repository.setCellFactory(c -> new TableCell<>() {
            {
                setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new Tooltip(item));
            }
        });
        repository.setMinWidth(120);
        table.getColumns().add(repository);
        table.getColumns().add(fixed(column("Kind", 64, t -> t.kind().wire())));
        table.getColumns().add(fixed(column("Branch", 80, RegisteredTarget::defaultBranch, "mono")));
        table.getColumns().add(fixed(column("Registered", 164, t -> WHEN.format(t.registeredAt().atZone(zone)))));
        table.getColumns().add(fixed(column("By", 80, t -> t.registeredBy() == null ? "—" : t.registeredBy())));
        // Every column but the repository keeps its width; the repository takes what is left.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
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

    private static Label fieldLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }

    private static Label problemLabel(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL, "field-problem");
        return label;
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

    private static void show(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }
}
