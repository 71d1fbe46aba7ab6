package dev.leviathan.engine.cli;

import dev.leviathan.engine.Engine;
import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.event.StoreSettings;
import dev.leviathan.engine.settings.SavedSettingsFile;
import dev.leviathan.engine.settings.SettingsEnvironment;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What commands share: the environment, the output streams, and the engine, opened on first use
 * so commands that need no store (validating a file) never touch one.
 */
final class Cli implements AutoCloseable {

    final Map<String, String> env;
    final Output output;
    final Clock clock;
    private Engine engine;

    Cli(Map<String, String> env, Output output, Clock clock) {
        this.env = env;
        this.output = output;
        this.clock = clock;
    }

    LeviathanHome home(GlobalOptions options) {
        return options.home != null ? new LeviathanHome(Path.of(options.home)) : LeviathanHome.fromEnvironment(env);
    }

    StoreSettings storeSettings(GlobalOptions options) {
        return StoreSettings.fromEnvironment(home(options), engineEnvironment(options), options.store);
    }

    /**
     * The environment with the store and llm endpoint the console's Settings saved in the data
     * directory filled in where the environment leaves them unset: the two open the same store.
     */
    Map<String, String> engineEnvironment(GlobalOptions options) {
        return SettingsEnvironment.apply(SavedSettingsFile.read(home(options)), env);
    }

    Engine engine(GlobalOptions options) {
        return engine(options, true);
    }

    /**
     * The engine, opened on first use. Unless the command checks the store itself, opening it
     * compares the store with its head file and warns on stderr when they disagree.
     */
    Engine engine(GlobalOptions options, boolean warnIfStoreDisagrees) {
        if (engine == null) {
            LeviathanHome home = home(options);
            engine = Engine.open(home, storeSettings(options), clock, engineEnvironment(options));
            if (warnIfStoreDisagrees) {
                engine.store().quickCheck().ifPresent(problem -> output.error("leviathanctl: warning: " + problem
                        + "; run: leviathanctl events verify"));
            }
        }
        return engine;
    }

    String operator() {
        String user = env.getOrDefault("LEVIATHAN_OPERATOR", System.getProperty("user.name"));
        return user == null || user.isBlank() ? "operator" : user;
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
    }
}
