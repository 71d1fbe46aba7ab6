package dev.leviathan.console.governor;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Governor screen's state for the selected target: the kill switch, the circuit breaker, the
 * limits beside the current counts, and the decision stream (newest first). Texts are formatted
 * by the controller off the FX thread.
 */
public final class GovernorModel {

    /** Registered target ids, in registration order. */
    public final ObservableList<String> targets = FXCollections.observableArrayList();
    /** The target shown; empty when none is selected (no targets yet). */
    public final StringProperty selected = new SimpleStringProperty("");
    /** The selected target's state has been read at least once. */
    public final BooleanProperty statusKnown = new SimpleBooleanProperty(false);
    /** An operator action is being recorded: the controls wait for it. */
    public final BooleanProperty busy = new SimpleBooleanProperty(false);

    public final BooleanProperty autonomyEnabled = new SimpleBooleanProperty(false);
    /** e.g. "Off — emergency stop by ada at 2026-12-01 10:40: release freeze". */
    public final StringProperty autonomyText = new SimpleStringProperty("");
    /** The latest switch event was an emergency stop and autonomy is still off. */
    public final BooleanProperty emergency = new SimpleBooleanProperty(false);

    public final BooleanProperty circuitOpen = new SimpleBooleanProperty(false);
    /** Why the breaker is open, since when; or how far it is from tripping. */
    public final StringProperty circuitText = new SimpleStringProperty("");

    public final ObservableList<LimitRow> limits = FXCollections.observableArrayList();
    /** Where the limits come from: the autonomy file, or the defaults when there is none. */
    public final StringProperty limitsSource = new SimpleStringProperty("");
    /** Why the target's files could not be read (the limits then show what is known); empty otherwise. */
    public final StringProperty inputsProblem = new SimpleStringProperty("");

    /** Governance events and decisions of the selected target, newest first, capped. */
    public final ObservableList<StreamRow> stream = FXCollections.observableArrayList();
    public final StringProperty streamCount = new SimpleStringProperty("");

    /** The selected stream event, or the last dry run, in full. */
    public final StringProperty detailTitle = new SimpleStringProperty("");
    public final StringProperty detailText = new SimpleStringProperty("");

    /** What the last operator action recorded; empty until one succeeds. */
    public final StringProperty notice = new SimpleStringProperty("");
    /** An engine failure to show in a dialog, in the engine's words; empty when there is none. */
    public final StringProperty failureTitle = new SimpleStringProperty("");
    public final StringProperty failure = new SimpleStringProperty("");
}
