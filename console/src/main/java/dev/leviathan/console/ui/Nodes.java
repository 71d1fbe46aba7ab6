package dev.leviathan.console.ui;

import atlantafx.base.theme.Styles;
import javafx.css.Selector;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The small pieces every screen's view is built of, made one way. */
public final class Nodes {

    private Nodes() {
    }

    /**
     * The first node {@code selector} matches at or under {@code root}, in the order
     * {@link Node#lookup} finds it. {@code Node.lookup} parses the selector again at every node it
     * visits, which on a screen of a few thousand nodes costs tens of milliseconds of the FX
     * thread; this parses it once.
     */
    public static Node lookup(Node root, String selector) {
        Selector parsed = Selector.createSelector(selector);
        return parsed == null ? null : lookup(root, parsed);
    }

    private static Node lookup(Node node, Selector selector) {
        if (selector.applies(node)) {
            return node;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Node found = lookup(child, selector);
                if (found != null) {
                    return found;
                }
            }
        }
        // As TabPane.lookup does: a tab's content is looked into even while another tab is shown.
        if (node instanceof TabPane tabs) {
            for (Tab tab : tabs.getTabs()) {
                Node found = tab.getContent() == null ? null : lookup(tab.getContent(), selector);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Shows or hides a node, giving its room in the layout back when hidden. */
    public static void show(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    /** A screen's title with a muted line beside it (a count, a status) that the view keeps up to date. */
    public static HBox titleRow(String title, Label aside, String asideId) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_2);
        aside.setId(asideId);
        aside.getStyleClass().add(Styles.TEXT_MUTED);
        HBox row = new HBox(14, heading, aside);
        row.setAlignment(Pos.BASELINE_LEFT);
        return row;
    }

    /** A card: its children stacked, with the card's frame and padding. */
    public static VBox card(String id, double spacing, Node... children) {
        VBox card = new VBox(spacing, children);
        card.getStyleClass().add("form-card");
        card.setId(id);
        return card;
    }

    /**
     * A two-column grid of names and values (or labels and inputs): the names as wide as they
     * need, the values taking the rest of the width.
     */
    public static GridPane nameValueGrid(double vgap) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(vgap);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(names, values);
        return grid;
    }

    /** The name of a form field. */
    public static Label fieldLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }

    /** Where a field's problem appears, in red under it; empty until there is one. */
    public static Label problemLabel(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL, "field-problem");
        return label;
    }
}
