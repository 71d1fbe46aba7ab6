package dev.leviathan.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.console.FxThreadWatchdogExtension;

import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class TableFitTest {

    private Stage stage;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        onFx(() -> stage.close());
    }

    @Test
    void aTableWithOneItemMakesOneRowNotAScreenfulOfEmptyOnes() throws Exception {
        // How many empty rows fill 400 px depends on the theme earlier tests left set: at least five.
        assertThat(rowsShown(false, 1)).isGreaterThanOrEqualTo(5);
        assertThat(rowsShown(true, 1)).isLessThanOrEqualTo(2);
    }

    @Test
    void aLongListStillFillsTheSpaceAndScrolls() throws Exception {
        // 400 px less the header: about thirteen rows of 28 px, whatever the list's length.
        int rows = rowsShown(true, 200);
        assertThat(rows).isBetween(12, 16);
        assertThat(height.get()).isEqualTo(400.0);
    }

    @Test
    void anEmptyTableTakesTheSpaceForItsPlaceholder() throws Exception {
        rowsShown(true, 0);
        assertThat(height.get()).isEqualTo(400.0);
    }

    @Test
    void itFollowsItemsAddedAndAReplacedList() throws Exception {
        AtomicReference<double[]> heights = new AtomicReference<>();
        onFx(() -> {
            TableView<String> table = table(1);
            TableFit.toRows(table, TableFit.DENSE_ROW);
            show(table);
            double one = table.getHeight();
            table.getItems().add("second");
            table.getParent().layout();
            double two = table.getHeight();
            table.setItems(FXCollections.observableArrayList("a", "b", "c"));
            table.getParent().layout();
            double three = table.getHeight();
            heights.set(new double[] {one, two, three});
        });
        double[] h = heights.get();
        assertThat(h[1] - h[0]).isEqualTo(TableFit.DENSE_ROW);
        assertThat(h[2] - h[1]).isEqualTo(TableFit.DENSE_ROW);
    }

    private final AtomicReference<Double> height = new AtomicReference<>();

    private int rowsShown(boolean fit, int items) throws Exception {
        AtomicReference<Integer> rows = new AtomicReference<>();
        onFx(() -> {
            TableView<String> table = table(items);
            if (fit) {
                TableFit.toRows(table, TableFit.DENSE_ROW);
            }
            show(table);
            rows.set(table.lookupAll(".table-row-cell").size());
            height.set(table.getHeight());
        });
        return rows.get();
    }

    /** Building and showing windows is not what the tests measure: the watchdog looks away. */
    private static void onFx(Runnable work) throws Exception {
        FxThreadWatchdogExtension.watchdog().unwatched(() -> {
            FxToolkit.setupFixture(work);
            return null;
        });
    }

    private static TableView<String> table(int items) {
        TableView<String> table = new TableView<>(FXCollections.observableArrayList());
        for (int i = 0; i < items; i++) {
            table.getItems().add("item " + i);
        }
        for (int i = 0; i < 3; i++) {
            TableColumn<String, String> column = new TableColumn<>("column " + i);
            column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
            table.getColumns().add(column);
        }
        return table;
    }

    private void show(TableView<String> table) {
        VBox box = new VBox(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        stage = new Stage();
        stage.setScene(new Scene(box, 600, 400));
        stage.show();
        box.applyCss();
        box.layout();
        // The header's height is known after the first layout: the table is fitted to it in the second.
        box.layout();
    }
}
