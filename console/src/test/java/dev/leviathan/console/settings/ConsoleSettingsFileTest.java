package dev.leviathan.console.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leviathan.console.settings.ConsoleSettings.Llm;
import dev.leviathan.console.settings.ConsoleSettings.SecretSource;
import dev.leviathan.console.settings.ConsoleSettings.Store;
import dev.leviathan.console.settings.ConsoleSettings.Theme;
import dev.leviathan.engine.config.LeviathanHome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleSettingsFileTest {

    @TempDir
    Path temp;

    @Test
    void aMissingFileIsTheDefaults() {
        assertThat(ConsoleSettingsFile.read(new LeviathanHome(temp))).isEqualTo(ConsoleSettings.DEFAULT);
    }

    @Test
    void whatIsWrittenIsReadBack() {
        LeviathanHome home = new LeviathanHome(temp.resolve("home"));
        ConsoleSettings settings = new ConsoleSettings(
                new Store.Postgres("jdbc:postgresql://db:5432/leviathan", "lev",
                        new SecretSource.File("/run/secrets/pg")),
                new Llm("http://127.0.0.1:11434/v1", "llama3", new SecretSource.EnvironmentVariable("OLLAMA_KEY")),
                Theme.DARK);
        ConsoleSettingsFile.write(home, settings);
        assertThat(ConsoleSettingsFile.read(home)).isEqualTo(settings);
    }

    @Test
    void namesTheVariableAndTheFileButHoldsNoSecret() throws Exception {
        LeviathanHome home = new LeviathanHome(temp);
        ConsoleSettingsFile.write(home, new ConsoleSettings(
                new Store.Postgres("jdbc:postgresql://db/leviathan", "", new SecretSource.EnvironmentVariable("PG_PW")),
                new Llm("https://api.example/v1", "m", new SecretSource.File("/keys/llm")), Theme.LIGHT));
        String text = Files.readString(ConsoleSettingsFile.path(home));
        assertThat(text).contains("store.password.env=PG_PW", "llm.key.file=/keys/llm")
                .doesNotContain("password=", "api_key");
    }

    @Test
    void switchingTheThemeKeepsTheRest() {
        LeviathanHome home = new LeviathanHome(temp);
        ConsoleSettings saved = new ConsoleSettings(new Store.Embedded(),
                new Llm("https://api.example/v1", "m", new SecretSource.EnvironmentVariable("K")), Theme.LIGHT);
        ConsoleSettingsFile.write(home, saved);
        ConsoleSettingsFile.writeTheme(home, Theme.DARK);
        assertThat(ConsoleSettingsFile.read(home)).isEqualTo(saved.withTheme(Theme.DARK));
    }

    @Test
    void anUnknownStoreKindNamesTheFileAndTheKey() throws Exception {
        LeviathanHome home = new LeviathanHome(temp);
        Files.writeString(ConsoleSettingsFile.path(home), "store.kind=oracle\n");
        assertThatThrownBy(() -> ConsoleSettingsFile.read(home)).isInstanceOf(SettingsFileException.class)
                .hasMessageContaining(ConsoleSettingsFile.FILE_NAME).hasMessageContaining("store.kind")
                .hasMessageContaining("oracle");
    }
}
