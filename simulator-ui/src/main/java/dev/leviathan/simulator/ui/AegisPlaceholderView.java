package dev.leviathan.simulator.ui;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.TextAlignment;

/**
 * The AEGIS screen until the simulator lands: what it will show and what the operator can do
 * today. The console embeds {@link #root()}; no run data is invented.
 */
public final class AegisPlaceholderView {

    /** A shield with a check mark, on a 24×24 grid. */
    private static final String SHIELD = "M12,2.5 L19.5,5.5 V11 C19.5,16 16.5,19.8 12,21.5 C7.5,19.8 4.5,16"
            + " 4.5,11 V5.5 Z M8.5,12 L11,14.5 L15.5,9.5";

    private final BorderPane root = new BorderPane();

    public AegisPlaceholderView() {
        root.setId("aegis-screen");
        root.getStyleClass().add("screen");
        Label title = new Label("AEGIS");
        title.getStyleClass().add(Styles.TITLE_2);
        Label status = new Label("Screen not in this build");
        status.getStyleClass().addAll("badge", "badge-muted");
        VBox header = new VBox(6, title, status);
        header.setPadding(new Insets(0, 0, 16, 0));
        root.setTop(header);
        root.setCenter(emptyState());
    }

    public Node root() {
        return root;
    }

    private static Node emptyState() {
        SVGPath shield = new SVGPath();
        shield.setContent(SHIELD);
        shield.setStyle("-fx-fill: transparent; -fx-stroke: -color-fg-muted; -fx-stroke-width: 1.5;");
        shield.setStrokeLineCap(StrokeLineCap.ROUND);
        shield.setStrokeLineJoin(StrokeLineJoin.ROUND);
        shield.setScaleX(44 / 24.0);
        shield.setScaleY(44 / 24.0);
        StackPane icon = new StackPane(shield);
        icon.setMinSize(44, 44);
        icon.setPrefSize(44, 44);
        icon.setMaxSize(44, 44);

        Label heading = new Label("No AEGIS run yet");
        heading.getStyleClass().add(Styles.TITLE_3);
        heading.setId("empty-state-title");
        Label what = centred("AEGIS-K8s runs a simulated Kubernetes cluster under chaos, operated by an AI SRE."
                + " This screen will list scenarios and show a run live: the cluster, the plan tournament,"
                + " each plan's shadow outcomes, the Pareto front, beliefs and reflections, and any recorded"
                + " run again with a scrubber.");
        Label now = centred("The simulator already runs from a terminal: run a scenario with"
                + " leviathanctl aegis run --scenario scenarios/smoke/01-smoke-oom-storm.yaml, score a suite with"
                + " leviathanctl aegis eval --suite scenarios/full --baselines. Recorded runs are aegis.run.* events"
                + " on the Events screen (Ctrl+5); leviathanctl aegis replay RUN checks one tick by tick.");
        now.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(12, icon, heading, what, now);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(560);
        box.getStyleClass().add("empty-state");
        return box;
    }

    private static Label centred(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setTextAlignment(TextAlignment.CENTER);
        label.setAlignment(Pos.CENTER);
        return label;
    }
}
