package dev.leviathan.engine.target;

import static dev.leviathan.engine.target.Fixtures.assertProblem;
import static dev.leviathan.engine.target.Fixtures.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutonomyConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsHaveAutonomyDisabled() {
        assertThat(AutonomyConfig.defaults().autonomyEnabled()).isFalse();
    }

    @Test
    void aMissingFileMeansDefaultsWithAutonomyDisabled() {
        AutonomyConfig config = TargetFiles.loadAutonomyConfig(dir.resolve("dev.yaml"));

        assertThat(config.autonomyEnabled()).isFalse();
        assertThat(only(config.warnings()).message()).isEqualTo("file not found; autonomy stays disabled");
    }

    @Test
    void aFileWithoutTheSwitchLeavesAutonomyDisabled() {
        AutonomyConfig config = TargetFiles.loadAutonomyConfig("dev.yaml", "target_id: radix\nmax_open_prs: 1\n");

        assertThat(config.autonomyEnabled()).isFalse();
    }

    @Test
    void loadsThePythonLeviathanDevConfig() {
        AutonomyConfig config = TargetFiles.loadAutonomyConfig(Fixtures.path(Fixtures.PYTHON + "ops/autonomy/dev.yaml"));

        assertThat(config.autonomyEnabled()).isTrue();
        assertThat(config.targetId()).contains("radix");
        assertThat(config.targetRepoUrl()).contains("https://github.com/example/radix.git");
        assertThat(config.targetBranch()).isEqualTo("main");
        assertThat(config.allowedPathPrefixes()).extracting(AllowedPath::value).containsExactly(".leviathan/", "docs/");
        assertThat(config.maxOpenPrs()).isEqualTo(1);
        assertThat(config.maxRunningAttempts()).isEqualTo(1);
        assertThat(config.maxAttemptsPerTask()).isEqualTo(2);
        assertThat(config.circuitBreakerFailures()).isEqualTo(2);
        assertThat(config.scheduleCron()).contains("*/5 * * * *");
        assertThat(config.attemptTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.controlPlaneUrl()).contains(URI.create("http://leviathan-control-plane:8000"));
        assertThat(config.workerImage()).contains("leviathan-worker:0.4.0");
        assertThat(config.workerNamespace()).isEqualTo("leviathan");
        assertThat(config.workspaceDir()).isEqualTo("/workspace");
    }

    @Test
    void fillsInLeviathansOwnLimitsWithDefaults() {
        AutonomyConfig config = TargetFiles.loadAutonomyConfig(Fixtures.path(Fixtures.PYTHON + "ops/autonomy/dev.yaml"));

        assertThat(config.maxPrsPerHour()).isEqualTo(AutonomyConfig.DEFAULT_MAX_PRS_PER_HOUR);
        assertThat(config.backoff()).isEqualTo(AutonomyConfig.DEFAULT_BACKOFF);
        assertThat(config.scheduleInterval()).isEqualTo(AutonomyConfig.DEFAULT_SCHEDULE_INTERVAL);
    }

    @Test
    void readsLeviathansOwnLimits() {
        AutonomyConfig config = TargetFiles.loadAutonomyConfig("dev.yaml",
                "max_prs_per_hour: 4\nbackoff_seconds: 30\nschedule_interval_seconds: 60\n");

        assertThat(config.maxPrsPerHour()).isEqualTo(4);
        assertThat(config.backoff()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.scheduleInterval()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void allowsATaskPathInsideAPrefix() {
        AutonomyConfig config = TargetFiles.loadAutonomyConfig("dev.yaml", "allowed_path_prefixes: [docs/]\n");

        assertThat(config.allows(new AllowedPath("docs/FAQ.md"))).isTrue();
        assertThat(config.allows(new AllowedPath("docs2/FAQ.md"))).isFalse();
    }

    @Test
    void rejectsAnImageWithoutTag() {
        Problem problem = only(TargetFiles.validateAutonomyConfig("dev.yaml",
                "worker_image: registry.local:5000/leviathan-worker\n"));

        assertThat(problem.message()).endsWith("has no tag");
        assertThat(problem.hint()).contains("registry.local:5000/leviathan-worker:0.1.0");
    }

    @Test
    void acceptsAnImagePinnedByDigest() {
        AutonomyConfig config = TargetFiles.loadAutonomyConfig("dev.yaml", "worker_image: w@sha256:abc\n");

        assertThat(config.workerImage()).contains("w@sha256:abc");
    }

    @Test
    void rejectsAControlPlaneUrlThatIsNotHttp() {
        Problem problem = only(TargetFiles.validateAutonomyConfig("dev.yaml", "control_plane_url: cp:8000\n"));

        assertProblem(problem, 1, 20, "control_plane_url", "http://");
    }

    @Test
    void rejectsZeroForALimit() {
        Problem problem = only(TargetFiles.validateAutonomyConfig("dev.yaml", "max_open_prs: 0\n"));

        assertProblem(problem, 1, 15, "max_open_prs", "from 1 to");
    }

    @Test
    void rejectsAPrefixThatLeavesTheRepository() {
        Problem problem = only(TargetFiles.validateAutonomyConfig("dev.yaml", "allowed_path_prefixes: [../]\n"));

        assertThat(problem.fieldPath()).isEqualTo("allowed_path_prefixes[0]");
    }

    @Test
    void rejectsEnabledWrittenAsYes() {
        Problem problem = only(TargetFiles.validateAutonomyConfig("dev.yaml", "autonomy_enabled: yes\n"));

        assertProblem(problem, 1, 19, "autonomy_enabled", "use true or false");
    }
}
