package dev.leviathan.console.settings;

import dev.leviathan.engine.settings.SettingsEnvironment;
import dev.leviathan.engine.settings.SavedSettings;
import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.event.ChainHead;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.JooqEventStore;
import dev.leviathan.engine.event.StoreDescription;
import dev.leviathan.engine.event.StoreSettings;
import java.util.Map;
import java.util.Optional;

/**
 * Tests a store before it is saved: opens it exactly as the console would on its next start
 * ({@link StoreSettings#fromEnvironment} over the settings, then {@link JooqEventStore#open}),
 * reads its identity, head and the head-file check, and closes it. Opening a database that has no
 * event tables yet creates them, as the first start on it would. Runs off the FX thread.
 */
public final class StoreProbe {

    /** What the probe found; {@code message} names the store's location, never a password. */
    public record Result(boolean works, String message) {
    }

    private StoreProbe() {
    }

    /**
     * @param open the store the console has open now; a probe of the same store reads it instead
     *             of opening it a second time
     */
    public static Result test(LeviathanHome home, SavedSettings settings, Map<String, String> env,
            EventStore open) {
        StoreSettings store;
        try {
            store = StoreSettings.fromEnvironment(home, SettingsEnvironment.applyStoreOnly(settings, env), null);
        } catch (RuntimeException e) {
            return new Result(false, messageOf(e));
        }
        String where = store.kind().displayName() + " store at " + store.displayLocation();
        StoreDescription current = open.description();
        if (current.kind() == store.kind() && current.location().equals(store.displayLocation())) {
            return new Result(true, describe(where + " (the store open now)", open));
        }
        try (JooqEventStore probed = JooqEventStore.open(store)) {
            return new Result(true, describe(where, probed));
        } catch (RuntimeException e) {
            return new Result(false, messageOf(e));
        }
    }

    private static String describe(String where, EventStore store) {
        ChainHead head = store.head();
        Optional<String> problem = store.quickCheck();
        return "Connection works: " + where + ", " + head.seq() + (head.seq() == 1 ? " event" : " events")
                + problem.map(p -> ". Warning: " + p).orElse("");
    }

    private static String messageOf(RuntimeException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
