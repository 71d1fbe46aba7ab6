package dev.leviathan.console.planned;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** Which planned screen this is; its texts do not change while the console runs. */
public final class PlannedScreenModel {

    private final ReadOnlyObjectWrapper<PlannedScreen> screen;

    PlannedScreenModel(PlannedScreen screen) {
        this.screen = new ReadOnlyObjectWrapper<>(screen);
    }

    public ReadOnlyObjectProperty<PlannedScreen> screen() {
        return screen.getReadOnlyProperty();
    }
}
