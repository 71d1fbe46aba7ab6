package dev.leviathan.console.ui;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * What a screen or a table shows when there is nothing to show yet: an icon, a title, what will
 * appear here, and what the operator can do now. An empty store is the common case on first
 * start, so this is a real screen, not an afterthought.
 */
public final class EmptyState {

    private EmptyState() {
    }

    /**
     * @param now what the operator can do now; may be null
     * @param command a command to show in monospace under {@code now}; may be null
     */
    public static VBox of(Glyph glyph, String title, String what, String now, String command) {
        Node icon = glyph.node(44);
        icon.getStyleClass().add("empty-state-icon");
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_3);
        heading.setId("empty-state-title");
        Label body = wrapped(what);
        body.getStyleClass().add("empty-state-body");
        VBox box = new VBox(12, icon, heading, body);
        if (now != null) {
            Label next = wrapped(now);
            next.getStyleClass().addAll("empty-state-now", Styles.TEXT_MUTED);
            box.getChildren().add(next);
        }
        if (command != null) {
            Label code = new Label(command);
            code.getStyleClass().add("empty-state-command");
            box.getChildren().add(code);
        }
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(560);
        box.getStyleClass().add("empty-state");
        return box;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        label.setAlignment(Pos.CENTER);
        return label;
    }
}
