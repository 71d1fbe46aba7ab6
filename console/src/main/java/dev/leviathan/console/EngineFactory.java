package dev.leviathan.console;

import dev.leviathan.engine.Engine;
import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.event.StoreSettings;
import java.time.Clock;
import java.util.Map;

/**
 * Which engine the console opens: a data directory and a store. The console resolves it off the
 * FX thread (reading a password file may be slow or fail) and opens it there too.
 */
public record EngineFactory(LeviathanHome home, StoreSettings settings, Clock clock) {

    /** {@code LEVIATHAN_HOME} (default {@code ~/.leviathan}) and {@code LEVIATHAN_STORE_URL} (default H2). */
    public static EngineFactory fromEnvironment(Map<String, String> env) {
        LeviathanHome home = LeviathanHome.fromEnvironment(env);
        return new EngineFactory(home, StoreSettings.fromEnvironment(home, env, null), Clock.systemUTC());
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
        return Engine.open(home, settings, clock);
    }
}
