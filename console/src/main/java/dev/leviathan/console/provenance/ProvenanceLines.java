package dev.leviathan.console.provenance;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * A provenance chain as the screens show it, one line per link: what it is, which one, its state as
 * a badge, and what else is known. The Events screen and the Graph's node detail both use it.
 */
public final class ProvenanceLines {

    private ProvenanceLines() {
    }

    public static List<Node> of(Provenance chain) {
        return lines(chain, 130, true);
    }

    /** For a narrow pane: a shorter first column, and each link's detail wrapped on a line of its own. */
    public static List<Node> compact(Provenance chain) {
        return lines(chain, 96, false);
    }

    private static List<Node> lines(Provenance chain, double kindWidth, boolean withDetail) {
        List<Node> lines = new ArrayList<>();
        boolean first = true;
        for (Provenance.Step step : chain.steps()) {
            Label kind = new Label((first ? "" : "→ ") + kindName(step.kind()));
            kind.setMinWidth(kindWidth);
            kind.getStyleClass().add(Styles.TEXT_MUTED);
            Label id = new Label(step.id());
            id.getStyleClass().add("mono");
            // In a narrow pane a long id gives way (ellipsis) so the state beside it stays in view.
            id.setMinWidth(withDetail ? Region.USE_PREF_SIZE : 40);
            Label state = new Label(step.state());
            state.getStyleClass().addAll("badge", switch (step.state()) {
                case "merged", "approved", "succeeded", "completed" -> "badge-success";
                case "failed", "revoked", "closed", "invalidated" -> "badge-danger";
                default -> "badge-muted";
            });
            state.setMinWidth(Region.USE_PREF_SIZE);
            state.setVisible(!step.state().isEmpty());
            state.setManaged(!step.state().isEmpty());
            HBox line = new HBox(8, kind, id, state);
            Label detail = new Label(step.detail());
            detail.getStyleClass().add(Styles.TEXT_MUTED);
            if (withDetail) {
                line.getChildren().add(detail);
            }
            line.setAlignment(Pos.CENTER_LEFT);
            line.getStyleClass().add("provenance-step");
            lines.add(line);
            if (!withDetail && !step.detail().isEmpty()) {
                detail.setWrapText(true);
                detail.getStyleClass().addAll(Styles.TEXT_SMALL, "provenance-detail");
                detail.setPadding(new javafx.geometry.Insets(0, 0, 2, kindWidth + 8));
                lines.add(detail);
            }
            first = false;
        }
        return lines;
    }

    private static String kindName(Provenance.Kind kind) {
        return switch (kind) {
            case TASK -> "task";
            case APPROVAL -> "approval";
            case ATTEMPT -> "attempt";
            case JOB -> "job";
            case DIFF -> "diff";
            case PULL_REQUEST -> "pull request";
            case MERGE -> "merge";
        };
    }
}
