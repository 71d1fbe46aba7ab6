package dev.leviathan.console.attempts;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Attempts screen's state. Rows are newest first (by their latest event). */
public final class AttemptsModel {

    public final ObservableList<AttemptRow> rows = FXCollections.observableArrayList();
    /** Targets that have attempts, sorted. */
    public final ObservableList<String> knownTargets = FXCollections.observableArrayList();
    public final BooleanProperty filterActive = new SimpleBooleanProperty(false);
    public final BooleanProperty loading = new SimpleBooleanProperty(true);
    /** e.g. "3 attempts · newest first · following live". */
    public final StringProperty countText = new SimpleStringProperty("");
    /** The engine's message when the list cannot be read; empty otherwise. */
    public final StringProperty error = new SimpleStringProperty("");

    /** The selected attempt in full; null when none is selected or it is still loading. */
    public final ObjectProperty<AttemptDetail> detail = new SimpleObjectProperty<>();
    public final BooleanProperty detailLoading = new SimpleBooleanProperty(false);
    /**
     * Lines the worker wrote after {@link #detail} was read, while the attempt runs; appended below the
     * detail's log, cleared with each new detail.
     */
    public final ObservableList<String> logTail = FXCollections.observableArrayList();
    /** The selected artifact's content, one line each; JSON pretty-printed. */
    public final ObservableList<String> artifactLines = FXCollections.observableArrayList();

    /** An action is running, e.g. "Merging local-…"; empty when none. */
    public final StringProperty busy = new SimpleStringProperty("");
    /** What the last action did, in the CLI's words. */
    public final StringProperty notice = new SimpleStringProperty("");
    /** The engine's message for a failed action, shown in a dialog; empty when none. */
    public final StringProperty failure = new SimpleStringProperty("");
}
