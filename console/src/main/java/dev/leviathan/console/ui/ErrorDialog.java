package dev.leviathan.console.ui;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;

/**
 * The dialog a screen shows when the engine refuses or fails an operator's action: the engine's
 * message as it is, never a stack trace. Shown without waiting, as it is opened from a
 * background result or a model listener rather than from an event handler.
 */
public final class ErrorDialog {

    private static boolean shownBefore;

    private ErrorDialog() {
    }

    /**
     * @param anchor    a node of the screen; its window owns the dialog
     * @param messageId the id of the label holding {@code message}; the OK button's is
     *                  {@code messageId + "-ok"}
     */
    public static Alert show(Node anchor, String title, String message, String messageId, double width) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (anchor.getScene() != null) {
            alert.initOwner(anchor.getScene().getWindow());
        }
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label text = new Label(message);
        text.setId(messageId);
        text.setWrapText(true);
        text.setMaxWidth(width);
        text.setPrefWidth(width);
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().lookupButton(ButtonType.OK).setId(messageId + "-ok");
        if (shownBefore) {
            alert.show();
        } else {
            // The first dialog of the session loads and styles JavaFX's dialog classes once.
            shownBefore = true;
            FxThreadWatchdog.oneOff(alert::show);
        }
        return alert;
    }
}
