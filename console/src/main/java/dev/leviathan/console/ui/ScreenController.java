package dev.leviathan.console.ui;

import dev.leviathan.console.palette.Command;
import java.util.List;
import javafx.scene.Node;

/**
 * One screen of the console. The shell shows one at a time: it calls {@link #onActivate()} when the
 * screen is shown (the view binds to its model) and {@link #onDeactivate()} when another replaces
 * it (the bindings are released). {@link #stop()} ends whatever the controller follows in the
 * engine, when the console closes.
 */
public interface ScreenController {

    Node view();

    void onActivate();

    void onDeactivate();

    /**
     * The screen's actions for the command palette (Ctrl+K). The shell shows the screen before it
     * runs one, so an action may assume its view is showing.
     */
    default List<Command> commands() {
        return List.of();
    }

    /**
     * Engine work the screen started and is waiting for (a bootstrap, a dispatch), in a few words,
     * e.g. "a bootstrap of shop is running"; empty when none. The shell does not close the engine
     * under it: Reconnect now waits until it is done.
     */
    default java.util.Optional<String> workInFlight() {
        return java.util.Optional.empty();
    }

    /** Closes subscriptions; called once, on the FX thread, when the console stops. */
    default void stop() {
    }
}
