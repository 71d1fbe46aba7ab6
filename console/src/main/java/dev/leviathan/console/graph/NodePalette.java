package dev.leviathan.console.graph;

import dev.leviathan.engine.graph.NodeType;
import java.util.EnumMap;
import java.util.Map;
import javafx.scene.paint.Color;

/** One colour per node type, mid-tone so it reads on the light and the dark theme alike. */
final class NodePalette {

    private static final Map<NodeType, Color> COLOURS = new EnumMap<>(NodeType.class);

    static {
        COLOURS.put(NodeType.TARGET, Color.web("#e5534b"));
        COLOURS.put(NodeType.COMMIT, Color.web("#986ee2"));
        COLOURS.put(NodeType.FILE, Color.web("#4493f8"));
        COLOURS.put(NodeType.DOC, Color.web("#3fb950"));
        COLOURS.put(NodeType.WORKFLOW, Color.web("#d29922"));
        COLOURS.put(NodeType.API_ROUTE, Color.web("#db61a2"));
        COLOURS.put(NodeType.TASK, Color.web("#f0883e"));
        COLOURS.put(NodeType.APPROVAL, Color.web("#2f9e6e"));
        COLOURS.put(NodeType.ATTEMPT, Color.web("#1bb3b3"));
        COLOURS.put(NodeType.ARTIFACT, Color.web("#8b949e"));
        COLOURS.put(NodeType.PULL_REQUEST, Color.web("#c04f9c"));
        COLOURS.put(NodeType.JOB, Color.web("#7d8cf0"));
    }

    private NodePalette() {
    }

    static Color colour(NodeType type) {
        return COLOURS.get(type);
    }

    /** Premultiplied opaque ARGB, for the bitmap drawn at low zoom. */
    static int argb(NodeType type) {
        Color c = COLOURS.get(type);
        return 0xff000000 | ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }

}
