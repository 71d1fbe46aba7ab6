package dev.leviathan.console.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Node;

/**
 * Exclusive states a table or list cell shows as pseudo-classes ({@code .table-cell:status-failed}),
 * at most one at a time. Cells are reused for every row they scroll past and every refresh of a live
 * list: changing a style class makes JavaFX match the cell's whole subtree against the stylesheet
 * again, while a pseudo-class that does not change costs nothing and one that does only restyles.
 * Measured by {@code CellStyleBenchmarkTest}.
 */
public final class CellState {

    private final Map<String, PseudoClass> states = new LinkedHashMap<>();

    private CellState(String... names) {
        for (String name : names) {
            states.put(name, PseudoClass.getPseudoClass(name));
        }
    }

    public static CellState of(String... names) {
        return new CellState(names);
    }

    public boolean has(String name) {
        return states.containsKey(name);
    }

    /** Shows {@code name} (one of this set's names, or null for none) and clears the others. */
    public void show(Node cell, String name) {
        if (name != null && !states.containsKey(name)) {
            throw new IllegalArgumentException("no cell state " + name + " in " + states.keySet());
        }
        states.forEach((state, pseudoClass) -> cell.pseudoClassStateChanged(pseudoClass, state.equals(name)));
    }
}
