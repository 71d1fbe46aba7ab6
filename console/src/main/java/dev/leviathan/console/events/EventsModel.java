package dev.leviathan.console.events;

import dev.leviathan.console.provenance.Provenance;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Events screen's state. Rows are newest first and capped by the controller. */
public final class EventsModel {

    public final ObservableList<EventRow> rows = FXCollections.observableArrayList();
    /** Event types seen since the console started (initial page and live), sorted. */
    public final ObservableList<String> knownTypes = FXCollections.observableArrayList();
    /** Target ids seen since the console started, sorted. */
    public final ObservableList<String> knownTargets = FXCollections.observableArrayList();
    /** The filters in force; empty means all. */
    public final StringProperty typeFilter = new SimpleStringProperty("");
    public final StringProperty targetFilter = new SimpleStringProperty("");
    public final BooleanProperty filterActive = new SimpleBooleanProperty(false);
    public final BooleanProperty loading = new SimpleBooleanProperty(true);
    /** e.g. "42 events · newest first · following live". */
    public final StringProperty countText = new SimpleStringProperty("");
    /** The selected event in full; null when nothing is selected. */
    public final ObjectProperty<EventDetail> detail = new SimpleObjectProperty<>();
    /** Where the selected event's governed work came from and went; null when it is not part of any. */
    public final ObjectProperty<Provenance> provenance = new SimpleObjectProperty<>();
    /** The engine's message when loading failed; empty otherwise. */
    public final StringProperty error = new SimpleStringProperty("");
}
