package dev.leviathan.console.palette;

import dev.leviathan.console.ui.FxThreadWatchdog;
import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * The command palette (Ctrl+K): an overlay with a search field over the list of commands. Typing
 * filters, the arrow keys move, Enter runs the selected command and closes, Esc closes. Filtering
 * a few dozen titles is done on the FX thread; the commands themselves hand long work to the
 * background as their buttons do.
 */
public final class PaletteController {

    private final Supplier<CommandRegistry> registry;
    private final PaletteModel model = new PaletteModel();
    private final PaletteView view;
    private boolean openedBefore;

    /** @param registry the commands as they are now, asked each time the palette opens */
    public PaletteController(Supplier<CommandRegistry> registry) {
        this.registry = registry;
        this.view = new PaletteView(this, model);
        model.query.addListener((o, was, now) -> filter());
    }

    public Node view() {
        return view.root();
    }

    public PaletteModel model() {
        return model;
    }

    public boolean isOpen() {
        return model.open.get();
    }

    public void open() {
        if (model.open.get()) {
            view.focusSearch();
            return;
        }
        Runnable show = () -> {
            model.query.set("");
            filter();
            model.open.set(true);
            view.focusSearch();
        };
        if (openedBefore) {
            show.run();
        } else {
            // The first showing styles and lays out the list and its cells once.
            openedBefore = true;
            FxThreadWatchdog.oneOff(show);
        }
    }

    public void close() {
        model.open.set(false);
    }

    void onQuery() {
        filter();
    }

    void onMove(int delta) {
        int size = model.matches.size();
        if (size == 0) {
            model.selected.set(-1);
            return;
        }
        int next = Math.floorMod(model.selected.get() + delta, size);
        model.selected.set(next);
    }

    void onSelect(int index) {
        if (index >= 0 && index < model.matches.size()) {
            model.selected.set(index);
        }
    }

    /** Runs the selected command; the palette closes first so the command's screen has the focus. */
    void onRun() {
        int index = model.selected.get();
        if (index < 0 || index >= model.matches.size()) {
            return;
        }
        Command command = model.matches.get(index);
        close();
        command.action().run();
    }

    void onClose() {
        close();
    }

    private void filter() {
        CommandRegistry commands = registry.get();
        model.matches.setAll(commands.matching(model.query.get()));
        model.selected.set(model.matches.isEmpty() ? -1 : 0);
    }
}
