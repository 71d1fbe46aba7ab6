package dev.leviathan.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class NodesLookupTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void findsWhatNodeLookupFindsWithTheSelectorParsedOnce() {
        // A scene no window shows may be built and read on any thread: this one stays off the FX thread.
        Label first = label("status", "muted");
        Label second = label("status", "muted");
        Button save = new Button("Save");
        save.setId("save");
        save.getStyleClass().add("accent");
        Label inOtherTab = label("hidden-detail", "detail");
        TabPane tabs = new TabPane(new Tab("shown", new VBox(save)), new Tab("other", new HBox(inOtherTab)));
        VBox root = new VBox(new HBox(first), second, tabs);
        root.setId("screen");
        new Scene(root);
        root.applyCss();

        for (String selector : List.of("#status", ".muted", "#save", ".button.accent", "#screen .accent",
                "#screen", "HBox > .muted", "#hidden-detail", "#nothing-here", ".detail")) {
            assertThat(Nodes.lookup(root, selector)).as(selector).isSameAs(root.lookup(selector));
        }
        // The first in document order, as Node.lookup: the one nested deeper but earlier.
        assertThat(Nodes.lookup(root, "#status")).isSameAs(first);
        // A tab that is not shown is looked into, as TabPane.lookup does.
        assertThat(Nodes.lookup(root, "#hidden-detail")).isSameAs(inOtherTab);
    }

    private static Label label(String id, String styleClass) {
        Label label = new Label(id);
        label.setId(id);
        label.getStyleClass().add(styleClass);
        return label;
    }
}
