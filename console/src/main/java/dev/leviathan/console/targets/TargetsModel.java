package dev.leviathan.console.targets;

import dev.leviathan.engine.target.RegisteredTarget;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Targets screen's state: the registration form, its problems, and the registered targets. */
public final class TargetsModel {

    /** Form input, as typed. The view's fields are bound to these both ways. */
    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty repo = new SimpleStringProperty("");
    public final StringProperty branch = new SimpleStringProperty("");

    /** What the engine says is wrong with each field; empty when nothing is. */
    public final StringProperty nameProblem = new SimpleStringProperty("");
    public final StringProperty repoProblem = new SimpleStringProperty("");
    public final StringProperty branchProblem = new SimpleStringProperty("");

    /** A validation of the form is running in the background. */
    public final BooleanProperty checking = new SimpleBooleanProperty(false);
    public final BooleanProperty registering = new SimpleBooleanProperty(false);
    public final BooleanProperty canRegister = new SimpleBooleanProperty(false);
    /** An engine failure that is not about one field; empty otherwise. */
    public final StringProperty formError = new SimpleStringProperty("");
    /** What the last registration recorded; empty until one succeeds. */
    public final StringProperty registeredTitle = new SimpleStringProperty("");
    public final StringProperty registeredText = new SimpleStringProperty("");

    /** Registered targets in registration order. */
    public final ObservableList<RegisteredTarget> targets = FXCollections.observableArrayList();
    public final StringProperty listError = new SimpleStringProperty("");
}
