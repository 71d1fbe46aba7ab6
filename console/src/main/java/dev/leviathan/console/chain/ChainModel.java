package dev.leviathan.console.chain;

import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The store and its chain as the status bar and the Events screen show them: where the store is,
 * its head (kept live), and the verdict of the last verification.
 */
public final class ChainModel {

    /** e.g. "H2" or "PostgreSQL". */
    public final StringProperty storeKind = new SimpleStringProperty("");
    /** Safe to show: no password, no user info. */
    public final StringProperty storeLocation = new SimpleStringProperty("");
    public final LongProperty headSeq = new SimpleLongProperty(0);
    /** First twelve hex digits of the head's hash; "-" for an empty store. */
    public final StringProperty headHash = new SimpleStringProperty("-");
    public final ObjectProperty<ChainState> state = new SimpleObjectProperty<>(ChainState.NOT_VERIFIED);
    /** The short form for the status bar: "chain intact (12 events)", "BROKEN at seq 7". */
    public final StringProperty statusText = new SimpleStringProperty("not verified yet");
    /** The engine's one-line summary of the last verification, or why it could not run. */
    public final StringProperty summary = new SimpleStringProperty("");
    /** Local time the last verification finished, e.g. "14:03:27"; empty before the first. */
    public final StringProperty verifiedAt = new SimpleStringProperty("");
}
