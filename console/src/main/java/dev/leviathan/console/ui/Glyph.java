package dev.leviathan.console.ui;

import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * Outline icons drawn on a 24×24 grid and stroked in the current text colour (CSS class
 * {@code glyph}), so they follow the theme. Drawn for Leviathan; no icon font is needed.
 */
public enum Glyph {
    /** A crosshair: a repository Leviathan aims at. */
    TARGET("M4,12 A8,8 0 1,0 20,12 A8,8 0 1,0 4,12 Z M9.5,12 A2.5,2.5 0 1,0 14.5,12 A2.5,2.5 0 1,0 9.5,12 Z"
            + " M12,1.5 V5.5 M12,18.5 V22.5 M1.5,12 H5.5 M18.5,12 H22.5"),
    /** Three linked nodes. */
    GRAPH("M3.5,6 A2.5,2.5 0 1,0 8.5,6 A2.5,2.5 0 1,0 3.5,6 Z M15.5,8 A2.5,2.5 0 1,0 20.5,8"
            + " A2.5,2.5 0 1,0 15.5,8 Z M7.5,18 A2.5,2.5 0 1,0 12.5,18 A2.5,2.5 0 1,0 7.5,18 Z"
            + " M8.5,6.4 L15.5,7.6 M6.8,8.3 L9.2,15.7 M16.5,10 L11.9,16.2"),
    /** A checklist. */
    BACKLOG("M3.5,4.5 H7.5 V8.5 H3.5 Z M10.5,6.5 H20.5 M3.5,10.5 H7.5 V14.5 H3.5 Z M10.5,12.5 H20.5"
            + " M3.5,16.5 H7.5 V20.5 H3.5 Z M10.5,18.5 H20.5"),
    /** A run: a play mark in a ring. */
    ATTEMPT("M3.5,12 A8.5,8.5 0 1,0 20.5,12 A8.5,8.5 0 1,0 3.5,12 Z M10,8.5 L15.5,12 L10,15.5 Z"),
    /** A pulse line: the live tail. */
    EVENTS("M2,12.5 H6.5 L9.5,5 L14.5,19.5 L17.5,12.5 H22"),
    /** A gauge with its needle. */
    GOVERNOR("M3.5,17 A8.5,8.5 0 1,1 20.5,17 M12,16 L16,9.5 M3.5,20.5 H20.5 M10.5,16 A1.5,1.5 0 1,0 13.5,16"
            + " A1.5,1.5 0 1,0 10.5,16 Z"),
    /** A container cube. */
    CLUSTER("M12,2.5 L20.5,7.25 V16.75 L12,21.5 L3.5,16.75 V7.25 Z M3.5,7.25 L12,12 L20.5,7.25 M12,12 V21.5"),
    /** A shield with a check mark. */
    AEGIS("M12,2.5 L19.5,5.5 V11 C19.5,16 16.5,19.8 12,21.5 C7.5,19.8 4.5,16 4.5,11 V5.5 Z"
            + " M8.5,12 L11,14.5 L15.5,9.5"),
    /** Two waves: the console's mark. */
    WAVES("M2.5,9.5 C5,6.5 8,6.5 10.5,9.5 C13,12.5 16,12.5 18.5,9.5 C19.5,8.5 20.5,8 21.5,8 M2.5,16"
            + " C5,13 8,13 10.5,16 C13,19 16,19 18.5,16 C19.5,15 20.5,14.5 21.5,14.5"),
    /** A half moon, for the dark theme switch. */
    MOON("M20,14.5 A8.5,8.5 0 1,1 9.5,4 A6.5,6.5 0 0,0 20,14.5 Z"),
    /** A chain link, for the chain status. */
    CHAIN("M10,14 L14,10 M8.5,11.5 L6.5,13.5 A3.2,3.2 0 0,0 11,18 L13,16 M15.5,12.5 L17.5,10.5 A3.2,3.2 0 0,0"
            + " 13,6 L11,8"),
    /** A database drum, for the store. */
    STORE("M4.5,6 C4.5,3.5 19.5,3.5 19.5,6 C19.5,8.5 4.5,8.5 4.5,6 Z M4.5,6 V18 C4.5,20.5 19.5,20.5 19.5,18"
            + " V6 M4.5,12 C4.5,14.5 19.5,14.5 19.5,12"),
    /** Three sliders, for settings. */
    SETTINGS("M4,6.5 H20 M4,12 H20 M4,17.5 H20 M6.5,6.5 A2,2 0 1,0 10.5,6.5 A2,2 0 1,0 6.5,6.5 Z"
            + " M13.5,12 A2,2 0 1,0 17.5,12 A2,2 0 1,0 13.5,12 Z M8,17.5 A2,2 0 1,0 12,17.5 A2,2 0 1,0 8,17.5 Z");

    private final String path;

    Glyph(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    /** The icon at {@code size} pixels square. */
    public Node node(double size) {
        SVGPath shape = new SVGPath();
        shape.setContent(path);
        shape.getStyleClass().add("glyph");
        shape.setStrokeLineCap(StrokeLineCap.ROUND);
        shape.setStrokeLineJoin(StrokeLineJoin.ROUND);
        shape.setScaleX(size / 24);
        shape.setScaleY(size / 24);
        // The pane reserves the scaled size; the shape keeps its 24-unit layout bounds, centred.
        StackPane box = new StackPane(shape);
        box.setMinSize(size, size);
        box.setPrefSize(size, size);
        box.setMaxSize(size, size);
        box.getStyleClass().add("glyph-box");
        return box;
    }
}
