package dev.leviathan.console.events;

import static dev.leviathan.console.ui.Nodes.show;
import static dev.leviathan.console.ui.Nodes.titleRow;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.leviathan.console.chain.ChainModel;
import dev.leviathan.console.chain.ChainState;
import dev.leviathan.console.provenance.Provenance;
import dev.leviathan.console.provenance.ProvenanceLines;
import dev.leviathan.console.ui.EmptyState;
import dev.leviathan.console.ui.Glyph;
import dev.leviathan.console.ui.Nodes;
import dev.leviathan.console.ui.TableFit;
import dev.leviathan.console.ui.ViewBindings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The Events screen: filters and verification on top, the live tail, and the selected event. */
final class EventsView {

    private final EventsController controller;
    private final BorderPane root = new BorderPane();
    private final Label count = new Label();
    private final ComboBox<String> typeFilter = new ComboBox<>();
    private final ComboBox<String> targetFilter = new ComboBox<>();
    private final Button clearFilters = new Button("Clear filters");
    private final Button verify = new Button("Verify chain");
    private final ProgressBar verifying = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
    private final Message verdict = new Message();
    private final Message loadError = new Message();
    private final TableView<EventRow> table = new TableView<>();
    private final StackPane detailPane = new StackPane();
    private final VBox provenance = new VBox(4);
    private final DetailView detailView = new DetailView();
    private final VBox emptyStore;
    private final VBox emptyFilter;
    private final ViewBindings bindings = new ViewBindings();

    EventsView(EventsController controller) {
        this.controller = controller;
        emptyStore = EmptyState.of(Glyph.EVENTS, "No events yet",
                "Every fact Leviathan knows is an event in the append-only, hash-chained store. New events"
                        + " appear here the moment they are committed, by this console or any other process.",
                "Register a target on the Targets screen (Ctrl+1): its target.registered event shows up here.",
                null);
        emptyFilter = EmptyState.of(Glyph.EVENTS, "No matching events",
                "No event of the newest read matches the type and target filters. Matching events still"
                        + " appear here live as they arrive.", null, null);
        root.setId("events-screen");
        root.getStyleClass().add("screen");
        root.setTop(header());
        root.setCenter(body());
    }

    Node root() {
        return root;
    }

    private Node header() {
        HBox titleRow = titleRow("Events", count, "events-count");

        typeFilter.setId("events-type-filter");
        typeFilter.setEditable(true);
        typeFilter.setPromptText("All types");
        typeFilter.setPrefWidth(240);
        targetFilter.setId("events-target-filter");
        targetFilter.setEditable(true);
        targetFilter.setPromptText("All targets");
        targetFilter.setPrefWidth(200);
        typeFilter.valueProperty().addListener((o, was, now) -> controller.onFilter(now, targetFilter.getValue()));
        targetFilter.valueProperty().addListener((o, was, now) -> controller.onFilter(typeFilter.getValue(), now));
        clearFilters.setId("events-clear-filters");
        clearFilters.getStyleClass().add(Styles.FLAT);
        clearFilters.setOnAction(e -> {
            typeFilter.setValue(null);
            targetFilter.setValue(null);
            controller.onClearFilters();
        });
        Label typeLabel = new Label("Type");
        Label targetLabel = new Label("Target");

        verify.setId("events-verify");
        verify.setGraphic(Glyph.CHAIN.node(16));
        verify.setOnAction(e -> controller.onVerify());
        verifying.setId("events-verifying");
        verifying.setPrefWidth(120);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(10, typeLabel, typeFilter, targetLabel, targetFilter, clearFilters, spacer,
                verifying, verify);
        toolbar.setAlignment(Pos.CENTER_LEFT);

        verdict.setId("events-verdict");
        loadError.setId("events-error");
        loadError.getStyleClass().add(Styles.DANGER);
        loadError.setTitle("Events unavailable");
        VBox header = new VBox(12, titleRow, toolbar, verdict, loadError);
        header.setPadding(new Insets(0, 0, 12, 0));
        return header;
    }

