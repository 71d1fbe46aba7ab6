package dev.leviathan.engine.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leviathan.engine.settings.SavedSettings.Llm;
import dev.leviathan.engine.settings.SavedSettings.SecretSource;
import dev.leviathan.engine.settings.SavedSettings.Store;
import dev.leviathan.engine.settings.SavedSettings.Theme;
import dev.leviathan.engine.config.LeviathanHome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedSettingsFileTest {

    @TempDir
    Path temp;

    @Test
    void aMissingFileIsTheDefaults() {
        assertThat(SavedSettingsFile.read(new LeviathanHome(temp))).isEqualTo(SavedSettings.DEFAULT);
    }

    @Test
    void whatIsWrittenIsReadBack() {
        LeviathanHome home = new LeviathanHome(temp.resolve("home"));
        SavedSettings settings = new SavedSettings(
                new Store.Postgres("jdbc:postgresql://db:5432/leviathan", "lev",
                        new SecretSource.File("/run/secrets/pg")),
                new Llm("http://127.0.0.1:11434/v1", "llama3", new SecretSource.EnvironmentVariable("OLLAMA_KEY")),
                Theme.DARK);
        SavedSettingsFile.write(home, settings);
        assertThat(SavedSettingsFile.read(home)).isEqualTo(settings);
    }

    @Test
    void namesTheVariableAndTheFileButHoldsNoSecret() throws Exception {
        LeviathanHome home = new LeviathanHome(temp);
        SavedSettingsFile.write(home, new SavedSettings(
                new Store.Postgres("jdbc:postgresql://db/leviathan", "", new SecretSource.EnvironmentVariable("PG_PW")),
                new Llm("https://api.example/v1", "m", new SecretSource.File("/keys/llm")), Theme.LIGHT));
        String text = Files.readString(SavedSettingsFile.path(home));
        assertThat(text).contains("store.password.env=PG_PW", "llm.key.file=/keys/llm")
                .doesNotContain("password=", "api_key");
    }

    @Test
    void switchingTheThemeKeepsTheRest() {
        LeviathanHome home = new LeviathanHome(temp);
        SavedSettings saved = new SavedSettings(new Store.Embedded(),
                new Llm("https://api.example/v1", "m", new SecretSource.EnvironmentVariable("K")), Theme.LIGHT);
        SavedSettingsFile.write(home, saved);
        SavedSettingsFile.writeTheme(home, Theme.DARK);
        assertThat(SavedSettingsFile.read(home)).isEqualTo(saved.withTheme(Theme.DARK));
    }

    @Test
    void anUnknownStoreKindNamesTheFileAndTheKey() throws Exception {
        LeviathanHome home = new LeviathanHome(temp);
        Files.writeString(SavedSettingsFile.path(home), "store.kind=oracle\n");
        assertThatThrownBy(() -> SavedSettingsFile.read(home)).isInstanceOf(SettingsFileException.class)
                .hasMessageContaining(SavedSettingsFile.FILE_NAME).hasMessageContaining("store.kind")
                .hasMessageContaining("oracle");
    }
}
