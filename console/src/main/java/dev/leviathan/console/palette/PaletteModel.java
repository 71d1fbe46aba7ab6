package dev.leviathan.console.palette;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The palette's state: shown or not, what is typed, what matches, which match is selected. */
public final class PaletteModel {

    public final BooleanProperty open = new SimpleBooleanProperty(false);
    /** As typed; the view's search field is bound to it both ways. */
    public final StringProperty query = new SimpleStringProperty("");
    public final ObservableList<Command> matches = FXCollections.observableArrayList();
    /** Index into {@link #matches}; -1 when nothing matches. */
    public final IntegerProperty selected = new SimpleIntegerProperty(-1);
}
