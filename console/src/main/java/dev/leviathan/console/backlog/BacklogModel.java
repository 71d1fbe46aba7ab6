package dev.leviathan.console.backlog;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Backlog screen's state: the chosen target, its tasks, the selected task, and what actions did. */
public final class BacklogModel {

    /** A failed operator action, for the view to show as a dialog with the engine's message. */
    public record Failure(String title, String message) {
    }

    /** Ids of the registered targets, in registration order. */
    public final ObservableList<String> targets = FXCollections.observableArrayList();
    /** The target shown; null when none is chosen (or none is registered). */
    public final StringProperty target = new SimpleStringProperty();

    public final ObservableList<TaskRow> rows = FXCollections.observableArrayList();
    /** The task the operator selected; kept by id across reloads. */
    public final ObjectProperty<TaskRow> selected = new SimpleObjectProperty<>();
    /** {@code backlog at 3f2a9c1b0d4e · 3 tasks}; empty before the first load. */
    public final StringProperty source = new SimpleStringProperty("");
    /** What stops autonomous dispatch of the whole target now, one blocker a line; empty if nothing. */
    public final StringProperty blockers = new SimpleStringProperty("");
    public final BooleanProperty loading = new SimpleBooleanProperty(false);
    /** Why the backlog cannot be shown (e.g. the engine's message for a broken backlog.yaml). */
    public final StringProperty loadError = new SimpleStringProperty("");

    /** An action (approve, revoke, dispatch, dry run) is running; actions wait for it. */
    public final BooleanProperty busy = new SimpleBooleanProperty(false);
    /** What the running action is doing now, e.g. {@code attempt att-… running}. */
    public final StringProperty progress = new SimpleStringProperty("");
    /** What the last action recorded, e.g. {@code Approved add-faq}. */
    public final StringProperty noticeTitle = new SimpleStringProperty("");
    public final StringProperty noticeText = new SimpleStringProperty("");
    /** The last failed action; null once shown. */
    public final ObjectProperty<Failure> failure = new SimpleObjectProperty<>();

    /** The last decision shown: its heading and {@code leviathanctl schedule}'s text of it. */
    public final StringProperty decisionTitle = new SimpleStringProperty("");
    public final StringProperty decisionText = new SimpleStringProperty("");
}
