package dev.leviathan.console.planned;

import dev.leviathan.console.ui.ScreenController;
import javafx.scene.Node;

/** A screen whose engine feature has not landed: it asks nothing of the engine. */
public final class PlannedScreenController implements ScreenController {

    private final PlannedScreenView view;

    public PlannedScreenController(PlannedScreen screen) {
        this.view = new PlannedScreenView(new PlannedScreenModel(screen));
    }

    @Override
    public Node view() {
        return view.root();
    }

    @Override
    public void onActivate() {
        // Static texts: nothing to bind.
    }

    @Override
    public void onDeactivate() {
    }
}
