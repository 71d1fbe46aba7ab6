package dev.leviathan.console.planned;

import atlantafx.base.theme.Styles;
import dev.leviathan.console.ui.EmptyState;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** A planned screen's honest empty state, under the screen's title. */
final class PlannedScreenView {

    private final BorderPane root = new BorderPane();

    PlannedScreenView(PlannedScreenModel model) {
        PlannedScreen screen = model.screen().get();
        root.setId(screen.name().toLowerCase() + "-screen");
        root.getStyleClass().add("screen");
        Label title = new Label(screen.title());
        title.getStyleClass().add(Styles.TITLE_2);
        Label status = new Label("Not available in this build");
        status.getStyleClass().addAll("badge", "badge-muted");
        VBox header = new VBox(6, title, status);
        header.setPadding(new Insets(0, 0, 16, 0));
        root.setTop(header);
        VBox empty = EmptyState.of(screen.glyph(), "Nothing to show yet", screen.what(), screen.now(),
                screen.command());
        root.setCenter(empty);
    }

    Node root() {
        return root;
    }
}
