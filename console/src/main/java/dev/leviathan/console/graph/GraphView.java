package dev.leviathan.console.graph;

import static dev.leviathan.console.ui.Nodes.show;
import static dev.leviathan.console.ui.Nodes.titleRow;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.leviathan.console.provenance.ProvenanceLines;
import dev.leviathan.console.ui.EmptyState;
import dev.leviathan.console.ui.Glyph;
import dev.leviathan.console.ui.ViewBindings;
import dev.leviathan.engine.graph.NodeType;
import java.util.Map;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/** The Graph screen: selectors and search on top, the canvas or the treemap, and the details pane. */
final class GraphView {

    private final GraphController controller;
    private final BorderPane root = new BorderPane();
    private final Label status = new Label();
    private final ComboBox<String> target = new ComboBox<>();
    private final ComboBox<GraphModel.CommitChoice> commit = new ComboBox<>();
    private final ComboBox<SceneLayout.Kind> layout = new ComboBox<>();
    private final Button fit = new Button("Fit");
    private final TextField search = new TextField();
    private final Label searchResult = new Label();
    private final FlowPane typeFilters = new FlowPane(12, 6);
    private final ProgressBar progress = new ProgressBar();
    private final Label progressText = new Label();
    private final HBox progressRow = new HBox(10, progress, progressText);
    private final Message error = new Message();
    final GraphCanvas canvas = new GraphCanvas();
    final TreemapCanvas treemap = new TreemapCanvas();
    private final Label treemapText = new Label();
    private final Label treemapHover = new Label();
    private final FlowPane legend = new FlowPane(12, 4);
    private final TabPane tabs = new TabPane();
    private final StackPane detailPane = new StackPane();
    private final StackPane body = new StackPane();
    private final Node content;
    private final VBox empty;
    private final ViewBindings bindings = new ViewBindings();
    private final SetChangeListener<NodeType> hiddenListener = change -> canvas.setHidden(java.util.Set.copyOf(change.getSet()));
    private boolean updating;

    GraphView(GraphController controller) {
        this.controller = controller;
        empty = EmptyState.of(Glyph.GRAPH, "No bootstrapped target",
                "The graph shows what Leviathan knows about a target: its commits, files, docs, workflows and"
                        + " API routes, and the tasks, attempts and pull requests made for it.",
                "Register a target on the Targets screen (Ctrl+1), then bootstrap it; its graph appears here.",
                "leviathanctl bootstrap TARGET");
        root.setId("graph-screen");
        root.getStyleClass().add("screen");
        root.setTop(header());
        content = content();
        body.getChildren().setAll(content);
        root.setCenter(body);
        canvas.onPick(controller::onSelect);
        canvas.onExpand(controller::onExpand);
        treemap.onPick(controller::onSelect);
        treemap.onHover(treemapHover::setText);
    }

    Node root() {
        return root;
    }

