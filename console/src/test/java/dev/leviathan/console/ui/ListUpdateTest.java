package dev.leviathan.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.console.FxThreadWatchdogExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxToolkit;

class ListUpdateTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "a b c     | a b c",
        "a b c     | a b c d",
        "a b c     | x a b c",
        "a b c     | a x b c",
        "a b c     | a c",
        "a b c     | a B c",
        "a b c     | A B C",
        "a b c     | x y",
        "a b c     | ''",
        "''        | a b",
        "a b c d e | a x y e",
        "a a a     | a a",
    })
    void endsEqualToTheNewContentWithoutAReplacedChange(String before, String after) {
        ObservableList<String> items = FXCollections.observableArrayList(words(before));
        List<String> next = words(after);
        List<ListChangeListener.Change<? extends String>> changes = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        items.addListener((ListChangeListener<String>) change -> {
            while (change.next()) {
                if (change.wasReplaced()) {
                    replaced.add(change.toString());
                }
            }
            changes.add(change);
        });

        ListUpdate.to(items, next);

        assertThat(items).containsExactlyElementsOf(next);
        assertThat(replaced).isEmpty();
        if (words(before).equals(next)) {
            assertThat(changes).isEmpty();
        }
    }

    @Test
    void oneChangedRowKeepsTheOthersAndTheirPlaces() {
        ObservableList<String> items = FXCollections.observableArrayList("a", "b", "c", "d");
        List<Integer> touched = new ArrayList<>();
        items.addListener((ListChangeListener<String>) change -> {
            while (change.next()) {
                touched.add(change.getFrom());
            }
        });

        ListUpdate.to(items, List.of("a", "b", "C", "d"));

        assertThat(items).containsExactly("a", "b", "C", "d");
        assertThat(touched).containsOnly(2);
    }

    @Test
    void aListThatChangedThroughoutIsReplacedInTwoEditsNotRowByRow() {
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            before.add("line " + i);
            after.add("other line " + i);
        }
        ObservableList<String> items = FXCollections.observableArrayList(before);
        AtomicInteger changes = new AtomicInteger();
        items.addListener((ListChangeListener<String>) change -> changes.incrementAndGet());

        ListUpdate.to(items, after);

        assertThat(items).containsExactlyElementsOf(after);
        assertThat(changes.get()).isLessThanOrEqualTo(2);
    }

    /**
     * Why the class exists: when one row of a shown table changes, few cells are updated through
     * {@link ListUpdate}, where {@code setAll} of the same content updates every row's.
     */
    @Test
    void aTableUpdatesOnlyTheChangedRowWhereSetAllUpdatesEvery() throws Exception {
        FxToolkit.registerPrimaryStage();
        // A window of its own: the primary stage keeps the size of its first scene for the console
        // tests that follow.
        Stage stage = FxToolkit.setupFixture(() -> new Stage());
        AtomicInteger updates = new AtomicInteger();
        ObservableList<String> items = FXCollections.observableArrayList();
        TableView<String> table = new TableView<>(items);
        for (int c = 0; c < 3; c++) {
            TableColumn<String, String> column = new TableColumn<>("c" + c);
            column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
            column.setCellFactory(x -> new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                    if (!empty) {
                        updates.incrementAndGet();
                    }
                }
            });
            table.getColumns().add(column);
        }
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add("row " + i);
        }
        // Building the window is not what is measured.
        FxThreadWatchdogExtension.watchdog().unwatched(() -> FxToolkit.setupFixture(() -> {
            stage.setScene(new Scene(table, 600, 400));
            stage.show();
            items.setAll(rows);
            table.layout();
            return stage;
        }));

        int[] counted = new int[2];
        for (int which = 0; which < 2; which++) {
            List<String> oneChanged = new ArrayList<>(rows);
            oneChanged.set(5, "row 5, change " + which);
            boolean setAll = which == 1;
            updates.set(0);
            FxToolkit.setupFixture(() -> {
                if (setAll) {
                    items.setAll(oneChanged);
                } else {
                    ListUpdate.to(items, oneChanged);
                }
                table.layout();
            });
            counted[which] = updates.get();
            assertThat(table.lookupAll(".table-cell").stream().map(n -> ((TableCell<?, ?>) n).getText()))
                    .contains("row 5, change " + which);
        }
        FxToolkit.setupFixture(stage::close);

        // setAll updates every shown row's cells (how many rows show depends on the window the
        // toolkit gives); the edits those of the changed row and, depending on the skin's state, a
        // few beside it (3 alone, 9 after other tests in one JVM).
        assertThat(counted[1]).as("cells updated by setAll").isGreaterThanOrEqualTo(6 * 3);
        assertThat(counted[0]).as("cells updated through ListUpdate").isGreaterThanOrEqualTo(3)
                .isLessThan(counted[1] / 2);
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
    }
}
