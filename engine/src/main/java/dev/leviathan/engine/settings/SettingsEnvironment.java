package dev.leviathan.engine.settings;

import dev.leviathan.engine.settings.SavedSettings.Llm;
import dev.leviathan.engine.settings.SavedSettings.SecretSource;
import dev.leviathan.engine.settings.SavedSettings.Store;
import dev.leviathan.engine.event.StoreSettings;
import dev.leviathan.engine.execute.llm.LlmSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How saved settings meet the environment. The engine reads the store and the llm endpoint from
 * environment variables; the console and {@code leviathanctl} fill in those variables from the
 * saved settings where the environment leaves them unset, so a variable that is set always wins
 * (and {@code --store} wins over both).
 * The store is the environment's as soon as {@code LEVIATHAN_STORE_URL} is set; the llm endpoint
 * as soon as any of {@code LEVIATHAN_LLM_BASE_URL}, {@code _MODEL}, {@code _API_KEY},
 * {@code _API_KEY_FILE} is.
 */
public final class SettingsEnvironment {

    public static final List<String> LLM_VARIABLES = List.of(LlmSettings.BASE_URL_ENV, LlmSettings.MODEL_ENV,
            LlmSettings.API_KEY_ENV, LlmSettings.API_KEY_FILE_ENV);

    private SettingsEnvironment() {
    }

    /** Whether the environment chooses the store, so the saved one is not used. */
    public static boolean storeFromEnvironment(Map<String, String> env) {
        return isSet(env, StoreSettings.URL_ENV);
    }

    /** The llm variables the environment sets (names only); if any, the saved endpoint is not used. */
    public static List<String> llmVariablesSet(Map<String, String> env) {
        return LLM_VARIABLES.stream().filter(name -> isSet(env, name)).toList();
    }

    /**
     * The environment the engine opens with: {@code env} plus the saved store and endpoint where
     * {@code env} does not set its own. A password or key named by a variable is copied under the
     * engine's own name in this in-memory map only (workers inherit it, as they would the
     * engine's variable); one in a file is passed as the file's path.
     */
    public static Map<String, String> apply(SavedSettings settings, Map<String, String> env) {
        Map<String, String> applied = new HashMap<>(env);
        if (!storeFromEnvironment(env) && settings.store() instanceof Store.Postgres pg) {
            applied.put(StoreSettings.URL_ENV, pg.url());
            if (!pg.user().isEmpty()) {
                applied.put(StoreSettings.USER_ENV, pg.user());
            }
            secret(applied, env, pg.password(), StoreSettings.PASSWORD_ENV, StoreSettings.PASSWORD_FILE_ENV);
        }
        Llm llm = settings.llm();
        if (llmVariablesSet(env).isEmpty() && llm.configured()) {
            if (!llm.baseUrl().isEmpty()) {
                applied.put(LlmSettings.BASE_URL_ENV, llm.baseUrl());
            }
            if (!llm.model().isEmpty()) {
                applied.put(LlmSettings.MODEL_ENV, llm.model());
            }
            secret(applied, env, llm.key(), LlmSettings.API_KEY_ENV, LlmSettings.API_KEY_FILE_ENV);
        }
        return applied;
    }

    /** The environment with the store chosen by {@code settings}, whatever the environment sets. */
    public static Map<String, String> applyStoreOnly(SavedSettings settings, Map<String, String> env) {
        Map<String, String> withoutStore = new HashMap<>(env);
        withoutStore.remove(StoreSettings.URL_ENV);
        return apply(new SavedSettings(settings.store(), Llm.NONE, settings.theme()), withoutStore);
    }

    private static void secret(Map<String, String> applied, Map<String, String> env, SecretSource source,
            String valueName, String fileName) {
        switch (source) {
            case SecretSource.None none -> {
                // The environment's own variable, if any, still applies.
            }
            case SecretSource.EnvironmentVariable variable -> {
                applied.remove(fileName);
                String value = env.get(variable.name());
                if (value != null) {
                    applied.put(valueName, value);
                } else {
                    applied.remove(valueName);
                }
            }
            case SecretSource.File file -> {
                applied.remove(valueName);
                applied.put(fileName, file.path());
            }
        }
    }

    public static boolean isSet(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }
}
