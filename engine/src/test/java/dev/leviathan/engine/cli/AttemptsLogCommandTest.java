package dev.leviathan.engine.cli;

import static dev.leviathan.engine.testkit.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.Engine;
import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.event.StoreSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttemptsLogCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsTheLogOfAnAttemptAndFollowsItToItsEnd() throws Exception {
        LeviathanHome home = new LeviathanHome(dir);
        try (Engine engine = Engine.open(home, StoreSettings.embedded(home), Clock.systemUTC(), Map.of())) {
            engine.store().append(event("attempt.created:a1", "attempt.created", "shop", "attempt_id", "a1"));
            engine.store().append(event("attempt.failed:a1", "attempt.failed", "shop", "attempt_id", "a1"));
        }
        Files.createDirectories(home.attemptLogFile("a1").getParent());
        Files.writeString(home.attemptLogFile("a1"), "$ make docs\nexit 2\n");

        CliRun plain = CliRun.run(dir, "attempts", "log", "a1");
        CliRun followed = CliRun.run(dir, "attempts", "log", "--follow", "a1");
        CliRun unknown = CliRun.run(dir, "attempts", "log", "nope");

        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(plain.out()).isEqualTo("$ make docs\nexit 2\n");
        assertThat(followed.exitCode()).as("an ended attempt stops the follow").isZero();
        assertThat(followed.out()).isEqualTo(plain.out());
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(unknown.err()).contains("no attempt 'nope' was created; see: leviathanctl attempts list");
    }
}
