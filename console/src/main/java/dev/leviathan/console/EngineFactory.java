package dev.leviathan.console;

import dev.leviathan.engine.settings.SavedSettingsFile;
import dev.leviathan.engine.settings.SettingsEnvironment;
import dev.leviathan.engine.Engine;
import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.event.StoreSettings;
import java.time.Clock;
import java.util.Map;

/**
 * Which engine the console opens: a data directory, a store, and the environment the engine gets.
 * The console resolves it off the FX thread (reading the settings file or a password file may be
 * slow or fail) and opens it there too.
 *
 * @param env what the engine reads its llm endpoint and git tokens from, and passes to workers
 */
public record EngineFactory(LeviathanHome home, StoreSettings settings, Clock clock, Map<String, String> env) {

    public EngineFactory {
        env = Map.copyOf(env);
    }

    /** With the process environment. */
    public EngineFactory(LeviathanHome home, StoreSettings settings, Clock clock) {
        this(home, settings, clock, System.getenv());
    }

    /**
     * {@code LEVIATHAN_HOME} (default {@code ~/.leviathan}); the store and llm endpoint saved in its
     * {@code console-settings.properties}, unless the environment sets its own
     * ({@code LEVIATHAN_STORE_URL}, {@code LEVIATHAN_LLM_*}), which wins.
     */
    public static EngineFactory fromEnvironment(Map<String, String> env) {
        return fromSettings(LeviathanHome.fromEnvironment(env), env);
    }

    /** The store and llm endpoint saved in {@code home}'s settings file, the environment winning. */
    public static EngineFactory fromSettings(LeviathanHome home, Map<String, String> env) {
        Map<String, String> applied = SettingsEnvironment.apply(SavedSettingsFile.read(home), env);
        return new EngineFactory(home, StoreSettings.fromEnvironment(home, applied, null), Clock.systemUTC(),
                applied);
    }

    /** The embedded H2 store of {@code home}; what tests use with a temporary directory. */
    public static EngineFactory embedded(LeviathanHome home) {
        return new EngineFactory(home, StoreSettings.embedded(home), Clock.systemUTC());
    }

    /** e.g. "H2 store at /home/ada/.leviathan/store/leviathan.mv.db"; never shows a password. */
    public String describe() {
        return settings.kind().displayName() + " store at " + settings.displayLocation();
    }

    public Engine open() {
        return Engine.open(home, settings, clock, env);
    }
}
