package dev.leviathan.console.graph;

import dev.leviathan.engine.graph.NodeType;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/** The Graph screen's state. Holds data only; the view draws it, the controller fills it. */
public final class GraphModel {

    /** A commit the target was bootstrapped at, newest first in the selector. */
    public record CommitChoice(String sha, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** Asks the view to centre on a node; the serial makes a repeated request a change. */
    public record Focus(String nodeId, long serial) {
    }

    /** Targets with at least one completed bootstrap. */
    public final ObservableList<String> targets = FXCollections.observableArrayList();
    public final StringProperty target = new SimpleStringProperty();
    public final ObservableList<CommitChoice> commits = FXCollections.observableArrayList();
    public final ObjectProperty<CommitChoice> commit = new SimpleObjectProperty<>();
    public final ObjectProperty<SceneLayout.Kind> layout = new SimpleObjectProperty<>(SceneLayout.Kind.FORCE);

    /** The laid-out graph shown; {@link GraphScene#EMPTY} until one loads. */
    public final ObjectProperty<GraphScene> scene = new SimpleObjectProperty<>(GraphScene.EMPTY);
    /** True when a new scene should be fitted to the view (a load), false for an expansion. */
    public final BooleanProperty fitOnChange = new SimpleBooleanProperty(true);
    public final ObservableList<NodeType> presentTypes = FXCollections.observableArrayList();
    public final ObservableSet<NodeType> hiddenTypes = FXCollections.observableSet();

    /** No target has been bootstrapped: the screen shows what to do. */
    public final BooleanProperty noTarget = new SimpleBooleanProperty(false);
    public final BooleanProperty busy = new SimpleBooleanProperty(false);
    /** 0..1, or -1 while the amount of work is not known. */
    public final DoubleProperty progress = new SimpleDoubleProperty(-1);
    public final StringProperty progressText = new SimpleStringProperty("");
    /** e.g. "212 nodes · 410 edges · force-directed in 0.3 s". */
    public final StringProperty status = new SimpleStringProperty("");
    /** The engine's message when a query failed; empty otherwise. */
    public final StringProperty error = new SimpleStringProperty("");

    public final StringProperty search = new SimpleStringProperty("");
    public final ObservableList<String> matches = FXCollections.observableArrayList();
    /** e.g. "2 of 5 matches". */
    public final StringProperty searchResult = new SimpleStringProperty("");
    public final ObjectProperty<Focus> focus = new SimpleObjectProperty<>();
    public final StringProperty selected = new SimpleStringProperty();
    public final ObjectProperty<NodeDetail> detail = new SimpleObjectProperty<>();

    /** Files of the shown commit, for the treemap tab. */
    public final ObjectProperty<List<Treemap.Item>> treemap = new SimpleObjectProperty<>(List.of());
    public final StringProperty treemapText = new SimpleStringProperty("");
}
