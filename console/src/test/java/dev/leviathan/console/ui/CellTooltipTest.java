package dev.leviathan.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.event.Event;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class CellTooltipTest {

    @Test
    void makesTheTooltipOnFirstHoverAndThenFollowsTheText() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            Label cell = new Label();
            CellTooltip tooltip = new CellTooltip();

            tooltip.show(cell, "first");
            assertThat(cell.getTooltip()).as("no tooltip before the pointer comes").isNull();

            enter(cell);
            assertThat(cell.getTooltip().getText()).isEqualTo("first");
            var made = cell.getTooltip();

            tooltip.show(cell, "second");
            assertThat(cell.getTooltip()).isSameAs(made);
            assertThat(made.getText()).isEqualTo("second");

            tooltip.show(cell, "");
            assertThat(cell.getTooltip()).isNull();
            tooltip.show(cell, "third");
            assertThat(cell.getTooltip()).isSameAs(made);
            assertThat(made.getText()).isEqualTo("third");

            tooltip.show(cell, null);
            enter(cell);
            assertThat(cell.getTooltip()).isNull();
        });
    }

    private static void enter(Label cell) {
        Event.fireEvent(cell, new MouseEvent(MouseEvent.MOUSE_ENTERED, 1, 1, 1, 1, MouseButton.NONE, 0, false,
                false, false, false, false, false, false, false, false, false, null));
    }
}
