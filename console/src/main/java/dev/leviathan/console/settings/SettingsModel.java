package dev.leviathan.console.settings;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The Settings screen's state: the form as typed, what the checks found, and what was saved. */
public final class SettingsModel {

    public enum StoreChoice { EMBEDDED, POSTGRESQL }

    /** Where a password or key is read from; the text field beside it holds the name or the path. */
    public enum SourceChoice {
        NONE("Not needed"), VARIABLE("Variable"), FILE("File");

        private final String label;

        SourceChoice(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Form input; the view's fields are bound to these both ways. */
    public final ObjectProperty<StoreChoice> store = new SimpleObjectProperty<>(StoreChoice.EMBEDDED);
    public final StringProperty storeUrl = new SimpleStringProperty("");
    public final StringProperty storeUser = new SimpleStringProperty("");
    public final ObjectProperty<SourceChoice> passwordSource = new SimpleObjectProperty<>(SourceChoice.NONE);
    public final StringProperty passwordWhere = new SimpleStringProperty("");
    public final StringProperty llmBaseUrl = new SimpleStringProperty("");
    public final StringProperty llmModel = new SimpleStringProperty("");
    public final ObjectProperty<SourceChoice> keySource = new SimpleObjectProperty<>(SourceChoice.VARIABLE);
    public final StringProperty keyWhere = new SimpleStringProperty("");
    /** Mirrors the status bar's Dark switch. */
    public final BooleanProperty dark = new SimpleBooleanProperty(false);

    /** Errors per field, empty when none; notes say what was found (set, readable). */
    public final StringProperty storeUrlProblem = new SimpleStringProperty("");
    public final StringProperty passwordProblem = new SimpleStringProperty("");
    public final StringProperty passwordNote = new SimpleStringProperty("");
    public final StringProperty llmBaseUrlProblem = new SimpleStringProperty("");
    public final StringProperty llmModelProblem = new SimpleStringProperty("");
    public final StringProperty keyProblem = new SimpleStringProperty("");
    public final StringProperty keyNote = new SimpleStringProperty("");
    public final StringProperty llmProblem = new SimpleStringProperty("");

    /** Facts about this console: the file, the data directory, the store open now. */
    public final StringProperty settingsFile = new SimpleStringProperty("");
    public final StringProperty embeddedLocation = new SimpleStringProperty("");
    public final StringProperty openStore = new SimpleStringProperty("");
    /** Which environment variables win over what is saved; empty when none do. */
    public final StringProperty storeOverride = new SimpleStringProperty("");
    public final StringProperty llmOverride = new SimpleStringProperty("");

    public final BooleanProperty loaded = new SimpleBooleanProperty(false);
    public final BooleanProperty busy = new SimpleBooleanProperty(false);
    /** What the store test found; {@link #storeTestOk} says whether it worked. */
    public final StringProperty storeTest = new SimpleStringProperty("");
    public final BooleanProperty storeTestOk = new SimpleBooleanProperty(false);
    public final StringProperty savedTitle = new SimpleStringProperty("");
    public final StringProperty savedText = new SimpleStringProperty("");
    /** A save went through: the console can reopen its engine on what was saved without a restart. */
    public final javafx.beans.property.BooleanProperty reconnectOffered =
            new javafx.beans.property.SimpleBooleanProperty(false);
    /** What Test endpoint found (empty before it ran), and whether the endpoint works as set. */
    public final StringProperty llmTest = new SimpleStringProperty("");
    public final javafx.beans.property.BooleanProperty llmTestOk =
            new javafx.beans.property.SimpleBooleanProperty(false);
    public final javafx.beans.property.BooleanProperty llmTesting =
            new javafx.beans.property.SimpleBooleanProperty(false);
    /** Why Reconnect now did not go ahead (engine work still running); empty otherwise. */
    public final StringProperty reconnectRefused = new SimpleStringProperty("");
    public final StringProperty saveError = new SimpleStringProperty("");
}
