package dev.leviathan.console;

import javafx.application.Application;

/**
 * Entry point for launches from a plain class path (a jar or an IDE), where the Java launcher does
 * not start JavaFX applications by itself.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Application.launch(ConsoleApp.class, args);
    }
}
