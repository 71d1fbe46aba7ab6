package dev.leviathan.console.settings;

import dev.leviathan.engine.settings.SavedSettings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.settings.SavedSettings.Llm;
import dev.leviathan.engine.settings.SavedSettings.SecretSource;
import dev.leviathan.engine.settings.SavedSettings.Store;
import dev.leviathan.engine.settings.SavedSettings.Theme;
import dev.leviathan.console.settings.SettingsCheck.Field;
import dev.leviathan.console.settings.SettingsCheck.Finding;
import dev.leviathan.console.settings.SettingsCheck.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsCheckTest {

    @TempDir
    Path temp;

    private static List<Finding> checkStore(String url, SecretSource password, Map<String, String> env) {
        return SettingsCheck.check(new SavedSettings(new Store.Postgres(url, "", password), Llm.NONE, Theme.LIGHT),
                env);
    }

    @Test
    void refusesAUrlThatIsNotPostgresql() {
        List<Finding> findings = checkStore("postgres://db/leviathan", new SecretSource.None(), Map.of());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo(Field.STORE_URL);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("jdbc:postgresql://HOST:PORT/DATABASE");
        });
    }

    @Test
    void refusesAUrlThatCarriesAPassword() {
        List<Finding> findings = checkStore("jdbc:postgresql://db/leviathan?user=a&password=hunter2",
                new SecretSource.None(), Map.of());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("carries a password").doesNotContain("hunter2");
        });
    }

    @Test
    void refusesAUrlWithoutDatabase() {
        assertThat(checkStore("jdbc:postgresql://db:5432", new SecretSource.None(), Map.of()))
                .extracting(Finding::message).singleElement().asString().contains("no database");
    }

    @Test
    void reportsAVariableAsSetWithoutItsValue() {
        List<Finding> findings = checkStore("jdbc:postgresql://db/leviathan",
                new SecretSource.EnvironmentVariable("PG_PW"), Map.of("PG_PW", "hunter2"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("PG_PW is set").doesNotContain("hunter2");
        });
    }

    @Test
    void warnsOfAVariableThatIsNotSet() {
        assertThat(checkStore("jdbc:postgresql://db/leviathan", new SecretSource.EnvironmentVariable("PG_PW"),
                Map.of())).extracting(Finding::severity).containsExactly(Severity.WARNING);
    }

    @Test
    void refusesAFileThatDoesNotExist() {
        String missing = temp.resolve("nope").toString();
        assertThat(checkStore("jdbc:postgresql://db/leviathan", new SecretSource.File(missing), Map.of()))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ERROR);
                    assertThat(f.message()).contains(missing, "does not exist");
                });
    }

    @Test
    void acceptsAnEndpointWhoseKeyFileIsReadable() throws Exception {
        Path key = Files.writeString(temp.resolve("key"), "sk-local\n");
        List<Finding> findings = SettingsCheck.check(new SavedSettings(new Store.Embedded(),
                new Llm("http://127.0.0.1:11434/v1", "llama3", new SecretSource.File(key.toString())), Theme.LIGHT),
                Map.of());
        assertThat(SettingsCheck.hasErrors(findings)).isFalse();
        assertThat(findings).extracting(Finding::message).noneMatch(m -> m.contains("sk-local"));
    }

    @Test
    void refusesAKeyFileWithMoreThanOneLineAsTheEngineWould() throws Exception {
        Path key = Files.writeString(temp.resolve("key"), "sk-one\nsk-two\n");
        List<Finding> findings = SettingsCheck.check(new SavedSettings(new Store.Embedded(),
                new Llm("http://127.0.0.1:11434/v1", "llama3", new SecretSource.File(key.toString())), Theme.LIGHT),
                Map.of());
        assertThat(findings).filteredOn(f -> f.field() == Field.LLM).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("more than one line").doesNotContain("sk-one"));
    }

    @Test
    void refusesAnEndpointWithoutModelOrKey() {
        List<Finding> findings = SettingsCheck.check(new SavedSettings(new Store.Embedded(),
                new Llm("ftp://models", "", new SecretSource.None()), Theme.LIGHT), Map.of());
        assertThat(findings).extracting(Finding::field).containsExactly(Field.LLM_BASE_URL, Field.LLM_MODEL,
                Field.LLM_KEY);
    }
}
