package dev.leviathan.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.settings.SavedSettings;
import dev.leviathan.engine.settings.SavedSettings.Llm;
import dev.leviathan.engine.settings.SavedSettings.SecretSource;
import dev.leviathan.engine.settings.SavedSettings.Store;
import dev.leviathan.engine.settings.SavedSettings.Theme;
import dev.leviathan.engine.settings.SavedSettingsFile;
import dev.leviathan.engine.testkit.TestPostgres;
import dev.leviathan.engine.testkit.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** leviathanctl opens the store the console's Settings saved, so the two see the same events. */
class SavedSettingsCommandTest {

    @TempDir
    Path dir;

    @Test
    void aTargetRegisteredByLeviathanctlLandsInThePostgresStoreTheConsoleSaved() {
        String url = TestPostgres.freshSchemaUrl();
        LeviathanHome home = new LeviathanHome(dir.resolve("home"));
        SavedSettingsFile.write(home, new SavedSettings(new Store.Postgres(url, "", new SecretSource.None()),
                Llm.NONE, Theme.DARK));
        try (TestRepo repo = TestRepo.init(dir.resolve("demo-service"))) {
            repo.file("README.md", "# Demo\n").commit("initial");

            CliRun add = CliRun.run(home.root(), "targets", "add", repo.dir().toString());
            CliRun inPostgres = CliRun.run(home.root(), Map.of("LEVIATHAN_STORE_URL", url), "targets", "list");
            CliRun elsewhere = CliRun.run(home.root(), "targets", "list", "--store",
                    "jdbc:h2:file:" + dir.resolve("other/leviathan"));

            assertThat(add.exitCode()).as(add.err()).isZero();
            assertThat(inPostgres.out()).contains("demo-service");
            assertThat(home.storeDir().resolve("leviathan.mv.db")).doesNotExist();
            assertThat(elsewhere.exitCode()).as(elsewhere.err()).isZero();
            assertThat(elsewhere.out()).doesNotContain("demo-service");
        }
    }

    @Test
    void aSettingsFileThatCannotBeUsedIsNamedWithItsKeyAndNothingOpens() throws Exception {
        LeviathanHome home = new LeviathanHome(dir.resolve("home"));
        Path file = SavedSettingsFile.path(home);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "store.kind=mysql\n");

        CliRun list = CliRun.run(home.root(), "targets", "list");

        assertThat(list.exitCode()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(list.err()).contains(file.toString()).contains("store.kind must be h2 or postgresql, not mysql")
                .doesNotContain("Exception");
        assertThat(home.storeDir().resolve("leviathan.mv.db")).doesNotExist();
    }
}
