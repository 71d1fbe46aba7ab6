package dev.leviathan.engine.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.settings.SavedSettings.Llm;
import dev.leviathan.engine.settings.SavedSettings.SecretSource;
import dev.leviathan.engine.settings.SavedSettings.Store;
import dev.leviathan.engine.settings.SavedSettings.Theme;
import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.event.StoreKind;
import dev.leviathan.engine.event.StoreSettings;
import dev.leviathan.engine.execute.llm.LlmSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsEnvironmentTest {

    private static final SavedSettings SAVED = new SavedSettings(
            new Store.Postgres("jdbc:postgresql://db:5432/leviathan", "lev",
                    new SecretSource.EnvironmentVariable("PG_PW")),
            new Llm("http://127.0.0.1:11434/v1", "llama3", new SecretSource.File("/keys/llm")), Theme.LIGHT);

    @Test
    void theSavedStoreAndEndpointApplyWhenTheEnvironmentSetsNone() {
        Map<String, String> applied = SettingsEnvironment.apply(SAVED, Map.of("PG_PW", "hunter2"));
        StoreSettings store = StoreSettings.fromEnvironment(new LeviathanHome(Path.of("/tmp/h")), applied, null);
        assertThat(store.kind()).isEqualTo(StoreKind.POSTGRESQL);
        assertThat(store.user()).isEqualTo("lev");
        assertThat(store.password()).map(s -> s.reveal()).contains("hunter2");
        assertThat(applied).containsEntry(LlmSettings.BASE_URL_ENV, "http://127.0.0.1:11434/v1")
                .containsEntry(LlmSettings.MODEL_ENV, "llama3")
                .containsEntry(LlmSettings.API_KEY_FILE_ENV, "/keys/llm");
    }

    @Test
    void aStoreUrlInTheEnvironmentWins() {
        Map<String, String> env = Map.of(StoreSettings.URL_ENV, "jdbc:postgresql://other/db");
        Map<String, String> applied = SettingsEnvironment.apply(SAVED, env);
        assertThat(applied).containsEntry(StoreSettings.URL_ENV, "jdbc:postgresql://other/db")
                .doesNotContainKey(StoreSettings.USER_ENV);
        assertThat(SettingsEnvironment.storeFromEnvironment(env)).isTrue();
    }

    @Test
    void anyLlmVariableInTheEnvironmentKeepsTheSavedEndpointOut() {
        Map<String, String> env = Map.of(LlmSettings.MODEL_ENV, "gpt-4o-mini");
        Map<String, String> applied = SettingsEnvironment.apply(SAVED, env);
        assertThat(applied).containsEntry(LlmSettings.MODEL_ENV, "gpt-4o-mini")
                .doesNotContainKeys(LlmSettings.BASE_URL_ENV, LlmSettings.API_KEY_FILE_ENV);
        assertThat(SettingsEnvironment.llmVariablesSet(env)).containsExactly(LlmSettings.MODEL_ENV);
    }

    @Test
    void theEmbeddedStoreLeavesTheEnvironmentAsItIs() {
        Map<String, String> env = Map.of("HOME", "/home/ada");
        assertThat(SettingsEnvironment.apply(SavedSettings.DEFAULT, env)).isEqualTo(env);
    }
}
