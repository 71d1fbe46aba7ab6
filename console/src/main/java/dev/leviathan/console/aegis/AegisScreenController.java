package dev.leviathan.console.aegis;

import dev.leviathan.console.ui.ScreenController;
import dev.leviathan.simulator.ui.AegisPlaceholderView;
import javafx.scene.Node;

/** The AEGIS screen: the simulator UI's view, embedded. Until the simulator lands, its empty state. */
public final class AegisScreenController implements ScreenController {

    private final AegisPlaceholderView view = new AegisPlaceholderView();

    @Override
    public Node view() {
        return view.root();
    }

    @Override
    public void onActivate() {
        // The placeholder binds nothing.
    }

    @Override
    public void onDeactivate() {
    }
}