    private Node header() {
        HBox titleRow = titleRow("Graph", status, "graph-status");

        target.setId("graph-target");
        target.setPrefWidth(180);
        target.valueProperty().addListener((o, was, now) -> {
            if (!updating) {
                controller.onTarget(now);
            }
        });
        commit.setId("graph-commit");
        commit.setPrefWidth(220);
        commit.valueProperty().addListener((o, was, now) -> {
            if (!updating) {
                controller.onCommit(now);
            }
        });
        layout.setId("graph-layout");
        layout.getItems().setAll(SceneLayout.Kind.values());
        layout.valueProperty().addListener((o, was, now) -> {
            if (!updating) {
                controller.onLayout(now);
            }
        });
        fit.setId("graph-fit");
        fit.setOnAction(e -> canvas.fit());
        search.setId("graph-search");
        search.setPromptText("Find by name or path, Enter");
        search.setPrefWidth(240);
        search.setOnAction(e -> controller.onSearch(search.getText()));
        searchResult.setId("graph-search-result");
        searchResult.getStyleClass().add(Styles.TEXT_MUTED);
        fit.setMinWidth(Region.USE_PREF_SIZE);
        searchResult.setMinWidth(Region.USE_PREF_SIZE);
        target.setPrefWidth(160);
        commit.setPrefWidth(210);
        layout.setPrefWidth(160);
        search.setPrefWidth(220);
        HBox toolbar = new HBox(8, fixed(new Label("Target")), target, fixed(new Label("Commit")), commit,
                fixed(new Label("Layout")), layout, fit);
        toolbar.setAlignment(Pos.CENTER_LEFT);

        typeFilters.setId("graph-types");
        HBox.setHgrow(typeFilters, Priority.ALWAYS);
        typeFilters.setAlignment(Pos.CENTER_LEFT);
        HBox filterRow = new HBox(10, typeFilters, search, searchResult);
        filterRow.setAlignment(Pos.CENTER_LEFT);
        progress.setId("graph-progress");
        progress.setPrefWidth(220);
        progressText.getStyleClass().add(Styles.TEXT_MUTED);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        error.setId("graph-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setTitle("Graph unavailable");
        VBox header = new VBox(10, titleRow, toolbar, filterRow, progressRow, error);
        header.setPadding(new Insets(0, 0, 10, 0));
        return header;
    }

    private Node content() {
        Label hint = new Label("Drag to pan · wheel to zoom · click a node for details · double-click to add its"
                + " neighbours");
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, "graph-hint");
        VBox.setVgrow(canvas, Priority.ALWAYS);
        VBox graphPane = new VBox(4, canvas, hint);
        graphPane.setPadding(new Insets(6, 0, 0, 0));
        Tab graphTab = new Tab("Graph", graphPane);
        graphTab.setId("graph-tab");
        treemapText.setId("graph-treemap-text");
        treemapText.getStyleClass().add(Styles.TEXT_MUTED);
        treemapHover.setId("graph-treemap-hover");
        treemapHover.getStyleClass().add("mono");
        VBox.setVgrow(treemap, Priority.ALWAYS);
        legend.setId("graph-treemap-legend");
        VBox treemapPane = new VBox(6, new HBox(16, treemapText, treemapHover), legend, treemap);
        treemapPane.setPadding(new Insets(6, 0, 0, 0));
        Tab treemapTab = new Tab("Files", treemapPane);
        treemapTab.setId("graph-treemap-tab");
        tabs.getTabs().setAll(graphTab, treemapTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("graph-tabs");

        detailPane.setId("graph-detail");
        detailPane.getStyleClass().add("detail-pane");
        detailPane.setMinWidth(300);
        SplitPane split = new SplitPane(tabs, detailPane);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.7);
        SplitPane.setResizableWithParent(detailPane, false);
        return split;
    }

