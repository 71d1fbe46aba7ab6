package dev.leviathan.console.shell;

import dev.leviathan.console.ui.Glyph;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The console's screens in sidebar order; Ctrl+1 … Ctrl+9 (⌘ on macOS) select them. */
public enum ScreenId {
    TARGETS("Targets", Glyph.TARGET, KeyCode.DIGIT1),
    GRAPH("Graph", Glyph.GRAPH, KeyCode.DIGIT2),
    BACKLOG("Backlog", Glyph.BACKLOG, KeyCode.DIGIT3),
    ATTEMPTS("Attempts", Glyph.ATTEMPT, KeyCode.DIGIT4),
    EVENTS("Events", Glyph.EVENTS, KeyCode.DIGIT5),
    GOVERNOR("Governor", Glyph.GOVERNOR, KeyCode.DIGIT6),
    CLUSTER("Cluster", Glyph.CLUSTER, KeyCode.DIGIT7),
    AEGIS("AEGIS", Glyph.AEGIS, KeyCode.DIGIT8),
    SETTINGS("Settings", Glyph.SETTINGS, KeyCode.DIGIT9);

    private final String title;
    private final Glyph glyph;
    private final KeyCombination shortcut;

    ScreenId(String title, Glyph glyph, KeyCode digit) {
        this.title = title;
        this.glyph = glyph;
        this.shortcut = new KeyCodeCombination(digit, KeyCombination.SHORTCUT_DOWN);
    }

    public String title() {
        return title;
    }

    public Glyph glyph() {
        return glyph;
    }

    public KeyCombination shortcut() {
        return shortcut;
    }

    /** Lower-case id for node ids and file names: {@code targets}, {@code aegis}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
