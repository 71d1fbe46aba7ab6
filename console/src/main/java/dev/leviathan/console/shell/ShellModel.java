package dev.leviathan.console.shell;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The main window's state: whether the engine is open, which screen is shown, which theme. */
public final class ShellModel {

    /** Where the console is in opening its engine. */
    public enum Phase { OPENING, READY, FAILED }

    public final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.OPENING);
    /** What the splash says while the engine opens. */
    public final StringProperty openingMessage = new SimpleStringProperty("Starting…");
    /** Why the engine could not open, in the engine's words. */
    public final StringProperty failure = new SimpleStringProperty("");
    public final ObjectProperty<ScreenId> selected = new SimpleObjectProperty<>(ScreenId.TARGETS);
    public final BooleanProperty darkTheme = new SimpleBooleanProperty(false);
}
