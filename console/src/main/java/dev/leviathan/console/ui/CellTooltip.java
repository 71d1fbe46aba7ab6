package dev.leviathan.console.ui;

import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;

/**
 * One tooltip for a reused cell, its text changed on each update: a new {@link Tooltip} per update
 * sets up a popup window each time a live table refreshes.
 */
public final class CellTooltip {

    private final Tooltip tooltip = new Tooltip();

    /** Shows {@code text} on hover over {@code cell}; none when it is null or empty. */
    public void show(Control cell, String text) {
        if (text == null || text.isEmpty()) {
            cell.setTooltip(null);
            return;
        }
        tooltip.setText(text);
        cell.setTooltip(tooltip);
    }
}
