package dev.leviathan.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.effect.DropShadow;
import javafx.scene.effect.Effect;
import javafx.scene.effect.InnerShadow;
import javafx.scene.shape.SVGPath;
import javafx.scene.text.Text;

/**
 * The value of every CSS property of every node under a root, skins' nodes included, keyed by the
 * node's place in the tree: what two ways of styling the same scene can be compared by.
 */
final class StyleSnapshot {

    private StyleSnapshot() {
    }

    /** Call on the FX thread, after the scene's CSS has been applied. */
    static Map<String, Object> of(Parent root) {
        Map<String, Object> values = new LinkedHashMap<>();
        collect(root, root.getClass().getSimpleName(), values);
        return values;
    }

    /** Each property whose value differs, as "node property: first / second". */
    static List<String> differences(Map<String, Object> first, Map<String, Object> second) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, Object> entry : first.entrySet()) {
            Object other = second.get(entry.getKey());
            if (!Objects.equals(comparable(entry.getValue()), comparable(other))) {
                found.add(entry.getKey() + ": " + entry.getValue() + " / " + other);
            }
        }
        second.keySet().stream().filter(key -> !first.containsKey(key)).forEach(key -> found.add(key + ": only second"));
        return found;
    }

    private static void collect(Node node, String path, Map<String, Object> values) {
        if (node instanceof Text text) {
            // A label's text node reports its CSS through mirrors of the label's properties, which are
            // compared on the label: what counts here is what it draws with.
            values.put(path + " fill", text.getFill());
            values.put(path + " font", text.getFont());
        }
        boolean mirrors = node.getClass().getName().equals("com.sun.javafx.scene.control.LabeledText");
        // A busy spinner's segments fade by animation, not by style.
        boolean animated = path.contains("IndeterminateSpinner");
        for (CssMetaData<? extends Styleable, ?> meta : mirrors ? List.<CssMetaData<? extends Styleable, ?>>of()
                : node.getCssMetaData()) {
            if (animated && meta.getProperty().equals("-fx-opacity")) {
                continue;
            }
            @SuppressWarnings("unchecked")
            CssMetaData<Styleable, ?> own = (CssMetaData<Styleable, ?>) meta;
            StyleableProperty<?> property = own.getStyleableProperty(node);
            if (property != null) {
                values.put(path + " " + meta.getProperty(), property.getValue());
            }
        }
        if (node instanceof Parent parent) {
            List<Node> children = parent.getChildrenUnmodifiable();
            for (int i = 0; i < children.size(); i++) {
                Node child = children.get(i);
                String name = child.getId() != null ? "#" + child.getId()
                        : child.getClass().getSimpleName() + String.join("", child.getStyleClass().stream()
                                .map(c -> "." + c).toList());
                collect(child, path + " > " + i + ":" + name, values);
            }
        }
    }

    /** Effects have no equality of their own: they are compared by what they draw. */
    private static Object comparable(Object value) {
        if (value instanceof DropShadow s) {
            return List.of("drop", s.getBlurType(), s.getColor(), s.getRadius(), s.getSpread(), s.getOffsetX(),
                    s.getOffsetY());
        }
        if (value instanceof InnerShadow s) {
            return List.of("inner", s.getBlurType(), s.getColor(), s.getRadius(), s.getChoke(), s.getOffsetX(),
                    s.getOffsetY());
        }
        if (value instanceof Effect effect) {
            return effect.getClass().getName();
        }
        if (value instanceof SVGPath path) {
            return path.getContent();
        }
        if (value instanceof Object[] array) {
            return java.util.Arrays.asList(array);
        }
        return value;
    }
}