    private static Label fixed(Label label) {
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private Node detail(NodeDetail detail) {
        if (detail == null) {
            Label hint = new Label("Click a node for its properties and the events that made it.");
            hint.setWrapText(true);
            hint.getStyleClass().add(Styles.TEXT_MUTED);
            return hint;
        }
        Label title = new Label(detail.label() == null ? detail.id() : detail.label());
        title.setId("graph-detail-title");
        title.setWrapText(true);
        title.getStyleClass().add(Styles.TITLE_4);
        Rectangle swatch = new Rectangle(10, 10, NodePalette.colour(detail.type()));
        Label type = new Label(detail.type().label(), swatch);
        type.getStyleClass().add(Styles.TEXT_MUTED);
        Label id = new Label(detail.id());
        id.setWrapText(true);
        id.getStyleClass().add("mono");
        GridPane properties = new GridPane();
        properties.setId("graph-detail-properties");
        properties.setHgap(10);
        properties.setVgap(3);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        properties.getColumnConstraints().addAll(names, new ColumnConstraints());
        int row = 0;
        for (Map.Entry<String, String> property : detail.properties().entrySet()) {
            Label name = new Label(property.getKey());
            name.getStyleClass().addAll(Styles.TEXT_MUTED, "mono");
            Label value = new Label(shortValue(property.getValue()));
            if (!value.getText().equals(property.getValue())) {
                // A pull request's body, say: its first line here, the whole of it on hover.
                javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip(property.getValue());
                whole.setWrapText(true);
                whole.setMaxWidth(640);
                value.setTooltip(whole);
            }
            value.setWrapText(true);
            value.getStyleClass().add("mono");
            properties.addRow(row++, name, value);
        }
        VBox box = new VBox(8, title, type, id);
        if (detail.provenance() != null) {
            VBox chain = new VBox(4);
            chain.setId("graph-detail-provenance");
            chain.getChildren().addAll(ProvenanceLines.compact(detail.provenance()));
            box.getChildren().addAll(section("Provenance"), chain);
        }
        box.getChildren().addAll(section("Properties"), properties);
        box.getChildren().add(section("Edges (" + detail.edges().size() + ")"));
        detail.edges().stream().limit(30).forEach(edge -> box.getChildren().add(small(edge)));
        if (detail.edges().size() > 30) {
            box.getChildren().add(small("… and " + (detail.edges().size() - 30) + " more"));
        }
        box.getChildren().add(section("Events that made it (" + detail.eventCount() + ")"));
        VBox events = new VBox(2);
        events.setId("graph-detail-events");
        for (NodeDetail.Event event : detail.events()) {
            events.getChildren().add(small("#" + event.seq() + "  " + event.type() + "  " + event.time() + "  "
                    + event.actor()));
        }
        if (detail.eventCount() > detail.events().size()) {
            events.getChildren().add(small("(newest " + detail.events().size() + " shown)"));
        }
        box.getChildren().add(events);
        box.setPadding(new Insets(8, 4, 8, 4));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /** A value as the pane shows it: its first line, at most 160 characters, with how much is left out. */
    static String shortValue(String value) {
        int newline = value.indexOf('\n');
        String first = newline < 0 ? value : value.substring(0, newline);
        boolean cut = first.length() > 160;
        if (cut) {
            first = first.substring(0, 160);
        }
        if (newline < 0) {
            return cut ? first + " …" : first;
        }
        long more = value.lines().count() - 1;
        return first + (cut ? " …" : "") + " (+" + more + (more == 1 ? " line)" : " lines)");
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        label.setPadding(new Insets(6, 0, 0, 0));
        return label;
    }

    private static Label small(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll("mono", Styles.TEXT_SMALL);
        label.setWrapText(true);
        return label;
    }

    private void rebuildTypeFilters(GraphModel model) {
        typeFilters.getChildren().clear();
        for (NodeType type : model.presentTypes) {
            CheckBox box = new CheckBox(type.label());
            box.setId("graph-type-" + type.label());
            box.setGraphic(new Rectangle(10, 10, NodePalette.colour(type)));
            box.setSelected(!model.hiddenTypes.contains(type));
            box.selectedProperty().addListener((o, was, now) -> controller.onShowType(type, now));
            typeFilters.getChildren().add(box);
        }
    }

    void bind(GraphModel model) {
        bindings.bind(status.textProperty(), model.status);
        bindings.bind(searchResult.textProperty(), model.searchResult);
        bindings.bind(treemapText.textProperty(), model.treemapText);
        bindings.bind(progressText.textProperty(), model.progressText);
        bindings.bind(progress.progressProperty(), model.progress);
        target.setItems(model.targets);
        commit.setItems(model.commits);
        bindings.follow(model.target, value -> updating(() -> target.setValue(value)));
        bindings.follow(model.commit, value -> updating(() -> commit.setValue(value)));
        bindings.follow(model.layout, value -> updating(() -> layout.setValue(value)));
        bindings.follow(model.busy, busy -> show(progressRow, busy));
        bindings.follow(model.noTarget, none -> body.getChildren().setAll(none ? empty : content));
        bindings.follow(model.error, message -> {
            error.setDescription(message);
            show(error, !message.isEmpty());
        });
        bindings.follow(model.scene, scene -> canvas.setScene(scene, model.fitOnChange.get()));
        canvas.setHidden(model.hiddenTypes);
        model.hiddenTypes.addListener(hiddenListener);
        bindings.onRelease(() -> model.hiddenTypes.removeListener(hiddenListener));
        javafx.collections.ListChangeListener<NodeType> typesListener = c -> rebuildTypeFilters(model);
        model.presentTypes.addListener(typesListener);
        bindings.onRelease(() -> model.presentTypes.removeListener(typesListener));
        rebuildTypeFilters(model);
        canvas.highlight(model.matches);
        javafx.collections.ListChangeListener<String> matchListener = c -> canvas.highlight(model.matches);
        model.matches.addListener(matchListener);
        bindings.onRelease(() -> model.matches.removeListener(matchListener));
        bindings.follow(model.focus, focus -> {
            if (focus != null) {
                canvas.centreOn(focus.nodeId());
            }
        });
        bindings.follow(model.selected, canvas::select);
        bindings.follow(model.treemap, items -> {
            treemap.setItems(items);
            legend.getChildren().clear();
            treemap.legend().forEach((type, colour) -> {
                Label entry = new Label(type, new Rectangle(10, 10, colour));
                entry.getStyleClass().add(Styles.TEXT_SMALL);
                legend.getChildren().add(entry);
            });
        });
        bindings.follow(model.detail, detail -> {
            detailPane.getChildren().setAll(detail(detail));
            StackPane.setAlignment(detailPane.getChildren().getFirst(), detail == null ? Pos.CENTER : Pos.TOP_LEFT);
        });
        canvas.start();
        bindings.onRelease(canvas::stop);
    }

    void unbind() {
        bindings.releaseAll();
    }

    private void updating(Runnable change) {
        updating = true;
        try {
            change.run();
        } finally {
            updating = false;
        }
    }

}
