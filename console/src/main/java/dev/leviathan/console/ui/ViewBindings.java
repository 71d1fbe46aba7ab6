package dev.leviathan.console.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.Property;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/**
 * The bindings a view makes while its screen is shown, so that {@link #releaseAll()} undoes all of
 * them when the screen is hidden and a hidden view holds no listeners on its model.
 */
public final class ViewBindings {

    private final List<Runnable> releases = new ArrayList<>();

    public <T> void bind(Property<T> target, ObservableValue<? extends T> source) {
        target.bind(source);
        releases.add(target::unbind);
    }

    public <T> void bindBidirectional(Property<T> target, Property<T> source) {
        target.bindBidirectional(source);
        releases.add(() -> target.unbindBidirectional(source));
    }

    /** Calls {@code listener} now with the current value and on every change until released. */
    public <T> void follow(ObservableValue<T> source, java.util.function.Consumer<? super T> listener) {
        ChangeListener<T> change = (observable, before, after) -> listener.accept(after);
        source.addListener(change);
        listener.accept(source.getValue());
        releases.add(() -> source.removeListener(change));
    }

    /** Registers any other undo step (e.g. detaching a table's items). */
    public void onRelease(Runnable release) {
        releases.add(release);
    }

    public void releaseAll() {
        for (int i = releases.size() - 1; i >= 0; i--) {
            releases.get(i).run();
        }
        releases.clear();
    }
}
