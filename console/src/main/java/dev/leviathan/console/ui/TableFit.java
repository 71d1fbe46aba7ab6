package dev.leviathan.console.ui;

import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;

/**
 * Makes a table no taller than its rows. A TableView fills all the height it is given with empty
 * rows, each a row and a cell per column with their skins and styles: a screen-high table showing
 * one target made 17 rows and 51 cells, all in the pulse that showed the target. Capped at its rows'
 * height, the table makes a row per item (it still shrinks to the space it has, and scrolls); while
 * it is empty it may take all the space, for its placeholder.
 */
public final class TableFit {

    /** The height of a dense table's one-line row with the console's font and themes. */
    public static final double DENSE_ROW = 28;

    private final TableView<?> table;
    private final double rowHeight;
    private Region header;
    private ObservableList<?> watched;
    // Held by this object, which the table holds through its listeners: weakly held by the lists.
    private final InvalidationListener refit = o -> fit();
    private final InvalidationListener weakRefit = new WeakInvalidationListener(refit);

    private TableFit(TableView<?> table, double rowHeight) {
        this.table = table;
        this.rowHeight = rowHeight;
    }

    /** Rows of {@code rowHeight} pixels (a fixed cell size), and the table at most as tall as they are. */
    public static void toRows(TableView<?> table, double rowHeight) {
        TableFit fit = new TableFit(table, rowHeight);
        table.setFixedCellSize(rowHeight);
        table.getProperties().put(TableFit.class, fit);
        table.itemsProperty().addListener(o -> fit.watch());
        table.skinProperty().addListener(o -> fit.findHeader());
        table.insetsProperty().addListener(fit.refit);
        fit.watch();
        fit.findHeader();
    }

    private void watch() {
        if (watched != null) {
            watched.removeListener(weakRefit);
        }
        watched = table.getItems();
        if (watched != null) {
            watched.addListener(weakRefit);
        }
        fit();
    }

    private void findHeader() {
        if (header != null) {
            header.heightProperty().removeListener(refit);
        }
        Node found = table.getSkin() == null ? null : table.lookup(".column-header-background");
        header = found instanceof Region region ? region : null;
        if (header != null) {
            header.heightProperty().addListener(refit);
        }
        fit();
    }

    private void fit() {
        List<?> items = table.getItems();
        int rows = items == null ? 0 : items.size();
        if (rows == 0) {
            table.setMaxHeight(Double.MAX_VALUE);
            return;
        }
        Insets insets = table.getInsets();
        double headerHeight = header == null ? 0 : header.getHeight();
        table.setMaxHeight(insets.getTop() + insets.getBottom() + headerHeight + rows * rowHeight);
    }
}
