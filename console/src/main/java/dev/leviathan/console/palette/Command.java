package dev.leviathan.console.palette;

import java.util.Objects;
import java.util.Optional;
import javafx.scene.input.KeyCombination;

/**
 * One thing the command palette (Ctrl+K) can do: go to a screen, switch the theme, or one of a
 * screen's own actions. Running it does exactly what the matching button or shortcut does.
 *
 * @param id       stable, unique name, e.g. {@code go.targets} or {@code governor.dry-run}
 * @param title    what the palette lists, as an imperative: "Dry-run schedule"
 * @param group    where it belongs, shown beside the title: "Go to", "Governor"
 * @param keywords more words the filter matches, e.g. "open preferences"
 * @param shortcut the key that does the same outside the palette, if any
 * @param action   runs on the FX thread; long work goes to the background as the button's would
 */
public record Command(String id, String title, String group, String keywords, Optional<KeyCombination> shortcut,
        Runnable action) {

    public Command {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        group = group == null ? "" : group;
        keywords = keywords == null ? "" : keywords;
        shortcut = shortcut == null ? Optional.empty() : shortcut;
        Objects.requireNonNull(action, "action");
    }

    public static Command of(String id, String title, String group, String keywords, Runnable action) {
        return new Command(id, title, group, keywords, Optional.empty(), action);
    }

    /** The same command, doing {@code before} first (the shell shows the command's screen). */
    public Command after(Runnable before) {
        return new Command(id, title, group, keywords, shortcut, () -> {
            before.run();
            action.run();
        });
    }
}
