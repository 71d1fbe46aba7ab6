package dev.leviathan.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.console.ui.CellState;
import dev.leviathan.console.ui.CellTooltip;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a table's live refresh costs the FX thread with the two ways a cell can show its row's state:
 * toggling style classes and making a tooltip per update, or a pseudo-class and one tooltip per cell.
 * A benchmark, not a gate: prints FX-thread CPU per refresh of each, measured alternately in one process.
 */
class CellStyleBenchmarkTest {

    private static final int ROWS = 28;
    private static final int ROUNDS = 30;
    private static final String[] STATES = {"succeeded", "failed", "invalidated"};

    record Row(int n, String state) {
    }

    @Test
    void pseudoClassesAndOneTooltipPerCellCostLessThanStyleClassesAndNewTooltips() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        ObservableList<Row> classItems = FXCollections.observableArrayList();
        ObservableList<Row> pseudoItems = FXCollections.observableArrayList();
        TableView<Row> classes = table(classItems, StyleClassCell::new);
        TableView<Row> pseudo = table(pseudoItems, PseudoClassCell::new);
        FxThreadWatchdogExtension.watchdog().unwatched(() -> FxToolkit.setupFixture(() -> {
            // Building the window is a one-off, not what is measured.
            // The console's theme: the cost of restyling grows with the stylesheet's rules.
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight()
                    .getUserAgentStylesheet());
            stage.setScene(new Scene(new HBox(classes, pseudo), 1240, 760));
            stage.show();
            return stage;
        }));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[2];
        // The refreshes run on the FX thread by design: the watchdog would count them as the console's.
        FxThreadWatchdogExtension.watchdog().unwatched(() -> {
            refresh(classItems, pseudoItems, classes, pseudo, threads, cpu);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        System.out.printf(Locale.ROOT, "[leviathan bench] table refresh, %d rows: style classes + new tooltips %.2f ms,"
                + " pseudo-classes + one tooltip %.2f ms (ratio %.2f)%n", ROWS, cpu[0] / 1e6 / ROUNDS,
                cpu[1] / 1e6 / ROUNDS, (double) cpu[0] / cpu[1]);
        assertThat(pseudo.lookupAll(".table-cell").stream()
                .anyMatch(n -> n.getPseudoClassStates().contains(PseudoClass.getPseudoClass("failed")))).isTrue();
        FxToolkit.setupFixture(stage::hide);
    }

    private static void refresh(ObservableList<Row> classItems, ObservableList<Row> pseudoItems,
            TableView<Row> classes, TableView<Row> pseudo, ThreadMXBean threads, long[] cpu) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            int r = round;
            FxToolkit.setupFixture(() -> {
                List<Row> rows = new ArrayList<>();
                for (int i = 0; i < ROWS; i++) {
                    rows.add(new Row(i + r, STATES[(i + r) % STATES.length]));
                }
                for (int which : r % 2 == 0 ? new int[] {0, 1} : new int[] {1, 0}) {
                    long start = threads.getCurrentThreadCpuTime();
                    (which == 0 ? classItems : pseudoItems).setAll(rows);
                    TableView<Row> table = which == 0 ? classes : pseudo;
                    table.applyCss();
                    table.layout();
                    cpu[which] += threads.getCurrentThreadCpuTime() - start;
                }
            });
        }
    }

    private static TableView<Row> table(ObservableList<Row> items, Supplier<TableCell<Row, String>> cell) {
        TableView<Row> table = new TableView<>(items);
        for (int c = 0; c < 6; c++) {
            int column = c;
            TableColumn<Row, String> col = new TableColumn<>("c" + c);
            col.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(column == 0 ? f.getValue().state()
                    : "row " + f.getValue().n() + " col " + column));
            col.setCellFactory(x -> cell.get());
            col.setPrefWidth(100);
            table.getColumns().add(col);
        }
        table.setPrefHeight(750);
        return table;
    }

    /** The console's way before: style classes toggled and a tooltip made on every update. */
    static final class StyleClassCell extends TableCell<Row, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            getStyleClass().removeAll("state-succeeded", "state-failed", "state-invalidated");
            if (!empty && item != null && !item.startsWith("row")) {
                getStyleClass().add("state-" + item);
            }
            setTooltip(empty || item == null ? null : new Tooltip(item));
        }
    }

    /** The console's way: {@link CellState} and {@link CellTooltip}. */
    static final class PseudoClassCell extends TableCell<Row, String> {
        private static final CellState STATE = CellState.of(STATES);
        private final CellTooltip tooltip = new CellTooltip();

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            STATE.show(this, empty || !STATE.has(item) ? null : item);
            tooltip.show(this, empty ? null : item);
        }
    }
}
