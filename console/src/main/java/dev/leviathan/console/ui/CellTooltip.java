package dev.leviathan.console.ui;

import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * The tooltip of a control whose text changes, a reused table cell or a detail label. The
 * {@link Tooltip} is made the first time the pointer enters the control and then kept, its text
 * changed on each update: making one sets up a popup window styled from scratch (a third of the FX
 * thread's time when a table first fills its rows), and most cells are never hovered; a new one per
 * update would pay that on every refresh of a live table.
 */
public final class CellTooltip {

    private Tooltip tooltip;
    private String text;
    private boolean watching;

    /** Shows {@code text} on hover over {@code cell}; none when it is null or empty. */
    public void show(Control cell, String text) {
        this.text = text == null || text.isEmpty() ? null : text;
        if (!watching) {
            watching = true;
            // A filter, so the tooltip is in place before its own handlers see the pointer.
            cell.addEventFilter(MouseEvent.MOUSE_ENTERED, e -> attach(cell));
        }
        if (tooltip != null) {
            attach(cell);
        }
    }

    private void attach(Control cell) {
        if (text == null) {
            cell.setTooltip(null);
            return;
        }
        if (tooltip == null) {
            tooltip = new Tooltip();
        }
        tooltip.setText(text);
        cell.setTooltip(tooltip);
    }
}
