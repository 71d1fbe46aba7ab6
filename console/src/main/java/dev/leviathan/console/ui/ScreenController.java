package dev.leviathan.console.ui;

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

    /** Closes subscriptions; called once, on the FX thread, when the console stops. */
    default void stop() {
    }
}
