package dev.leviathan.console.targets;

import dev.leviathan.engine.target.Problem;
import dev.leviathan.engine.target.RegisteredTarget;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The Targets screen's state: the registration form, its problems, the registered targets with
 * their last bootstraps, the selected target's files, and the bootstrap the operator started.
 */
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

    /** Each target's newest bootstrap.* event, by target id; a target never bootstrapped is absent. */
    public final ObservableMap<String, LastBootstrap> lastBootstraps = FXCollections.observableHashMap();

    /** The target the detail pane shows; null when none is selected. */
    public final ObjectProperty<RegisteredTarget> selected = new SimpleObjectProperty<>();
    /** What the selected target's files say; null until read. */
    public final ObjectProperty<TargetDetail> detail = new SimpleObjectProperty<>();
    public final BooleanProperty detailLoading = new SimpleBooleanProperty(false);
    public final StringProperty detailError = new SimpleStringProperty("");

    /** The target of the bootstrap started here last; empty before the first. */
    public final StringProperty bootstrapTarget = new SimpleStringProperty("");
    public final BooleanProperty bootstrapping = new SimpleBooleanProperty(false);
    /** Cancel was asked for and the engine has not stopped yet. */
    public final BooleanProperty cancelling = new SimpleBooleanProperty(false);
    /** The engine's description of the step it is on: "reading 3,012 files", "making facts". */
    public final StringProperty bootstrapPhase = new SimpleStringProperty("");
    public final IntegerProperty filesDone = new SimpleIntegerProperty(0);
    public final IntegerProperty filesTotal = new SimpleIntegerProperty(0);
    /** Facts made from the files read, once the engine has made them; -1 before. */
    public final IntegerProperty factsMade = new SimpleIntegerProperty(-1);
    /** Files read out of the total, 0..1; -1 (indeterminate) while there is no file count. */
    public final DoubleProperty bootstrapProgress = new SimpleDoubleProperty(-1);
    /** How the last bootstrap started here ended; null while it runs or before the first. */
    public final ObjectProperty<BootstrapOutcome> bootstrapOutcome = new SimpleObjectProperty<>();

    /** How a bootstrap started from this screen ended, as the engine reported it. */
    public record BootstrapOutcome(Kind kind, String title, String text, List<Problem> problems) {

        public enum Kind { COMPLETED, UNCHANGED, CANCELLED, FAILED }

        public BootstrapOutcome {
            problems = List.copyOf(problems);
        }
    }
}
