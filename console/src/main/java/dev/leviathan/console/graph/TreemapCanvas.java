package dev.leviathan.console.graph;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/** Draws a {@link Treemap} of the shown commit's files; a click picks the file under the mouse. */
final class TreemapCanvas extends Region {

    private final Canvas canvas = new Canvas();
    private List<Treemap.Item> items = List.of();
    private List<Treemap.Cell> cells = List.of();
    private Consumer<String> onPick = id -> { };
    private Consumer<String> onHover = text -> { };

    TreemapCanvas() {
        getStyleClass().add("graph-canvas");
        setId("graph-treemap");
        getChildren().add(canvas);
        setMinSize(0, 0);
        backgroundProperty().addListener((o, was, now) -> draw());
        setOnMouseClicked(e -> {
            Treemap.Cell cell = fileAt(e.getX(), e.getY());
            if (cell != null) {
                onPick.accept(cell.nodeId());
            }
        });
        setOnMouseMoved(e -> {
            Treemap.Cell cell = fileAt(e.getX(), e.getY());
            onHover.accept(cell == null ? "" : cell.path() + " · " + bytes(cell.size())
                    + (cell.fileType() == null ? "" : " · " + cell.fileType()));
        });
    }

    void onPick(Consumer<String> handler) {
        onPick = handler;
    }

    void onHover(Consumer<String> handler) {
        onHover = handler;
    }

    void setItems(List<Treemap.Item> newItems) {
        items = newItems;
        // Colours by file type, largest total first, so the types that fill the map differ most.
        java.util.Map<String, Long> bytesByType = new java.util.HashMap<>();
        for (Treemap.Item item : items) {
            bytesByType.merge(typeOf(item.fileType()), item.size(), Long::sum);
        }
        colours.clear();
        bytesByType.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(java.util.Map.Entry.comparingByKey()))
                .forEach(e -> colours.put(e.getKey(), colours.size() < PALETTE.length
                        ? PALETTE[colours.size()] : Color.gray(0.6)));
        relayout();
    }

    /** File type → colour, in the order of the map's legend. */
    java.util.Map<String, Color> legend() {
        return java.util.Collections.unmodifiableMap(colours);
    }

    private static String typeOf(String fileType) {
        return fileType == null || fileType.isBlank() ? "other" : fileType;
    }

    private static final Color[] PALETTE = {Color.web("#6ea8fe"), Color.web("#f4a259"), Color.web("#7bc47f"),
        Color.web("#e07a9a"), Color.web("#b39ddb"), Color.web("#f2d16b"), Color.web("#5ec4c4"),
        Color.web("#c9a27e"), Color.web("#a0c4ff"), Color.web("#d9a5f5"), Color.web("#9ccc65"),
        Color.web("#ef9a9a")};

    private final java.util.Map<String, Color> colours = new java.util.LinkedHashMap<>();

    List<Treemap.Cell> cells() {
        return cells;
    }

    private Treemap.Cell fileAt(double x, double y) {
        Treemap.Cell found = null;
        for (Treemap.Cell cell : cells) {
            if (!cell.directory() && x >= cell.x() && y >= cell.y() && x < cell.x() + cell.w()
                    && y < cell.y() + cell.h()) {
                found = cell;
            }
        }
        return found;
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            relayout();
        }
    }

    private void relayout() {
        cells = Treemap.layout(items, canvas.getWidth(), canvas.getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        boolean dark = getBackground() != null && !getBackground().getFills().isEmpty()
                && getBackground().getFills().getFirst().getFill() instanceof Color c && c.getBrightness() < 0.5;
        Color text = dark ? Color.rgb(225, 230, 236) : Color.rgb(30, 34, 40);
        Color edge = dark ? Color.rgb(13, 17, 23) : Color.WHITE;
        gc.setTextBaseline(VPos.TOP);
        gc.setFont(Font.font(11));
        for (Treemap.Cell cell : cells) {
            if (cell.directory()) {
                gc.setFill(dark ? Color.rgb(255, 255, 255, 0.06 + 0.02 * cell.depth())
                        : Color.rgb(0, 0, 0, 0.05 + 0.02 * cell.depth()));
                gc.fillRect(cell.x(), cell.y(), cell.w(), cell.h());
                gc.setStroke(dark ? Color.rgb(255, 255, 255, 0.25) : Color.rgb(0, 0, 0, 0.25));
                gc.setLineWidth(1);
                gc.strokeRect(cell.x() + 0.5, cell.y() + 0.5, cell.w() - 1, cell.h() - 1);
                if (cell.h() > Treemap.HEADER * 2.5 && cell.w() > 40) {
                    gc.setFill(text);
                    fitText(gc, cell.label() + "  " + bytes(cell.size()), cell.x() + 4, cell.y() + 2, cell.w() - 8);
                }
            } else {
                gc.setFill(colours.getOrDefault(typeOf(cell.fileType()), Color.gray(0.6)));
                gc.fillRect(cell.x(), cell.y(), cell.w(), cell.h());
                gc.setStroke(edge);
                gc.setLineWidth(1);
                gc.strokeRect(cell.x(), cell.y(), cell.w(), cell.h());
                if (cell.w() > 46 && cell.h() > 16) {
                    gc.setFill(Color.rgb(20, 22, 26));
                    fitText(gc, cell.label(), cell.x() + 3, cell.y() + 2, cell.w() - 6);
                }
            }
        }
    }

    private static void fitText(GraphicsContext gc, String text, double x, double y, double width) {
        int chars = (int) (width / 6.2);
        if (chars < 3) {
            return;
        }
        gc.fillText(text.length() > chars ? text.substring(0, chars - 1) + "…" : text, x, y);
    }

    static String bytes(long size) {
        if (size < 1024) {
            return size + " B";
        }
        if (size < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", size / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", size / (1024.0 * 1024));
    }
}