    private Node body() {
        table.setId("events-table");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.getColumns().add(fixed(column("Seq", 64, EventRow::seq, "mono", "align-right")));
        table.getColumns().add(fixed(column("Time", 180, EventRow::time)));
        table.getColumns().add(fixed(column("Type", 172, EventRow::type)));
        table.getColumns().add(fixed(column("Target", 150, EventRow::target)));
        table.getColumns().add(fixed(column("Actor", 90, EventRow::actor)));
        TableColumn<EventRow, String> eventId = column("Event id", 240, EventRow::eventId, "mono");
        eventId.setMinWidth(120);
        // Ids often start with their type, already in its own column: keep both ends visible.
        eventId.setCellFactory(c -> new TableCell<>() {
            {
                setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        table.getColumns().add(eventId);
        table.getColumns().add(fixed(column("Hash", 128, EventRow::shortHash, "mono")));
        // Every column but the event id keeps its width; the event id takes what is left.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> controller.onSelect(now));

        detailPane.setId("events-detail");
        detailPane.getStyleClass().add("detail-pane");
        // The table sits in a box that fills the split's pane, so it can be only as tall as its rows.
        TableFit.toRows(table, TableFit.DENSE_ROW);
        VBox tablePane = new VBox(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        SplitPane split = new SplitPane(tablePane, detailPane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        split.getStyleClass().add("events-split");
        return split;
    }

    @SafeVarargs
    private static <T> TableColumn<EventRow, T> column(String title, double width, Function<EventRow, T> value,
            String... styles) {
        TableColumn<EventRow, T> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        column.getStyleClass().addAll(styles);
        return column;
    }

    private static <T> TableColumn<EventRow, T> fixed(TableColumn<EventRow, T> column) {
        column.setMinWidth(column.getPrefWidth());
        column.setMaxWidth(column.getPrefWidth());
        return column;
    }

    /**
     * The selected event's envelope and payload. Built once and refilled on each selection:
     * making its text fields anew for every row clicked would have JavaFX style them all again.
     */
    private final class DetailView {

        final Label hint = new Label("Select an event to see its full envelope and its payload.");
        final Label title = new Label();
        final GridPane fields = Nodes.nameValueGrid(4);
        final List<TextField> values = new ArrayList<>();
        final TextArea payload = new TextArea();
        final Node whole;

        DetailView() {
            hint.getStyleClass().add(Styles.TEXT_MUTED);
            title.setId("events-detail-title");
            title.getStyleClass().add(Styles.TITLE_4);
            VBox envelope = new VBox(8, title, provenance, fields);
            // Wide enough for a full SHA-256 in hex: hashes are what an operator compares.
            envelope.setMinWidth(560);
            envelope.setPrefWidth(640);

            Label payloadTitle = new Label("payload");
            payloadTitle.getStyleClass().addAll(Styles.TEXT_MUTED, "mono");
            payload.setId("events-detail-payload");
            payload.setEditable(false);
            payload.setWrapText(true);
            payload.getStyleClass().add("mono");
            VBox.setVgrow(payload, Priority.ALWAYS);
            VBox payloadBox = new VBox(8, payloadTitle, payload);
            HBox.setHgrow(payloadBox, Priority.ALWAYS);

            HBox content = new HBox(20, envelope, payloadBox);
            content.setPadding(new Insets(12, 0, 0, 0));
            // A long chain or a tall envelope scrolls inside the pane instead of pushing the window's edge.
            javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(content);
            scroll.setFitToWidth(true);
            scroll.setFitToHeight(true);
            scroll.getStyleClass().add("edge-to-edge");
            whole = scroll;
        }

        Node show(EventDetail detail) {
            if (detail == null) {
                return hint;
            }
            title.setText(detail.title());
            if (values.size() != detail.envelope().size()) {
                fields.getChildren().clear();
                values.clear();
                int row = 0;
                for (EventDetail.Field field : detail.envelope()) {
                    Label name = new Label(field.name());
                    name.getStyleClass().addAll(Styles.TEXT_MUTED, "mono");
                    TextField value = new TextField();
                    value.setEditable(false);
                    value.setMaxWidth(Double.MAX_VALUE);
                    value.getStyleClass().addAll("mono", "readonly-value");
                    fields.addRow(row++, name, value);
                    values.add(value);
                }
            }
            for (int i = 0; i < values.size(); i++) {
                values.get(i).setText(detail.envelope().get(i).value());
            }
            payload.setText(detail.payload());
            payload.setScrollTop(0);
            return whole;
        }
    }

    /** The chain task → approval → attempt → job → diff → pull request → merge, one line per link. */
    private void showProvenance(Provenance chain) {
        provenance.getChildren().clear();
        if (chain == null) {
            return;
        }
        Label heading = new Label("provenance");
        heading.getStyleClass().addAll(Styles.TEXT_MUTED, "mono");
        heading.setPadding(new Insets(2, 0, 2, 0));
        provenance.getChildren().add(heading);
        provenance.getChildren().addAll(ProvenanceLines.of(chain));
    }

    void bind(EventsModel model, ChainModel chain) {
        bindings.bind(count.textProperty(), model.countText);
        table.setItems(model.rows);
        bindings.onRelease(() -> table.setItems(FXCollections.emptyObservableList()));
        typeFilter.setItems(model.knownTypes);
        targetFilter.setItems(model.knownTargets);
        bindings.follow(model.filterActive, active -> {
            table.setPlaceholder(active ? emptyFilter : emptyStore);
            clearFilters.setDisable(!active);
        });
        bindings.follow(model.detail, detail -> {
            Node shown = detailView.show(detail);
            if (detailPane.getChildren().size() != 1 || detailPane.getChildren().getFirst() != shown) {
                detailPane.getChildren().setAll(shown);
            }
            StackPane.setAlignment(shown, detail == null ? Pos.CENTER : Pos.TOP_LEFT);
        });
        provenance.setId("events-provenance");
        bindings.follow(model.provenance, this::showProvenance);
        bindings.follow(model.error, message -> {
            loadError.setDescription(message);
            show(loadError, !message.isEmpty());
        });

        bindings.bind(verify.disableProperty(), chain.state.isEqualTo(ChainState.VERIFYING));
        bindings.bind(verifying.visibleProperty(), chain.state.isEqualTo(ChainState.VERIFYING));
        bindings.bind(verdict.descriptionProperty(), Bindings.concat(chain.summary,
                Bindings.when(chain.verifiedAt.isEmpty()).then("").otherwise(
                        Bindings.concat(" — verified at ", chain.verifiedAt))));
        bindings.follow(chain.state, state -> {
            verdict.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING);
            switch (state) {
                case INTACT -> {
                    verdict.setTitle("Chain intact");
                    verdict.getStyleClass().add(Styles.SUCCESS);
                }
                case BROKEN -> {
                    verdict.setTitle("Chain BROKEN");
                    verdict.getStyleClass().add(Styles.DANGER);
                }
                case FAILED -> {
                    verdict.setTitle("Verification failed");
                    verdict.getStyleClass().add(Styles.WARNING);
                }
                case NOT_VERIFIED, VERIFYING -> {
                }
            }
            show(verdict, state == ChainState.INTACT || state == ChainState.BROKEN || state == ChainState.FAILED);
        });
    }

    void unbind() {
        // The filters keep their item lists: detaching them could reset the typed value.
        bindings.releaseAll();
    }

}
